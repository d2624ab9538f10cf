import type { Role } from '../db/schema.js';
import { ENROLLMENT_STATES as SHARED_ENROLLMENT_STATES } from '../../shared/schemas/programmes.schema.js';
import type { EnrollmentState } from '../db/schema-programmes.js';

/**
 * The enrollment lifecycle as data. The service refuses any move not in this table, and the web
 * shows only the moves it allows for the actor's roles.
 *
 *   eligible → contacted → registered ⇄ (waiting) → assessed → enrolled → placed
 *                                     ↘ withdrawn / cigs_ended (from any open state)
 *   placed → registered | waiting       (reopen: the system, when the hire ended early)
 *
 * Place-holding states: registered, assessed, enrolled. A place counts against the programme's
 * capacity from registration until the worker is placed, withdraws or their CIGS ends.
 * "registered" is reached through registration (register()): when the programme is full the
 * worker goes to "waiting" instead. When a place frees up (withdrawn, placed or cigs_ended from a
 * place-holding state, or a raised capacity), the first in line moves waiting → registered in the
 * same transaction, as a system transition (actor null), with a notice to the coordinators — no
 * separate "offered" step: the programme serves every eligible worker who asks, so a freed place is
 * given, not proposed; the worker can still withdraw.
 */

/** The states, in funnel order: the one list in the shared schema (the web and the API use it too). */
export const ENROLLMENT_STATES: readonly EnrollmentState[] = SHARED_ENROLLMENT_STATES;

export const PLACE_HOLDING_STATES: readonly EnrollmentState[] = ['registered', 'assessed', 'enrolled'];

/** Closed enrolments. Only the system's «reopen» leaves one: placed, after a hire ended early. */
export const TERMINAL_STATES: readonly EnrollmentState[] = ['placed', 'withdrawn', 'cigs_ended'];

/** An enrolment still before registration (found eligible, contacted): registering moves it on; any other is already in. */
export const REGISTRABLE_STATES: readonly EnrollmentState[] = ['eligible', 'contacted'];

export function holdsPlace(state: EnrollmentState): boolean {
  return PLACE_HOLDING_STATES.includes(state);
}

/** Funnel stage reached: eligible 0, contacted 1, registered 2 (also waiting), assessed 3, enrolled 4, placed 5. */
export const FUNNEL_RANK: Partial<Record<EnrollmentState, number>> = {
  eligible: 0,
  contacted: 1,
  registered: 2,
  waiting: 2,
  assessed: 3,
  enrolled: 4,
  placed: 5,
};

export interface TransitionRule {
  /** Name of the move, used by the API and the web's labels. */
  action: 'contact' | 'register' | 'assess' | 'enroll' | 'place' | 'withdraw' | 'end_cigs' | 'promote' | 'reopen';
  from: readonly EnrollmentState[];
  to: EnrollmentState;
  /** Roles allowed; an empty list means only the system makes this move. */
  roles: readonly Role[];
  reasonRequired: boolean;
}

// An office's administrator may do whatever its coordinator does with enrolments.
const DESK: readonly Role[] = ['coordinator', 'admin', 'consultant', 'frontoffice'];
const CASEWORK: readonly Role[] = ['coordinator', 'admin', 'consultant'];

export const ENROLLMENT_TRANSITIONS: readonly TransitionRule[] = [
  { action: 'contact', from: ['eligible'], to: 'contacted', roles: DESK, reasonRequired: false },
  // Registration goes through register(): it decides registered or waiting under the programme lock.
  { action: 'register', from: ['eligible', 'contacted'], to: 'registered', roles: DESK, reasonRequired: false },
  { action: 'promote', from: ['waiting'], to: 'registered', roles: [], reasonRequired: false },
  { action: 'assess', from: ['registered'], to: 'assessed', roles: CASEWORK, reasonRequired: false },
  // Enrolled = the personal service agreement (patto di servizio) is signed.
  { action: 'enroll', from: ['assessed'], to: 'enrolled', roles: CASEWORK, reasonRequired: false },
  { action: 'place', from: ['registered', 'assessed', 'enrolled'], to: 'placed', roles: [...CASEWORK, 'matcher'], reasonRequired: false },
  // A hire that ended early (placements' end()) gives the worker their path back: a place when the
  // programme is open, has one and still admits the worker, else the waiting list. The system's
  // move only: it follows the early end recorded on the placement (whose author the log names), so
  // a placed enrolment cannot be reopened by hand past the capacity and eligibility checks, and the
  // place comes through the same capacity rule as registration (enrollment.service.ts reopenAfterEarlyEnd).
  { action: 'reopen', from: ['placed'], to: 'registered', roles: [], reasonRequired: false },
  { action: 'reopen', from: ['placed'], to: 'waiting', roles: [], reasonRequired: false },
  {
    action: 'withdraw',
    from: ['eligible', 'contacted', 'registered', 'waiting', 'assessed', 'enrolled'],
    to: 'withdrawn',
    roles: DESK,
    reasonRequired: true,
  },
  {
    action: 'end_cigs',
    from: ['eligible', 'contacted', 'registered', 'waiting', 'assessed', 'enrolled'],
    to: 'cigs_ended',
    roles: CASEWORK,
    reasonRequired: false,
  },
];

export function findRule(from: EnrollmentState, to: EnrollmentState): TransitionRule | undefined {
  return ENROLLMENT_TRANSITIONS.find((r) => r.to === to && r.from.includes(from));
}

/** The moves the actor's roles allow from a state (what the web offers as buttons). */
export function allowedTransitions(from: EnrollmentState, roles: readonly Role[]): TransitionRule[] {
  return ENROLLMENT_TRANSITIONS.filter((r) => r.from.includes(from) && r.roles.some((role) => roles.includes(role)));
}

// The waiting-list order lives in waiting-order.ts, beside its SQL form.
export { compareWaitingPriority } from './waiting-order.js';
