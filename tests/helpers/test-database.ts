import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/server/db/database.js';

/**
 * A fresh, migrated database of its own for the calling test file; with `demo`, the demo
 * organisation, staff and people are already in it (as seedDemo loads them). Close it in afterAll.
 */
export async function createTestDatabase(options: { demo?: boolean } = {}): Promise<Database> {
  const adminUrl = inject('pgAdminUrl');
  const template = options.demo ? inject('pgDemoTemplate') : inject('pgTemplate');
  if (adminUrl && template) {
    // The global setup's process id names this run's databases so its teardown finds leftovers.
    const runPid = template.split('_')[2];
    const name = `rc_t_${runPid}_${randomBytes(5).toString('hex')}`;
    const admin = await openDatabase({ url: adminUrl, poolSize: 1 });
    await admin.execScript(`create database ${name} template ${template}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ url: url.toString(), poolSize: 20 });
    const close = database.close;
    database.close = async () => {
      await close();
      // pg's pool.end() resolves before its sockets close; a forced drop would then kill live
      // sessions, which report 57P01 as an uncaught error. Wait (briefly) for them to go.
      for (let i = 0; i < 40; i++) {
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where datname = ${name}`.execute(
          admin.db,
        );
        if (rows[0]!.n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await admin.execScript(`drop database if exists ${name} with (force)`);
      await admin.close();
    };
    return database;
  }
  const dumpFile = options.demo ? inject('pgliteDemoDump') : inject('pgliteDump');
  if (!dumpFile) throw new Error('global setup did not prepare a test database');
  return openDatabase({ memory: true, loadDataDir: new Blob([readFileSync(dumpFile)]) });
}

export const onPostgres = () => Boolean(inject('pgAdminUrl'));

/**
 * Fills a new PGlite data directory (`<dir>/pgdata`, where the command line keeps it) with the
 * migrated demo database, as `ricolloca seed-demo` leaves it (cli.e2e runs that command itself),
 * instead of migrating from scratch in a child process: from the run's demo dump on PGlite runs;
 * on PostgreSQL runs (no PGlite dump made) from the prepared template, migrated and seeded here.
 * False when neither is at hand: the caller then seeds through the command.
 */
export async function loadDemoDataDir(dir: string): Promise<boolean> {
  const dataDir = join(dir, 'pgdata');
  const dumpFile = inject('pgliteDemoDump');
  if (dumpFile) {
    const database = await openDatabase({ dataDir, loadDataDir: new Blob([readFileSync(dumpFile)]) });
    await database.opened;
    await database.close();
    return true;
  }
  const { DATABASE_TEMPLATE, databaseTemplateIsUsable } = await import('../../src/server/runtime.js');
  if (!databaseTemplateIsUsable()) return false;
  const { migrate } = await import('../../src/server/db/migrate.js');
  const { seedDemo } = await import('../../src/server/demo/seed-demo.js');
  const database = await openDatabase({ dataDir, loadDataDir: new Blob([readFileSync(DATABASE_TEMPLATE)]) });
  try {
    await migrate(database);
    await seedDemo(database);
  } finally {
    await database.close();
  }
  return true;
}
