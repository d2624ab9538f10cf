import { hasRole, type Actor } from './actor.js';

/** Any signed-in staff member, whatever their role. */
export function isSignedIn(_actor: Actor): boolean {
  return true;
}

/** Administrators create, change and disable staff accounts of their network. */
export function canManageStaff(actor: Actor): boolean {
  return hasRole(actor, 'admin');
}
