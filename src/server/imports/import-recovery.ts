import type { Database } from '../db/database.js';

/** A job whose progress has not moved for this long, on PostgreSQL, belongs to no running server. */
export const ORPHANED_AFTER_MS = 10 * 60_000;

export const INTERRUPTED_MESSAGE =
  'Elaborazione interrotta: il server si è fermato mentre la eseguiva. Nessun dato è stato applicato; avviare di nuovo la verifica.';

/**
 * Imports run inside the server process. If it stops mid-way (crash, restart, power cut), the
 * apply transaction rolls back, but the job would stay 'validating' or 'applying' for ever. At
 * start-up such jobs are marked failed, so the operator can run the check again. On PGlite the
 * data directory belongs to this process alone, so every such job is orphaned; on PostgreSQL
 * another instance may be running one, so only jobs whose progress stopped long ago are.
 */
export async function failInterruptedImports(database: Database, now = new Date()): Promise<number> {
  let query = database.db
    .updateTable('import_jobs')
    .set({ status: 'failed', phase: '', error: INTERRUPTED_MESSAGE, updated_at: now })
    .where('status', 'in', ['validating', 'applying']);
  if (database.kind === 'postgres') query = query.where('updated_at', '<', new Date(now.getTime() - ORPHANED_AFTER_MS));
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
