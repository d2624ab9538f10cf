/**
 * Course enrolments: a seat when one is free, else the waiting list; withdrawals that give the
 * freed seat to the first waiting; hours attended; completion, which adds the course's skills to
 * the worker's profile (source 'course') and records the delivered service 'training', all in one
 * transaction. Every move takes the course row lock first (repository.lockCourse), so the seat
 * count and the write are atomic under any concurrency, on PostgreSQL and on PGlite alike.
 */
import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import { canActOnWorker, requireNetwork, worksAcrossNetwork, type ActorContext, type Actor } from '../auth/index.js';
import type { Executor } from '../db/executor.js';
import { isTransientConflict, isUniqueViolation } from '../db/errors.js';
import type { DB } from '../db/schema.js';
import type { TrainingEnrolmentState } from '../db/schema-training.js';
import { displayNameOf, workerRefsByIds, type WorkerRef } from '../people/index.js';
import { recordDeliveredService } from '../services/index.js';
import { romeToday } from '../../shared/time/rome-time.js';
import type { CourseDetail, EnrolmentMove as EnrolmentMoveView, TrainingEnrolment } from '../../shared/schemas/training.schema.js';
import { presentCourse, withSkillLabels } from './catalogue.service.js';
import { enrolmentOpenOn, findMove, holdsSeat, RE_ENROLLABLE_STATES, type EnrolmentMove } from './enrolment.states.js';
import { trainingErrors } from './training.errors.js';
import type { EnrolmentMoveRow, EnrolmentRow, TrainingRepository } from './training.repository.js';

/**
 * The profiles domain's addProfileSkills (branch `profiles`): adds the skills a profile lacks, in
 * the caller's transaction. Handed in by buildApp; absent until that domain is merged.
 */
export type AddProfileSkills = (
  trx: Executor,
  p: {
    workerId: string;
    officeId: string;
    networkId: string;
    actorId: string | null;
    skills: Array<{ escoUri: string; label: string; source: 'course'; courseId: string; keywords: string[] }>;
  },
) => Promise<unknown>;

const SYSTEM_PROMOTION_REASON = 'Posto liberato: assegnato al primo della lista d’attesa';
const MAX_ATTEMPTS = 5;

/** Runs a transaction again when PostgreSQL aborted it for a conflict with a concurrent one; bounded, then a 409. */
async function withRetry<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      if (!isTransientConflict(err) && !isUniqueViolation(err)) throw err;
      if (attempt >= MAX_ATTEMPTS) throw trainingErrors.busy();
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 10));
    }
  }
}

