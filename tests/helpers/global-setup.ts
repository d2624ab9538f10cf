import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase, type Database } from '../../src/server/db/database.js';
import { migrate } from '../../src/server/db/migrate.js';
import { seedDemo } from '../../src/server/demo/seed-demo.js';
import { DATABASE_TEMPLATE, databaseTemplateIsUsable } from '../../src/server/runtime.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PostgreSQL: admin connection string and the migrated templates each test database copies. */
    pgAdminUrl: string | null;
    pgTemplate: string | null;
    /** PostgreSQL: the migrated template with the demo organisation, staff and people loaded. */
    pgDemoTemplate: string | null;
    /** PGlite: a tarball of a migrated data directory each test file loads. */
    pgliteDump: string | null;
    /** PGlite: the same with the demo loaded. */
    pgliteDemoDump: string | null;
  }
}

/**
 * Migrates once per run, then each test file starts from a copy: a `CREATE DATABASE … TEMPLATE`
 * on PostgreSQL, a loaded data-directory dump on PGlite. Files never share a database. A second
 * copy holds the demo (seedDemo once per run instead of once per file: its argon2 hash and its
 * thousands of rows took seconds of every file that starts the app).
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = `rc_tpl_${process.pid}_${Date.now().toString(36)}`;
    const demoTemplate = `${template}_demo`;
    const admin = await openDatabase({ url, poolSize: 1 });
    const urlOf = (name: string) => {
      const u = new URL(url);
      u.pathname = `/${name}`;
      return u.toString();
    };
    await admin.execScript(`create database ${template}`);
    const db = await openDatabase({ url: urlOf(template), poolSize: 1 });
    await migrate(db);
    await db.close();
    await admin.execScript(`create database ${demoTemplate} template ${template}`);
    const demo = await openDatabase({ url: urlOf(demoTemplate), poolSize: 1 });
    await seedDemo(demo);
    await demo.close();
    project.provide('pgAdminUrl', url);
    project.provide('pgTemplate', template);
    project.provide('pgDemoTemplate', demoTemplate);
    project.provide('pgliteDump', null);
    project.provide('pgliteDemoDump', null);
    return async () => {
      const leftovers = await admin.db
        .selectFrom('pg_database' as never)
        .select('datname' as never)
        .where('datname' as never, 'like', `rc_t_${process.pid}_%` as never)
        .execute();
      for (const row of leftovers as Array<{ datname: string }>) {
        await admin.execScript(`drop database if exists ${row.datname} with (force)`);
      }
      await admin.execScript(`drop database if exists ${demoTemplate} with (force)`);
      await admin.execScript(`drop database if exists ${template} with (force)`);
      await admin.close();
    };
  }
  // The prepared template `npm ci` builds (what a first `npm start` loads), then any migration
  // added since: half the bytes of a dump migrated here from scratch (whose recycled WAL segments
  // every file would load again) and no migration run per project. Without a usable template,
  // the migrations run from scratch. Migrating from scratch stays tested on PostgreSQL and by the
  // CLI's own test on a new PGlite data directory.
  const lite = databaseTemplateIsUsable()
    ? await openDatabase({ memory: true, loadDataDir: new Blob([readFileSync(DATABASE_TEMPLATE)]) })
    : await openDatabase({ memory: true });
  const dir = mkdtempSync(join(tmpdir(), 'ricolloca-test-'));
  const write = async (database: Database, name: string) => {
    const file = join(dir, name);
    writeFileSync(file, Buffer.from(await (await database.dump!()).arrayBuffer()));
    return file;
  };
  try {
    await migrate(lite);
    project.provide('pgliteDump', await write(lite, 'migrated.tar'));
    await seedDemo(lite);
    project.provide('pgliteDemoDump', await write(lite, 'demo.tar'));
  } finally {
    await lite.close();
  }
  project.provide('pgAdminUrl', null);
  project.provide('pgTemplate', null);
  project.provide('pgDemoTemplate', null);
  return () => rmSync(dir, { recursive: true, force: true });
}
