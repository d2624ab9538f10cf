import type { Kysely, Transaction } from 'kysely';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';

/** Runs one unit of an import's writes inside the import's transaction (or a short one, see below). */
export type ImportStep = <T>(fn: (trx: Transaction<DB>) => Promise<T>) => Promise<T>;

export type ImportMode = 'single-transaction' | 'staged';

/**
 * PostgreSQL: the whole import is one transaction, and other sessions keep reading the previous
 * data until it commits.
 *
 * PGlite: one connection serves every request, so a transaction of a minute would stall the whole
 * application (sign-in included) while ESCO loads in the background. Each step is then a short
 * transaction of its own; the rows it writes belong to a batch in state 'loading', which no query
 * reads, and the last step switches the batches to 'active' in one transaction. If a step fails,
 * `undo` removes what the earlier steps wrote, so the previous data is intact either way.
 */
export function defaultImportMode(database: Database): ImportMode {
  return database.kind === 'postgres' ? 'single-transaction' : 'staged';
}

export async function runImport<T>(
  db: Kysely<DB>,
  mode: ImportMode,
  work: (step: ImportStep) => Promise<T>,
  undo: (db: Kysely<DB>) => Promise<void>,
): Promise<T> {
  if (mode === 'single-transaction') {
    return db.transaction().execute((trx) => work((fn) => fn(trx)));
  }
  try {
    return await work(async (fn) => {
      const result = await db.transaction().execute(fn);
      // Let queued requests have the connection between two steps.
      await nextTurn();
      return result;
    });
  } catch (err) {
    await undo(db);
    throw err;
  }
}
