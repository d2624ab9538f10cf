import type { Role } from '../db/schema.js';
import type { TrainingEnrolmentState } from '../db/schema-training.js';

/**
 * A course enrolment's lifecycle as data. The service refuses any move not in this table, and the
 * web offers only the moves it allows for the actor's roles.
 *
 *   (enrol) → enrolled | waiting
 *   waiting → enrolled            a seat freed: the first of the waiting list, by the system
 *   enrolled | waiting → withdrawn
 *   enrolled → dropped            left the course under way
 *   enrolled → completed          with the hours attended and the certificate
 *   withdrawn | dropped → (enrol) a worker who left may ask again
 *
 * A seat is held by an enrolled or completed worker: a completed course keeps its seat (the
 * course is over), a withdrawal or a drop frees it for the first waiting.
 */
export const SEAT_HOLDING_STATES: readonly TrainingEnrolmentState[] = ['enrolled', 'completed'];

/** States from which enrolling again is allowed (the worker left; the row is reused). */
export const RE_ENROLLABLE_STATES: readonly TrainingEnrolmentState[] = ['withdrawn', 'dropped'];

export function holdsSeat(state: TrainingEnrolmentState): boolean {
  return SEAT_HOLDING_STATES.includes(state);
}

export interface EnrolmentMove {
  action: 'enrol' | 'wait' | 'promote' | 'withdraw' | 'drop' | 'complete' | 'attendance';
  from: readonly (TrainingEnrolmentState | null)[];
  to: TrainingEnrolmentState;
  /** Empty: only the system makes this move. */
  roles: readonly Role[];
  reasonRequired: boolean;
}

// Consultants enrol the workers of their office; coordinators and administrators anyone in the network.
const CASEWORK: readonly Role[] = ['coordinator', 'admin', 'consultant'];

export const ENROLMENT_MOVES: readonly EnrolmentMove[] = [
  { action: 'enrol', from: [null, 'withdrawn', 'dropped'], to: 'enrolled', roles: CASEWORK, reasonRequired: false },
  { action: 'wait', from: [null, 'withdrawn', 'dropped'], to: 'waiting', roles: CASEWORK, reasonRequired: false },
  { action: 'promote', from: ['waiting'], to: 'enrolled', roles: [], reasonRequired: false },
  { action: 'withdraw', from: ['enrolled', 'waiting'], to: 'withdrawn', roles: CASEWORK, reasonRequired: true },
  { action: 'drop', from: ['enrolled'], to: 'dropped', roles: CASEWORK, reasonRequired: true },
  { action: 'complete', from: ['enrolled'], to: 'completed', roles: CASEWORK, reasonRequired: false },
  // Hours are entered while the course runs; the state stays.
  { action: 'attendance', from: ['enrolled'], to: 'enrolled', roles: CASEWORK, reasonRequired: false },
];

export function findMove(action: EnrolmentMove['action'], from: TrainingEnrolmentState | null): EnrolmentMove | undefined {
  return ENROLMENT_MOVES.find((m) => m.action === action && m.from.includes(from));
}

/** The moves the actor's roles allow from a state (the buttons of the course page). */
export function allowedMoves(from: TrainingEnrolmentState, roles: readonly Role[]): EnrolmentMove[] {
  return ENROLMENT_MOVES.filter((m) => m.from.includes(from) && m.roles.some((r) => roles.includes(r)));
}

/** The enrolment deadline's rule, once: the last day to enrol is the deadline itself; no deadline, no limit. */
const beforeDeadline = (enrolmentDeadline: string | null, today: string) => enrolmentDeadline === null || today <= enrolmentDeadline;

/**
 * Whether a worker may enrol on `today` ('YYYY-MM-DD', Europe/Rome): the course is open and its
 * enrolment deadline, when it has one, has not passed. The enrolment asks this, and the skill gap
 * through joinableOn.
 */
export function enrolmentOpenOn(course: { status: string; enrolmentDeadline: string | null }, today: string): boolean {
  return course.status === 'open' && beforeDeadline(course.enrolmentDeadline, today);
}

/**
 * Whether a course of the catalogue can still be joined on `today`, what the skill gap offers: its
 * enrolment is open (`enrolmentOpen`, enrolmentOpenOn's answer as coursesTeachingSkills gives it),
 * or it has not started yet (a draft or closed edition may still open before its start), and in
 * either case its enrolment deadline has not passed, however far the start.
 */
export function joinableOn(
  course: { enrolmentOpen: boolean; enrolmentDeadline: string | null; startDate: string | null },
  today: string,
): boolean {
  if (!beforeDeadline(course.enrolmentDeadline, today)) return false;
  return course.enrolmentOpen || (course.startDate !== null && course.startDate >= today);
}