export function createEnrolmentService(deps: {
  db: Kysely<DB>;
  repository: TrainingRepository;
  audit: AuditService;
  clock: () => Date;
  addProfileSkills?: AddProfileSkills;
}) {
  const { db, repository: repo, audit, clock } = deps;

  function present(e: EnrolmentRow, worker: WorkerRef | undefined, waitingPosition: number | null): TrainingEnrolment {
    return {
      id: e.id,
      courseId: e.courseId,
      workerId: e.workerId,
      workerName: worker ? displayNameOf(worker.firstName, worker.lastName) : '',
      officeId: e.officeId,
      state: e.state,
      waitingPosition,
      requestedAt: e.requestedAt.toISOString(),
      hoursAttended: e.hoursAttended,
      completedOn: e.completedOn,
      certificateObtained: e.certificateObtained,
    };
  }

  const presentMoves = (moves: EnrolmentMoveRow[] | undefined): EnrolmentMoveView[] =>
    (moves ?? []).map((m) => ({ from: m.from, to: m.to, actorName: m.actorName, reason: m.reason, at: m.at.toISOString() }));

  async function waitingPositionOf(executor: Executor, e: EnrolmentRow): Promise<number | null> {
    if (e.state !== 'waiting') return null;
    const list = await repo.waitingOf(executor, e.courseId);
    return list.findIndex((w) => w.id === e.id) + 1;
  }

  async function presentOne(executor: Executor, e: EnrolmentRow): Promise<TrainingEnrolment> {
    const workers = await workerRefsByIds(executor, [e.workerId]);
    return present(e, workers.get(e.workerId), await waitingPositionOf(executor, e));
  }

  function requireMove(action: EnrolmentMove['action'], from: TrainingEnrolmentState | null, actor: Actor): EnrolmentMove {
    const move = findMove(action, from);
    if (!move) throw trainingErrors.moveNotAllowed(from ?? '', action);
    if (!move.roles.some((r) => actor.roles.includes(r))) throw trainingErrors.moveNotAllowed(from ?? '', action);
    return move;
  }

  /** The enrolment and its course locked, within the actor's scope (another office's worker: not found). */
  async function lockedEnrolment(trx: Executor, actor: Actor, id: string) {
    const first = await repo.findEnrolment(trx, id);
    if (!first || !canActOnWorker(actor, first)) throw trainingErrors.enrolmentNotFound();
    const course = await repo.lockCourse(trx, first.courseId);
    if (!course) throw trainingErrors.enrolmentNotFound();
    // Read again under the lock: a concurrent move may have changed it meanwhile.
    const enrolment = (await repo.findEnrolment(trx, id))!;
    return { enrolment, course };
  }

  /** Gives the free seats of a course to the first of its waiting list (the caller holds the course lock). */
  async function promoteWaiting(trx: Executor, ctx: ActorContext, courseId: string): Promise<EnrolmentRow[]> {
    const course = await repo.lockCourse(trx, courseId);
    if (!course || course.status === 'cancelled') return [];
    const free = course.seats - (await repo.seatsTaken(trx, courseId));
    if (free <= 0) return [];
    const now = clock();
    const promoted: EnrolmentRow[] = [];
    for (const waiting of await repo.waitingOf(trx, courseId, free)) {
      const moved = await repo.updateEnrolment(trx, waiting.id, { state: 'enrolled' }, now);
      await repo.logMove(
        trx,
        {
          networkId: moved.networkId,
          officeId: moved.officeId,
          enrolmentId: moved.id,
          courseId,
          from: 'waiting',
          to: 'enrolled',
          actorId: null,
          reason: SYSTEM_PROMOTION_REASON,
        },
        now,
      );
      await audit.record(trx, ctx, {
        action: 'training.enrolment_promoted',
        entityType: 'training_enrolment',
        entityId: moved.id,
        entityLabel: course.title,
        officeId: moved.officeId,
        details: { courseId, workerId: moved.workerId },
      });
      promoted.push(moved);
    }
    return promoted;
  }

  return {
    promoteWaiting,

    async enrol(ctx: ActorContext, courseId: string, input: { workerId: string; reason?: string }): Promise<TrainingEnrolment> {
      const networkId = requireNetwork(ctx.actor);
      return withRetry(() =>
        db.transaction().execute(async (trx) => {
          const course = await repo.lockCourse(trx, courseId);
          if (!course || course.network_id !== networkId) throw trainingErrors.courseNotFound();
          const worker = (await workerRefsByIds(trx, [input.workerId])).get(input.workerId);
          if (!worker || !canActOnWorker(ctx.actor, worker)) throw trainingErrors.workerNotFound();
          if (course.status !== 'open') throw trainingErrors.courseNotOpen(course.status);
          const today = romeToday(clock());
          if (!enrolmentOpenOn({ status: course.status, enrolmentDeadline: course.enrolment_deadline }, today))
            throw trainingErrors.deadlinePassed(course.enrolment_deadline!);
          const existing = await repo.findEnrolmentOf(trx, courseId, input.workerId);
          if (existing && !RE_ENROLLABLE_STATES.includes(existing.state)) throw trainingErrors.alreadyEnrolled(existing.state);
          const state: TrainingEnrolmentState = (await repo.seatsTaken(trx, courseId)) < course.seats ? 'enrolled' : 'waiting';
          requireMove(state === 'enrolled' ? 'enrol' : 'wait', existing?.state ?? null, ctx.actor);
          const now = clock();
          const enrolment = existing
            ? await repo.updateEnrolment(
                trx,
                existing.id,
                { state, requestedAt: now, hoursAttended: 0, completedOn: null, certificateObtained: false },
                now,
              )
            : await repo.insertEnrolment(trx, { networkId, officeId: worker.officeId, courseId, workerId: worker.id, state }, now);
          await repo.logMove(
            trx,
            {
              networkId,
              officeId: enrolment.officeId,
              enrolmentId: enrolment.id,
              courseId,
              from: existing?.state ?? null,
              to: state,
              actorId: ctx.actor.userId,
              reason: input.reason ?? '',
            },
            now,
          );
          await audit.record(trx, ctx, {
            action: state === 'enrolled' ? 'training.enrolled' : 'training.waiting',
            entityType: 'training_enrolment',
            entityId: enrolment.id,
            entityLabel: `${displayNameOf(worker.firstName, worker.lastName)} – ${course.title}`,
            officeId: enrolment.officeId,
            details: { courseId, workerId: worker.id },
          });
          return present(enrolment, worker, await waitingPositionOf(trx, enrolment));
        }),
      );
    },

    async withdraw(ctx: ActorContext, id: string, input: { to: 'withdrawn' | 'dropped'; reason: string }) {
      return withRetry(() =>
        db.transaction().execute(async (trx) => {
          const { enrolment, course } = await lockedEnrolment(trx, ctx.actor, id);
          requireMove(input.to === 'dropped' ? 'drop' : 'withdraw', enrolment.state, ctx.actor);
          const now = clock();
          const moved = await repo.updateEnrolment(trx, id, { state: input.to }, now);
          await repo.logMove(
            trx,
            {
              networkId: moved.networkId,
              officeId: moved.officeId,
              enrolmentId: id,
              courseId: moved.courseId,
              from: enrolment.state,
              to: input.to,
              actorId: ctx.actor.userId,
              reason: input.reason,
            },
            now,
          );
          await audit.record(trx, ctx, {
            action: input.to === 'dropped' ? 'training.enrolment_dropped' : 'training.enrolment_withdrawn',
            entityType: 'training_enrolment',
            entityId: id,
            entityLabel: course.title,
            officeId: moved.officeId,
            details: { courseId: moved.courseId, workerId: moved.workerId, from: enrolment.state, reason: input.reason },
          });
          const promoted = holdsSeat(enrolment.state) ? await promoteWaiting(trx, ctx, moved.courseId) : [];
          const workers = await workerRefsByIds(trx, [moved.workerId, ...promoted.map((p) => p.workerId)]);
          return {
            enrolment: present(moved, workers.get(moved.workerId), null),
            // A promoted worker of another office is named only to who may see them.
            promoted: promoted.filter((p) => canActOnWorker(ctx.actor, p)).map((p) => present(p, workers.get(p.workerId), null)),
          };
        }),
      );
    },

    async recordAttendance(ctx: ActorContext, id: string, input: { hoursAttended: number }): Promise<TrainingEnrolment> {
      return db.transaction().execute(async (trx) => {
        const { enrolment, course } = await lockedEnrolment(trx, ctx.actor, id);
        requireMove('attendance', enrolment.state, ctx.actor);
        if (input.hoursAttended > course.hours) throw trainingErrors.hoursAboveCourse(course.hours);
        const moved = await repo.updateEnrolment(trx, id, { hoursAttended: input.hoursAttended }, clock());
        await audit.record(trx, ctx, {
          action: 'training.attendance_recorded',
          entityType: 'training_enrolment',
          entityId: id,
          entityLabel: course.title,
          officeId: moved.officeId,
          details: { hoursAttended: { from: enrolment.hoursAttended, to: input.hoursAttended } },
        });
        return presentOne(trx, moved);
      });
    },

    /**
     * Completion: the hours attended, the certificate when the course awards one; the course's
     * skills go into the worker's profile (source 'course') and the hours become the delivered
     * service 'training' (hours × 60 minutes) in the same transaction: all or nothing.
     */
    async complete(
      ctx: ActorContext,
      id: string,
      input: { completedOn: string; hoursAttended: number; certificateObtained: boolean },
    ): Promise<TrainingEnrolment> {
      return db.transaction().execute(async (trx) => {
        const { enrolment, course } = await lockedEnrolment(trx, ctx.actor, id);
        requireMove('complete', enrolment.state, ctx.actor);
        if (input.hoursAttended > course.hours) throw trainingErrors.hoursAboveCourse(course.hours);
        if (input.certificateObtained && !course.certificate) throw trainingErrors.noCertificate();
        if (input.completedOn < course.start_date) throw trainingErrors.completedBeforeStart(course.start_date);
        if (input.completedOn > romeToday(clock())) throw trainingErrors.completedInFuture();
        const now = clock();
        const moved = await repo.updateEnrolment(
          trx,
          id,
          {
            state: 'completed',
            hoursAttended: input.hoursAttended,
            completedOn: input.completedOn,
            certificateObtained: input.certificateObtained,
          },
          now,
        );
        await repo.logMove(
          trx,
          {
            networkId: moved.networkId,
            officeId: moved.officeId,
            enrolmentId: id,
            courseId: moved.courseId,
            from: enrolment.state,
            to: 'completed',
            actorId: ctx.actor.userId,
            reason: '',
          },
          now,
        );
        const full = (await repo.findCourse(trx, moved.courseId))!;
        if (deps.addProfileSkills && full.skills.length > 0) {
          await deps.addProfileSkills(trx, {
            workerId: moved.workerId,
            officeId: moved.officeId,
            networkId: moved.networkId,
            actorId: ctx.actor.userId,
            skills: full.skills.map((s) => ({ escoUri: s.uri, label: s.label, source: 'course', courseId: moved.courseId, keywords: [] })),
          });
        }
        await recordDeliveredService(trx, {
          networkId: moved.networkId,
          officeId: moved.officeId,
          workerId: moved.workerId,
          programmeId: null,
          staffId: ctx.actor.userId,
          serviceCode: 'training',
          delivery: 'group',
          deliveredOn: input.completedOn,
          minutes: Math.round(input.hoursAttended * 60),
          source: { type: 'course', id },
          createdBy: ctx.actor.userId,
        });
        await audit.record(trx, ctx, {
          action: 'training.enrolment_completed',
          entityType: 'training_enrolment',
          entityId: id,
          entityLabel: course.title,
          officeId: moved.officeId,
          details: {
            courseId: moved.courseId,
            workerId: moved.workerId,
            hoursAttended: input.hoursAttended,
            certificateObtained: input.certificateObtained,
            skills: full.skills.map((s) => s.uri),
          },
        });
        return presentOne(trx, moved);
      });
    },

    /** A course with its enrolments: the workers of the reader's scope by name, the others counted. Audited. */
    async courseDetail(ctx: ActorContext, courseId: string): Promise<CourseDetail> {
      const networkId = requireNetwork(ctx.actor);
      const course = await repo.findCourse(db, courseId);
      if (!course || course.networkId !== networkId) throw trainingErrors.courseNotFound();
      const scope = worksAcrossNetwork(ctx.actor) ? null : ctx.actor.officeId ? [ctx.actor.officeId] : [];
      const [rows, others] = await Promise.all([
        repo.enrolmentsOfCourse(db, courseId, scope),
        scope ? repo.countEnrolmentsOutside(db, courseId, scope) : Promise.resolve(0),
      ]);
      const waitingAll = await repo.waitingOf(db, courseId);
      const positions = new Map(waitingAll.map((w, i) => [w.id, i + 1]));
      const workers = await workerRefsByIds(
        db,
        rows.map((r) => r.workerId),
      );
      const order: Record<TrainingEnrolmentState, number> = { enrolled: 0, completed: 1, waiting: 2, dropped: 3, withdrawn: 4 };
      const moves = await repo.movesOfEnrolments(
        db,
        rows.map((r) => r.id),
      );
      const enrolments = rows
        .map((r) => ({ ...present(r, workers.get(r.workerId), positions.get(r.id) ?? null), moves: presentMoves(moves.get(r.id)) }))
        .sort(
          (a, b) =>
            order[a.state] - order[b.state] ||
            (a.waitingPosition ?? 0) - (b.waitingPosition ?? 0) ||
            a.workerName.localeCompare(b.workerName, 'it'),
        );
      await audit.record(db, ctx, {
        action: 'training.course_enrolments_read',
        entityType: 'training_course',
        entityId: courseId,
        entityLabel: course.title,
        details: { ids: enrolments.map((e) => e.id), workerIds: enrolments.map((e) => e.workerId) },
      });
      const [labelled] = await withSkillLabels(db, ctx.actor, [presentCourse(course)]);
      return { ...labelled!, enrolments, otherOfficesEnrolled: others };
    },

    /** A worker's courses, newest first. Audited as a read of the worker's record. */
    async workerCourses(ctx: ActorContext, workerId: string) {
      const worker = (await workerRefsByIds(db, [workerId])).get(workerId);
      if (!worker || !canActOnWorker(ctx.actor, worker)) throw trainingErrors.workerNotFound();
      const rows = await repo.enrolmentsOfWorker(db, workerId);
      const moves = await repo.movesOfEnrolments(
        db,
        rows.map((r) => r.enrolment.id),
      );
      const positions = new Map<string, number | null>();
      for (const r of rows) positions.set(r.enrolment.id, await waitingPositionOf(db, r.enrolment));
      await audit.record(db, ctx, {
        action: 'training.worker_courses_read',
        entityType: 'worker',
        entityId: workerId,
        entityLabel: displayNameOf(worker.firstName, worker.lastName),
        officeId: worker.officeId,
        details: { ids: rows.map((r) => r.enrolment.id) },
      });
      return {
        items: rows.map((r) => ({
          ...present(r.enrolment, worker, positions.get(r.enrolment.id) ?? null),
          moves: presentMoves(moves.get(r.enrolment.id)),
          courseTitle: r.course.title,
          providerName: r.course.providerName,
          startDate: r.course.startDate,
          endDate: r.course.endDate,
          hours: r.course.hours,
          certificate: r.course.certificate,
          courseStatus: r.course.status,
        })),
      };
    },
  };
}

export type EnrolmentService = ReturnType<typeof createEnrolmentService>;
