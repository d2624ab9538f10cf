import type { Role } from '../db/schema.js';
import type { PlanState } from '../db/schema-plans.js';

/**
 * The plan's lifecycle as data. The service refuses any move not in this table, and the web shows
 * only the moves the answer lists for the actor's roles.
 *
 *   draft → signed ⇄ (review: confirmed) → … → closed
 *              ↓ revise            ↑ sign again
 *           under_review ──────────┘
 *
 * A review either confirms the plan (it stays signed, the next review is set from the interval)
 * or opens a revision: a revised plan is a new agreement, so it is signed again (D.Lgs. 150/2015
 * art. 20: the patto is agreed and signed by the worker). A plan may be closed from any open state
 * (a draft the worker never signed is closed too, with the reason as its outcome).
 */

export interface PlanTransitionRule {
  action: 'sign' | 'review' | 'revise' | 'close';
  from: readonly PlanState[];
  to: PlanState;
  roles: readonly Role[];
}

// Plans are casework: the consultant of reference, and the office's coordinator or administrator.
export const PLAN_ROLES: readonly Role[] = ['admin', 'coordinator', 'consultant'];

export const PLAN_TRANSITIONS: readonly PlanTransitionRule[] = [
  { action: 'sign', from: ['draft', 'under_review'], to: 'signed', roles: PLAN_ROLES },
  { action: 'review', from: ['signed'], to: 'signed', roles: PLAN_ROLES },
  { action: 'revise', from: ['signed'], to: 'under_review', roles: PLAN_ROLES },
  { action: 'close', from: ['draft', 'signed', 'under_review'], to: 'closed', roles: PLAN_ROLES },
];

/** States in which themes, objectives, actions and terms may still change. */
export const EDITABLE_STATES: readonly PlanState[] = ['draft', 'signed', 'under_review'];

export function findPlanRule(action: PlanTransitionRule['action'], from: PlanState): PlanTransitionRule | undefined {
  return PLAN_TRANSITIONS.find((r) => r.action === action && r.from.includes(from));
}

/** The moves the actor's roles allow from a state (what the web offers as buttons). */
export function allowedPlanMoves(from: PlanState, roles: readonly Role[]): PlanTransitionRule['action'][] {
  return PLAN_TRANSITIONS.filter((r) => r.from.includes(from) && r.roles.some((role) => roles.includes(role))).map((r) => r.action);
}
