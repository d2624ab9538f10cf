import type { Actor } from '../auth/index.js';

/**
 * Who searches candidates for a vacancy: job matchers, consultants (for the workers they follow),
 * coordinators and administrators. Not the front office, whose work is the registration and the
 * hotline. Whom a caller sees in full is people's office rule (maskCandidateWorker).
 */
export function canSearchCandidates(actor: Actor): boolean {
  return actor.roles.some((r) => r === 'matcher' || r === 'consultant' || r === 'coordinator' || r === 'admin');
}
