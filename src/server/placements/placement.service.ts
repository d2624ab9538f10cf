import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import { requireNetwork, staffNamesById, type Actor, type ActorContext } from '../auth/index.js';
import type { Executor } from '../db/executor.js';
import type { DB } from '../db/schema.js';
import { employerNamesByIds } from '../employers/index.js';
import { appendWorkerEvent, displayNameOf, workerRefsByIds } from '../people/index.js';
import { programmeNamesById, type ReopenedEnrollment } from '../programmes/index.js';
import { retryTransient } from '../db/errors.js';
import { formatItalianDate } from '../../shared/time/rome-date.js';
import { vacancyRefsByIds } from '../vacancies/index.js';
import type { EndedPlacement, FollowUp, Placement } from '../../shared/schemas/applications.schema.js';
import { romeToday } from '../../shared/time/rome-time.js';
import { placementErrors, placementFieldMessages as M } from './placement.errors.js';
import { worksOnPlacementOf } from './placement.policy.js';
import type { FollowUpRow, NewPlacement, PlacementRepository, PlacementRow } from './placement.repository.js';

/** What an early end does to the worker's programme enrolments: programmes' published move, handed in by buildApp. */
export type ReopenAfterEarlyEnd = (
  trx: Executor,
  ctx: ActorContext,
  input: { workerId: string; placedSince: Date; placedBefore: Date | null; reason: string },
) => Promise<ReopenedEnrollment[]>;

type Deps = {
  db: Kysely<DB>;
  repository: PlacementRepository;
  audit: AuditService;
  clock: () => Date;
  reopenAfterEarlyEnd: ReopenAfterEarlyEnd;
};

/** The follow-ups of a hire: one, three and six months after the start of the contract. */
export const FOLLOW_UP_MONTHS = [1, 3, 6] as const;

