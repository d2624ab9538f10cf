import { sql } from 'kysely';
import type { Executor } from '../db/executor.js';

/**
 * What companies show of the workers of their CIGS cases (companies own the cases, people the
 * workers): counts per case, and the cohort of a company's cases. Each is one query, merged by the
 * caller.
 */

/** Number of workers linked to each CIGS case; cases without workers are absent. */
export async function workerCountsByCigsCase(executor: Executor, caseIds: readonly string[]): Promise<Map<string, number>> {
  if (caseIds.length === 0) return new Map();
  const rows = await executor
    .selectFrom('workers')
    .select(['cigs_case_id', sql<number>`count(*)::int`.as('n')])
    .where('cigs_case_id', 'in', [...new Set(caseIds)])
    .groupBy('cigs_case_id')
    .execute();
  return new Map(rows.map((r) => [r.cigs_case_id!, Number(r.n)]));
}

export interface CohortWorker {
  id: string;
  firstName: string;
  lastName: string;
  officeId: string;
  cigsCaseId: string;
  /** The worker's effective CIGS end (their own date, else their case's: migration 0009). */
  cigsEndDate: string | null;
}

/** The workers of these CIGS cases, CIGS ending soonest first, optionally of one office only. */
export async function workersOfCigsCases(executor: Executor, caseIds: readonly string[], officeId: string | null): Promise<CohortWorker[]> {
  if (caseIds.length === 0) return [];
  let q = executor
    .selectFrom('workers as w')
    .select(['w.id', 'w.first_name', 'w.last_name', 'w.office_id', 'w.cigs_case_id', 'w.effective_cigs_end'])
    .where('w.cigs_case_id', 'in', [...new Set(caseIds)]);
  if (officeId) q = q.where('w.office_id', '=', officeId);
  const rows = await q.orderBy('w.effective_cigs_end').orderBy('w.last_name').orderBy('w.first_name').execute();
  return rows.map((r) => ({
    id: r.id,
    firstName: r.first_name,
    lastName: r.last_name,
    officeId: r.office_id,
    cigsCaseId: r.cigs_case_id!,
    cigsEndDate: r.effective_cigs_end,
  }));
}
