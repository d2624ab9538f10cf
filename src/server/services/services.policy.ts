import { hasRole, type Actor } from '../auth/index.js';

/**
 * Who sees a worker's delivered services: whoever may look the worker up (people's rule: every
 * role, within the office scope of auth/scope.ts), as the worker page shows them to all.
 */
export function canReadServices(actor: Actor): boolean {
  return actor.roles.length > 0;
}

/**
 * Who records, corrects and removes a service by hand: those who deliver them — consultants, and
 * coordinators and administrators who also see workers. The front office books meetings but
 * delivers no service; job matchers' interviews are the employers'.
 */
export function canRecordServices(actor: Actor): boolean {
  return hasRole(actor, 'consultant') || hasRole(actor, 'coordinator') || hasRole(actor, 'admin');
}

/** The roles whose members appear as "delivered by" in the form (the office's service staff). */
export const DELIVERING_ROLES = ['consultant', 'coordinator', 'admin'] as const;
