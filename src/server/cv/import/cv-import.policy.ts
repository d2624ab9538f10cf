import { hasRole, type Actor } from '../../auth/index.js';

/**
 * Who imports a CV into a worker's profile: who writes the profile — the consultants who interview
 * the worker, their coordinators and administrators (the profiles domain's rule for editing).
 * Which workers: the office scope of auth, checked by the service.
 */
export function canImportCv(actor: Actor): boolean {
  return hasRole(actor, 'consultant') || hasRole(actor, 'coordinator') || hasRole(actor, 'admin');
}
