import { sql } from 'kysely';
import type { Executor } from '../db/executor.js';
import type { PlanActionOwner, PlanActionStatus, PlanSignature, PlanState } from '../db/schema-plans.js';

/** The only SQL on the plans' tables. Returns plain objects; dates as 'YYYY-MM-DD'. */

export interface PlanRow {
  id: string;
  networkId: string;
  officeId: string;
  workerId: string;
  programmeId: string;
  consultantId: string;
  state: PlanState;
  profilingClass: string;
  contactIntervalDays: number;
  reviewIntervalDays: number;
  nextReviewOn: string | null;
  searchEvidence: string;
  willingActivities: boolean;
  willingTraining: boolean;
  acceptsCongruousOffers: boolean;
  notes: string;
  signedOn: string | null;
  signedHow: PlanSignature | null;
  closedOn: string | null;
  outcomeSummary: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface PlanTerms {
  consultantId: string;
  profilingClass: string;
  contactIntervalDays: number;
  reviewIntervalDays: number;
  searchEvidence: string;
  willingActivities: boolean;
  willingTraining: boolean;
  acceptsCongruousOffers: boolean;
  notes: string;
}

export interface ActionRow {
  id: string;
  planId: string;
  objectiveId: string;
  owner: PlanActionOwner;
  description: string;
  dueOn: string;
  status: PlanActionStatus;
  doneOn: string | null;
  position: number;
}

export interface PlanTree {
  themes: Array<{ id: string; title: string; objectives: Array<{ id: string; title: string; actions: ActionRow[] }> }>;
}

const PLAN_COLUMNS = [
  'id',
  'network_id',
  'office_id',
  'worker_id',
  'programme_id',
  'consultant_id',
  'state',
  'profiling_class',
  'contact_interval_days',
  'review_interval_days',
  'next_review_on',
  'search_evidence',
  'willing_activities',
  'willing_training',
  'accepts_congruous_offers',
  'notes',
  'signed_on',
  'signed_how',
  'closed_on',
  'outcome_summary',
  'version',
  'created_at',
  'updated_at',
] as const;

type PlanDbRow = {
  id: string;
  network_id: string;
  office_id: string;
  worker_id: string;
  programme_id: string;
  consultant_id: string;
  state: PlanState;
  profiling_class: string;
  contact_interval_days: number;
  review_interval_days: number;
  next_review_on: string | null;
  search_evidence: string;
  willing_activities: boolean;
  willing_training: boolean;
  accepts_congruous_offers: boolean;
  notes: string;
  signed_on: string | null;
  signed_how: PlanSignature | null;
  closed_on: string | null;
  outcome_summary: string;
  version: number;
  created_at: Date;
  updated_at: Date;
};

function toPlan(r: PlanDbRow): PlanRow {
  return {
    id: r.id,
    networkId: r.network_id,
    officeId: r.office_id,
    workerId: r.worker_id,
    programmeId: r.programme_id,
    consultantId: r.consultant_id,
    state: r.state,
    profilingClass: r.profiling_class,
    contactIntervalDays: r.contact_interval_days,
    reviewIntervalDays: r.review_interval_days,
    nextReviewOn: r.next_review_on,
    searchEvidence: r.search_evidence,
    willingActivities: r.willing_activities,
    willingTraining: r.willing_training,
    acceptsCongruousOffers: r.accepts_congruous_offers,
    notes: r.notes,
    signedOn: r.signed_on,
    signedHow: r.signed_how,
    closedOn: r.closed_on,
    outcomeSummary: r.outcome_summary,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function termsColumns(t: Partial<PlanTerms>) {
  return {
    ...(t.consultantId !== undefined && { consultant_id: t.consultantId }),
    ...(t.profilingClass !== undefined && { profiling_class: t.profilingClass }),
    ...(t.contactIntervalDays !== undefined && { contact_interval_days: t.contactIntervalDays }),
    ...(t.reviewIntervalDays !== undefined && { review_interval_days: t.reviewIntervalDays }),
    ...(t.searchEvidence !== undefined && { search_evidence: t.searchEvidence }),
    ...(t.willingActivities !== undefined && { willing_activities: t.willingActivities }),
    ...(t.willingTraining !== undefined && { willing_training: t.willingTraining }),
    ...(t.acceptsCongruousOffers !== undefined && { accepts_congruous_offers: t.acceptsCongruousOffers }),
    ...(t.notes !== undefined && { notes: t.notes }),
  };
}

export async function findPlan(db: Executor, id: string): Promise<PlanRow | undefined> {
  const row = await db.selectFrom('plans').select(PLAN_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row && toPlan(row);
}

export async function plansOfWorker(db: Executor, workerId: string): Promise<PlanRow[]> {
  const rows = await db.selectFrom('plans').select(PLAN_COLUMNS).where('worker_id', '=', workerId).orderBy('created_at', 'desc').execute();
  return rows.map(toPlan);
}

export async function insertPlan(
  trx: Executor,
  p: { networkId: string; officeId: string; workerId: string; programmeId: string; createdBy: string | null; now: Date } & PlanTerms,
): Promise<PlanRow> {
  const row = await trx
    .insertInto('plans')
    .values({
      network_id: p.networkId,
      office_id: p.officeId,
      worker_id: p.workerId,
      programme_id: p.programmeId,
      created_by: p.createdBy,
      created_at: p.now,
      updated_at: p.now,
      ...termsColumns(p),
      consultant_id: p.consultantId,
    })
    .returning(PLAN_COLUMNS)
    .executeTakeFirstOrThrow();
  return toPlan(row);
}

/**
 * Takes the plan for a change: locks its row, raises its version and returns the plan after it.
 * With `baseVersion` the change applies only to that version (undefined when it is stale), so two
 * people editing one plan cannot overwrite each other.
 */
export async function takePlanForChange(
  trx: Executor,
  id: string,
  now: Date,
  {
    fromStates,
    baseVersion,
    ...changes
  }: Partial<PlanTerms> & {
    baseVersion?: number;
    /** The change applies only from these states (a move checked before its transaction). */
    fromStates?: readonly PlanState[];
    state?: PlanState;
    signedOn?: string;
    signedHow?: PlanSignature;
    nextReviewOn?: string | null;
    closedOn?: string;
    outcomeSummary?: string;
  } = {},
): Promise<PlanRow | undefined> {
  let query = trx
    .updateTable('plans')
    .set((eb) => ({
      version: eb('version', '+', 1),
      updated_at: now,
      ...termsColumns(changes),
      ...(changes.state !== undefined && { state: changes.state }),
      ...(changes.signedOn !== undefined && { signed_on: changes.signedOn }),
      ...(changes.signedHow !== undefined && { signed_how: changes.signedHow }),
      ...(changes.nextReviewOn !== undefined && { next_review_on: changes.nextReviewOn }),
      ...(changes.closedOn !== undefined && { closed_on: changes.closedOn }),
      ...(changes.outcomeSummary !== undefined && { outcome_summary: changes.outcomeSummary }),
    }))
    .where('id', '=', id);
  if (baseVersion !== undefined) query = query.where('version', '=', baseVersion);
  if (fromStates) query = query.where('state', 'in', [...fromStates]);
  const row = await query.returning(PLAN_COLUMNS).executeTakeFirst();
  return row && toPlan(row);
}

/** Themes → objectives → actions of a plan, in the order they were added. */
export async function planTree(db: Executor, planId: string): Promise<PlanTree> {
  const [themes, objectives, actions] = await Promise.all([
    db.selectFrom('plan_themes').select(['id', 'title']).where('plan_id', '=', planId).orderBy('position').execute(),
    db.selectFrom('plan_objectives').select(['id', 'theme_id', 'title']).where('plan_id', '=', planId).orderBy('position').execute(),
    db
      .selectFrom('plan_actions')
      .select(['id', 'plan_id', 'objective_id', 'owner', 'description', 'due_on', 'status', 'done_on', 'position'])
      .where('plan_id', '=', planId)
      .orderBy('position')
      .execute(),
  ]);
  return {
    themes: themes.map((t) => ({
      id: t.id,
      title: t.title,
      objectives: objectives
        .filter((o) => o.theme_id === t.id)
        .map((o) => ({
          id: o.id,
          title: o.title,
          actions: actions.filter((a) => a.objective_id === o.id).map(toAction),
        })),
    })),
  };
}

function toAction(a: {
  id: string;
  plan_id: string;
  objective_id: string;
  owner: PlanActionOwner;
  description: string;
  due_on: string;
  status: PlanActionStatus;
  done_on: string | null;
  position: number;
}): ActionRow {
  return {
    id: a.id,
    planId: a.plan_id,
    objectiveId: a.objective_id,
    owner: a.owner,
    description: a.description,
    dueOn: a.due_on,
    status: a.status,
    doneOn: a.done_on,
    position: a.position,
  };
}

async function nextPosition(trx: Executor, table: 'plan_themes' | 'plan_objectives' | 'plan_actions', planId: string): Promise<number> {
  const row = await trx
    .selectFrom(table)
    .select((eb) => eb.fn.coalesce(eb.fn.max('position'), sql<number>`0`).as('max'))
    .where('plan_id', '=', planId)
    .executeTakeFirstOrThrow();
  return Number(row.max) + 1;
}

/** The theme of that title in the plan, added when new (the caller holds the plan's row lock). */
export async function themeByTitle(trx: Executor, plan: PlanRow, title: string): Promise<string> {
  const found = await trx
    .selectFrom('plan_themes')
    .select('id')
    .where('plan_id', '=', plan.id)
    .where('title', '=', title)
    .executeTakeFirst();
  if (found) return found.id;
  const position = await nextPosition(trx, 'plan_themes', plan.id);
  const row = await trx
    .insertInto('plan_themes')
    .values({ network_id: plan.networkId, office_id: plan.officeId, plan_id: plan.id, title, position })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function objectiveByTitle(trx: Executor, plan: PlanRow, themeId: string, title: string): Promise<string> {
  const found = await trx
    .selectFrom('plan_objectives')
    .select('id')
    .where('theme_id', '=', themeId)
    .where('title', '=', title)
    .executeTakeFirst();
  if (found) return found.id;
  const position = await nextPosition(trx, 'plan_objectives', plan.id);
  const row = await trx
    .insertInto('plan_objectives')
    .values({ network_id: plan.networkId, office_id: plan.officeId, plan_id: plan.id, theme_id: themeId, title, position })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertAction(
  trx: Executor,
  plan: PlanRow,
  a: { objectiveId: string; owner: PlanActionOwner; description: string; dueOn: string; createdBy: string | null; now: Date },
): Promise<string> {
  const position = await nextPosition(trx, 'plan_actions', plan.id);
  const row = await trx
    .insertInto('plan_actions')
    .values({
      network_id: plan.networkId,
      office_id: plan.officeId,
      plan_id: plan.id,
      objective_id: a.objectiveId,
      owner: a.owner,
      description: a.description,
      due_on: a.dueOn,
      position,
      created_by: a.createdBy,
      created_at: a.now,
      updated_at: a.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findAction(db: Executor, planId: string, actionId: string): Promise<ActionRow | undefined> {
  const row = await db
    .selectFrom('plan_actions')
    .select(['id', 'plan_id', 'objective_id', 'owner', 'description', 'due_on', 'status', 'done_on', 'position'])
    .where('id', '=', actionId)
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  return row && toAction(row);
}

export async function updateAction(
  trx: Executor,
  actionId: string,
  a: { owner?: PlanActionOwner; description?: string; dueOn?: string; status?: PlanActionStatus; doneOn?: string | null; now: Date },
): Promise<void> {
  await trx
    .updateTable('plan_actions')
    .set({
      updated_at: a.now,
      ...(a.owner !== undefined && { owner: a.owner }),
      ...(a.description !== undefined && { description: a.description }),
      ...(a.dueOn !== undefined && { due_on: a.dueOn }),
      ...(a.status !== undefined && { status: a.status }),
      ...(a.doneOn !== undefined && { done_on: a.doneOn }),
    })
    .where('id', '=', actionId)
    .execute();
}

/** Removes an action, and its objective and theme when they are left empty. */
export async function deleteAction(trx: Executor, action: ActionRow): Promise<void> {
  await trx.deleteFrom('plan_actions').where('id', '=', action.id).execute();
  const objective = await trx
    .deleteFrom('plan_objectives')
    .where('id', '=', action.objectiveId)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('plan_actions').select('id').where('objective_id', '=', action.objectiveId))))
    .returning('theme_id')
    .executeTakeFirst();
  if (objective)
    await trx
      .deleteFrom('plan_themes')
      .where('id', '=', objective.theme_id)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('plan_objectives').select('id').where('theme_id', '=', objective.theme_id))))
      .execute();
}

export async function countActions(db: Executor, planId: string): Promise<number> {
  const row = await db
    .selectFrom('plan_actions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('plan_id', '=', planId)
    .where('status', '<>', 'cancelled')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertReview(
  trx: Executor,
  plan: PlanRow,
  r: { reviewedOn: string; reviewerId: string | null; note: string; now: Date },
): Promise<void> {
  await trx
    .insertInto('plan_reviews')
    .values({
      network_id: plan.networkId,
      office_id: plan.officeId,
      plan_id: plan.id,
      reviewed_on: r.reviewedOn,
      reviewer_id: r.reviewerId,
      note: r.note,
      created_at: r.now,
    })
    .execute();
}

export async function reviewsOf(db: Executor, planId: string) {
  const rows = await db
    .selectFrom('plan_reviews')
    .select(['id', 'reviewed_on', 'reviewer_id', 'note'])
    .where('plan_id', '=', planId)
    .orderBy('reviewed_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, reviewedOn: r.reviewed_on, reviewerId: r.reviewer_id, note: r.note }));
}

export async function insertVersion(
  trx: Executor,
  plan: PlanRow,
  v: { snapshot: Record<string, unknown>; change: string; actorId: string | null; now: Date },
): Promise<void> {
  await trx
    .insertInto('plan_versions')
    .values({
      network_id: plan.networkId,
      office_id: plan.officeId,
      plan_id: plan.id,
      version: plan.version,
      snapshot: JSON.stringify(v.snapshot),
      change: v.change,
      actor_id: v.actorId,
      at: v.now,
    })
    .execute();
}

export async function versionsOf(db: Executor, planId: string) {
  const rows = await db
    .selectFrom('plan_versions')
    .select(['version', 'change', 'actor_id', 'at', 'snapshot'])
    .where('plan_id', '=', planId)
    .orderBy('version', 'desc')
    .execute();
  return rows.map((r) => ({ version: r.version, change: r.change, actorId: r.actor_id, at: r.at, snapshot: r.snapshot }));
}

export async function logPlanTransition(
  trx: Executor,
  plan: PlanRow,
  t: { from: PlanState | null; to: PlanState; actorId: string | null; reason: string; now: Date },
): Promise<void> {
  await trx
    .insertInto('plan_transitions')
    .values({
      network_id: plan.networkId,
      office_id: plan.officeId,
      plan_id: plan.id,
      from_state: t.from,
      to_state: t.to,
      actor_id: t.actorId,
      reason: t.reason,
      at: t.now,
    })
    .execute();
}

/** Whose plans a consultant's lists cover: their own, or every plan of an office. */
export type PlanScope = { networkId: string } & ({ consultantId: string } | { officeId: string });

/** Open actions past their due date on open plans, the longest overdue first. */
export async function overdueActions(db: Executor, scope: PlanScope, today: string, limit = 200) {
  let q = db
    .selectFrom('plan_actions as a')
    .innerJoin('plans as p', 'p.id', 'a.plan_id')
    .select(['a.id', 'a.plan_id', 'a.description', 'a.owner', 'a.due_on', 'p.worker_id', 'p.consultant_id'])
    .where('p.network_id', '=', scope.networkId)
    .where('p.state', 'in', ['signed', 'under_review'])
    .where('a.status', 'in', ['todo', 'in_progress'])
    .where('a.due_on', '<', today);
  q = 'consultantId' in scope ? q.where('p.consultant_id', '=', scope.consultantId) : q.where('p.office_id', '=', scope.officeId);
  const rows = await q.orderBy('a.due_on').orderBy('a.id').limit(limit).execute();
  return rows.map((r) => ({
    actionId: r.id,
    planId: r.plan_id,
    description: r.description,
    owner: r.owner,
    dueOn: r.due_on,
    workerId: r.worker_id,
    consultantId: r.consultant_id,
  }));
}

/** Signed plans whose review date has come (or comes within `withinDays`), the earliest first. */
export async function dueReviews(db: Executor, scope: PlanScope, until: string, limit = 200) {
  let q = db
    .selectFrom('plans')
    .select(['id', 'worker_id', 'consultant_id', 'next_review_on', 'state'])
    .where('network_id', '=', scope.networkId)
    .where('state', '=', 'signed')
    .where('next_review_on', '<=', until);
  q = 'consultantId' in scope ? q.where('consultant_id', '=', scope.consultantId) : q.where('office_id', '=', scope.officeId);
  const rows = await q.orderBy('next_review_on').orderBy('id').limit(limit).execute();
  return rows.map((r) => ({
    planId: r.id,
    workerId: r.worker_id,
    consultantId: r.consultant_id,
    nextReviewOn: r.next_review_on!,
    state: r.state,
  }));
}
