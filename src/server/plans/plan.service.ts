/**
 * Plan use cases: every read audited (a plan is personal data), every change in one transaction
 * with its version, its lifecycle log when the state moves, and its audit entry.
 */
import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import { requireNetwork, requireOffice, staffNamesById, staffWithRolesInOffice, type ActorContext } from '../auth/index.js';
import type { Executor } from '../db/executor.js';
import { isUniqueViolation } from '../db/errors.js';
import type { DB } from '../db/schema.js';
import { displayNameOf, workerContactsByIds } from '../people/index.js';
import { enrollmentOfWorker, holdsPlace, programmeNameOf, type EnrollmentService } from '../programmes/index.js';
import type {
  PlanActionCreate,
  PlanActionUpdate,
  PlanClose,
  PlanCreate,
  PlanDetail,
  PlanReview,
  PlanObjectiveRename,
  PlanSign,
  PlanThemeRename,
  PlanUpdate,
} from '../../shared/schemas/plans.schema.js';
import { addDays, daysBetween, romeToday } from '../../shared/time/rome-date.js';
import { addPlanAction } from './plan-actions.js';
import {
  countActions,
  deleteAction,
  dueReviews,
  findAction,
  findPlan,
  insertPlan,
  insertReview,
  logPlanTransition,
  overdueActions,
  plansOfWorker,
  planTree,
  reviewsOf,
  takePlanForChange,
  updateAction,
  versionsOf,
  type PlanRow,
  type PlanScope,
} from './plan.repository.js';
import { allowedPlanMoves, EDITABLE_STATES, findPlanRule, type PlanTransitionRule } from './plan.states.js';
import { planTermsOf } from './plan-fields.js';
import { findObjective, findTheme, objectiveTitleTaken, renameObjective, renameTheme, themeTitleTaken } from './plan-outline.repository.js';
import { recordVersion } from './plan-versions.js';
import { planErrors } from './plans.errors.js';
import { canActOnPlan, canSeeOfficePlans } from './plans.policy.js';

/** The programmes domain's move of the enrolment on signature, handed in by buildApp. */
export type EnrollOnPlanSigned = EnrollmentService['enrollOnPlanSigned'];

const PLAN_CONSULTANT_ROLES = ['consultant', 'coordinator'] as const;

