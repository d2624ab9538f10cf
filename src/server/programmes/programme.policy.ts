import { hasRole, type Actor } from '../auth/actor.js';

/** Every member of staff sees the programmes of their network (capacity, rules, offices). */
export function canReadProgrammes(actor: Actor): boolean {
  return actor.roles.length > 0;
}

/** Coordinators (and administrators) create programmes and change capacity, rules and status. */
export function canManageProgrammes(actor: Actor): boolean {
  return hasRole(actor, 'coordinator') || hasRole(actor, 'admin');
}

/** Desk staff register workers: hotline/front office, consultants, coordinators. */
export function canRegisterWorkers(actor: Actor): boolean {
  return hasRole(actor, 'coordinator') || hasRole(actor, 'consultant') || hasRole(actor, 'frontoffice');
}

/** Who may move an enrollment at all; which move exactly is decided by enrollment.states.ts. */
export function canMoveEnrollments(actor: Actor): boolean {
  return canRegisterWorkers(actor) || hasRole(actor, 'matcher');
}

/** Enrollment lists name workers: staff who work on workers. */
export function canReadEnrollments(actor: Actor): boolean {
  return canMoveEnrollments(actor) || hasRole(actor, 'admin');
}

/**
 * Scope rule for workers (common brief): front office and consultants act on the workers of their
 * current office; coordinators, matchers and administrators on every office of their network.
 */
export function worksNetworkWide(actor: Actor): boolean {
  return hasRole(actor, 'coordinator') || hasRole(actor, 'matcher') || hasRole(actor, 'admin');
}

export function canActOnWorkerOf(actor: Actor, officeId: string, networkId: string): boolean {
  if (actor.networkId !== networkId) return false;
  return worksNetworkWide(actor) || actor.officeId === officeId;
}
