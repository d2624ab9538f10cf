import type { Executor } from '../db/executor.js';
import type { EnrollmentState } from '../db/schema-programmes.js';

/**
 * The state of each worker's most recently changed enrolment, whatever the programme: what a
 * company's cohort shows beside each worker. One query for a page of workers, merged by the caller.
 */
export async function latestEnrollmentStates(executor: Executor, workerIds: readonly string[]): Promise<Map<string, EnrollmentState>> {
  if (workerIds.length === 0) return new Map();
  const rows = await executor
    .selectFrom('enrollments')
    .distinctOn('worker_id')
    .select(['worker_id', 'state'])
    .where('worker_id', 'in', [...new Set(workerIds)])
    .orderBy('worker_id')
    .orderBy('state_changed_at', 'desc')
    .execute();
  return new Map(rows.map((r) => [r.worker_id, r.state]));
}

/**
 * The programme a service delivered to the worker counts for: the most recently changed enrolment
 * the worker takes part in (registered, assessed, enrolled or placed — the states in which the
 * programme's service is given), or null when the worker is in none.
 */
export async function currentProgrammeOf(executor: Executor, workerId: string): Promise<string | null> {
  const row = await executor
    .selectFrom('enrollments')
    .select('programme_id')
    .where('worker_id', '=', workerId)
    .where('state', 'in', ['registered', 'assessed', 'enrolled', 'placed'])
    .orderBy('state_changed_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.programme_id ?? null;
}
