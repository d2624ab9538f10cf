import { sql } from 'kysely';
import { cigsCaseColumns } from '../companies/index.js';
import type { Executor } from '../db/executor.js';
import { workerProgrammeColumns } from '../people/index.js';
import { eligibleSql, type EligibilityRule, type WorkerEligibilityFacts } from './eligibility.js';

/**
 * Workers with their CIGS case, composed from the owners' published sub-queries (people's
 * workerProgrammeColumns as `w`, companies' cigsCaseColumns as `c`): the one source both forms of
 * the eligibility rule read.
 */
export function workersWithCase(db: Executor) {
  return db.selectFrom(workerProgrammeColumns(db).as('w')).leftJoin(cigsCaseColumns(db).as('c'), 'c.id', 'w.cigs_case_id');
}

/** The facts the rules look at for one worker; undefined when there is no such worker. */
export async function eligibilityFactsOf(db: Executor, workerId: string): Promise<WorkerEligibilityFacts | undefined> {
  const r = await workersWithCase(db)
    .select(['w.network_id', 'w.office_id', 'c.id as case_id', 'c.reason', 'w.effective_cigs_start', 'w.effective_cigs_end'])
    .where('w.id', '=', workerId)
    .executeTakeFirst();
  return (
    r && {
      networkId: r.network_id,
      officeId: r.office_id,
      caseId: r.case_id,
      reason: r.reason,
      cigsStart: r.effective_cigs_start,
      cigsEnd: r.effective_cigs_end,
    }
  );
}

/**
 * The workers eligible on `on` for a programme's rules, as a sub-query of `worker_id` the caller
 * composes (`where('w.id', 'in', …)`, `not exists`…): campaign targeting, "add the eligible
 * workers" and the dashboard all filter with this, so they cannot disagree with evaluateEligibility.
 */
export function eligibleWorkerIds(db: Executor, rule: EligibilityRule, on: string) {
  return workersWithCase(db).select('w.id as worker_id').where(eligibleSql(rule, on));
}

/** Eligible workers with the key outreach sorts by: soonest CIGS end first (the most urgent). */
export function eligibleWorkersByUrgency(db: Executor, rule: EligibilityRule, on: string) {
  return workersWithCase(db)
    .select(['w.id', 'w.office_id', 'w.last_name', 'w.first_name', 'w.effective_cigs_end as cigs_end', 'c.company_id'])
    .where(eligibleSql(rule, on))
    .orderBy(sql`w.effective_cigs_end asc nulls last`)
    .orderBy('w.last_name')
    .orderBy('w.id');
}

/** What an enrolment records of its worker: office, network, company (from the case) and the CIGS end that sets the waiting priority. */
export function workerForEnrollment(db: Executor, workerId: string) {
  return workersWithCase(db)
    .select(['w.id', 'w.network_id', 'w.office_id', 'c.company_id', 'w.effective_cigs_end as cigs_end_date'])
    .where('w.id', '=', workerId)
    .executeTakeFirst();
}

/** Eligible workers not yet in the programme in any state: whom "add the eligible workers" would add, most urgent first. */
export function newEligibleWorkers(db: Executor, programmeId: string, rule: EligibilityRule, on: string) {
  return eligibleWorkersByUrgency(db, rule, on).where(
    'w.id',
    'not in',
    db.selectFrom('enrollments').select('worker_id').where('programme_id', '=', programmeId),
  );
}

/** How many rows a newEligibleWorkers query holds, counted in SQL. */
export async function countNewEligibleWorkers(db: Executor, query: ReturnType<typeof newEligibleWorkers>): Promise<number> {
  const row = await db
    .selectFrom(query.clearOrderBy().as('q'))
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}