export function createPlanService(deps: {
  db: Kysely<DB>;
  audit: AuditService;
  clock: () => Date;
  enrollOnPlanSigned: EnrollOnPlanSigned;
}) {
  const { db, audit, clock } = deps;
  const today = () => romeToday(clock());

  /** The plan, when the actor may see it; another office's or network's plan is "not found". */
  async function planFor(executor: Executor, ctx: ActorContext, planId: string): Promise<PlanRow> {
    const plan = await findPlan(executor, planId);
    if (!plan || !canActOnPlan(ctx.actor, plan)) throw planErrors.planNotFound();
    return plan;
  }

  async function workerFor(ctx: ActorContext, workerId: string) {
    const worker = (await workerContactsByIds(db, [workerId])).get(workerId);
    if (!worker || !canActOnPlan(ctx.actor, worker)) throw planErrors.workerNotFound();
    return worker;
  }

  async function checkConsultant(executor: Executor, officeId: string, consultantId: string) {
    const staff = await staffWithRolesInOffice(executor, officeId, PLAN_CONSULTANT_ROLES);
    if (!staff.some((s) => s.id === consultantId)) throw planErrors.consultantNotInOffice();
  }

  async function present(executor: Executor, ctx: ActorContext, plan: PlanRow): Promise<PlanDetail> {
    const [tree, reviews, workers, programmeName, choices] = await Promise.all([
      planTree(executor, plan.id),
      reviewsOf(executor, plan.id),
      workerContactsByIds(executor, [plan.workerId]),
      programmeNameOf(executor, plan.networkId, plan.programmeId),
      staffWithRolesInOffice(executor, plan.officeId, PLAN_CONSULTANT_ROLES),
    ]);
    const names = await staffNamesById(executor, [plan.consultantId, ...reviews.map((r) => r.reviewerId)]);
    const worker = workers.get(plan.workerId);
    const now = today();
    const open = plan.state === 'signed' || plan.state === 'under_review';
    return {
      id: plan.id,
      worker: { id: plan.workerId, name: worker ? displayNameOf(worker.firstName, worker.lastName) : '' },
      programme: { id: plan.programmeId, name: programmeName ?? '' },
      officeId: plan.officeId,
      consultant: { id: plan.consultantId, name: names.get(plan.consultantId) ?? '' },
      consultantChoices: choices.map((c) => ({ id: c.id, name: c.fullName })),
      state: plan.state,
      ...planTermsOf(plan),
      version: plan.version,
      updatedAt: plan.updatedAt.toISOString(),
      themes: tree.themes.map((t) => ({
        id: t.id,
        title: t.title,
        objectives: t.objectives.map((o) => ({
          id: o.id,
          title: o.title,
          actions: o.actions.map((a) => ({
            id: a.id,
            owner: a.owner,
            description: a.description,
            dueDate: a.dueOn,
            status: a.status,
            doneOn: a.doneOn,
            overdue: open && (a.status === 'todo' || a.status === 'in_progress') && a.dueOn < now,
          })),
        })),
      })),
      reviews: reviews.map((r) => ({
        id: r.id,
        reviewedOn: r.reviewedOn,
        reviewer: r.reviewerId ? (names.get(r.reviewerId) ?? '') : '',
        note: r.note,
      })),
      moves: allowedPlanMoves(plan.state, ctx.actor.roles),
    };
  }

  /** A change of an open plan: taken (locked, version raised), changed, versioned, audited, in one transaction. */
  async function change(
    ctx: ActorContext,
    planId: string,
    run: (trx: Executor, plan: PlanRow, now: Date) => Promise<{ change: string; action: string; details?: Record<string, unknown> }>,
  ): Promise<PlanDetail> {
    const before = await planFor(db, ctx, planId);
    if (!EDITABLE_STATES.includes(before.state)) throw planErrors.closed();
    const now = clock();
    return db.transaction().execute(async (trx) => {
      const taken = await takePlanForChange(trx, planId, now);
      if (!taken) throw planErrors.planNotFound();
      if (!EDITABLE_STATES.includes(taken.state)) throw planErrors.closed();
      const done = await run(trx, taken, now);
      const plan = (await findPlan(trx, planId))!;
      await recordVersion(trx, plan, done.change, ctx.actor.userId, now);
      await audit.record(trx, ctx, {
        action: done.action,
        entityType: 'plan',
        entityId: planId,
        officeId: plan.officeId,
        details: { workerId: plan.workerId, version: plan.version, ...done.details },
      });
      return present(trx, ctx, plan);
    });
  }

  function ruleFor(plan: PlanRow, ctx: ActorContext, action: PlanTransitionRule['action']) {
    const rule = findPlanRule(action, plan.state);
    if (!rule || !rule.roles.some((r) => ctx.actor.roles.includes(r))) throw planErrors.moveNotAllowed(plan.state, action);
    return rule;
  }

  function agendaScope(ctx: ActorContext, scope: 'mine' | 'office'): PlanScope {
    const networkId = requireNetwork(ctx.actor);
    if (scope === 'mine') return { networkId, consultantId: ctx.actor.userId };
    if (!canSeeOfficePlans(ctx.actor)) throw planErrors.officeListForbidden();
    return { networkId, officeId: requireOffice(ctx.actor).officeId };
  }

  async function namedWorkers(ids: string[]) {
    const workers = await workerContactsByIds(db, ids);
    return (id: string) => {
      const w = workers.get(id);
      return { id, name: w ? displayNameOf(w.firstName, w.lastName) : '' };
    };
  }

  /**
   * An agenda list's people and its read in the log: names the workers and consultants of the rows and
   * audits the ids shown with their workers.
   */
  async function agendaList<R extends { workerId: string; consultantId: string }>(
    ctx: ActorContext,
    rows: R[],
    read: { action: 'plan.overdue_listed' | 'plan.due_reviews_listed'; scope: 'mine' | 'office'; ids: string[] },
  ) {
    const worker = await namedWorkers(rows.map((r) => r.workerId));
    const names = await staffNamesById(
      db,
      rows.map((r) => r.consultantId),
    );
    await audit.record(db, ctx, {
      action: read.action,
      entityType: 'plan',
      entityId: null,
      details: { scope: read.scope, ids: read.ids, workerIds: [...new Set(rows.map((r) => r.workerId))] },
    });
    return { worker: (r: R) => worker(r.workerId), consultant: (r: R) => names.get(r.consultantId) ?? '' };
  }

  return {
    async listOfWorker(ctx: ActorContext, workerId: string) {
      const worker = await workerFor(ctx, workerId);
      const plans = await plansOfWorker(db, workerId);
      const programmeIds = [...new Set(plans.map((p) => p.programmeId))];
      const programmes = new Map(
        await Promise.all(programmeIds.map(async (id) => [id, (await programmeNameOf(db, worker.networkId, id)) ?? ''] as const)),
      );
      const names = await staffNamesById(
        db,
        plans.map((p) => p.consultantId),
      );
      await audit.record(db, ctx, {
        action: 'plan.listed',
        entityType: 'worker',
        entityId: workerId,
        entityLabel: displayNameOf(worker.firstName, worker.lastName),
        officeId: worker.officeId,
        details: { ids: plans.map((p) => p.id) },
      });
      return plans.map((p) => ({
        id: p.id,
        programme: { id: p.programmeId, name: programmes.get(p.programmeId) ?? '' },
        consultant: { id: p.consultantId, name: names.get(p.consultantId) ?? '' },
        state: p.state,
        signedOn: p.signedOn,
        nextReviewOn: p.nextReviewOn,
        closedOn: p.closedOn,
        version: p.version,
      }));
    },

    async create(ctx: ActorContext, workerId: string, input: PlanCreate): Promise<PlanDetail> {
      const worker = await workerFor(ctx, workerId);
      const enrollment = await enrollmentOfWorker(db, input.programmeId, workerId);
      const programmeName = await programmeNameOf(db, worker.networkId, input.programmeId);
      // A plan is agreed with a worker who has a place in the programme (registered, assessed or enrolled).
      if (!enrollment || !programmeName || !holdsPlace(enrollment.state)) throw planErrors.notEnrolled();
      const consultantId = input.consultantId ?? ctx.actor.userId;
      await checkConsultant(db, worker.officeId, consultantId);
      const now = clock();
      try {
        return await db.transaction().execute(async (trx) => {
          const plan = await insertPlan(trx, {
            networkId: worker.networkId,
            officeId: worker.officeId,
            workerId,
            programmeId: input.programmeId,
            createdBy: ctx.actor.userId,
            now,
            consultantId,
            profilingClass: input.profilingClass ?? '',
            contactIntervalDays: input.contactIntervalDays ?? 30,
            reviewIntervalDays: input.reviewIntervalDays ?? 90,
            searchEvidence: input.searchEvidence ?? '',
            willingActivities: input.willingActivities ?? false,
            willingTraining: input.willingTraining ?? false,
            acceptsCongruousOffers: input.acceptsCongruousOffers ?? false,
            notes: input.notes ?? '',
          });
          await logPlanTransition(trx, plan, { from: null, to: 'draft', actorId: ctx.actor.userId, reason: '', now });
          await recordVersion(trx, plan, 'Patto creato in bozza', ctx.actor.userId, now);
          await audit.record(trx, ctx, {
            action: 'plan.created',
            entityType: 'plan',
            entityId: plan.id,
            entityLabel: displayNameOf(worker.firstName, worker.lastName),
            officeId: plan.officeId,
            details: { programmeId: input.programmeId, workerId },
          });
          return present(trx, ctx, plan);
        });
      } catch (err) {
        if (isUniqueViolation(err, 'plans_one_open_key')) throw planErrors.openPlanExists();
        throw err;
      }
    },

    async get(ctx: ActorContext, planId: string): Promise<PlanDetail> {
      const plan = await planFor(db, ctx, planId);
      const detail = await present(db, ctx, plan);
      await audit.record(db, ctx, {
        action: 'plan.read',
        entityType: 'plan',
        entityId: planId,
        entityLabel: detail.worker.name,
        officeId: plan.officeId,
        details: { workerId: plan.workerId },
      });
      return detail;
    },

    async update(ctx: ActorContext, planId: string, input: PlanUpdate): Promise<PlanDetail> {
      const before = await planFor(db, ctx, planId);
      if (!EDITABLE_STATES.includes(before.state)) throw planErrors.closed();
      if (input.consultantId !== undefined) await checkConsultant(db, before.officeId, input.consultantId);
      const now = clock();
      const { baseVersion, ...terms } = input;
      return db.transaction().execute(async (trx) => {
        const plan = await takePlanForChange(trx, planId, now, { baseVersion, ...terms });
        if (!plan) {
          const current = await findPlan(trx, planId);
          if (!current) throw planErrors.planNotFound();
          throw planErrors.staleVersion(current.version);
        }
        if (!EDITABLE_STATES.includes(plan.state)) throw planErrors.closed();
        const changed = Object.keys(terms);
        await recordVersion(trx, plan, `Condizioni del patto modificate (${changed.join(', ') || 'nessun campo'})`, ctx.actor.userId, now);
        await audit.record(trx, ctx, {
          action: 'plan.updated',
          entityType: 'plan',
          entityId: planId,
          officeId: plan.officeId,
          details: { workerId: plan.workerId, version: plan.version, fields: changed },
        });
        return present(trx, ctx, plan);
      });
    },

    async addAction(ctx: ActorContext, planId: string, input: PlanActionCreate): Promise<PlanDetail> {
      const before = await planFor(db, ctx, planId);
      if (!EDITABLE_STATES.includes(before.state)) throw planErrors.closed();
      const now = clock();
      return db.transaction().execute(async (trx) => {
        const added = await addPlanAction(trx, { planId, ...input, actorId: ctx.actor.userId, now });
        await audit.record(trx, ctx, {
          action: 'plan.action_added',
          entityType: 'plan',
          entityId: planId,
          officeId: before.officeId,
          details: {
            workerId: before.workerId,
            version: added.version,
            actionId: added.actionId,
            owner: input.owner,
            dueDate: input.dueDate,
          },
        });
        return present(trx, ctx, (await findPlan(trx, planId))!);
      });
    },

    async updateAction(ctx: ActorContext, planId: string, actionId: string, input: PlanActionUpdate): Promise<PlanDetail> {
      return change(ctx, planId, async (trx, _plan, now) => {
        const action = await findAction(trx, planId, actionId);
        if (!action) throw planErrors.actionNotFound();
        const status = input.status ?? action.status;
        await updateAction(trx, actionId, {
          ...input,
          dueOn: input.dueDate,
          doneOn: status === 'done' ? (action.doneOn ?? romeToday(now)) : null,
          now,
        });
        const what = input.status && input.status !== action.status ? `stato ${action.status} → ${input.status}` : 'modificata';
        return { change: `Azione «${action.description}»: ${what}`, action: 'plan.action_updated', details: { actionId, ...input } };
      });
    },

    async renameTheme(ctx: ActorContext, planId: string, themeId: string, input: PlanThemeRename): Promise<PlanDetail> {
      return change(ctx, planId, async (trx) => {
        const theme = await findTheme(trx, planId, themeId);
        if (!theme) throw planErrors.themeNotFound();
        if (await themeTitleTaken(trx, planId, themeId, input.title)) throw planErrors.themeTitleTaken();
        await renameTheme(trx, themeId, input.title);
        return {
          change: `Tema «${theme.title}» rinominato «${input.title}»`,
          action: 'plan.theme_renamed',
          details: { themeId, from: theme.title, to: input.title },
        };
      });
    },

    async renameObjective(ctx: ActorContext, planId: string, objectiveId: string, input: PlanObjectiveRename): Promise<PlanDetail> {
      return change(ctx, planId, async (trx) => {
        const objective = await findObjective(trx, planId, objectiveId);
        if (!objective) throw planErrors.objectiveNotFound();
        if (await objectiveTitleTaken(trx, objective.themeId, objectiveId, input.title)) throw planErrors.objectiveTitleTaken();
        await renameObjective(trx, objectiveId, input.title);
        return {
          change: `Obiettivo «${objective.title}» rinominato «${input.title}»`,
          action: 'plan.objective_renamed',
          details: { objectiveId, from: objective.title, to: input.title },
        };
      });
    },

    async removeAction(ctx: ActorContext, planId: string, actionId: string): Promise<PlanDetail> {
      return change(ctx, planId, async (trx) => {
        const action = await findAction(trx, planId, actionId);
        if (!action) throw planErrors.actionNotFound();
        await deleteAction(trx, action);
        return { change: `Azione eliminata: ${action.description}`, action: 'plan.action_removed', details: { actionId } };
      });
    },

    /**
     * The signature (D.Lgs. 150/2015 art. 20): the plan becomes signed, its first review falls one
     * interval after the signature, and the enrolment moves to "enrolled" in the same transaction
     * when the programme's state machine allows it (else the answer says why it did not move).
     */
    async sign(ctx: ActorContext, planId: string, input: PlanSign) {
      if (input.how === 'otp') throw planErrors.otpNotAvailable();
      const before = await planFor(db, ctx, planId);
      const rule = ruleFor(before, ctx, 'sign');
      if (input.signedOn > today()) throw planErrors.dateInFuture();
      if ((await countActions(db, planId)) === 0) throw planErrors.noActions();
      const now = clock();
      return db.transaction().execute(async (trx) => {
        const plan = await takePlanForChange(trx, planId, now, {
          fromStates: rule.from,
          state: rule.to,
          signedOn: input.signedOn,
          signedHow: input.how,
          nextReviewOn: addDays(input.signedOn, before.reviewIntervalDays),
        });
        if (!plan) throw await movedMeanwhile(trx, planId, 'sign');
        await logPlanTransition(trx, plan, {
          from: before.state,
          to: rule.to,
          actorId: ctx.actor.userId,
          reason: `firma: ${input.how}`,
          now,
        });
        await recordVersion(
          trx,
          plan,
          before.state === 'draft' ? 'Patto firmato' : 'Patto rivisto firmato di nuovo',
          ctx.actor.userId,
          now,
        );
        const enrollment = await deps.enrollOnPlanSigned(trx, ctx, { programmeId: plan.programmeId, workerId: plan.workerId, planId });
        await audit.record(trx, ctx, {
          action: 'plan.signed',
          entityType: 'plan',
          entityId: planId,
          officeId: plan.officeId,
          details: {
            workerId: plan.workerId,
            version: plan.version,
            signedOn: input.signedOn,
            how: input.how,
            enrollmentMoved: enrollment.moved,
            enrollmentState: enrollment.state,
          },
        });
        return { plan: await present(trx, ctx, plan), enrollment };
      });
    },

    async review(ctx: ActorContext, planId: string, input: PlanReview): Promise<PlanDetail> {
      const before = await planFor(db, ctx, planId);
      const rule = ruleFor(before, ctx, input.outcome === 'revise' ? 'revise' : 'review');
      if (input.reviewedOn > today()) throw planErrors.dateInFuture();
      if (before.signedOn && input.reviewedOn < before.signedOn) throw planErrors.dateBeforeSignature();
      const now = clock();
      return db.transaction().execute(async (trx) => {
        const plan = await takePlanForChange(trx, planId, now, {
          fromStates: [before.state],
          state: rule.to,
          nextReviewOn: input.outcome === 'confirmed' ? addDays(input.reviewedOn, before.reviewIntervalDays) : before.nextReviewOn,
        });
        if (!plan) throw await movedMeanwhile(trx, planId, rule.action);
        await insertReview(trx, plan, { reviewedOn: input.reviewedOn, reviewerId: ctx.actor.userId, note: input.note, now });
        if (rule.to !== before.state)
          await logPlanTransition(trx, plan, { from: before.state, to: rule.to, actorId: ctx.actor.userId, reason: input.note, now });
        await recordVersion(
          trx,
          plan,
          input.outcome === 'confirmed'
            ? `Verifica del ${input.reviewedOn}: patto confermato`
            : `Verifica del ${input.reviewedOn}: patto da rivedere`,
          ctx.actor.userId,
          now,
        );
        await audit.record(trx, ctx, {
          action: 'plan.reviewed',
          entityType: 'plan',
          entityId: planId,
          officeId: plan.officeId,
          details: { workerId: plan.workerId, version: plan.version, reviewedOn: input.reviewedOn, outcome: input.outcome },
        });
        return present(trx, ctx, plan);
      });
    },

    async close(ctx: ActorContext, planId: string, input: PlanClose): Promise<PlanDetail> {
      const before = await planFor(db, ctx, planId);
      const rule = ruleFor(before, ctx, 'close');
      if (input.closedOn > today()) throw planErrors.dateInFuture();
      if (before.signedOn && input.closedOn < before.signedOn) throw planErrors.dateBeforeSignature();
      const now = clock();
      return db.transaction().execute(async (trx) => {
        const plan = await takePlanForChange(trx, planId, now, {
          fromStates: rule.from,
          state: rule.to,
          closedOn: input.closedOn,
          outcomeSummary: input.outcomeSummary,
          nextReviewOn: null,
        });
        if (!plan) throw await movedMeanwhile(trx, planId, 'close');
        await logPlanTransition(trx, plan, {
          from: before.state,
          to: rule.to,
          actorId: ctx.actor.userId,
          reason: input.outcomeSummary,
          now,
        });
        await recordVersion(trx, plan, 'Patto chiuso', ctx.actor.userId, now);
        await audit.record(trx, ctx, {
          action: 'plan.closed',
          entityType: 'plan',
          entityId: planId,
          officeId: plan.officeId,
          details: { workerId: plan.workerId, version: plan.version, closedOn: input.closedOn },
        });
        return present(trx, ctx, plan);
      });
    },

    async versions(ctx: ActorContext, planId: string) {
      const plan = await planFor(db, ctx, planId);
      const versions = await versionsOf(db, planId);
      const names = await staffNamesById(
        db,
        versions.map((v) => v.actorId),
      );
      await audit.record(db, ctx, {
        action: 'plan.versions_read',
        entityType: 'plan',
        entityId: planId,
        officeId: plan.officeId,
        details: { workerId: plan.workerId },
      });
      return versions.map((v) => ({
        version: v.version,
        change: v.change,
        actor: v.actorId ? (names.get(v.actorId) ?? '') : '',
        at: v.at.toISOString(),
        snapshot: v.snapshot,
      }));
    },

    async overdueActions(ctx: ActorContext, scope: 'mine' | 'office') {
      const where = agendaScope(ctx, scope);
      const now = today();
      const rows = await overdueActions(db, where, now);
      const people = await agendaList(ctx, rows, { action: 'plan.overdue_listed', scope, ids: rows.map((r) => r.actionId) });
      return rows.map((r) => ({
        actionId: r.actionId,
        planId: r.planId,
        worker: people.worker(r),
        consultant: people.consultant(r),
        description: r.description,
        owner: r.owner,
        dueDate: r.dueOn,
        daysOverdue: daysBetween(r.dueOn, now),
      }));
    },

    /** Signed plans whose review falls within the next 7 days or is past. */
    async dueReviews(ctx: ActorContext, scope: 'mine' | 'office') {
      const where = agendaScope(ctx, scope);
      const rows = await dueReviews(db, where, addDays(today(), 7));
      const people = await agendaList(ctx, rows, { action: 'plan.due_reviews_listed', scope, ids: rows.map((r) => r.planId) });
      return rows.map((r) => ({
        planId: r.planId,
        worker: people.worker(r),
        consultant: people.consultant(r),
        nextReviewOn: r.nextReviewOn,
        state: r.state,
      }));
    },

    /** What the PDF prints, read in the scope of the actor (the route audits the print). */
    async forPrint(ctx: ActorContext, planId: string) {
      const plan = await planFor(db, ctx, planId);
      const detail = await present(db, ctx, plan);
      const worker = (await workerContactsByIds(db, [plan.workerId])).get(plan.workerId);
      await audit.record(db, ctx, {
        action: 'plan.printed',
        entityType: 'plan',
        entityId: planId,
        entityLabel: detail.worker.name,
        officeId: plan.officeId,
        details: { workerId: plan.workerId },
      });
      return { plan, detail, worker };
    },
  };
}

/** The refusal of a move whose plan changed state between the check and the transaction. */
async function movedMeanwhile(trx: Executor, planId: string, action: PlanTransitionRule['action']) {
  const current = await findPlan(trx, planId);
  return current ? planErrors.moveNotAllowed(current.state, action) : planErrors.planNotFound();
}

export type PlanService = ReturnType<typeof createPlanService>;
