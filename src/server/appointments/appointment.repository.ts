import { sql } from 'kysely';
import type { Executor } from '../db/executor.js';
import type { AppointmentMode, AppointmentStatus, BookedVia, ClaimResource, ServiceCode } from '../db/schema-appointments.js';
import type { BusyInterval } from './slots.js';

/** Individual appointments, the time they claim, and their log. */

export interface AppointmentRow {
  id: string;
  networkId: string;
  officeId: string;
  typeId: string;
  typeNameIt: string;
  typeNameEn: string;
  serviceCode: ServiceCode;
  durationMinutes: number;
  reminderHours: number;
  workerId: string;
  consultantId: string;
  roomId: string | null;
  roomName: string | null;
  mode: AppointmentMode;
  videoLink: string | null;
  start: Date;
  end: Date;
  status: AppointmentStatus;
  sequence: number;
  bookedVia: BookedVia;
  note: string;
  cancelReason: string | null;
  /** Held outside the office (an employer's interview): the place as given; no room, no staff time claimed. */
  place: string | null;
  applicationId: string | null;
}

export interface NewAppointment {
  networkId: string;
  officeId: string;
  typeId: string;
  workerId: string;
  consultantId: string;
  roomId: string | null;
  mode: AppointmentMode;
  videoLink: string | null;
  start: Date;
  end: Date;
  bookedVia: BookedVia;
  bookedBy: string | null;
  sourceId: string | null;
  note: string;
  place?: string | null;
  applicationId?: string | null;
  claimWorker?: boolean;
}

/** Raised when the database refused a claim: which resource already held the time. */
export class ClaimConflict extends Error {
  constructor(readonly resource: ClaimResource) {
    super(`agenda claim conflict on ${resource}`);
  }
}

