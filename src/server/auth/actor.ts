import type { Role } from '../db/schema.js';

/** The signed-in staff member a request acts for, with their roles in the office they work in now. */
export interface Actor {
  userId: string;
  email: string;
  fullName: string;
  language: 'it' | 'en';
  mustChangePassword: boolean;
  /** The office chosen in the header's office switcher; roles below are the ones held there. */
  officeId: string | null;
  networkId: string | null;
  roles: Role[];
  assignments: Array<{ officeId: string; role: Role }>;
  session: { tokenHash: string; csrfToken: string };
}

/** What a service needs to know about the request it serves: who, and for the audit trail, from where. */
export interface RequestContext {
  actor: Actor | null;
  requestId: string;
  ip: string;
}

/** A named permission check. Every API route names one (or 'public'). */
export type Policy = (actor: Actor) => boolean;

export function hasRole(actor: Actor, role: Role): boolean {
  return actor.roles.includes(role);
}
