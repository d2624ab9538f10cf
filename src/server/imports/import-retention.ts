import type { FastifyBaseLogger } from 'fastify';
import type { Executor } from '../db/executor.js';
import { createImportsRepository } from './imports.repository.js';

/** The purge runs once at start-up, then once a day. */
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

/**
 * Runs `purge` now and then every `intervalMs` inside the server, one run at a time; safe on
 * several instances (the updates are idempotent). Returns the function that stops it.
 */
export function startImportPurgeJob(
  purge: () => Promise<number>,
  log: Pick<FastifyBaseLogger, 'info' | 'error'>,
  intervalMs = PURGE_INTERVAL_MS,
): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const purged = await purge();
      if (purged > 0) log.info({ purged }, 'imports: personal data past the retention period purged');
    } catch (err) {
      log.error({ err }, 'imports: purge failed');
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
