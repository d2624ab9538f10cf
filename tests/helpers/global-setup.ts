import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/server/db/database.js';
import { migrate } from '../../src/server/db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PostgreSQL: admin connection string and the migrated template each test database copies. */
    pgAdminUrl: string | null;
    pgTemplate: string | null;
    /** PGlite: a tarball of a migrated data directory each test file loads. */
    pgliteDump: string | null;
  }
}

/**
 * Migrates once per run, then each test file starts from a copy: a `CREATE DATABASE … TEMPLATE`
 * on PostgreSQL, a loaded data-directory dump on PGlite. Files never share a database.
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = `rc_tpl_${process.pid}_${Date.now().toString(36)}`;
    const admin = await openDatabase({ url, poolSize: 1 });
    await admin.execScript(`create database ${template}`);
    const templateUrl = new URL(url);
    templateUrl.pathname = `/${template}`;
    const db = await openDatabase({ url: templateUrl.toString(), poolSize: 1 });
    await migrate(db);
    await db.close();
    project.provide('pgAdminUrl', url);
    project.provide('pgTemplate', template);
    project.provide('pgliteDump', null);
    return async () => {
      const leftovers = await admin.db
        .selectFrom('pg_database' as never)
        .select('datname' as never)
        .where('datname' as never, 'like', `rc_t_${process.pid}_%` as never)
        .execute();
      for (const row of leftovers as Array<{ datname: string }>) {
        await admin.execScript(`drop database if exists ${row.datname} with (force)`);
      }
      await admin.execScript(`drop database if exists ${template} with (force)`);
      await admin.close();
    };
  }
  const lite = await openDatabase({ memory: true });
  await migrate(lite);
  const dump = await lite.dump!();
  await lite.close();
  const dir = mkdtempSync(join(tmpdir(), 'ricolloca-test-'));
  const file = join(dir, 'migrated.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgAdminUrl', null);
  project.provide('pgTemplate', null);
  project.provide('pgliteDump', file);
  return () => rmSync(dir, { recursive: true, force: true });
}
