import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import { staffNamesById, staffWithRolesInOffice, type ActorContext } from '../auth/index.js';
import type { DB } from '../db/schema.js';
import type { Executor } from '../db/executor.js';
import type { FieldError } from '../http/problem.js';
import { officeIdsInNetwork, officeNamesById } from '../organisation/index.js';
import { appendWorkerEvent, canAccessWorker, displayNameOf, workerRefsByIds, type WorkerRef } from '../people/index.js';
import { programmeNamesById, servicePeriodsOfWorker, type ServicePeriod } from '../programmes/index.js';
import type { ServiceCreate, ServiceRecord, ServiceUpdate, WorkerServices } from '../../shared/schemas/services.schema.js';
import { romeToday } from '../../shared/time/rome-time.js';
import type { ManualServiceValues, ServiceRecordsRepository, ServiceRow } from './manual-services.repository.js';
import { serviceErrors, serviceFieldMessages as M } from './services.errors.js';
import { DELIVERING_ROLES } from './services.policy.js';

/**
 * Delivered services entered by hand, and a worker's list. The rules of a record (why):
 * - not after today (Europe/Rome): a service is recorded once delivered, never planned here;
 * - for a programme, only one the worker was registered in, and only on the days the worker was in
 *   it (from the registration, up to the day they withdrew or their CIGS ended): the fund pays the
 *   programme for the services given to the workers it took in, so a service before the worker's
 *   registration, or after they left, cannot be reported to it. Without a programme the service
 *   still counts for the office and the consultant, for no funder;
 * - the consultant holds a role in the office it was delivered in; the office is of the network.
 */
