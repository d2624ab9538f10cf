import { hasRole, type Actor } from '../auth/index.js';

/** The audit trail holds who read whose record: only administrators browse it. */
export function canReadAuditLog(actor: Actor): boolean {
  return hasRole(actor, 'admin');
}
