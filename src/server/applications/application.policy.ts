import type { Actor } from '../auth/index.js';
import type { Role } from '../db/schema.js';
import { APPLICATION_MATCHERS, APPLICATION_PROPOSERS } from './application.states.js';

/** Every member of staff reads the applications of the network's vacancies (masked outside their scope). */
export function canReadApplications(actor: Actor): boolean {
  return actor.roles.length > 0;
}

export function canProposeApplications(actor: Actor): boolean {
  return actor.roles.some((r) => APPLICATION_PROPOSERS.includes(r));
}

export function canMoveApplications(actor: Actor): boolean {
  return actor.roles.some((r) => APPLICATION_MATCHERS.includes(r));
}

/** The network's settings of applications are its administrators'. */
export function canManageApplicationSettings(actor: Actor): boolean {
  return actor.roles.includes('admin');
}

/**
 * The roles the actor holds in the application's office: an application is moved only by the
 * office that proposed the worker, even though every office sees it on the vacancy.
 */
export function rolesInApplicationOffice(actor: Actor, application: { networkId: string; officeId: string }): Role[] {
  if (!actor.networkId || actor.networkId !== application.networkId) return [];
  return actor.assignments.filter((a) => a.officeId === application.officeId).map((a) => a.role);
}
