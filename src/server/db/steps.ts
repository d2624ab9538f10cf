import type { Kysely, Transaction } from 'kysely';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { DatabaseKind } from './database.js';
import type { DB } from './schema.js';

/**
 * Long writes (a list of 100,000 workers, the ESCO classification) as a sequence of steps.
 *
 * PostgreSQL ('single-transaction'): every step runs in one transaction; other connections keep
 * reading the previous data until it commits.
 *
 * PGlite ('staged'): one connection serves every request, so a transaction of twenty seconds
 * would hold the whole application. Each step is then a short transaction of its own, with a turn
 * of the event loop after it so that queued requests take the connection (the lock is FIFO). The
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
