import { hasRole, type Actor } from '../auth/index.js';

/**
 * Bulk imports write many workers' records at once, across the network: only coordinators and
 * administrators (of their current office) may run them.
 */
export function canImportWorkers(actor: Actor): boolean {
  return hasRole(actor, 'coordinator') || hasRole(actor, 'admin');
}

/** How long imports keep personal data is a network-wide decision: administrators only. */
export function canManageImportSettings(actor: Actor): boolean {
  return hasRole(actor, 'admin');
}
