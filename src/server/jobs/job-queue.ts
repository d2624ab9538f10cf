import type { Executor } from '../db/executor.js';
import { createJobsRepository, type NewJob } from './jobs.repository.js';

const repository = createJobsRepository();

/**
 * Enqueues jobs on the caller's executor, so a job commits with the change that causes it (a
 * booking and its reminder, or neither). A job whose dedupe key exists already is not added
 * again; returns the ids of the jobs created.
 */
export function enqueueJobs(db: Executor, jobs: NewJob[]): Promise<string[]> {
  return repository.enqueue(db, jobs);
}

/**
 * Cancels the waiting jobs about a subject, in the transaction that cancels or moves it. A job
 * already running re-checks its subject's version in its own transaction (its handler's duty).
 */
export function cancelJobsForSubject(
  db: Executor,
  p: { subjectId: string; kinds?: string[]; belowVersion?: number; now: Date; reason: string },
): Promise<number> {
  return repository.cancelForSubject(db, p);
}
