/**
 * Enrollment use cases. Functions other domains call (the hotline intake, imports):
 *
 *   checkEligibility(db, programmeId, workerId, on?) → { eligible, reasons[] } | undefined
 *       (from ./eligibility.ts; Italian reasons; undefined when programme or worker is unknown)
 *
 *   service.registerInTransaction(trx, ctx, { programmeId, workerId, channel: 'hotline'|'outreach'|'desk'|'import', reason? })
 *       → { enrollment, state: 'registered'|'waiting', waitingPosition? }
 *     Registers an eligible worker inside the caller's transaction: a place when one is free,
 *     otherwise the waiting list. Takes the programme row lock in that transaction, so the caller's
 *     other writes (the hotline's worker and call record) commit or roll back with it. Wrap the
 *     caller's whole transaction in withRetry (serialization failures, deadlocks, unique races).
 *
 *   service.register(ctx, input) → the same, in its own transaction, retried.
 *
 *     Both throw DomainErrors: PROGRAMME_NOT_FOUND, PROGRAMME_NOT_OPEN, WORKER_NOT_FOUND,
 *     WORKER_NOT_ELIGIBLE (422, with the reasons), ENROLLMENT_ALREADY_EXISTS (409, when already
 *     registered/waiting/further), TRANSITION_FORBIDDEN (403) when the worker is outside the
 *     actor's scope.
 *     ctx.actor null = a system registration (imports): no scope check.
 */
import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import type { ActorContext, RequestContext } from '../auth/index.js';
import { appendWorkerEvent as appendWorkerTimelineEvent } from '../people/index.js';
import type { Executor } from '../db/executor.js';
import type { DB } from '../db/schema.js';
import type { EnrollmentChannel, EnrollmentState } from '../db/schema-programmes.js';
import { eligibilityRuleOf, romeDate } from './eligibility.js';
import { checkEligibility } from './eligibility-check.js';
import { countNewEligibleWorkers, newEligibleWorkers, workerForEnrollment } from './eligibility.repository.js';
import { FUNNEL_RANK, findRule, holdsPlace, REGISTRABLE_STATES } from './enrollment.states.js';
import { programmeErrors } from './programme.errors.js';
import { canActOnWorkerOf } from './programme.policy.js';
import type { EnrollmentRow, ProgrammeRepository } from './programme.repository.js';
import { withRetry } from './retry.js';

export interface RegisterInput {
  programmeId: string;
  workerId: string;
  channel: EnrollmentChannel;
  reason?: string;
}

export interface RegisterResult {
  enrollment: EnrollmentRow;
  state: 'registered' | 'waiting';
  waitingPosition?: number;
}

const SYSTEM_PROMOTION_REASON = 'Posto liberato: assegnato automaticamente al primo della lista d’attesa';

