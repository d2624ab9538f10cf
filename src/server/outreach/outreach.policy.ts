import { hasRole, type Actor } from '../auth/index.js';

/** Front office, consultants, coordinators and administrators answer the hotline and work callbacks. */
export function canUseHotline(actor: Actor): boolean {
  return ['frontoffice', 'consultant', 'coordinator', 'admin'].some((r) => hasRole(actor, r as Actor['roles'][number]));
}

/** Coordinators and administrators set the hotline hours and closed days. */
export function canManageHotline(actor: Actor): boolean {
  return hasRole(actor, 'coordinator') || hasRole(actor, 'admin');
}

/** Outreach campaigns reach workers of every office of the network: coordinators and administrators. */
export function canManageOutreach(actor: Actor): boolean {
  return hasRole(actor, 'coordinator') || hasRole(actor, 'admin');
}
