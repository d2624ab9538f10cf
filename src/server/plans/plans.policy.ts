import { canActOnWorker, hasRole, type Actor } from '../auth/index.js';
import { PLAN_ROLES } from './plan.states.js';

/** Plans are casework: consultants, coordinators and administrators read and change them. */
export function canWorkOnPlans(actor: Actor): boolean {
  return PLAN_ROLES.some((role) => hasRole(actor, role));
}

/** A plan belongs to the worker's office: the office-scope rule of auth (coordinators work across the network). */
export function canActOnPlan(actor: Actor, plan: { networkId: string; officeId: string }): boolean {
  return canActOnWorker(actor, plan);
}

/** The whole office's overdue actions and due reviews: its coordinator and administrator. */
export function canSeeOfficePlans(actor: Actor): boolean {
  return hasRole(actor, 'coordinator') || hasRole(actor, 'admin');
}
