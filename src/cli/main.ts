import { Command } from 'commander';
import type { ConfigOverrides } from '../server/config.js';
import { configFrom, dataDirOption, databaseUrlOption } from './options.js';
import { migrate } from '../server/db/migrate.js';
import {
  buildDatabaseTemplate,
  databaseTemplateIsCurrent,
  describeDatabase,
  openConfiguredDatabase,
  openConfiguredDatabaseFast,
} from '../server/runtime.js';
import { seedDemo } from '../server/demo/index.js';
import { APP_VERSION } from '../server/version.js';
import { createUserCommand } from './create-user.command.js';
import { serveCommand } from './serve.command.js';
import { outreachCommand } from './outreach.command.js';
import { importCommand } from './import.command.js';
import { taxonomyCommand } from './taxonomy.command.js';

const program = new Command()
  .name('ricolloca')
  .description('Ricolloca: programmi di ricollocazione dei Centri per l’impiego')
  .version(APP_VERSION);

program
  .command('migrate')
  .description('apply the numbered SQL migrations that are not yet applied')
  .addOption(dataDirOption())
  .addOption(databaseUrlOption())
  .action(async (opts: ConfigOverrides) => {
    const config = configFrom(opts);
    const { database, fromTemplate } = await openConfiguredDatabaseFast(config, { template: true });
    try {
      const report = await migrate(database);
      console.log(`Database: ${describeDatabase(config)}${fromTemplate ? ' (new, from the prepared template)' : ''}`);
      console.log(
        report.applied.length
          ? `Applied: ${report.applied.join(', ')}`
          : `Up to date (${report.alreadyApplied} migrations already applied)`,
      );
    } finally {
      await database.close();
    }
  });

program
  .command('seed-demo')
  .description('load the synthetic demo scenario into an empty database (migrating it first)')
  .addOption(dataDirOption())
  .addOption(databaseUrlOption())
  .action(async (opts: ConfigOverrides) => {
    const config = configFrom(opts);
    const database = await openConfiguredDatabase(config);
    try {
      await migrate(database);
      const result = await seedDemo(database);
      console.log(result.seeded ? 'Demo data loaded.' : 'The database already holds data: nothing loaded.');
    } finally {
      await database.close();
    }
  });

program
  .command('build-template')
  .description('prepare the migrated database with reference data that a new PGlite data directory starts from (run by npm ci)')
  .option('--if-stale', 'only when the migrations or the PGlite version changed since it was built')
  .action(async (opts: { ifStale?: boolean }) => {
    if (opts.ifStale && databaseTemplateIsCurrent()) return;
    const built = await buildDatabaseTemplate();
    console.log(`Database template built: ${(built.bytes / 1e6).toFixed(1)} MB in ${(built.ms / 1000).toFixed(1)} s`);
  });

program.addCommand(createUserCommand());
program.addCommand(serveCommand());
program.addCommand(outreachCommand());
program.addCommand(importCommand());
program.addCommand(taxonomyCommand());

program.parseAsync(process.argv).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
