import type { Role } from '../db/schema.js';
import type { ApplicationState } from '../db/schema-applications.js';
import type { ApplicationActionName, ReasonList } from '../../shared/schemas/applications.schema.js';

/**
 * An application's lifecycle as data. The service refuses any move not in this table, and the web
 * offers only the moves it allows for the actor's roles in the application's office.
 *
 *   (propose) → proposed → preselected → sent → interview → offer → hired
 *     sent | interview | offer → refused            the employer said no, with a reason of the list
 *     any open state → declined                     the worker said no, with a reason of the list
 *     any open state → withdrawn                    the office withdraws it, with a reason
 *     sent | interview → expired                    no answer N days on (the daily job, no person)
 *
 * Hired, refused, declined, withdrawn and expired are final: a new try is a new application.
 */
/** The network's default: an application sent and unanswered for 60 days expires. */
export const DEFAULT_EXPIRY_DAYS = 60;

/** The states in which the employer's answer is awaited (the outcome link works, the daily expiry applies). */
export const AWAITING_EMPLOYER_STATES: readonly ApplicationState[] = ['sent', 'interview'];

export const OPEN_APPLICATION_STATES: readonly ApplicationState[] = ['proposed', 'preselected', 'sent', 'interview', 'offer'];

/**
 * Consultants propose their workers (from their own judgement, or the worker's interest), and job
 * matchers the workers the vacancy's candidate search found them.
 */
export const APPLICATION_PROPOSERS: readonly Role[] = ['consultant', 'matcher', 'coordinator', 'admin'];
/** Job matchers take them on from there, with the office's coordinators and administrators. */
export const APPLICATION_MATCHERS: readonly Role[] = ['matcher', 'coordinator', 'admin'];

export interface ApplicationMove {
  action: ApplicationActionName;
  from: readonly ApplicationState[];
  to: ApplicationState;
  /** Empty: only the system makes this move. */
  roles: readonly Role[];
  /** The list the reason comes from; null: no reason asked. */
  reasons: ReasonList | null;
  /** What the move must carry besides the version. */
  needs: 'cv' | 'interview' | 'offer' | 'hire' | null;
}

export const APPLICATION_MOVES: readonly ApplicationMove[] = [
  { action: 'preselect', from: ['proposed'], to: 'preselected', roles: APPLICATION_MATCHERS, reasons: null, needs: null },
  { action: 'send', from: ['preselected'], to: 'sent', roles: APPLICATION_MATCHERS, reasons: null, needs: 'cv' },
  { action: 'interview', from: ['sent'], to: 'interview', roles: APPLICATION_MATCHERS, reasons: null, needs: 'interview' },
  { action: 'offer', from: ['interview'], to: 'offer', roles: APPLICATION_MATCHERS, reasons: null, needs: 'offer' },
  { action: 'hire', from: ['offer'], to: 'hired', roles: APPLICATION_MATCHERS, reasons: null, needs: 'hire' },
  { action: 'refuse', from: ['sent', 'interview', 'offer'], to: 'refused', roles: APPLICATION_MATCHERS, reasons: 'refusal', needs: null },
  { action: 'decline', from: OPEN_APPLICATION_STATES, to: 'declined', roles: APPLICATION_MATCHERS, reasons: 'decline', needs: null },
  { action: 'withdraw', from: OPEN_APPLICATION_STATES, to: 'withdrawn', roles: APPLICATION_MATCHERS, reasons: 'withdrawal', needs: null },
  { action: 'expire', from: ['sent', 'interview'], to: 'expired', roles: [], reasons: null, needs: null },
];

export function findApplicationMove(action: ApplicationActionName, from: ApplicationState): ApplicationMove | undefined {
  return APPLICATION_MOVES.find((m) => m.action === action && m.from.includes(from));
}

/** The moves these roles allow from a state (the buttons of the application). */
export function allowedApplicationMoves(from: ApplicationState, roles: readonly Role[]): ApplicationMove[] {
  return APPLICATION_MOVES.filter((m) => m.from.includes(from) && m.roles.some((r) => roles.includes(r)));
}

export function isOpenApplication(state: ApplicationState): boolean {
  return OPEN_APPLICATION_STATES.includes(state);
}
