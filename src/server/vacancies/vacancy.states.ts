import type { Role } from '../db/schema.js';
import type { VacancyState } from '../db/schema-vacancies.js';

/**
 * A vacancy's lifecycle as data. The service refuses any move not in this table, and the web
 * offers only the moves it allows for the actor's roles.
 *
 *   (create) → draft → published → filled          every position taken
 *              draft | published → closed           withdrawn by the employer or the office, with the reason
 *              published → expired                  the deadline passed: the daily job, no person
 *              closed | expired → draft             reopened, with the reason: dates and fields are
 *                                                   checked again on the way back to published
 *
 * Only draft and published vacancies are edited; filled is final (a new opening is a new vacancy).
 */
export const EDITABLE_STATES: readonly VacancyState[] = ['draft', 'published'];

/** The states a job matcher works on: shown on the board as open. */
export const OPEN_STATES: readonly VacancyState[] = ['published'];

export interface VacancyMove {
  action: 'publish' | 'fill' | 'close' | 'reopen' | 'expire';
  from: readonly VacancyState[];
  to: VacancyState;
  /** Empty: only the system makes this move. */
  roles: readonly Role[];
  reasonRequired: boolean;
}

// Job matchers keep the vacancies of their office, with its coordinators and administrators.
export const VACANCY_WRITERS: readonly Role[] = ['matcher', 'coordinator', 'admin'];

export const VACANCY_MOVES: readonly VacancyMove[] = [
  { action: 'publish', from: ['draft'], to: 'published', roles: VACANCY_WRITERS, reasonRequired: false },
  { action: 'fill', from: ['published'], to: 'filled', roles: VACANCY_WRITERS, reasonRequired: false },
  { action: 'close', from: ['draft', 'published'], to: 'closed', roles: VACANCY_WRITERS, reasonRequired: true },
  { action: 'reopen', from: ['closed', 'expired'], to: 'draft', roles: VACANCY_WRITERS, reasonRequired: true },
  { action: 'expire', from: ['published'], to: 'expired', roles: [], reasonRequired: false },
];

export function findVacancyMove(action: VacancyMove['action'], from: VacancyState): VacancyMove | undefined {
  return VACANCY_MOVES.find((m) => m.action === action && m.from.includes(from));
}

/** The moves these roles allow from a state (the buttons of the vacancy page). */
export function allowedVacancyMoves(from: VacancyState, roles: readonly Role[]): VacancyMove[] {
  return VACANCY_MOVES.filter((m) => m.from.includes(from) && m.roles.some((r) => roles.includes(r)));
}

export function isEditable(state: VacancyState): boolean {
  return EDITABLE_STATES.includes(state);
}
