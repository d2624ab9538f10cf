import { hasRole, type Actor } from '../auth/index.js';

/**
 * Who reads a worker's profile: as for the worker's record (people's policy), every member of
 * staff with a role in the worker's office — the front office answering a call, the job matcher
 * looking for candidates. Which workers: the office scope of auth (canAccessWorker).
 */
export function canReadProfiles(actor: Actor): boolean {
  return actor.roles.length > 0;
}

/** Who writes it: the consultants who interview the worker, their coordinators and administrators. */
export function canEditProfiles(actor: Actor): boolean {
  return hasRole(actor, 'consultant') || hasRole(actor, 'coordinator') || hasRole(actor, 'admin');
}
