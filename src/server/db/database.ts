import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely, PostgresDialect, type PostgresCursor, type PostgresPool, type PostgresPoolClient } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.js';
import { ConnectionLock, PGliteDialect } from './pglite-dialect.js';

export type DatabaseKind = 'pglite' | 'postgres';

/** The one database handle the app is given: a typed query builder plus what migrations need. */
export interface Database {
  kind: DatabaseKind;
  db: Kysely<DB>;
  /** Settles when the database is open (PGlite opened in the background); queries wait for it anyway. */
  opened: Promise<void>;
  /** Runs a multi-statement SQL script and the follow-up statement in one transaction. */
  runScriptInTransaction(script: string, after: { sql: string; params: unknown[] }): Promise<void>;
  /** Runs a multi-statement SQL script outside any transaction. */
  execScript(script: string): Promise<void>;
  /**
   * Subscribes to a NOTIFY channel. `onNotify` receives each payload; `onLive(false)` says
   * notifications may be missed from now on (connection lost, reconnecting), `onLive(true)` that
   * the subscription is in place again. Resolves with a function that ends the subscription.
   */
  listen(channel: string, handlers: NotificationHandlers): Promise<() => Promise<void>>;
  close(): Promise<void>;
  /** PGlite only: the whole data directory as a tarball (tests start each file from a copy). */
  dump?(): Promise<Blob>;
}

export interface NotificationHandlers {
  onNotify(payload: string): void;
  onLive(live: boolean): void;
}

function checkChannelName(channel: string) {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`invalid channel name ${channel}`);
}

export type DatabaseOptions =
  | { url: string; poolSize?: number; preparedStatements?: boolean }
  | { dataDir: string; background?: boolean }
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
  if ('url' in options) return openPostgres(options.url, options.poolSize ?? 20, options.preparedStatements ?? true);
  return openPGlite(options);
}

async function openPostgres(url: string, poolSize: number, preparedStatements: boolean): Promise<Database> {
  configurePgTypes();
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: '-c TimeZone=UTC' });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: preparedStatements ? withStatementCache(pool) : pool }) });
  return {
    kind: 'postgres',
    db,
    opened: Promise.resolve(),
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
    listen: (channel, handlers) => listenOnPostgres(url, channel, handlers),
    async close() {
      await db.destroy();
    },
  };
}

async function openPGlite(options: { dataDir: string; background?: boolean } | { memory: true; loadDataDir?: Blob }): Promise<Database> {
  const dataDir = 'dataDir' in options ? options.dataDir : undefined;
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const unlock = dataDir ? lockDataDirectory(dataDir) : () => undefined;
  const lock = new ConnectionLock();
  let client: PGlite | undefined;
  let openError: unknown;
  // The lock is held until PGlite is open (initialising a new data directory takes seconds), so
  // the database may be handed out at once: every statement waits for the opening to finish.
  const opened = lock.run(async () => {
    try {
      client = await PGlite.create({
        dataDir,
        loadDataDir: 'loadDataDir' in options ? options.loadDataDir : undefined,
        extensions: { btree_gist, pg_trgm, unaccent },
        parsers: { [INT8]: toNumber, [NUMERIC]: toNumber, [DATE]: keepText },
      });
      await client.exec("set time zone 'UTC'");
    } catch (err) {
      openError = err;
      unlock();
      throw err;
    }
  });
  opened.catch(() => undefined);
  const pglite = (): PGlite => {
    if (!client) throw openError ?? new Error('PGlite is not open');
    return client;
  };
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite, lock) });
  const database: Database = {
    kind: 'pglite',
    db,
    opened,
    async runScriptInTransaction(script, after) {
      await lock.run(() =>
        pglite().transaction(async (tx) => {
          await tx.exec(script);
          await tx.query(after.sql, after.params);
        }),
      );
    },
    async execScript(script) {
      await lock.run(() => pglite().exec(script));
    },
    async listen(channel, handlers) {
      checkChannelName(channel);
      // LISTEN runs on PGlite's only session: take the lock so it never lands inside a transaction.
      const unlisten = await lock.run(() => pglite().listen(channel, (payload) => handlers.onNotify(payload)));
      handlers.onLive(true);
      return async () => {
        handlers.onLive(false);
        if (client && !client.closed) await lock.run(() => unlisten());
      };
    },
    async close() {
      await lock.run(async () => {
        if (client && !client.closed) await client.close();
      });
      unlock();
    },
    async dump() {
      return lock.run(() => pglite().dumpDataDir('none'));
    },
  };
  if (!('background' in options && options.background)) await opened;
  return database;
}

const lockedHere = new Set<string>();

/**
 * PGlite has no lock of its own: two processes on one data directory corrupt it. A lock file
 * beside the directory names the process using it; a lock left by a process that is gone is taken
 * over. Released on close and when the process exits.
 */
