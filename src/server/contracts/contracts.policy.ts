import { hasRole, type Actor } from '../auth/index.js';

/**
 * The CCNL minimum pay tables are the network's reference data, entered by its administrators
 * from the agreements' pay tables: a wrong figure warns every office's offers.
 */
export function canManageCcnlMinimums(actor: Actor): boolean {
  return hasRole(actor, 'admin');
}

/** Who defines contracts with workers and employers reads the minimums and checks an offer against them. */
export function canReadCcnlMinimums(actor: Actor): boolean {
  return (['admin', 'coordinator', 'matcher', 'consultant'] as const).some((r) => hasRole(actor, r));
}
