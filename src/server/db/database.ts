import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.js';
import { ConnectionLock, PGliteDialect } from './pglite-dialect.js';

export type DatabaseKind = 'pglite' | 'postgres';

/** The one database handle the app is given: a typed query builder plus what migrations need. */
export interface Database {
  kind: DatabaseKind;
  db: Kysely<DB>;
  /** Runs a multi-statement SQL script and the follow-up statement in one transaction. */
  runScriptInTransaction(script: string, after: { sql: string; params: unknown[] }): Promise<void>;
  /** Runs a multi-statement SQL script outside any transaction. */
  execScript(script: string): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: the whole data directory as a tarball (tests start each file from a copy). */
  dump?(): Promise<Blob>;
}

export type DatabaseOptions =
  | { url: string; poolSize?: number }
  | { dataDir: string }
  | { memory: true; loadDataDir?: Blob };

// Both drivers return the same JavaScript values: counts and bigint ids as numbers,
// SQL dates as 'YYYY-MM-DD' strings (never a Date at local midnight), timestamps as Date.
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const toNumber = (v: string) => Number(v);
const keepText = (v: string) => v;

let pgTypesConfigured = false;
function configurePgTypes() {
  if (pgTypesConfigured) return;
  pg.types.setTypeParser(INT8, toNumber);
  pg.types.setTypeParser(NUMERIC, toNumber);
  pg.types.setTypeParser(DATE, keepText);
  pgTypesConfigured = true;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if ('url' in options) return openPostgres(options.url, options.poolSize ?? 20);
  return openPGlite(options);
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  configurePgTypes();
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: '-c TimeZone=UTC' });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'postgres',
    db,
    async runScriptInTransaction(script, after) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        await client.query(script);
        await client.query(after.sql, after.params);
        await client.query('commit');
      } catch (err) {
        await client.query('rollback');
        throw err;
      } finally {
        client.release();
      }
    },
    async execScript(script) {
      await pool.query(script);
    },
    async close() {
      await db.destroy();
    },
  };
}

async function openPGlite(options: { dataDir: string } | { memory: true; loadDataDir?: Blob }): Promise<Database> {
  const dataDir = 'dataDir' in options ? options.dataDir : undefined;
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({
    dataDir,
    loadDataDir: 'loadDataDir' in options ? options.loadDataDir : undefined,
    extensions: { pg_trgm, unaccent },
    parsers: { [INT8]: toNumber, [NUMERIC]: toNumber, [DATE]: keepText },
  });
  await client.exec("set time zone 'UTC'");
  const lock = new ConnectionLock();
  const db = new Kysely<DB>({ dialect: new PGliteDialect(client, lock) });
  return {
    kind: 'pglite',
    db,
    async runScriptInTransaction(script, after) {
      await lock.run(() =>
        client.transaction(async (tx) => {
          await tx.exec(script);
          await tx.query(after.sql, after.params);
        }),
      );
    },
    async execScript(script) {
      await lock.run(() => client.exec(script));
    },
    async close() {
      await lock.run(() => client.close());
    },
    async dump() {
      return lock.run(() => client.dumpDataDir('none'));
    },
  };
}
