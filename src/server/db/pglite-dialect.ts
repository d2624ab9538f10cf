import { AsyncLocalStorage } from 'node:async_hooks';
import type { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';

/**
 * PGlite is a single connection. Kysely acquires a connection per query, or one for the
 * whole of a transaction; a FIFO lock hands the one connection to one user at a time, so a
 * transaction is never interleaved with another caller's statements. Inside a transaction the
 * transaction handle must be used: the outer handle would wait for the lock forever.
 *
 * Background work (an import's steps, run inside `asBackgroundWork`) waits behind every request:
 * it takes the connection only once nobody else has wanted it for BACKGROUND_IDLE_MS, so a
 * request's queries, which follow each other a few milliseconds apart, are not each put behind
 * one of the import's transactions (plain FIFO made a 100,000-row apply hold reads for 48 s: a
 * read of four queries waited four steps, and the queue never drained). A background step that
 * has waited BACKGROUND_MAX_WAIT_MS joins the queue like anyone else, so a busy office cannot stop
 * an import for good.
 */
export const BACKGROUND_IDLE_MS = 5;
export const BACKGROUND_MAX_WAIT_MS = 500;

const backgroundWork = new AsyncLocalStorage<true>();

/** Runs `fn` (and everything it starts) as background work on PGlite's connection; no effect on PostgreSQL. */
export function asBackgroundWork<T>(fn: () => T): T {
  return backgroundWork.run(true, fn);
}

export const isBackgroundWork = () => backgroundWork.getStore() === true;

export class ConnectionLock {
  #held = false;
  #waiting: Array<() => void> = [];
  #background: Array<{ grant: () => void; since: number }> = [];
  #idleSince = 0;
  #timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly idleMs = BACKGROUND_IDLE_MS,
    private readonly maxWaitMs = BACKGROUND_MAX_WAIT_MS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  async acquire(background = false): Promise<void> {
    if (!background) {
      if (!this.#held) {
        this.#held = true;
        return;
      }
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
      return;
    }
    await new Promise<void>((resolve) => {
      this.#background.push({ grant: resolve, since: this.now() });
      this.#schedule();
    });
  }

  release(): void {
    const next = this.#waiting.shift();
    if (next) {
      next();
      return;
    }
    const overdue = this.#background[0];
    if (overdue && this.now() - overdue.since >= this.maxWaitMs) {
      this.#background.shift();
      overdue.grant();
      return;
    }
    this.#held = false;
    this.#idleSince = this.now();
    this.#schedule();
  }

  /** Hands the connection to the first background waiter once it has been idle long enough. */
  #schedule() {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const first = this.#background[0];
    if (!first) return;
    const wait = this.#held ? first.since + this.maxWaitMs - this.now() : this.#idleSince + this.idleMs - this.now();
    this.#timer = setTimeout(() => this.#check(), Math.max(1, wait));
  }

  #check() {
    this.#timer = undefined;
    const first = this.#background[0];
    if (!first) return;
    if (this.#held) {
      // Taken meanwhile: once overdue, the waiter queues like a request; else its release looks again.
      if (this.now() - first.since >= this.maxWaitMs) {
        this.#background.shift();
        this.#waiting.push(first.grant);
      }
      this.#schedule();
      return;
    }
    if (this.now() - this.#idleSince < this.idleMs) {
      this.#schedule();
      return;
    }
    this.#background.shift();
    this.#held = true;
    first.grant();
  }

  async run<T>(fn: () => Promise<T>, background = false): Promise<T> {
    await this.acquire(background);
    try {
      return await fn();
    } finally {
      this.release();
    }
  }
}

class PGliteConnection implements DatabaseConnection {
  constructor(private readonly client: () => PGlite) {}

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.client().query<R>(compiledQuery.sql, [...compiledQuery.parameters]);
    return {
      rows: result.rows,
      numAffectedRows: result.affectedRows === undefined ? undefined : BigInt(result.affectedRows),
    };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming queries are not supported on PGlite');
  }
}

class PGliteDriver implements Driver {
  readonly #connection: PGliteConnection;

  constructor(
    client: () => PGlite,
    private readonly lock: ConnectionLock,
  ) {
    this.#connection = new PGliteConnection(client);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.lock.acquire(isBackgroundWork());
    return this.#connection;
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(): Promise<void> {
    this.lock.release();
  }

  async destroy(): Promise<void> {}
}

export class PGliteDialect implements Dialect {
  /** `client` returns the open PGlite; it is only called with the lock held. */
  constructor(
    private readonly client: () => PGlite,
    private readonly lock: ConnectionLock,
  ) {}

  createAdapter() {
    return new PostgresAdapter();
  }

  createDriver(): Driver {
    return new PGliteDriver(this.client, this.lock);
  }

  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }

  createIntrospector(db: Kysely<any>) {
    return new PostgresIntrospector(db);
  }
}
