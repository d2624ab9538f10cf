import type { Executor } from '../db/executor.js';
import type { PlanActionOwner } from '../db/schema-plans.js';
import { EDITABLE_STATES } from './plan.states.js';
import { insertAction, objectiveByTitle, takePlanForChange, themeByTitle } from './plan.repository.js';
import { recordVersion } from './plan-versions.js';
import { planErrors } from './plans.errors.js';

/** Where an action goes when the caller names no theme or objective. */
export const DEFAULT_THEME = 'Percorso concordato';
export const DEFAULT_OBJECTIVE = 'Azioni da svolgere';

export interface NewPlanAction {
  planId: string;
  themeTitle?: string;
  objectiveTitle?: string;
  description: string;
  owner: PlanActionOwner;
  /** 'YYYY-MM-DD'. */
  dueDate: string;
  actorId: string | null;
  now?: Date;
}

/**
 * Adds an action to a plan in the caller's transaction (the skill gap adds "attend course X" with
 * one click): the theme and objective are found by title or added, the plan's version is raised
 * and the new version recorded. Throws PLAN_NOT_FOUND, PLAN_CLOSED. The caller checks who may act
 * on the plan and writes its audit entry; the scope is not checked here.
 */
export async function addPlanAction(trx: Executor, input: NewPlanAction): Promise<{ actionId: string; version: number }> {
  const now = input.now ?? new Date();
  const plan = await takePlanForChange(trx, input.planId, now);
  if (!plan) throw planErrors.planNotFound();
  if (!EDITABLE_STATES.includes(plan.state)) throw planErrors.closed();
  const themeId = await themeByTitle(trx, plan, input.themeTitle?.trim() || DEFAULT_THEME);
  const objectiveId = await objectiveByTitle(trx, plan, themeId, input.objectiveTitle?.trim() || DEFAULT_OBJECTIVE);
  const actionId = await insertAction(trx, plan, {
    objectiveId,
    owner: input.owner,
    description: input.description.trim(),
    dueOn: input.dueDate,
    createdBy: input.actorId,
    now,
  });
  await recordVersion(trx, plan, `Azione aggiunta: ${input.description.trim()}`, input.actorId, now);
  return { actionId, version: plan.version };
}