/** 'YYYY-MM-DD' plus whole months; the 31st of a shorter month falls on its last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

export function createPlacementService(deps: Deps) {
  const { db, repository: repo, audit, clock } = deps;

  async function followUpViews(executor: Executor, rows: ReadonlyArray<FollowUpRow & { placement: PlacementRow }>): Promise<FollowUp[]> {
    const [workers, employers, vacancies, staff] = await Promise.all([
      workerRefsByIds(
        executor,
        rows.map((r) => r.placement.workerId),
      ),
      employerNamesByIds(
        executor,
        rows.map((r) => r.placement.employerId),
      ),
      vacancyRefsByIds(
        executor,
        rows.map((r) => r.placement.vacancyId),
      ),
      staffNamesById(
        executor,
        rows.map((r) => r.consultantId),
      ),
    ]);
    return rows.map((r) => {
      const w = workers.get(r.placement.workerId);
      return {
        id: r.id,
        placementId: r.placementId,
        months: r.months,
        dueOn: r.dueOn,
        consultantName: r.consultantId ? (staff.get(r.consultantId) ?? null) : null,
        workerId: r.placement.workerId,
        workerName: w ? displayNameOf(w.firstName, w.lastName) : '',
        employerName: employers.get(r.placement.employerId) ?? '',
        vacancyTitle: vacancies.get(r.placement.vacancyId)?.title ?? '',
        startDate: r.placement.startDate,
        stillEmployed: r.stillEmployed,
        satisfaction: r.satisfaction,
        needs: r.needs,
        answeredAt: r.answeredAt ? r.answeredAt.toISOString() : null,
      };
    });
  }

  async function view(executor: Executor, p: PlacementRow): Promise<Placement> {
    const followUps = await followUpViews(
      executor,
      (await repo.followUpsOf(executor, p.id)).map((f) => ({ ...f, placement: p })),
    );
    const { networkId: _n, ...rest } = p;
    return { ...rest, followUps };
  }

  async function owned(executor: Executor, actor: Actor, id: string): Promise<PlacementRow> {
    const p = await repo.find(executor, id);
    if (!p || p.networkId !== requireNetwork(actor)) throw placementErrors.notFound();
    if (!worksOnPlacementOf(actor, p)) throw placementErrors.otherOffice();
    return p;
  }

  return {
    /**
     * The placement a hire creates, inside the hire's transaction, with its follow-ups at 1, 3 and
     * 6 months from the start, each assigned to the consultant who follows the worker.
     */
    async createInTransaction(trx: Executor, ctx: ActorContext, p: NewPlacement, consultantId: string | null): Promise<string> {
      const now = clock();
      const id = await repo.insert(trx, p, ctx.actor.userId, now);
      const worker = (await workerRefsByIds(trx, [p.workerId])).get(p.workerId);
      await appendWorkerEvent(trx, {
        workerId: p.workerId,
        officeId: worker?.officeId ?? p.officeId,
        kind: 'placement.created',
        actorId: ctx.actor.userId,
        at: now,
        details: {
          placementId: id,
          applicationId: p.applicationId,
          vacancyId: p.vacancyId,
          contractType: p.contractType,
          startDate: p.startDate,
        },
      });
      await repo.insertFollowUps(
        trx,
        FOLLOW_UP_MONTHS.map((months) => ({
          placementId: id,
          officeId: p.officeId,
          months,
          dueOn: addMonths(p.startDate, months),
          consultantId,
        })),
      );
      await audit.record(trx, ctx, {
        action: 'placement.created',
        entityType: 'placement',
        entityId: id,
        officeId: p.officeId,
        details: {
          applicationId: p.applicationId,
          vacancyId: p.vacancyId,
          workerId: p.workerId,
          contractType: p.contractType,
          startDate: p.startDate,
        },
      });
      return id;
    },

    idsByApplications: (executor: Executor, ids: readonly string[]) => repo.idsByApplications(executor, ids),

    async get(ctx: ActorContext, id: string): Promise<Placement> {
      const p = await owned(db, ctx.actor, id);
      await audit.record(db, ctx, {
        action: 'placement.read',
        entityType: 'placement',
        entityId: id,
        officeId: p.officeId,
        details: { workerId: p.workerId },
      });
      return view(db, p);
    },

    /** The office's follow-ups due by a day (today by default), unanswered, of hires still running. */
    async followUpsDue(ctx: ActorContext, q: { officeId?: string; dueBy?: string; mine?: 'true' | 'false' }) {
      const networkId = requireNetwork(ctx.actor);
      const officeId = q.officeId ?? ctx.actor.officeId ?? '';
      if (!worksOnPlacementOf(ctx.actor, { networkId, officeId })) throw placementErrors.otherOffice();
      const dueBy = q.dueBy ?? romeToday(clock());
      const rows = await repo.dueFollowUps(db, officeId, dueBy, q.mine === 'true' ? ctx.actor.userId : null, 200);
      const items = await followUpViews(db, rows);
      await audit.record(db, ctx, {
        action: 'placement.follow_ups.read',
        entityType: 'placement',
        entityId: null,
        officeId,
        details: { dueBy, ids: rows.map((r) => r.placementId), workerIds: rows.map((r) => r.placement.workerId) },
      });
      return { items };
    },

    async answerFollowUp(
      ctx: ActorContext,
      id: string,
      input: { stillEmployed: boolean; satisfaction?: number; needs?: string },
    ): Promise<FollowUp> {
      const f = await repo.findFollowUp(db, id);
      const p = f && (await repo.find(db, f.placementId));
      if (!f || !p || p.networkId !== requireNetwork(ctx.actor)) throw placementErrors.followUpNotFound();
      if (!worksOnPlacementOf(ctx.actor, p)) throw placementErrors.otherOffice();
      const answer = { stillEmployed: input.stillEmployed, satisfaction: input.satisfaction ?? null, needs: input.needs?.trim() ?? '' };
      await db.transaction().execute(async (trx) => {
        if (!(await repo.answerFollowUp(trx, id, answer, ctx.actor.userId, clock()))) throw placementErrors.alreadyAnswered();
        await audit.record(trx, ctx, {
          action: 'placement.follow_up.answered',
          entityType: 'placement',
          entityId: p.id,
          officeId: p.officeId,
          details: { followUpId: id, months: f.months, ...answer },
        });
      });
      const [fresh] = await followUpViews(db, [{ ...(await repo.findFollowUp(db, id))!, placement: p }]);
      return fresh!;
    },

    /**
     * A hire ended early (dismissal in the trial period, resignation): the end date and why, and in
     * the same transaction the worker's path reopened by programmes' «reopen» move on each enrolment
     * this hire closed as placed (a place, the waiting list, or not reopened and why); the answer
     * says what happened to each, and the consultants of the worker's office get a notice.
     */
    async end(ctx: ActorContext, id: string, input: { version: number; endDate: string; reason: string }): Promise<EndedPlacement> {
      const p = await owned(db, ctx.actor, id);
      if (p.endDate) throw placementErrors.alreadyEnded();
      if (p.version !== input.version) throw placementErrors.stale();
      if (input.endDate < p.startDate) throw placementErrors.invalidFields([{ path: 'body/endDate', message: M.endBeforeStart }]);
      if (input.endDate > romeToday(clock())) throw placementErrors.invalidFields([{ path: 'body/endDate', message: M.endInFuture }]);
      const window = await repo.hireWindow(db, id);
      const worker = (await workerRefsByIds(db, [p.workerId])).get(p.workerId);
      const enrolments = await retryTransient(() =>
        db.transaction().execute(async (trx) => {
          const now = clock();
          if (!(await repo.end(trx, id, input.version, { endDate: input.endDate, reason: input.reason }, ctx.actor.userId, now)))
            throw placementErrors.stale();
          const reopened = await deps.reopenAfterEarlyEnd(trx, ctx, {
            workerId: p.workerId,
            placedSince: window.since,
            placedBefore: window.before,
            reason: `Assunzione terminata in anticipo il ${formatItalianDate(input.endDate)}: ${input.reason}`,
          });
          await appendWorkerEvent(trx, {
            workerId: p.workerId,
            officeId: worker?.officeId ?? p.officeId,
            kind: 'placement.ended_early',
            actorId: ctx.actor.userId,
            at: now,
            details: {
              placementId: id,
              applicationId: p.applicationId,
              endDate: input.endDate,
              reason: input.reason,
              enrolments: reopened.map((e) => ({ programmeId: e.programmeId, outcome: e.outcome, code: e.code })),
            },
          });
          await audit.record(trx, ctx, {
            action: 'placement.ended',
            entityType: 'placement',
            entityId: id,
            officeId: p.officeId,
            details: {
              workerId: p.workerId,
              endDate: input.endDate,
              reason: input.reason,
              enrolments: reopened.map((e) => ({ enrollmentId: e.enrollmentId, outcome: e.outcome, code: e.code })),
            },
          });
          return reopened;
        }),
      );
      const names = await programmeNamesById(
        db,
        enrolments.map((e) => e.programmeId),
      );
      const en = ctx.actor.language === 'en';
      return {
        ...(await view(db, (await repo.find(db, id))!)),
        enrolments: enrolments.map((e) => ({
          enrollmentId: e.enrollmentId,
          programmeId: e.programmeId,
          programmeName: names.get(e.programmeId) ?? '',
          outcome: e.outcome,
          state: e.state,
          code: e.code,
          reasons: en ? e.reasons.en : e.reasons.it,
          ...(e.waitingPosition !== undefined ? { waitingPosition: e.waitingPosition } : {}),
        })),
      };
    },
  };
}

export type PlacementService = ReturnType<typeof createPlacementService>;
