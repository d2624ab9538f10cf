import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { ImportsRepository } from './imports.repository.js';

export interface Progress {
  phase: 'reading' | 'validating' | 'applying' | '';
  processed: number;
  total: number;
}

/**
 * Progress of running jobs. Kept in memory for the instance running the job and written to the
 * job row at most every 300 ms, so a poll served by another instance sees it too. Writes go
 * through the outer handle: outside a transaction that is always safe; inside the apply
 * transaction only on PostgreSQL (another pooled connection) — on PGlite, a single connection,
 * such a write would wait for the transaction to end, so there the memory copy is what polls see.
 */
export type ProgressListener = (jobId: string, progress: Progress) => void;

export function createProgressBoard(db: Kysely<DB>, repo: ImportsRepository, listener?: ProgressListener) {
  const live = new Map<string, Progress>();
  const lastWrite = new Map<string, number>();
  return {
    get: (jobId: string) => live.get(jobId),
    async report(jobId: string, progress: Progress, persist: boolean, force = false) {
      live.set(jobId, progress);
      listener?.(jobId, progress);
      if (!persist) return;
      const now = Date.now();
      if (!force && now - (lastWrite.get(jobId) ?? 0) < 300) return;
      lastWrite.set(jobId, now);
      await repo.writeProgress(db, jobId, progress, new Date());
    },
    done(jobId: string) {
      live.delete(jobId);
      lastWrite.delete(jobId);
    },
  };
}

export type ProgressBoard = ReturnType<typeof createProgressBoard>;
