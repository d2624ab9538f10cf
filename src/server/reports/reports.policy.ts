import { hasRole, type Actor } from '../auth/index.js';

/** Programme dashboards and their exports: coordinators (and administrators) of the network. */
export function canReadReports(actor: Actor): boolean {
  return hasRole(actor, 'coordinator') || hasRole(actor, 'admin');
}