/** The exclusion violation (23P01) of agenda_claims, with the resource its detail names. */
export function claimConflictOf(err: unknown): ClaimConflict | null {
  const e = err as { code?: string; constraint?: string; detail?: string };
  if (e?.code !== '23P01') return null;
  const match = /=\((consultant|worker|room),/.exec(e.detail ?? '');
  return new ClaimConflict((match?.[1] as ClaimResource | undefined) ?? 'consultant');
}

/** The [start, end) range a claim holds, as agenda_claims.during stores it. */
export const range = (start: Date, end: Date) =>
  sql<string>`tstzrange(${start.toISOString()}::timestamptz, ${end.toISOString()}::timestamptz, '[)')`;

export function toDate(v: Date | string): Date {
  return v instanceof Date ? v : new Date(v);
}

export function createAppointmentRepository() {
  function selectAppointments(db: Executor) {
    return db
      .selectFrom('appointments as a')
      .innerJoin('appointment_types as t', 't.id', 'a.type_id')
      .leftJoin('meeting_rooms as r', 'r.id', 'a.room_id')
      .select([
        'a.id',
        'a.network_id',
        'a.office_id',
        'a.type_id',
        't.name_it',
        't.name_en',
        't.service_code',
        't.duration_minutes',
        't.reminder_hours',
        'a.worker_id',
        'a.consultant_id',
        'a.room_id',
        'r.name as room_name',
        'a.mode',
        'a.video_link',
        'a.starts_at',
        'a.ends_at',
        'a.status',
        'a.sequence',
        'a.booked_via',
        'a.note',
        'a.cancel_reason',
        'a.place',
        'a.application_id',
      ]);
  }
  type Selected = Awaited<ReturnType<ReturnType<typeof selectAppointments>['execute']>>[number];
  const present = (r: Selected): AppointmentRow => ({
    id: r.id,
    networkId: r.network_id,
    officeId: r.office_id,
    typeId: r.type_id,
    typeNameIt: r.name_it,
    typeNameEn: r.name_en,
    serviceCode: r.service_code,
    durationMinutes: r.duration_minutes,
    reminderHours: r.reminder_hours,
    workerId: r.worker_id,
    consultantId: r.consultant_id,
    roomId: r.room_id,
    roomName: r.room_name,
    mode: r.mode,
    videoLink: r.video_link,
    start: toDate(r.starts_at),
    end: toDate(r.ends_at),
    status: r.status,
    sequence: r.sequence,
    bookedVia: r.booked_via,
    note: r.note,
    cancelReason: r.cancel_reason,
    place: r.place,
    applicationId: r.application_id,
  });

  /**
   * Claims the appointment's time for each resource it takes; throws ClaimConflict when one is held.
   * A meeting at an external place (an employer interview) takes the worker's time only: its staff
   * member is the worker's contact, not there (migration 0042).
   */
  async function claim(
    db: Executor,
    a: {
      id: string;
      networkId: string;
      consultantId: string;
      workerId: string;
      roomId: string | null;
      start: Date;
      end: Date;
      place?: string | null;
      /** False: the worker's time is not claimed (an employer interview over a meeting the worker already has). */
      claimWorker?: boolean;
    },
  ) {
    const resources: { type: ClaimResource; id: string }[] = [
      ...(a.place ? [] : [{ type: 'consultant' as const, id: a.consultantId }]),
      ...(a.claimWorker === false ? [] : [{ type: 'worker' as const, id: a.workerId }]),
      ...(a.roomId ? [{ type: 'room' as const, id: a.roomId }] : []),
    ];
    if (resources.length === 0) return;
    try {
      await db
        .insertInto('agenda_claims')
        .values(
          resources.map((r) => ({
            network_id: a.networkId,
            resource_type: r.type,
            resource_id: r.id,
            during: range(a.start, a.end),
            appointment_id: a.id,
          })),
        )
        .execute();
    } catch (err) {
      throw claimConflictOf(err) ?? err;
    }
  }

  return {
    claim,

    async byId(db: Executor, id: string, options: { forUpdate?: boolean } = {}): Promise<AppointmentRow | undefined> {
      let query = selectAppointments(db).where('a.id', '=', id);
      if (options.forUpdate) query = query.forUpdate('a');
      const row = await query.executeTakeFirst();
      return row ? present(row) : undefined;
    },

    /** Several appointments by id (a batch of messages reads its meetings in one statement). */
    async byIds(db: Executor, ids: string[]): Promise<Map<string, AppointmentRow>> {
      const unique = [...new Set(ids)];
      if (!unique.length) return new Map();
      const rows = await selectAppointments(db).where('a.id', 'in', unique).execute();
      return new Map(rows.map((r) => [r.id, present(r)]));
    },

    /** Inserts the appointment and claims its time in the caller's transaction. */
    async insert(db: Executor, v: NewAppointment): Promise<string> {
      const row = await db
        .insertInto('appointments')
        .values({
          network_id: v.networkId,
          office_id: v.officeId,
          type_id: v.typeId,
          worker_id: v.workerId,
          consultant_id: v.consultantId,
          room_id: v.roomId,
          mode: v.mode,
          video_link: v.videoLink,
          starts_at: v.start,
          ends_at: v.end,
          booked_via: v.bookedVia,
          booked_by: v.bookedBy,
          source_id: v.sourceId,
          note: v.note,
          place: v.place ?? null,
          application_id: v.applicationId ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await claim(db, {
        id: row.id,
        networkId: v.networkId,
        consultantId: v.consultantId,
        workerId: v.workerId,
        roomId: v.roomId,
        start: v.start,
        end: v.end,
        place: v.place ?? null,
        claimWorker: v.claimWorker,
      });
      return row.id;
    },

    /** The live (booked or confirmed) interview of an application, locked when asked. */
    async openOfApplication(db: Executor, applicationId: string, options: { forUpdate?: boolean } = {}) {
      let query = selectAppointments(db).where('a.application_id', '=', applicationId).where('a.status', 'in', ['booked', 'confirmed']);
      if (options.forUpdate) query = query.forUpdate('a');
      const row = await query.executeTakeFirst();
      return row ? present(row) : undefined;
    },

    /** New time, consultant, room or mode: the claims follow, and the sequence rises (the worker is told). */
    async move(
      db: Executor,
      a: AppointmentRow,
      to: {
        start: Date;
        end: Date;
        consultantId: string;
        roomId: string | null;
        mode: AppointmentMode;
        videoLink: string | null;
        now: Date;
      },
    ) {
      await db.deleteFrom('agenda_claims').where('appointment_id', '=', a.id).execute();
      await db
        .updateTable('appointments')
        .set({
          starts_at: to.start,
          ends_at: to.end,
          consultant_id: to.consultantId,
          room_id: to.roomId,
          mode: to.mode,
          video_link: to.videoLink,
          sequence: a.sequence + 1,
          updated_at: to.now,
        })
        .where('id', '=', a.id)
        .execute();
      await claim(db, {
        id: a.id,
        networkId: a.networkId,
        consultantId: to.consultantId,
        workerId: a.workerId,
        roomId: to.roomId,
        start: to.start,
        end: to.end,
      });
    },

    async setStatus(
      db: Executor,
      a: AppointmentRow,
      v: { status: AppointmentStatus; cancelReason?: string | null; bumpSequence: boolean; now: Date },
    ) {
      await db
        .updateTable('appointments')
        .set({
          status: v.status,
          cancel_reason: v.status === 'cancelled' ? (v.cancelReason ?? '') : null,
          sequence: v.bumpSequence ? a.sequence + 1 : a.sequence,
          updated_at: v.now,
        })
        .where('id', '=', a.id)
        .execute();
      if (v.status === 'cancelled') await db.deleteFrom('agenda_claims').where('appointment_id', '=', a.id).execute();
    },

    async appendEvent(
      db: Executor,
      e: {
        appointmentId: string;
        at: Date;
        actorId: string | null;
        kind: string;
        byWorker?: boolean;
        before?: Record<string, unknown> | null;
        after?: Record<string, unknown> | null;
        reason?: string | null;
      },
    ) {
      await db
        .insertInto('appointment_events')
        .values({
          appointment_id: e.appointmentId,
          at: e.at,
          actor_id: e.actorId,
          kind: e.kind,
          by_worker: e.byWorker ?? false,
          before: e.before ? JSON.stringify(e.before) : null,
          after: e.after ? JSON.stringify(e.after) : null,
          reason: e.reason ?? null,
        })
        .execute();
    },

    async events(db: Executor, appointmentId: string) {
      return db
        .selectFrom('appointment_events')
        .select(['at', 'actor_id', 'kind', 'by_worker', 'before', 'after', 'reason'])
        .where('appointment_id', '=', appointmentId)
        .orderBy('at')
        .orderBy('id')
        .execute();
    },

    /** Appointments in [from, to) of an office, a consultant or a room (at least one given). */
    async list(
      db: Executor,
      p: {
        networkId: string;
        officeId?: string;
        consultantId?: string;
        roomId?: string;
        workerId?: string;
        from: Date;
        to: Date;
        includeCancelled: boolean;
      },
    ): Promise<AppointmentRow[]> {
      let query = selectAppointments(db)
        .where('a.network_id', '=', p.networkId)
        .where('a.starts_at', '<', p.to)
        .where('a.ends_at', '>', p.from);
      if (p.officeId) query = query.where('a.office_id', '=', p.officeId);
      if (p.consultantId) query = query.where('a.consultant_id', '=', p.consultantId);
      if (p.roomId) query = query.where('a.room_id', '=', p.roomId);
      if (p.workerId) query = query.where('a.worker_id', '=', p.workerId);
      if (!p.includeCancelled) query = query.where('a.status', '<>', 'cancelled');
      const rows = await query.orderBy('a.starts_at').orderBy('a.id').limit(2000).execute();
      return rows.map(present);
    },

    async ofWorker(db: Executor, workerId: string): Promise<AppointmentRow[]> {
      const rows = await selectAppointments(db).where('a.worker_id', '=', workerId).orderBy('a.starts_at', 'desc').limit(200).execute();
      return rows.map(present);
    },

    /** Time held by these resources that overlaps [from, to), for the free-slot computation. */
    async busy(
      db: Executor,
      p: { type: ClaimResource; ids: string[]; from: Date; to: Date; exceptAppointmentId?: string },
    ): Promise<Map<string, BusyInterval[]>> {
      const out = new Map<string, BusyInterval[]>();
      if (p.ids.length === 0) return out;
      // The bounds as epoch milliseconds, not timestamptz: the free slots read 8 weeks of an
      // office's claims (5,000 rows and more), and turning each timestamptz text into a Date in
      // the driver was most of this read's time; a float8 is parsed at a fraction of it
      // (bench/agenda-slots.bench.ts). A Date holds milliseconds, so nothing is lost.
      let query = db
        .selectFrom('agenda_claims')
        .select([
          'resource_id',
          sql<number>`(extract(epoch from lower(during)) * 1000)::float8`.as('start'),
          sql<number>`(extract(epoch from upper(during)) * 1000)::float8`.as('end'),
          'appointment_id',
        ])
        .where('resource_type', '=', p.type)
        .where('resource_id', 'in', p.ids)
        .where(sql<boolean>`during && ${range(p.from, p.to)}`);
      if (p.exceptAppointmentId) {
        const except = p.exceptAppointmentId;
        query = query.where((eb) => eb.or([eb('appointment_id', 'is', null), eb('appointment_id', '<>', except)]));
      }
      for (const r of await query.execute()) {
        const list = out.get(r.resource_id) ?? [];
        list.push({ start: new Date(Number(r.start)), end: new Date(Number(r.end)), ref: r.appointment_id ?? undefined });
        out.set(r.resource_id, list);
      }
      return out;
    },

    /** Workers of an office with at least `atLeast` missed meetings since a date. */
    async noShows(db: Executor, p: { officeId: string; since: Date; atLeast: number }) {
      const rows = await db
        .selectFrom('appointments')
        .select([
          'worker_id',
          'network_id',
          'office_id',
          (eb) => eb.fn.countAll<number>().as('n'),
          (eb) => eb.fn.max('starts_at').as('last'),
        ])
        .where('office_id', '=', p.officeId)
        .where('status', '=', 'absent')
        .where('starts_at', '>=', p.since)
        .groupBy(['worker_id', 'network_id', 'office_id'])
        .having((eb) => eb.fn.countAll(), '>=', p.atLeast)
        .orderBy('n', 'desc')
        .limit(500)
        .execute();
      return rows.map((r) => ({
        workerId: r.worker_id,
        networkId: r.network_id,
        officeId: r.office_id,
        absences: Number(r.n),
        last: toDate(r.last as Date | string),
      }));
    },

    /** Meetings that a new absence falls on: the coordinator is told how many to move. */
    async countOverlapping(db: Executor, p: { consultantId: string; from: Date; to: Date }): Promise<number> {
      const row = await db
        .selectFrom('agenda_claims')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('resource_type', '=', 'consultant')
        .where('resource_id', '=', p.consultantId)
        .where(sql<boolean>`during && ${range(p.from, p.to)}`)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}

export type AppointmentRepository = ReturnType<typeof createAppointmentRepository>;
