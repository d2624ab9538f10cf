import type { Executor } from '../db/executor.js';
import type { EnrollmentState } from '../db/schema-programmes.js';
import { eligibilityRuleOf, type EligibilityRule } from './eligibility.js';
import { ENROLLMENT_STATES, TERMINAL_STATES } from './enrollment.states.js';
import { createProgrammeRepository } from './programme.repository.js';

/** What outreach campaigns read from programmes: the programme's rules and places, and who is already in. */

export interface ProgrammeForOutreach {
  id: string;
  networkId: string;
  name: string;
  capacity: number;
  placesUsed: number;
  rule: EligibilityRule;
}

const programmes = createProgrammeRepository();

export async function programmeForOutreach(db: Executor, programmeId: string): Promise<ProgrammeForOutreach | undefined> {
  const p = await programmes.findProgramme(db, programmeId);
  if (!p) return undefined;
  return {
    id: p.id,
    networkId: p.networkId,
    name: p.name,
    capacity: p.capacity,
    placesUsed: await programmes.placesUsed(db, p.id),
    rule: eligibilityRuleOf(p),
  };
}

/**
 * The workers with an enrolment in one of `states`, in the programme (or in any programme when
 * null), as a sub-query of `worker_id` the caller composes (`where('w.id', 'in', …)`).
 */
export function workersWithEnrollmentIn(db: Executor, programmeId: string | null, states: readonly EnrollmentState[]) {
  let q = db
    .selectFrom('enrollments')
    .select('worker_id')
    .where('state', 'in', [...states]);
  if (programmeId !== null) q = q.where('programme_id', '=', programmeId);
  return q;
}

/** Enrolments in one of `states` as a sub-query of (worker_id, programme_id), for a caller matching each row's own programme. */
export function enrollmentsInStates(db: Executor, states: readonly EnrollmentState[]) {
  return db
    .selectFrom('enrollments')
    .select(['worker_id', 'programme_id'])
    .where('state', 'in', [...states]);
}

/** Every state before the end ones (placed, withdrawn, CIGS ended): the worker is still in a programme. */
export const OPEN_ENROLLMENT_STATES: readonly EnrollmentState[] = ENROLLMENT_STATES.filter((s) => !TERMINAL_STATES.includes(s));

/** The workers with an open enrolment in any programme, as a sub-query of `worker_id` (workshop invitations). */
export function workersWithOpenEnrollment(db: Executor) {
  return workersWithEnrollmentIn(db, null, OPEN_ENROLLMENT_STATES);
}
