import { Command, Option } from 'commander';
import { buildApp } from '../server/app.js';
import { DEFAULT_HOST } from '../server/config.js';
import { anyStaffAccountExists } from '../server/auth/index.js';
import { anyNetworkExists } from '../server/organisation/index.js';
import { createReadiness } from '../server/http/readiness.js';
import { failInterruptedImports } from '../server/imports/index.js';
import { migrate } from '../server/db/migrate.js';
import { DEMO_PASSWORD, databaseHoldsDemo, demoAccounts, seedDemo } from '../server/demo/index.js';
import { describeDatabase, openConfiguredDatabaseFast } from '../server/runtime.js';
import { createSetupLink, SETUP_PAGE_PATH } from '../server/setup/index.js';
import { configFrom, dataDirOption, databaseUrlOption } from './options.js';

interface ServeOptions {
  port?: string;
  host?: string;
  dataDir?: string;
  databaseUrl?: string;
  /** --demo: true, --no-demo: false, neither: undefined (the default depends on the database). */
  demo?: boolean;
}

export function serveCommand() {
  return new Command('serve')
    .description(
      'migrate the database and serve the web app and API; on PGlite an empty database gets the demo data, ' +
        'elsewhere a one-time first-access link is printed',
    )
    .addOption(new Option('-p, --port <port>', 'port to listen on (env PORT; default 3000)'))
    .addOption(new Option('--host <host>', `address to listen on, e.g. 0.0.0.0 for every interface (env HOST; default ${DEFAULT_HOST})`))
    .addOption(dataDirOption())
    .addOption(databaseUrlOption())
    .option('--demo', 'load the demo data into an empty database (the default only on PGlite outside NODE_ENV=production)')
    .option('--no-demo', 'do not load the demo data into an empty PGlite database')
    .action(async (opts: ServeOptions) => {
      const started = Date.now();
      const config = configFrom(opts);
      // The demo's accounts share a published password: it is loaded into an empty database only on
      // the embedded PGlite of a trial (`npm start`), never on PostgreSQL or in production unless asked.
      const offerDemo = opts.demo ?? (!config.databaseUrl && !config.production);
      // PGlite opens in the background; a new data directory is loaded from the prepared template.
      const { database, fromTemplate } = await openConfiguredDatabaseFast(config, { background: true, template: config.databaseTemplate });
      // Listen first, prepare the database after: the first page is served at once, and until the
      // database is ready the API answers 503 SERVICE_STARTING (the web app says it is starting).
      const readiness = createReadiness();
      const setupLink = createSetupLink();
      let demoMode = false;
      const app = await buildApp({
        database,
        logLevel: config.logLevel,
        trustProxy: config.trustProxy,
        webDir: config.webDir,
        readiness,
        demo: () => demoMode,
        setupLink,
        // Links in appointment messages and calendar feeds: PUBLIC_URL, or this machine as started.
        publicUrl: process.env.PUBLIC_URL || `http://localhost:${config.port}`,
      });
      const shutdown = async (signal: string) => {
        app.log.info({ signal }, 'shutting down');
        await app.close();
        await database.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void shutdown('SIGINT'));
      process.once('SIGTERM', () => void shutdown('SIGTERM'));
      await app.listen({ port: config.port, host: config.host });
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
      console.log(
        [
          '',
          `Ricolloca is listening: http://localhost:${port}  (on ${config.host}, in ${seconds()} s)`,
          `Database: ${describeDatabase(config)}${fromTemplate ? ' (new, from the prepared template)' : ''}`,
          `Preparing the database (migrations, reference data${offerDemo ? ', demo data on a first start' : ''})…`,
        ].join('\n'),
      );

      // How long each preparation step took, printed with the ready line (what a slow start spent its time on).
      const steps: string[] = [];
      let stepStarted = Date.now();
      const step = (name: string) => {
        steps.push(`${name} ${((Date.now() - stepStarted) / 1000).toFixed(1)} s`);
        stepStarted = Date.now();
      };
      let seeded = false;
      let setupToken: string | undefined;
      try {
        readiness.setPhase('opening the database');
        await database.opened;
        step('database opened');
        readiness.setPhase('migrations');
        await migrate(database);
        step('migrations and reference data');
        demoMode = await databaseHoldsDemo(database);
        if (offerDemo && !demoMode && !(await anyNetworkExists(database.db))) {
          // Announced while it loads (one transaction), so the starting sign-in page already knows.
          demoMode = true;
          readiness.setPhase('demo data');
          seeded = (await seedDemo(database)).seeded;
          demoMode = seeded;
          step('demo data');
        }
        if (!demoMode && !(await anyStaffAccountExists(database.db))) setupToken = setupLink.issue();
        const interrupted = await failInterruptedImports(database);
        if (interrupted > 0) app.log.warn({ interrupted }, 'imports interrupted by the last stop were marked failed');
      } catch (err) {
        console.error('The database could not be prepared; Ricolloca stops.', err);
        await app.close();
        await database.close();
        process.exit(1);
      }
      readiness.markReady();
      const lines = [
        `Ricolloca is ready: http://localhost:${port}  (in ${seconds()} s: ${steps.join(', ')})`,
        `API documentation: http://localhost:${port}/api/docs`,
      ];
      if (demoMode) {
        lines.push(seeded ? 'Demo data loaded on this first start.' : 'Demo data already present.');
        lines.push(`Demo sign-in accounts (password for all: ${DEMO_PASSWORD}):`);
        for (const account of demoAccounts()) lines.push(`  ${account.email.padEnd(34)} ${account.roles}`);
      } else if (setupToken) {
        lines.push(
          'No account exists yet. Create the network, its first office and the administrator, once, at:',
          `  http://localhost:${port}${SETUP_PAGE_PATH}#${setupToken}`,
          '(the link works until it is used and only while this process runs; or use `ricolloca create-user --network …`)',
        );
      }
      console.log(lines.join('\n') + '\n');
    });
}
