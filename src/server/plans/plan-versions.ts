import type { Executor } from '../db/executor.js';
import { planTermsOf } from './plan-fields.js';
import { insertVersion, planTree, type PlanRow } from './plan.repository.js';

/** The whole plan as it stands (terms, state, themes → objectives → actions): what a version keeps. */
export async function planSnapshot(trx: Executor, plan: PlanRow): Promise<Record<string, unknown>> {
  const tree = await planTree(trx, plan.id);
  return {
    state: plan.state,
    consultantId: plan.consultantId,
    ...planTermsOf(plan),
    themes: tree.themes.map((t) => ({
      title: t.title,
      objectives: t.objectives.map((o) => ({
        title: o.title,
        actions: o.actions.map((a) => ({
          owner: a.owner,
          description: a.description,
          dueDate: a.dueOn,
          status: a.status,
          doneOn: a.doneOn,
        })),
      })),
    })),
  };
}

/**
 * Appends the version a change made (the plan row already carries the raised version number), in
 * the change's own transaction: no change without its version.
 */
export async function recordVersion(trx: Executor, plan: PlanRow, change: string, actorId: string | null, now: Date): Promise<void> {
  await insertVersion(trx, plan, { snapshot: await planSnapshot(trx, plan), change, actorId, now });
}
