import { hasRole, type Actor } from '../auth/index.js';

/** Every member of staff reads the catalogue (the front office answers workers who ask about courses). */
export function canReadCatalogue(actor: Actor): boolean {
  return actor.roles.length > 0;
}

/** Coordinators and administrators keep the providers and the catalogue (and import providers' files). */
export function canManageCatalogue(actor: Actor): boolean {
  return hasRole(actor, 'coordinator') || hasRole(actor, 'admin');
}

/** Consultants, coordinators and administrators enrol workers and record attendance and completion. */
export function canEnrolWorkers(actor: Actor): boolean {
  return hasRole(actor, 'consultant') || hasRole(actor, 'coordinator') || hasRole(actor, 'admin');
}

/** Reading a worker's courses: anyone who reads workers (the office scope is checked per worker). */
export function canReadWorkerCourses(actor: Actor): boolean {
  return actor.roles.length > 0;
}
