import { canActOnWorker, hasRole, type Actor } from '../auth/index.js';

/** Every member of staff sees the programmes of their network (capacity, rules, offices). */
export function canReadProgrammes(actor: Actor): boolean {
  return actor.roles.length > 0;
}

/** Coordinators (and administrators) create programmes and change capacity, rules and status. */
export function canManageProgrammes(actor: Actor): boolean {
  return hasRole(actor, 'coordinator') || hasRole(actor, 'admin');
}

/** Desk staff register workers: hotline/front office, consultants, coordinators, and administrators (who may do what coordinators do). */
export function canRegisterWorkers(actor: Actor): boolean {
  return hasRole(actor, 'coordinator') || hasRole(actor, 'admin') || hasRole(actor, 'consultant') || hasRole(actor, 'frontoffice');
}

/** Who may move an enrollment at all; which move exactly is decided by enrollment.states.ts. */
export function canMoveEnrollments(actor: Actor): boolean {
  return canRegisterWorkers(actor) || hasRole(actor, 'matcher');
}

/** Enrollment lists name workers: staff who work on workers. */
export function canReadEnrollments(actor: Actor): boolean {
  return canMoveEnrollments(actor) || hasRole(actor, 'admin');
}

/** The office-scope rule (auth), as the programme's enrolment checks call it. */
export function canActOnWorkerOf(actor: Actor, officeId: string, networkId: string): boolean {
  return canActOnWorker(actor, { officeId, networkId });
}

/** Every member of staff with a role reads the notices addressed to them (which ones: staff-notices.repository.ts). */
export function canReadNotices(actor: Actor): boolean {
  return actor.assignments.length > 0;
}
