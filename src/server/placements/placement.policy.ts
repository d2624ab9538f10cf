import type { Actor } from '../auth/index.js';
import type { Role } from '../db/schema.js';

/** Who follows a hire: the office's consultants and job matchers, with its coordinators and administrators. */
export const PLACEMENT_STAFF: readonly Role[] = ['consultant', 'matcher', 'coordinator', 'admin'];

export function canWorkOnPlacements(actor: Actor): boolean {
  return actor.roles.some((r) => PLACEMENT_STAFF.includes(r));
}

/** The actor holds one of those roles in the placement's office (a hire is followed by the office that made it). */
export function worksOnPlacementOf(actor: Actor, placement: { networkId: string; officeId: string }): boolean {
  if (!actor.networkId || actor.networkId !== placement.networkId) return false;
  return actor.assignments.some((a) => a.officeId === placement.officeId && PLACEMENT_STAFF.includes(a.role));
}
