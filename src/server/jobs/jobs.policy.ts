import { hasRole, type Actor } from '../auth/index.js';

/** Failed background jobs (a reminder that could not be sent) are followed up by the network's administrators and coordinators. */
export function canReadJobs(actor: Actor): boolean {
  return hasRole(actor, 'admin') || hasRole(actor, 'coordinator');
}
