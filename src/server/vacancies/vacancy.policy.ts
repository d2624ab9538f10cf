import type { Actor } from '../auth/index.js';
import type { Role } from '../db/schema.js';
import { VACANCY_WRITERS } from './vacancy.states.js';

/** Every member of staff of the network reads its vacancies: they are visible to every office. */
export function canReadVacancies(actor: Actor): boolean {
  return actor.roles.length > 0;
}

/** Job matchers, coordinators and administrators write vacancies (the route's check; the office is checked per vacancy). */
export function canWriteVacancies(actor: Actor): boolean {
  return actor.roles.some((r) => VACANCY_WRITERS.includes(r));
}

/**
 * The roles the actor holds in the vacancy's owning office, among those that write: a vacancy is
 * changed only by the office that owns it, even though every office reads it (a matcher works on
 * the whole network's workers, not on another office's employers' openings).
 */
export function writerRolesIn(actor: Actor, vacancy: { networkId: string; officeId: string }): Role[] {
  if (!actor.networkId || actor.networkId !== vacancy.networkId) return [];
  return actor.assignments.filter((a) => a.officeId === vacancy.officeId && VACANCY_WRITERS.includes(a.role)).map((a) => a.role);
}

export function canWriteVacancy(actor: Actor, vacancy: { networkId: string; officeId: string }): boolean {
  return writerRolesIn(actor, vacancy).length > 0;
}
