import type { Database } from '../db/database.js';
import { undoApply } from './import-apply.js';
import { createImportsRepository } from './imports.repository.js';

/** A job whose progress has not moved for this long, on PostgreSQL, belongs to no running server. */
export const ORPHANED_AFTER_MS = 10 * 60_000;

export const INTERRUPTED_MESSAGE =
  'Elaborazione interrotta: il server si è fermato mentre la eseguiva. Nessun dato è stato applicato; avviare di nuovo la verifica.';

/**
 * Imports run inside the server process. If it stops mid-way (crash, restart, power cut), the
 * apply transaction rolls back (PostgreSQL) or the batches a staged apply wrote are undone here
 * (PGlite), but the job would stay 'validating' or 'applying' for ever. At
 * start-up such jobs are marked failed, so the operator can run the check again. On PGlite the
 * data directory belongs to this process alone, so every such job is orphaned; on PostgreSQL
 * another instance may be running one, so only jobs whose progress stopped long ago are.
 */
export async function failInterruptedImports(database: Database, now = new Date()): Promise<number> {
  const repo = createImportsRepository();
  const staleBefore = database.kind === 'postgres' ? new Date(now.getTime() - ORPHANED_AFTER_MS) : undefined;
  // An apply in short transactions (PGlite) that stopped before its switch left batches written:
  // they are undone from the job's record before the job is marked failed.
  for (const job of await repo.stagedApplying(database.db, staleBefore)) await undoApply(database.db, repo, job.id);
  return repo.failRunning(database.db, INTERRUPTED_MESSAGE, now, staleBefore);
}
