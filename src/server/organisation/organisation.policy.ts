import { hasRole, type Actor } from '../auth/index.js';

/** Every member of staff sees the offices of their network (addresses, phones, hours). */
export function canReadOffices(_actor: Actor): boolean {
  return true;
}

/** Administrators open, edit and close offices. */
export function canManageOffices(actor: Actor): boolean {
  return hasRole(actor, 'admin');
}
