import { hasRole, type Actor } from '../auth/index.js';

/**
 * The skill gap is part of career guidance: consultants, job matchers (who weigh it against a
 * vacancy), coordinators and administrators. The front office registers and books; it does not
 * assess a worker's skills.
 */
export function canReadSkillGap(actor: Actor): boolean {
  return hasRole(actor, 'consultant') || hasRole(actor, 'matcher') || hasRole(actor, 'coordinator') || hasRole(actor, 'admin');
}