function lockDataDirectory(dataDir: string): () => void {
  const path = `${dataDir.replace(/[\\/]+$/, '')}.lock`;
  const running = (pid: number) => {
    if (pid === process.pid) return lockedHere.has(path);
    try {
      process.kill(pid, 0);
      return true;
    } catch (err) {
      return (err as NodeJS.ErrnoException).code === 'EPERM';
    }
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isInteger(pid) && pid > 0 && running(pid)) {
        throw new Error(
          `The data directory ${dataDir} is in use by the Ricolloca process ${pid}: stop it first, or choose another DATA_DIR.`,
          { cause: err },
        );
      }
      rmSync(path, { force: true });
      continue;
    }
    lockedHere.add(path);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      lockedHere.delete(path);
      process.off('exit', release);
      try {
        if (readFileSync(path, 'utf8') === String(process.pid)) rmSync(path, { force: true });
      } catch {
        // already gone
      }
    };
    process.on('exit', release);
    return release;
  }
  throw new Error(`Could not lock the data directory ${dataDir}`);
}

/** The comment a query text starts with to be planned with its parameters' values on every run (never prepared). */
export const UNPREPARED = '/* planned with its values */';

/**
 * Named (server-side prepared) statements for the queries this process runs again and again, so
 * PostgreSQL parses and plans each of them once per connection instead of on every request.
 * A query text is prepared from its second run on; one-off texts (bulk inserts of N rows, IN lists
 * of every length) stay unnamed, and the number of named texts is bounded. A text that starts
 * with UNPREPARED (a comment) stays unnamed too: a statement whose best plan depends on its
 * parameters' values (the candidate search: how many comuni, how common the skills), where
 * PostgreSQL's generic plan of a prepared statement was measured up to 9× slower. Turn off with
 * DATABASE_PREPARED_STATEMENTS=false behind a pooler that cannot keep them (PgBouncer before 1.21
 * in transaction mode).
 */
function withStatementCache(pool: pg.Pool, limits = { maxStatements: 1000, maxParameters: 100, maxTextLength: 8000 }): PostgresPool {
  const names = new Map<string, string>();
  let seenOnce = new Set<string>();

  function nameFor(text: string, parameterCount: number): string | undefined {
    const known = names.get(text);
    if (known) return known;
    if (parameterCount > limits.maxParameters || text.length > limits.maxTextLength || names.size >= limits.maxStatements) return undefined;
    if (text.startsWith(UNPREPARED)) return undefined;
    if (!seenOnce.has(text)) {
      if (seenOnce.size >= 10 * limits.maxStatements) seenOnce = new Set();
      seenOnce.add(text);
      return undefined;
    }
    seenOnce.delete(text);
    const name = `ricolloca_${names.size + 1}`;
    names.set(text, name);
    return name;
  }

  return {
    async connect() {
      const client = await pool.connect();
      return {
        query(textOrCursor: string | PostgresCursor<unknown>, parameters?: ReadonlyArray<unknown>) {
          if (typeof textOrCursor !== 'string') return client.query(textOrCursor as never);
          const values = [...(parameters ?? [])];
          const name = nameFor(textOrCursor, values.length);
          return name ? client.query({ name, text: textOrCursor, values }) : client.query(textOrCursor, values);
        },
        release: (destroy?: boolean) => client.release(destroy),
      } as unknown as PostgresPoolClient;
    },
    end: () => pool.end(),
  };
}

/**
 * A dedicated connection (never one of the pool's) holds the LISTEN. When it drops, the subscriber
 * hears onLive(false) at once and the connection is re-opened with backoff.
 */
async function listenOnPostgres(url: string, channel: string, handlers: NotificationHandlers): Promise<() => Promise<void>> {
  checkChannelName(channel);
  let stopped = false;
  let current: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  let delayMs = 200;

  const lost = (client: pg.Client) => {
    if (current !== client) return;
    current = undefined;
    handlers.onLive(false);
    client.end().catch(() => undefined);
    if (stopped) return;
    retry = setTimeout(() => void open(), delayMs);
    retry.unref();
    delayMs = Math.min(delayMs * 2, 10_000);
  };

  const open = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: url, options: '-c TimeZone=UTC', application_name: 'ricolloca-listen' });
    current = client;
    client.on('notification', (message) => {
      if (message.channel === channel) handlers.onNotify(message.payload ?? '');
    });
    client.on('error', () => lost(client));
    client.on('end', () => lost(client));
    try {
      await client.connect();
      await client.query(`listen ${channel}`);
    } catch {
      lost(client);
      return;
    }
    if (stopped || current !== client) {
      await client.end().catch(() => undefined);
      return;
    }
    delayMs = 200;
    handlers.onLive(true);
  };

  await open();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    const client = current;
    current = undefined;
    handlers.onLive(false);
    await client?.end().catch(() => undefined);
  };
}
