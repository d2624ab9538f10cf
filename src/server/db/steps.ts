import type { Kysely, Transaction } from 'kysely';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { DatabaseKind } from './database.js';
import type { DB } from './schema.js';

export { asBackgroundWork } from './pglite-dialect.js';

/**
 * Long writes (a list of 100,000 workers, the ESCO classification) as a sequence of steps.
 *
 * PostgreSQL ('single-transaction'): every step runs in one transaction; other connections keep
 * reading the previous data until it commits.
 *
 * PGlite ('staged'): one connection serves every request, so a transaction of twenty seconds
 * would hold the whole application. Each step is then a short transaction of its own, with a turn
 * of the event loop after it so that queued requests take the connection (run inside
 * `asBackgroundWork`, the steps wait behind every request: pglite-dialect.ts). The
 * caller keeps what it wrote invisible or undoable until a last, short step switches it on; if a
 * step fails, `undo` takes back what the earlier steps wrote. See docs/ARCHITECTURE.md.
 */
export type Step = <T>(fn: (trx: Transaction<DB>) => Promise<T>) => Promise<T>;

export type StepMode = 'single-transaction' | 'staged';

export function defaultStepMode(kind: DatabaseKind): StepMode {
  return kind === 'postgres' ? 'single-transaction' : 'staged';
}

export async function inSteps<T>(
  db: Kysely<DB>,
  mode: StepMode,
  work: (step: Step) => Promise<T>,
  undo: (db: Kysely<DB>) => Promise<void>,
): Promise<T> {
  if (mode === 'single-transaction') return db.transaction().execute((trx) => work((fn) => fn(trx)));
  try {
    return await work(async (fn) => {
      const result = await db.transaction().execute(fn);
      await nextTurn();
      return result;
    });
  } catch (err) {
    await undo(db);
    throw err;
  }
}

/** How long one step of a staged import (its own transaction on PGlite) should last. */
export const STEP_TARGET_MS = 100;

/**
 * Rows per step. One transaction (PostgreSQL): always `rows`. Staged (PGlite, whose statements run
 * on the server's thread and hold its only connection): the size follows what the last step took,
 * aiming at STEP_TARGET_MS, because a row's cost differs tenfold between tables (an ESCO label
 * feeds six indexes, a relation two; a worker three with a trigram index) and with the load of the
 * machine; never more than `rows`.
 */
export function stepSizer(staged: boolean, rows: number) {
  // The first step is small: 500 ESCO labels took 0.9 s at load 8, before anything was known of their cost.
  let size = staged ? Math.min(rows, 100) : rows;
  return {
    size: () => size,
    took(ms: number, written: number) {
      if (!staged || written === 0) return;
      size = Math.max(50, Math.min(rows, Math.round((written * STEP_TARGET_MS) / Math.max(ms, 1))));
    },
  };
}

/**
 * Writes `rows` a part per step, each part as large as the sizer says; `onPart` (awaited) hears
 * the rows done so far. A step is timed from when it holds the connection to its commit: the wait
 * for the connection (behind other requests) is not its cost, the commit is.
 */
export async function writeInSteps<R, E = Transaction<DB>>(
  step: <T>(fn: (executor: E) => Promise<T>) => Promise<T>,
  rows: readonly R[],
  sizer: ReturnType<typeof stepSizer>,
  write: (executor: E, part: readonly R[]) => Promise<unknown>,
  onPart?: (done: number) => Promise<void> | void,
): Promise<void> {
  for (let at = 0; at < rows.length;) {
    const part = rows.slice(at, at + sizer.size());
    const started = await step(async (executor) => {
      const at = performance.now();
      await write(executor, part);
      return at;
    });
    sizer.took(performance.now() - started, part.length);
    at += part.length;
    await onPart?.(at);
  }
}
