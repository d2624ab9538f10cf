import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { Executor } from '../db/executor.js';
import type { DB } from '../db/schema.js';
import type { PlanActionOwner, PlanActionStatus, PlanState } from '../db/schema-plans.js';
import type { PlanRow } from './plan.repository.js';

/** A whole plan as the demo writes it: terms, state, themes → objectives → actions, reviews and its log. */
export interface BulkPlan extends Omit<PlanRow, 'id' | 'notes' | 'version' | 'updatedAt'> {
  themes: Array<{
    title: string;
    objectives: Array<{
      title: string;
      actions: Array<{ owner: PlanActionOwner; description: string; dueOn: string; status: PlanActionStatus; doneOn: string | null }>;
    }>;
  }>;
  reviews: Array<{ reviewedOn: string; note: string }>;
  /** The states the plan went through, in order, from 'draft'. */
  path: Array<{ to: PlanState; at: Date; reason: string }>;
}

const CHUNK = 500;

async function insertChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

/** The demo's plans, a few statements per table whatever their number (ids made here, no round trip per row). */
export async function insertPlansBulk(trx: Executor, plans: BulkPlan[]): Promise<void> {
  const planRows: Insertable<DB['plans']>[] = [];
  const themeRows: Insertable<DB['plan_themes']>[] = [];
  const objectiveRows: Insertable<DB['plan_objectives']>[] = [];
  const actionRows: Insertable<DB['plan_actions']>[] = [];
  const reviewRows: Insertable<DB['plan_reviews']>[] = [];
  const transitionRows: Insertable<DB['plan_transitions']>[] = [];
  const versionRows: Insertable<DB['plan_versions']>[] = [];
  for (const p of plans) {
    const id = randomUUID();
    const place = { network_id: p.networkId, office_id: p.officeId, plan_id: id };
    const updatedAt = p.path.at(-1)?.at ?? p.createdAt;
    planRows.push({
      id,
      network_id: p.networkId,
      office_id: p.officeId,
      worker_id: p.workerId,
      programme_id: p.programmeId,
      consultant_id: p.consultantId,
      state: p.state,
      profiling_class: p.profilingClass,
      contact_interval_days: p.contactIntervalDays,
      review_interval_days: p.reviewIntervalDays,
      next_review_on: p.nextReviewOn,
      search_evidence: p.searchEvidence,
      willing_activities: p.willingActivities,
      willing_training: p.willingTraining,
      accepts_congruous_offers: p.acceptsCongruousOffers,
      signed_on: p.signedOn,
      signed_how: p.signedHow,
      closed_on: p.closedOn,
      outcome_summary: p.outcomeSummary,
      version: 1,
      created_by: p.consultantId,
      created_at: p.createdAt,
      updated_at: updatedAt,
    });
    let actionPosition = 0;
    let objectivePosition = 0;
    p.themes.forEach((theme, ti) => {
      const themeId = randomUUID();
      themeRows.push({ ...place, id: themeId, title: theme.title, position: ti + 1 });
      for (const objective of theme.objectives) {
        const objectiveId = randomUUID();
        objectiveRows.push({ ...place, id: objectiveId, theme_id: themeId, title: objective.title, position: ++objectivePosition });
        for (const a of objective.actions)
          actionRows.push({
            ...place,
            objective_id: objectiveId,
            owner: a.owner,
            description: a.description,
            due_on: a.dueOn,
            status: a.status,
            done_on: a.doneOn,
            position: ++actionPosition,
            created_by: p.consultantId,
            created_at: p.createdAt,
            updated_at: updatedAt,
          });
      }
    });
    for (const r of p.reviews)
      reviewRows.push({ ...place, reviewed_on: r.reviewedOn, reviewer_id: p.consultantId, note: r.note, created_at: updatedAt });
    let from: PlanState | null = null;
    for (const step of [{ to: 'draft' as PlanState, at: p.createdAt, reason: '' }, ...p.path]) {
      transitionRows.push({ ...place, from_state: from, to_state: step.to, actor_id: p.consultantId, reason: step.reason, at: step.at });
      from = step.to;
    }
    // One version, the plan as loaded: the demo has no history of edits to show.
    versionRows.push({
      ...place,
      version: 1,
      snapshot: JSON.stringify({ state: p.state, themes: p.themes, signedOn: p.signedOn, closedOn: p.closedOn }),
      change: 'Patto caricato con i dati dimostrativi',
      actor_id: p.consultantId,
      at: updatedAt,
    });
  }
  await insertChunks(planRows, (rows) => trx.insertInto('plans').values(rows).execute());
  await insertChunks(themeRows, (rows) => trx.insertInto('plan_themes').values(rows).execute());
  await insertChunks(objectiveRows, (rows) => trx.insertInto('plan_objectives').values(rows).execute());
  await insertChunks(actionRows, (rows) => trx.insertInto('plan_actions').values(rows).execute());
  await insertChunks(reviewRows, (rows) => trx.insertInto('plan_reviews').values(rows).execute());
  await insertChunks(transitionRows, (rows) => trx.insertInto('plan_transitions').values(rows).execute());
  await insertChunks(versionRows, (rows) => trx.insertInto('plan_versions').values(rows).execute());
}
