import { canActOnWorker, hasRole, type Actor } from '../auth/index.js';

/** Employers are the network's, not an office's: every member of staff with a role reads them (matchers work across offices). */
export function canReadEmployers(actor: Actor): boolean {
  return actor.roles.length > 0;
}

/** Job matchers, coordinators and administrators register employers and keep them up to date. */
export function canManageEmployers(actor: Actor): boolean {
  return hasRole(actor, 'matcher') || hasRole(actor, 'coordinator') || hasRole(actor, 'admin');
}

/**
 * Whether the actor may change this employer: a manager of the office that follows it, or one who
 * works across the network (auth/scope.ts, the one office-scope rule).
 */
export function canManageEmployer(actor: Actor, employer: { networkId: string; officeId: string }): boolean {
  return canManageEmployers(actor) && canActOnWorker(actor, employer);
}
