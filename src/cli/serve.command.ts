import { Command, Option } from 'commander';
import { buildApp } from '../server/app.js';
import { createReadiness } from '../server/http/readiness.js';
import { failInterruptedImports } from '../server/imports/index.js';
import { migrate } from '../server/db/migrate.js';
import { DEMO_PASSWORD, seedDemo } from '../server/demo/index.js';
import { describeDatabase, openConfiguredDatabase } from '../server/runtime.js';
import { configFrom, dataDirOption, databaseUrlOption } from './options.js';

export function serveCommand() {
  return new Command('serve')
    .description('migrate the database, load the demo data on first start, and serve the web app and API')
    .addOption(new Option('-p, --port <port>', 'port to listen on (env PORT; default 3000)'))
    .addOption(new Option('--host <host>', 'address to listen on (env HOST; default 0.0.0.0)'))
    .addOption(dataDirOption())
    .addOption(databaseUrlOption())
    .option('--no-demo', 'do not load the demo data into an empty database')
    .action(async (opts: { port?: string; host?: string; dataDir?: string; databaseUrl?: string; demo: boolean }) => {
      const started = Date.now();
      const config = configFrom(opts);
      // PGlite opens in the background (a new data directory takes seconds to initialise).
      const database = await openConfiguredDatabase(config, { background: true });
      // Listen first, prepare the database after: the first page is served at once, and until the
      // database is ready the API answers 503 SERVICE_STARTING (the web app says it is starting).
      const readiness = createReadiness();
      const app = await buildApp({
        database,
        logLevel: config.logLevel,
        trustProxy: config.trustProxy,
        webDir: config.webDir,
        readiness,
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
      console.log(
        [
          '',
          `Ricolloca is listening: http://localhost:${port}  (in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
          `Database: ${describeDatabase(config)}`,
          'Preparing the database (migrations, reference data, demo data on a first start)…',
        ].join('\n'),
      );

      let seed: Awaited<ReturnType<typeof seedDemo>> | undefined;
      try {
        readiness.setPhase('opening the database');
        await database.opened;
        readiness.setPhase('migrations');
        await migrate(database);
        if (opts.demo) {
          readiness.setPhase('demo data');
          seed = await seedDemo(database);
        }
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
        `Ricolloca is ready: http://localhost:${port}  (in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
        `API documentation: http://localhost:${port}/api/docs`,
      ];
      if (seed) {
        lines.push(seed.seeded ? 'Demo data loaded on this first start.' : 'Demo data already present.');
        lines.push(`Demo sign-in accounts (password for all: ${DEMO_PASSWORD}):`);
        for (const account of seed.accounts) lines.push(`  ${account.email.padEnd(34)} ${account.roles}`);
      }
      console.log(lines.join('\n') + '\n');
    });
}
