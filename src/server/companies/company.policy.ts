import { hasRole, type Actor } from '../auth/index.js';

/** Every member of staff with a role in their current office sees the companies in crisis of the network. */
export function canReadCompanies(actor: Actor): boolean {
  return actor.roles.length > 0;
}

/** Coordinators and administrators record companies and their CIGS episodes (the programme's intake lists). */
export function canManageCompanies(actor: Actor): boolean {
  return hasRole(actor, 'coordinator') || hasRole(actor, 'admin');
}
