import type { Executor } from '../db/executor.js';
import { createImportsRepository } from './imports.repository.js';

/** The purge runs once a day, as a periodic job of the queue (imports.module.ts). */
export const PURGE_INTERVAL_MS = 24 * 60 * 60 * 1000;

/**
 * Purges the personal data of imports older than their network's retention period (import_settings,
 * default 30 days): data minimisation and storage limitation (Reg. UE 2016/679 art. 5(1)(c), (e)).
 * A list of workers was only the means to write their records; once applied and checked, the
 * copy of it in import_rows is no longer needed. Returns how many imports were purged.
 */
export async function purgeExpiredImports(db: Executor, now: Date): Promise<number> {
  return createImportsRepository().purgeExpired(db, now);
}
