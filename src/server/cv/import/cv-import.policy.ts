import type { Actor } from '../../auth/index.js';
import { canEditProfiles } from '../../profiles/index.js';

/**
 * Who imports a CV into a worker's profile: who writes the profile (the profiles domain's one rule:
 * the consultants who interview the worker, their coordinators and administrators). Which workers:
 * the office scope of auth, checked by the service.
 */
export function canImportCv(actor: Actor): boolean {
  return canEditProfiles(actor);
}