export function createEnrollmentService(deps: { db: Kysely<DB>; repository: ProgrammeRepository; audit: AuditService; clock: () => Date }) {
  const { db, repository: repo, audit, clock } = deps;

  async function loadWorker(executor: Executor, workerId: string) {
    const worker = await workerForEnrollment(executor, workerId);
    if (!worker) throw programmeErrors.workerNotFound();
    return worker;
  }

  function checkScope(ctx: RequestContext, officeId: string, networkId: string) {
    if (ctx.actor && !canActOnWorkerOf(ctx.actor, officeId, networkId)) {
      // Another network's worker is "not found"; one of another office of the network is forbidden.
      if (ctx.actor.networkId !== networkId) throw programmeErrors.workerNotFound();
      throw programmeErrors.transitionForbidden();
    }
  }

  // The worker's timeline entry of an enrolment move, written by people's published function in the same transaction.
  function appendWorkerEvent(
    trx: Executor,
    ctx: RequestContext,
    e: EnrollmentRow,
    from: EnrollmentState | null,
    reason: string,
    now: Date,
  ) {
    return appendWorkerTimelineEvent(trx, {
      workerId: e.workerId,
      officeId: e.officeId,
      at: now,
      kind: `enrollment.${e.state}`,
      actorId: ctx.actor?.userId ?? null,
      details: { programmeId: e.programmeId, enrollmentId: e.id, from, to: e.state, reason },
    });
  }

  /** A worker the programme's rules admit, added as 'eligible' (not yet contacted), with its log and timeline. */
  async function addAsEligible(
    trx: Executor,
    ctx: ActorContext,
    w: { programmeId: string; workerId: string; officeId: string; companyId: string | null; cigsEnd: string | null },
    now: Date,
  ) {
    const e = await repo.insertEnrollment(
      trx,
      {
        programmeId: w.programmeId,
        workerId: w.workerId,
        officeId: w.officeId,
        companyId: w.companyId,
        state: 'eligible',
        rank: 0,
        channel: null,
        priorityCigsEnd: w.cigsEnd,
        requestedAt: null,
      },
      now,
    );
    await repo.logTransition(
      trx,
      {
        enrollmentId: e.id,
        programmeId: w.programmeId,
        officeId: e.officeId,
        from: null,
        to: 'eligible',
        actorId: ctx.actor.userId,
        reason: '',
        channel: null,
      },
      now,
    );
    await appendWorkerEvent(trx, ctx, e, null, '', now);
  }

  /**
   * Fills free places from the waiting list, first in line first, inside the caller's transaction
   * (which holds the programme lock): system transitions, a worker event and a notice to the
   * coordinators of the worker's office for each.
   */
  async function promoteWaiting(
    trx: Executor,
    ctx: RequestContext,
    programmeId: string,
    capacity: number,
    now: Date,
  ): Promise<EnrollmentRow[]> {
    const free = capacity - (await repo.placesUsed(trx, programmeId));
    if (free <= 0) return [];
    const promoted: EnrollmentRow[] = [];
    for (const next of await repo.firstInLine(trx, programmeId, free)) {
      const e = await repo.updateEnrollmentState(trx, next.id, { state: 'registered', rank: FUNNEL_RANK.registered }, now);
      await repo.logTransition(
        trx,
        {
          enrollmentId: e.id,
          programmeId,
          officeId: e.officeId,
          from: 'waiting',
          to: 'registered',
          actorId: null,
          reason: SYSTEM_PROMOTION_REASON,
          channel: null,
        },
        now,
      );
      await appendWorkerEvent(trx, { ...ctx, actor: null }, e, 'waiting', SYSTEM_PROMOTION_REASON, now);
      await repo.insertNotification(
        trx,
        {
          officeId: e.officeId,
          programmeId,
          recipientRole: 'coordinator',
          kind: 'waiting_list.promoted',
          payload: { enrollmentId: e.id, workerId: e.workerId },
        },
        now,
      );
      await audit.record(trx, ctx, {
        action: 'enrollment.promoted',
        entityType: 'enrollment',
        entityId: e.id,
        officeId: e.officeId,
        details: { programmeId, workerId: e.workerId },
      });
      promoted.push(e);
    }
    return promoted;
  }

  /**
   * The capacity rule, one definition for registration and for a path reopened after an early end:
   * a place when fewer than `capacity` enrolments hold one, else the waiting list. The caller holds
   * the programme row lock (`lockProgramme`, select … for update), so two callers count in turn and
   * the capacity is never over-booked.
   */
  async function placeOrWaitingList(trx: Executor, programmeId: string, capacity: number): Promise<'registered' | 'waiting'> {
    const used = await repo.placesUsed(trx, programmeId);
    return used < capacity ? 'registered' : 'waiting';
  }

  /**
   * Registers inside the caller's transaction: takes the programme row lock there, so the place
   * check and the insert are atomic with whatever else the caller writes (the hotline's one-call
   * transaction). Everything is read through `trx`: reading through the pool while the transaction
   * is open deadlocks on PGlite, whose single connection the transaction holds. On PostgreSQL a
   * serialization failure or a unique race aborts the caller's transaction: wrap the caller's
   * whole transaction in withRetry (published beside this function).
   */
  async function registerInTransaction(trx: Executor, ctx: RequestContext, input: RegisterInput): Promise<RegisterResult> {
    const programme = await repo.findProgramme(trx, input.programmeId);
    if (!programme || (ctx.actor && programme.networkId !== ctx.actor.networkId)) throw programmeErrors.programmeNotFound();
    const locked = await repo.lockProgramme(trx, input.programmeId);
    if (!locked) throw programmeErrors.programmeNotFound();
    if (locked.status !== 'open') throw programmeErrors.programmeNotOpen();
    const worker = await loadWorker(trx, input.workerId);
    checkScope(ctx, worker.office_id, worker.network_id);
    const now = clock();
    const eligibility = await checkEligibility(trx, input.programmeId, input.workerId, romeDate(now));
    if (!eligibility?.eligible) {
      const en = await checkEligibility(trx, input.programmeId, input.workerId, romeDate(now), 'en');
      throw programmeErrors.notEligible(eligibility?.reasons ?? [], en?.reasons ?? []);
    }
    const existing = await repo.findEnrollmentOf(trx, input.programmeId, input.workerId);
    if (existing && !REGISTRABLE_STATES.includes(existing.state)) throw programmeErrors.alreadyRegistered(existing.state);
    const state = await placeOrWaitingList(trx, input.programmeId, locked.capacity);
    const fields = {
      state,
      rank: FUNNEL_RANK.registered!,
      channel: input.channel,
      priorityCigsEnd: worker.cigs_end_date,
      requestedAt: now,
    } as const;
    const enrollment = existing
      ? await repo.updateEnrollmentState(trx, existing.id, fields, now)
      : await repo.insertEnrollment(
          trx,
          { programmeId: input.programmeId, workerId: input.workerId, officeId: worker.office_id, companyId: worker.company_id, ...fields },
          now,
        );
    const reason = input.reason ?? '';
    await repo.logTransition(
      trx,
      {
        enrollmentId: enrollment.id,
        programmeId: input.programmeId,
        officeId: enrollment.officeId,
        from: existing?.state ?? null,
        to: state,
        actorId: ctx.actor?.userId ?? null,
        reason,
        channel: input.channel,
      },
      now,
    );
    await appendWorkerEvent(trx, ctx, enrollment, existing?.state ?? null, reason, now);
    await audit.record(trx, ctx, {
      action: `enrollment.${state}`,
      entityType: 'enrollment',
      entityId: enrollment.id,
      officeId: enrollment.officeId,
      details: { programmeId: input.programmeId, workerId: input.workerId, channel: input.channel },
    });
    if (state === 'registered') return { enrollment, state };
    return { enrollment, state, waitingPosition: await repo.waitingPosition(trx, enrollment) };
  }

  /** Registration in its own transaction, retried on serialization failures, deadlocks and unique races. */
  function register(ctx: RequestContext, input: RegisterInput): Promise<RegisterResult> {
    return withRetry(() => db.transaction().execute((trx) => registerInTransaction(trx, ctx, input)));
  }

  return {
    register,
    registerInTransaction,

    /**
     * Who "add the eligible workers" would add now: the workers the programme's rules accept today
     * (eligibleSql, the same rule as evaluateEligibility) and who are not in the programme yet,
     * most urgent first — the count, and the first `limit` to show before confirming.
     */
    async eligiblePreview(ctx: ActorContext, programmeId: string, limit = 20) {
      const programme = await repo.findProgramme(db, programmeId);
      if (!programme || programme.networkId !== ctx.actor.networkId) throw programmeErrors.programmeNotFound();
      const query = newEligibleWorkers(db, programmeId, eligibilityRuleOf(programme), romeDate(clock()));
      const [total, first] = await Promise.all([countNewEligibleWorkers(db, query), query.limit(limit).execute()]);
      await audit.record(db, ctx, {
        action: 'enrollment.eligible_previewed',
        entityType: 'programme',
        entityId: programmeId,
        entityLabel: programme.name,
        details: { count: total, workerIds: first.map((w) => w.id) },
      });
      return {
        total,
        items: first.map((w) => ({ workerId: w.id, workerName: `${w.last_name} ${w.first_name}`.trim(), cigsEndDate: w.cigs_end })),
      };
    },

    /** Adds every worker of eligiblePreview (state 'eligible'), in one transaction. */
    async addAllEligible(ctx: ActorContext, programmeId: string) {
      const programme = await repo.findProgramme(db, programmeId);
      if (!programme || programme.networkId !== ctx.actor.networkId) throw programmeErrors.programmeNotFound();
      const now = clock();
      return withRetry(() =>
        db.transaction().execute(async (trx) => {
          const rows = await newEligibleWorkers(trx, programmeId, eligibilityRuleOf(programme), romeDate(now)).execute();
          for (const w of rows) {
            await addAsEligible(
              trx,
              ctx,
              { programmeId, workerId: w.id, officeId: w.office_id, companyId: w.company_id, cigsEnd: w.cigs_end },
              now,
            );
          }
          await audit.record(trx, ctx, {
            action: 'enrollment.eligible_added',
            entityType: 'programme',
            entityId: programmeId,
            entityLabel: programme.name,
            details: { added: rows.length, all: true },
          });
          return { added: rows.length, skipped: [] as Array<{ workerId: string; reasons: string[] }> };
        }),
      );
    },

    /** Records eligible workers in a programme (state 'eligible'); the ineligible are skipped with their reasons. */
    async addEligible(ctx: ActorContext, programmeId: string, workerIds: string[]) {
      const programme = await repo.findProgramme(db, programmeId);
      if (!programme || programme.networkId !== ctx.actor.networkId) throw programmeErrors.programmeNotFound();
      const now = clock();
      const today = romeDate(now);
      const toAdd: Array<{ workerId: string; officeId: string; cigsEnd: string | null; companyId: string | null }> = [];
      const skipped: Array<{ workerId: string; reasons: string[] }> = [];
      for (const workerId of [...new Set(workerIds)]) {
        const worker = await workerForEnrollment(db, workerId);
        if (!worker || worker.network_id !== ctx.actor.networkId) {
          skipped.push({ workerId, reasons: ['lavoratore non trovato'] });
          continue;
        }
        if (await repo.findEnrollmentOf(db, programmeId, workerId)) {
          skipped.push({ workerId, reasons: ['già presente nel programma'] });
          continue;
        }
        const result = await checkEligibility(db, programmeId, workerId, today);
        if (!result?.eligible) skipped.push({ workerId, reasons: result?.reasons ?? [] });
        else toAdd.push({ workerId, officeId: worker.office_id, cigsEnd: worker.cigs_end_date, companyId: worker.company_id });
      }
      await db.transaction().execute(async (trx) => {
        for (const w of toAdd) await addAsEligible(trx, ctx, { programmeId, ...w }, now);
        await audit.record(trx, ctx, {
          action: 'enrollment.eligible_added',
          entityType: 'programme',
          entityId: programmeId,
          entityLabel: programme.name,
          details: { added: toAdd.length, skipped: skipped.length },
        });
      });
      return { added: toAdd.length, skipped };
    },

    /**
     * Moves an enrollment along the table in enrollment.states.ts. Registration (eligible or
     * contacted → registered) goes through register(), which may answer "waiting". Leaving a
     * place-holding state frees a place, given at once to the first in line.
     */
    async transition(ctx: ActorContext, enrollmentId: string, to: EnrollmentState, reason = '') {
      const current = await repo.findEnrollment(db, enrollmentId);
      const programme = current && (await repo.findProgramme(db, current.programmeId));
      if (!current || !programme || programme.networkId !== ctx.actor.networkId) throw programmeErrors.enrollmentNotFound();
      checkScope(ctx, current.officeId, programme.networkId);
      const rule = findRule(current.state, to);
      if (!rule) throw programmeErrors.transitionNotAllowed(current.state, to);
      if (!rule.roles.some((r) => ctx.actor.roles.includes(r))) throw programmeErrors.transitionForbidden();
      if (rule.reasonRequired && reason.trim() === '') throw programmeErrors.reasonRequired();
      if (rule.action === 'register') {
        const result = await register(ctx, { programmeId: current.programmeId, workerId: current.workerId, channel: 'desk', reason });
        return { enrollment: result.enrollment, promoted: [] as EnrollmentRow[] };
      }
      const now = clock();
      return withRetry(() =>
        db.transaction().execute(async (trx) => {
          const locked = await repo.lockProgramme(trx, current.programmeId);
          const fresh = await repo.findEnrollment(trx, enrollmentId);
          if (!locked || !fresh) throw programmeErrors.enrollmentNotFound();
          // Someone else moved it meanwhile: the rule checked above no longer applies.
          if (fresh.state !== current.state) throw programmeErrors.transitionNotAllowed(fresh.state, to);
          const enrollment = await repo.updateEnrollmentState(trx, enrollmentId, { state: to, rank: FUNNEL_RANK[to] }, now);
          await repo.logTransition(
            trx,
            {
              enrollmentId,
              programmeId: current.programmeId,
              officeId: current.officeId,
              from: current.state,
              to,
              actorId: ctx.actor.userId,
              reason,
              channel: null,
            },
            now,
          );
          await appendWorkerEvent(trx, ctx, enrollment, current.state, reason, now);
          await audit.record(trx, ctx, {
            action: `enrollment.${to}`,
            entityType: 'enrollment',
            entityId: enrollmentId,
            officeId: current.officeId,
            details: { programmeId: current.programmeId, from: current.state, to, reason },
          });
          const promoted =
            holdsPlace(current.state) && !holdsPlace(to) ? await promoteWaiting(trx, ctx, current.programmeId, locked.capacity, now) : [];
          return { enrollment, promoted };
        }),
      );
    },

    /**
     * The enrolment move a signed personal plan makes (patto di servizio, D.Lgs. 150/2015 art. 20),
     * inside the plans domain's transaction, so the signature and the move commit together. The
     * state machine's rule holds: only an assessed enrolment moves to enrolled. Any other state
     * leaves the enrolment as it is and says why (`moved: false`): the signature is the worker's
     * commitment and stands on its own, the consultant then assesses or corrects the enrolment.
     */
    async enrollOnPlanSigned(
      trx: Executor,
      ctx: ActorContext,
      input: { programmeId: string; workerId: string; planId: string },
    ): Promise<PlanSignedEnrollment> {
      // The programme lock first, as every move takes it: the state read below cannot change under it.
      await repo.lockProgramme(trx, input.programmeId);
      const current = await repo.findEnrollmentOf(trx, input.programmeId, input.workerId);
      if (!current) return { moved: false, state: null, code: 'ENROLLMENT_NOT_FOUND' };
      if (current.state === 'enrolled') return { moved: false, state: 'enrolled', code: 'ALREADY_ENROLLED' };
      const rule = findRule(current.state, 'enrolled');
      if (!rule) return { moved: false, state: current.state, code: 'TRANSITION_NOT_ALLOWED' };
      if (!rule.roles.some((r) => ctx.actor.roles.includes(r))) return { moved: false, state: current.state, code: 'TRANSITION_FORBIDDEN' };
      const now = clock();
      const enrollment = await repo.updateEnrollmentState(trx, current.id, { state: 'enrolled', rank: FUNNEL_RANK.enrolled }, now);
      const reason = 'Patto di servizio personalizzato firmato';
      await repo.logTransition(
        trx,
        {
          enrollmentId: current.id,
          programmeId: input.programmeId,
          officeId: current.officeId,
          from: current.state,
          to: 'enrolled',
          actorId: ctx.actor.userId,
          reason,
          channel: null,
        },
        now,
      );
      await appendWorkerEvent(trx, ctx, enrollment, current.state, reason, now);
      await audit.record(trx, ctx, {
        action: 'enrollment.enrolled',
        entityType: 'enrollment',
        entityId: current.id,
        officeId: current.officeId,
        details: { programmeId: input.programmeId, from: current.state, to: 'enrolled', reason, planId: input.planId },
      });
      return { moved: true, state: 'enrolled', code: null };
    },

    /**
     * The enrolment move a hire makes (applications' «hired»), inside the hire's transaction: each
     * place-holding enrolment of the worker moves to placed by the table's «place» rule, and the
     * freed place goes to the first in line as every other move that frees one. The programme
     * lock is taken first, as every move takes it. Returns what moved (nothing when the worker holds
     * no place: a hire outside a programme).
     */
    async placeOnHire(
      trx: Executor,
      ctx: ActorContext,
      input: { workerId: string; reason: string },
    ): Promise<Array<{ enrollmentId: string; programmeId: string; from: EnrollmentState; promoted: number }>> {
      const now = clock();
      const moved: Array<{ enrollmentId: string; programmeId: string; from: EnrollmentState; promoted: number }> = [];
      for (const candidate of await repo.placeHoldingEnrollmentsOf(trx, input.workerId)) {
        const locked = await repo.lockProgramme(trx, candidate.programmeId);
        const current = await repo.findEnrollment(trx, candidate.id);
        if (!locked || !current || !findRule(current.state, 'placed')) continue;
        const enrollment = await repo.updateEnrollmentState(trx, current.id, { state: 'placed', rank: FUNNEL_RANK.placed }, now);
        await repo.logTransition(
          trx,
          {
            enrollmentId: current.id,
            programmeId: current.programmeId,
            officeId: current.officeId,
            from: current.state,
            to: 'placed',
            actorId: ctx.actor.userId,
            reason: input.reason,
            channel: null,
          },
          now,
        );
        await appendWorkerEvent(trx, ctx, enrollment, current.state, input.reason, now);
        await audit.record(trx, ctx, {
          action: 'enrollment.placed',
          entityType: 'enrollment',
          entityId: current.id,
          officeId: current.officeId,
          details: { programmeId: current.programmeId, from: current.state, to: 'placed', reason: input.reason },
        });
        const promoted = await promoteWaiting(trx, ctx, current.programmeId, locked.capacity, now);
        moved.push({ enrollmentId: current.id, programmeId: current.programmeId, from: current.state, promoted: promoted.length });
      }
      return moved;
    },

    /**
     * The enrolment move an early end makes (placements' end(), in its transaction): each enrolment
     * the hire closed as placed — state changed to placed in [placedSince, placedBefore) — is
     * reopened by the table's «reopen» rule when the programme is still open and the worker still
     * meets its rules today (CIGS not ended among them): back to registered when the capacity rule
     * gives a place, else to the waiting list, in the order every waiting worker has (CIGS end
     * first, then the time of this request). A closed programme or a worker no longer eligible
     * leaves the enrolment placed, and the answer says why. The consultants of the worker's office
     * get a notice either way. The programme lock is taken first, as every move takes it.
     */
    async reopenAfterEarlyEnd(
      trx: Executor,
      ctx: ActorContext,
      input: { workerId: string; placedSince: Date; placedBefore: Date | null; reason: string },
    ): Promise<ReopenedEnrollment[]> {
      const now = clock();
      const out: ReopenedEnrollment[] = [];
      for (const candidate of await repo.placedEnrollmentsOf(trx, input.workerId, input.placedSince, input.placedBefore)) {
        const locked = await repo.lockProgramme(trx, candidate.programmeId);
        const current = await repo.findEnrollment(trx, candidate.id);
        if (!locked || !current || current.state !== 'placed') continue;
        const base = { enrollmentId: current.id, programmeId: current.programmeId };
        let result: ReopenedEnrollment;
        const eligibility =
          locked.status === 'open' ? await checkEligibility(trx, current.programmeId, current.workerId, romeDate(now)) : undefined;
        if (locked.status !== 'open') {
          result = {
            ...base,
            outcome: 'not_reopened',
            state: 'placed',
            code: 'PROGRAMME_NOT_OPEN',
            reasons: { it: ['il programma non è più aperto'], en: ['the programme is no longer open'] },
          };
        } else if (!eligibility?.eligible) {
          const en = await checkEligibility(trx, current.programmeId, current.workerId, romeDate(now), 'en');
          result = {
            ...base,
            outcome: 'not_reopened',
            state: 'placed',
            code: 'WORKER_NOT_ELIGIBLE',
            reasons: { it: eligibility?.reasons ?? [], en: en?.reasons ?? [] },
          };
        } else {
          const to = await placeOrWaitingList(trx, current.programmeId, locked.capacity);
          const worker = await loadWorker(trx, current.workerId);
          const rule = findRule('placed', to)!;
          const enrollment = await repo.updateEnrollmentState(
            trx,
            current.id,
            { state: to, rank: FUNNEL_RANK.registered!, priorityCigsEnd: worker.cigs_end_date, requestedAt: now },
            now,
          );
          await repo.logTransition(
            trx,
            {
              enrollmentId: current.id,
              programmeId: current.programmeId,
              officeId: current.officeId,
              from: 'placed',
              to,
              actorId: ctx.actor.userId,
              reason: input.reason,
              channel: null,
            },
            now,
          );
          await appendWorkerEvent(trx, ctx, enrollment, 'placed', input.reason, now);
          await audit.record(trx, ctx, {
            action: `enrollment.${rule.action}`,
            entityType: 'enrollment',
            entityId: current.id,
            officeId: current.officeId,
            details: { programmeId: current.programmeId, from: 'placed', to, reason: input.reason },
          });
          result =
            to === 'registered'
              ? { ...base, outcome: 'reopened', state: 'registered', code: null, reasons: { it: [], en: [] } }
              : {
                  ...base,
                  outcome: 'waiting',
                  state: 'waiting',
                  code: 'PROGRAMME_FULL',
                  reasons: { it: ['il programma non ha posti liberi'], en: ['the programme has no free place'] },
                  waitingPosition: await repo.waitingPosition(trx, enrollment),
                };
        }
        await repo.insertNotification(
          trx,
          {
            officeId: current.officeId,
            programmeId: current.programmeId,
            recipientRole: 'consultant',
            kind: 'enrollment.early_end',
            payload: {
              enrollmentId: current.id,
              workerId: current.workerId,
              outcome: result.outcome,
              code: result.code,
              reasons: result.reasons.it,
            },
          },
          now,
        );
        out.push(result);
      }
      return out;
    },

    /** After a capacity change (the caller holds the lock). */
    promoteWaiting,
  };
}

export type EnrollmentService = ReturnType<typeof createEnrollmentService>;

/** What an early end did to an enrolment its hire had closed as placed. */
export interface ReopenedEnrollment {
  enrollmentId: string;
  programmeId: string;
  outcome: 'reopened' | 'waiting' | 'not_reopened';
  state: 'registered' | 'waiting' | 'placed';
  /** Why not a place: the programme is full (waiting), closed or the worker no longer eligible (not reopened). */
  code: 'PROGRAMME_FULL' | 'PROGRAMME_NOT_OPEN' | 'WORKER_NOT_ELIGIBLE' | null;
  reasons: { it: string[]; en: string[] };
  waitingPosition?: number;
}

/** What signing a plan did to the enrolment: moved to enrolled, or why not (a code the web words). */
export interface PlanSignedEnrollment {
  moved: boolean;
  state: EnrollmentState | null;
  code: 'ENROLLMENT_NOT_FOUND' | 'ALREADY_ENROLLED' | 'TRANSITION_NOT_ALLOWED' | 'TRANSITION_FORBIDDEN' | null;
}