export function createServicesService(deps: { db: Kysely<DB>; records: ServiceRecordsRepository; audit: AuditService; clock: () => Date }) {
  const { db, records, audit, clock } = deps;

  async function workerInScope(ctx: ActorContext, workerId: string): Promise<WorkerRef> {
    const worker = (await workerRefsByIds(db, [workerId])).get(workerId);
    if (!worker || !canAccessWorker(ctx.actor, { networkId: worker.networkId, officeId: worker.officeId })) throw serviceErrors.notFound();
    return worker;
  }

  async function present(executor: Executor, rows: ServiceRow[]): Promise<ServiceRecord[]> {
    const [staff, offices, programmes] = await Promise.all([
      staffNamesById(
        executor,
        rows.map((r) => r.staffId),
      ),
      officeNamesById(executor, [...new Set(rows.map((r) => r.officeId))]),
      programmeNamesById(
        executor,
        rows.map((r) => r.programmeId),
      ),
    ]);
    return rows.map((r) => ({
      id: r.id,
      workerId: r.workerId,
      serviceCode: r.serviceCode,
      delivery: r.delivery,
      deliveredOn: r.deliveredOn,
      minutes: r.minutes,
      source: r.sourceType,
      sourceId: r.sourceId,
      consultant: r.staffId ? { id: r.staffId, name: staff.get(r.staffId) ?? '' } : null,
      office: { id: r.officeId, name: offices.get(r.officeId) ?? '' },
      programme: r.programmeId ? { id: r.programmeId, name: programmes.get(r.programmeId) ?? '' } : null,
      note: r.note,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt ? r.updatedAt.toISOString() : null,
    }));
  }

  /** The field errors of a record's values for this worker (empty when it may be saved). */
  async function check(
    ctx: ActorContext,
    worker: WorkerRef,
    v: ManualServiceValues,
    periods: ServicePeriod[],
    /** A correction that keeps the record's consultant is not refused because they left the office since. */
    previous?: ServiceRow,
  ): Promise<FieldError[]> {
    const errors: FieldError[] = [];
    const today = romeToday(clock());
    if (v.deliveredOn > today) errors.push({ path: 'body/deliveredOn', message: M.future });
    if (v.programmeId) {
      const period = periods.find((p) => p.programmeId === v.programmeId);
      if (!period) errors.push({ path: 'body/programmeId', message: M.notWorkerProgramme });
      else if (v.deliveredOn <= today && v.deliveredOn < period.from) errors.push({ path: 'body/deliveredOn', message: M.beforeProgramme });
      else if (period.to && v.deliveredOn > period.to) errors.push({ path: 'body/deliveredOn', message: M.afterProgramme });
    }
    const networkOffices = await officeIdsInNetwork(db, worker.networkId);
    if (!networkOffices.has(v.officeId)) errors.push({ path: 'body/officeId', message: M.officeNotInNetwork });
    // The caller may always name themselves (a coordinator of another office who met the worker).
    else if (v.staffId && v.staffId !== ctx.actor.userId && !(previous?.staffId === v.staffId && previous.officeId === v.officeId)) {
      const staff = await staffWithRolesInOffice(db, v.officeId, DELIVERING_ROLES);
      if (!staff.some((s) => s.id === v.staffId)) errors.push({ path: 'body/consultantId', message: M.consultantNotInOffice });
    }
    return errors;
  }

  /** A manual record of a worker in the caller's scope, locked in the transaction; a meeting's is refused. */
  async function manualInScope(ctx: ActorContext, id: string) {
    const row = await records.byId(db, id);
    if (!row) throw serviceErrors.notFound();
    const worker = await workerInScope(ctx, row.workerId);
    if (row.sourceType !== 'manual') throw serviceErrors.fromMeeting();
    return { row, worker };
  }

  const snapshot = (r: ServiceRow) => ({
    serviceCode: r.serviceCode,
    deliveredOn: r.deliveredOn,
    minutes: r.minutes,
    staffId: r.staffId,
    officeId: r.officeId,
    programmeId: r.programmeId,
  });

  return {
    /** The worker's services, newest first, their totals, and what the form offers. Audited: it shows the worker's record. */
    async ofWorker(ctx: ActorContext, workerId: string): Promise<WorkerServices> {
      const worker = await workerInScope(ctx, workerId);
      const [rows, periods, staff] = await Promise.all([
        records.ofWorker(db, workerId),
        servicePeriodsOfWorker(db, workerId),
        staffWithRolesInOffice(db, worker.officeId, DELIVERING_ROLES),
      ]);
      const items = await present(db, rows);
      const byCode: Record<string, number> = {};
      for (const r of rows) byCode[r.serviceCode] = (byCode[r.serviceCode] ?? 0) + r.minutes;
      const current = periods.find((p) => p.to === null)?.programmeId;
      await audit.record(db, ctx, {
        action: 'service.list.read',
        entityType: 'worker',
        entityId: workerId,
        entityLabel: displayNameOf(worker.firstName, worker.lastName),
        officeId: worker.officeId,
        details: { ids: rows.map((r) => r.id) },
      });
      return {
        items,
        totals: { minutes: rows.reduce((sum, r) => sum + r.minutes, 0), byCode },
        programmes: periods.map((p) => ({
          id: p.programmeId,
          name: p.programmeName,
          from: p.from,
          to: p.to,
          current: p.programmeId === current,
        })),
        consultants: staff.map((s) => ({ id: s.id, name: s.fullName })),
        today: romeToday(clock()),
      };
    },

    async create(ctx: ActorContext, workerId: string, body: ServiceCreate): Promise<ServiceRecord> {
      const worker = await workerInScope(ctx, workerId);
      const values: ManualServiceValues = {
        officeId: body.officeId ?? worker.officeId,
        programmeId: body.programmeId,
        staffId: body.consultantId ?? ctx.actor.userId,
        serviceCode: body.serviceCode,
        deliveredOn: body.deliveredOn,
        minutes: body.minutes,
        note: body.note,
      };
      const errors = await check(ctx, worker, values, await servicePeriodsOfWorker(db, workerId));
      if (errors.length) throw serviceErrors.invalid(errors);
      const now = clock();
      const row = await db.transaction().execute(async (trx) => {
        const created = await records.insertManual(trx, { ...values, networkId: worker.networkId, workerId, createdBy: ctx.actor.userId });
        await appendWorkerEvent(trx, {
          workerId,
          officeId: worker.officeId,
          kind: 'service.recorded',
          actorId: ctx.actor.userId,
          at: now,
          details: { serviceId: created.id, serviceCode: created.serviceCode, deliveredOn: created.deliveredOn, minutes: created.minutes },
        });
        await audit.record(trx, ctx, {
          action: 'service.recorded',
          entityType: 'service_record',
          entityId: created.id,
          entityLabel: displayNameOf(worker.firstName, worker.lastName),
          officeId: worker.officeId,
          details: { workerId, ...snapshot(created) },
        });
        return created;
      });
      return (await present(db, [row]))[0]!;
    },

    async update(ctx: ActorContext, id: string, body: ServiceUpdate): Promise<ServiceRecord> {
      const { row, worker } = await manualInScope(ctx, id);
      const values: ManualServiceValues = {
        officeId: body.officeId ?? row.officeId,
        programmeId: body.programmeId === undefined ? row.programmeId : body.programmeId,
        staffId: body.consultantId ?? row.staffId,
        serviceCode: body.serviceCode ?? row.serviceCode,
        deliveredOn: body.deliveredOn ?? row.deliveredOn,
        minutes: body.minutes ?? row.minutes,
        note: body.note ?? row.note,
      };
      const errors = await check(ctx, worker, values, await servicePeriodsOfWorker(db, row.workerId), row);
      if (errors.length) throw serviceErrors.invalid(errors);
      const now = clock();
      const updated = await db.transaction().execute(async (trx) => {
        const locked = await records.byId(trx, id, { forUpdate: true });
        if (!locked) throw serviceErrors.notFound();
        const after = await records.updateManual(trx, id, { ...values, updatedBy: ctx.actor.userId, at: now });
        await appendWorkerEvent(trx, {
          workerId: row.workerId,
          officeId: worker.officeId,
          kind: 'service.corrected',
          actorId: ctx.actor.userId,
          at: now,
          details: { serviceId: id, serviceCode: after.serviceCode, deliveredOn: after.deliveredOn, reason: body.reason },
        });
        await audit.record(trx, ctx, {
          action: 'service.corrected',
          entityType: 'service_record',
          entityId: id,
          entityLabel: displayNameOf(worker.firstName, worker.lastName),
          officeId: worker.officeId,
          details: { workerId: row.workerId, before: snapshot(locked), after: snapshot(after), reason: body.reason },
        });
        return after;
      });
      return (await present(db, [updated]))[0]!;
    },

    async remove(ctx: ActorContext, id: string, reason: string): Promise<void> {
      const { row, worker } = await manualInScope(ctx, id);
      const now = clock();
      await db.transaction().execute(async (trx) => {
        await records.deleteManual(trx, id);
        await appendWorkerEvent(trx, {
          workerId: row.workerId,
          officeId: worker.officeId,
          kind: 'service.removed',
          actorId: ctx.actor.userId,
          at: now,
          details: { serviceId: id, serviceCode: row.serviceCode, deliveredOn: row.deliveredOn, reason },
        });
        await audit.record(trx, ctx, {
          action: 'service.removed',
          entityType: 'service_record',
          entityId: id,
          entityLabel: displayNameOf(worker.firstName, worker.lastName),
          officeId: worker.officeId,
          details: { workerId: row.workerId, removed: snapshot(row), reason },
        });
      });
    },
  };
}

export type ServicesService = ReturnType<typeof createServicesService>;
