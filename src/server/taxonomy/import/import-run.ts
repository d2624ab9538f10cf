import type { Kysely } from 'kysely';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { defaultStepMode, inSteps, type Step, type StepMode } from '../../db/steps.js';

/** Runs one unit of an import's writes inside the import's transaction (or a short one, see below). */
export type ImportStep = Step;

export type ImportMode = StepMode;

/**
 * PostgreSQL: the whole import is one transaction, and other sessions keep reading the previous
 * data until it commits.
 *
 * PGlite: one connection serves every request, so a transaction of a minute would stall the whole
 * application (sign-in included) while ESCO loads in the background. Each step is then a short
 * transaction of its own; the rows it writes belong to a batch in state 'loading', which no query
 * reads, and the last step switches the batches to 'active' in one transaction. If a step fails,
 * `undo` removes what the earlier steps wrote, so the previous data is intact either way.
 * The runner is the database layer's (`src/server/db/steps.ts`), shared with the workers' import.
 */
export function defaultImportMode(database: Database): ImportMode {
  return defaultStepMode(database.kind);
}

export function runImport<T>(
  db: Kysely<DB>,
  mode: ImportMode,
  work: (step: ImportStep) => Promise<T>,
  undo: (db: Kysely<DB>) => Promise<void>,
): Promise<T> {
  return inSteps(db, mode, work, undo);
}

/**
 * Work on the root handle as the staged runner does it (a short transaction, then a turn of the
 * event loop): what the undo of a staged import runs its deletes with, once the runner has failed.
 */
export function shortTransactions(db: Kysely<DB>): ImportStep {
  return async (fn) => {
    const result = await db.transaction().execute(fn);
    await nextTurn();
    return result;
  };
}
