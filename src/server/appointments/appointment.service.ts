import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import {
  canActOnWorker,
  requireNetwork,
  staffNamesById,
  staffWithRolesInOffice,
  worksAcrossNetwork,
  type ActorContext,
  type RequestContext,
} from '../auth/index.js';
import type { DB } from '../db/schema.js';
import type { Executor } from '../db/executor.js';
import type { Language } from '../http/problem.js';
import { officeById } from '../organisation/index.js';
import { insertCallbacks, officeClosedDays } from '../outreach/index.js';
import { appendWorkerEvent, displayNameOf, workerContactsByIds } from '../people/index.js';
import { currentProgrammeOf } from '../programmes/index.js';
import { recordDeliveredService, removeDeliveredService } from '../services/index.js';
import { addDays, formatItalianDate } from '../../shared/time/rome-date.js';
import { romeToday, romeToUtc } from '../../shared/time/rome-time.js';
import type {
  AppointmentCreate,
  AppointmentListQuery,
  AppointmentMove,
  AppointmentView,
  FreeSlotsQuery,
  FreeSlotView,
} from '../../shared/schemas/appointments.schema.js';
import type { AppointmentMode, AppointmentStatus } from '../db/schema-appointments.js';
import type { AgendaSetupRepository, TypeRow } from './agenda-setup.repository.js';
import type { AppointmentMessagesRepository } from './appointment-messages.repository.js';
import { ClaimConflict, type AppointmentRepository, type AppointmentRow } from './appointment.repository.js';
import { EMPLOYER_INTERVIEW_TYPE } from './agenda-setup.repository.js';
import { cancelLockedAppointment } from './employer-interviews.js';
import { retryTransient } from '../db/errors.js';
import { appointmentErrors } from './appointments.errors.js';
import { readsOwnAgendaOnly } from './appointments.policy.js';
import { httpErrors } from '../http/http.errors.js';
import type { AppointmentNotifications } from './notifications.js';
import { cancellationIcs, invitationIcs, type CalendarEvent } from './icalendar.js';
import { explainSlot, firstFreeSlots, type SlotQuery } from './slots.js';
import type { WorkshopRepository } from './workshop.repository.js';

/** How far ahead the free slots are looked for, unless the caller says. */
const DEFAULT_WINDOW_DAYS = 56;
const MINUTE = 60_000;
/** The least gap kept between two meetings of a consultant (to write notes, to walk to the door). */
export const BUFFER_MINUTES = 0;

export interface AppointmentServiceDeps {
  db: Kysely<DB>;
  setup: AgendaSetupRepository;
  appointments: AppointmentRepository;
  notifications: AppointmentNotifications;
  messages: AppointmentMessagesRepository;
  /** The worker's page lists the group workshops beside the meetings, in the same read. */
  workshops: WorkshopRepository;
  audit: AuditService;
  clock: () => Date;
  /** The host name that makes iCalendar UIDs unique to this installation. */
  calendarHost: string;
}

/** Statuses in which a meeting still holds its time and can be moved or cancelled. */
const OPEN: readonly AppointmentStatus[] = ['booked', 'confirmed'];

export function createAppointmentService(deps: AppointmentServiceDeps) {
  const { db, setup, appointments, notifications, audit, clock } = deps;

  async function officeInNetwork(executor: Executor, ctx: ActorContext, officeId: string) {
    const office = await officeById(executor, officeId);
    if (!office || office.networkId !== requireNetwork(ctx.actor)) throw appointmentErrors.officeNotFound();
    // Staff who work in one office book in that office; coordinators anywhere in the network.
    if (!worksAcrossNetwork(ctx.actor) && !ctx.actor.assignments.some((a) => a.officeId === officeId))
      throw appointmentErrors.officeNotFound();
    return office;
  }

  async function workerFor(executor: Executor, ctx: ActorContext, workerId: string) {
    const worker = (await workerContactsByIds(executor, [workerId])).get(workerId);
    if (!worker || !canActOnWorker(ctx.actor, worker)) throw appointmentErrors.workerNotFound();
    return worker;
  }

  async function typeFor(executor: Executor, networkId: string, typeId: string): Promise<TypeRow> {
    const type = await setup.typeById(executor, typeId);
    if (!type || (type.networkId !== null && type.networkId !== networkId)) throw appointmentErrors.typeNotFound();
    return type;
  }

  /** Everything the slot computation needs about an office's consultants over [from, to]. */
  async function slotQuery(
    executor: Executor,
    p: {
      office: { id: string; networkId: string };
      consultantIds: string[];
      durationMinutes: number;
      mode: AppointmentMode;
      workerId?: string;
      from: string;
      to: string;
      exceptAppointmentId?: string;
      roomId?: string | null;
    },
  ): Promise<SlotQuery> {
    const start = romeToUtc(p.from, '00:00');
    const end = romeToUtc(addDays(p.to, 1), '00:00');
    const rooms = p.mode === 'in_person' ? await setup.rooms(executor, p.office.id, { activeOnly: true }) : [];
    // An individual meeting takes the smallest free room: the training room stays free for workshops.
    const chosenRooms = (p.roomId ? rooms.filter((r) => r.id === p.roomId) : rooms).sort(
      (a, b) => a.capacity - b.capacity || a.name.localeCompare(b.name),
    );
    const [availability, exceptions, closedDays, consultantBusy, workerBusy, roomBusy] = await Promise.all([
      setup.availability(executor, { officeId: p.office.id, consultantIds: p.consultantIds, from: p.from, to: p.to }),
      setup.exceptions(executor, { consultantIds: p.consultantIds, from: p.from, to: p.to }),
      officeClosedDays(executor, p.office, p.from, p.to),
      appointments.busy(executor, {
        type: 'consultant',
        ids: p.consultantIds,
        from: start,
        to: end,
        exceptAppointmentId: p.exceptAppointmentId,
      }),
      p.workerId
        ? appointments.busy(executor, {
            type: 'worker',
            ids: [p.workerId],
            from: start,
            to: end,
            exceptAppointmentId: p.exceptAppointmentId,
          })
        : Promise.resolve(new Map()),
      appointments.busy(executor, {
        type: 'room',
        ids: chosenRooms.map((r) => r.id),
        from: start,
        to: end,
        exceptAppointmentId: p.exceptAppointmentId,
      }),
    ]);
    return {
      officeId: p.office.id,
      consultantIds: p.consultantIds,
      availability,
      exceptions: exceptions.map((e) => ({ consultantId: e.consultantId, date: e.date, from: e.from, to: e.to, reason: e.reason })),
      closedDays,
      consultantBusy,
      sharedBusy: p.workerId ? (workerBusy.get(p.workerId) ?? []) : [],
      // An office without rooms books in-person meetings at the consultant's desk.
      rooms: chosenRooms.length ? chosenRooms.map((r) => ({ roomId: r.id, busy: roomBusy.get(r.id) ?? [] })) : undefined,
      durationMinutes: p.durationMinutes,
      bufferMinutes: BUFFER_MINUTES,
      from: p.from,
      to: p.to,
      now: clock(),
    };
  }

  async function presentSlots(
    executor: Executor,
    slots: ReturnType<typeof firstFreeSlots>,
    consultants: Map<string, string>,
  ): Promise<FreeSlotView[]> {
    const roomNames = await setup.roomNamesByIds(
      executor,
      slots.map((s) => s.roomId).filter((id): id is string => id !== null),
    );
    return slots.map((s) => ({
      consultantId: s.consultantId,
      consultantName: consultants.get(s.consultantId) ?? '',
      roomId: s.roomId,
      roomName: s.roomId ? (roomNames.get(s.roomId) ?? null) : null,
      start: s.start.toISOString(),
      end: s.end.toISOString(),
      date: s.date,
      startTime: s.startTime,
      endTime: s.endTime,
    }));
  }

  /** The first free slots across an office's consultants (or one of them), without an actor's checks. */
  async function slotsIn(
    executor: Executor,
    office: { id: string; networkId: string },
    p: {
      type: TypeRow;
      mode: AppointmentMode;
      consultantId?: string;
      workerId?: string;
      from?: string;
      to?: string;
      limit: number;
      exceptAppointmentId?: string;
    },
  ): Promise<FreeSlotView[]> {
    const staff = await staffWithRolesInOffice(executor, office.id, ['consultant']);
    const consultants = p.consultantId ? staff.filter((s) => s.id === p.consultantId) : staff;
    if (p.consultantId && consultants.length === 0) throw appointmentErrors.consultantNotFound();
    const today = romeToday(clock());
    const from = p.from && p.from > today ? p.from : today;
    const to = p.to ?? addDays(from, DEFAULT_WINDOW_DAYS);
    if (to < from) return [];
    // A week is read first: it usually holds the first slots, and reading eight weeks of every
    // consultant's meetings costs most of the request (bench/agenda-slots.bench.ts). Slots come in
    // start order, so a full first page from the week is the same as from the whole window.
    const read = (until: string) =>
      slotQuery(executor, {
        office,
        consultantIds: consultants.map((c) => c.id),
        durationMinutes: p.type.durationMinutes,
        mode: p.mode,
        workerId: p.workerId,
        from,
        to: until,
        exceptAppointmentId: p.exceptAppointmentId,
      });
    const firstWeek = addDays(from, 6);
    let slots = firstFreeSlots(await read(firstWeek < to ? firstWeek : to), p.limit);
    if (slots.length < p.limit && firstWeek < to) slots = firstFreeSlots(await read(to), p.limit);
    return presentSlots(executor, slots, new Map(consultants.map((c) => [c.id, c.fullName])));
  }

  /** The first free slots an actor may book in an office. */
  async function freeSlots(ctx: ActorContext, q: FreeSlotsQuery): Promise<FreeSlotView[]> {
    const office = await officeInNetwork(db, ctx, q.officeId);
    const type = await typeFor(db, office.networkId, q.typeId);
    if (q.workerId) await workerFor(db, ctx, q.workerId);
    return slotsIn(db, office, {
      type,
      mode: q.mode,
      consultantId: q.consultantId,
      workerId: q.workerId,
      from: q.from,
      to: q.to,
      limit: q.limit,
    });
  }

  async function present(executor: Executor, rows: AppointmentRow[], language: Language): Promise<AppointmentView[]> {
    const [workers, staff, offices] = await Promise.all([
      workerContactsByIds(
        executor,
        rows.map((r) => r.workerId),
      ),
      staffNamesById(
        executor,
        rows.map((r) => r.consultantId),
      ),
      Promise.all([...new Set(rows.map((r) => r.officeId))].map((id) => officeById(executor, id))),
    ]);
    const officeNames = new Map(offices.filter((o) => o !== undefined).map((o) => [o.id, o.name]));
    return rows.map((r) => {
      const w = workers.get(r.workerId);
      return {
        id: r.id,
        officeId: r.officeId,
        officeName: officeNames.get(r.officeId) ?? '',
        worker: { id: r.workerId, name: w ? displayNameOf(w.firstName, w.lastName) : '' },
        type: { id: r.typeId, name: language === 'en' ? r.typeNameEn : r.typeNameIt, serviceCode: r.serviceCode },
        consultant: { id: r.consultantId, name: staff.get(r.consultantId) ?? '' },
        room: r.roomId ? { id: r.roomId, name: r.roomName ?? '' } : null,
        mode: r.mode,
        videoLink: r.videoLink,
        start: r.start.toISOString(),
        end: r.end.toISOString(),
        status: r.status,
        sequence: r.sequence,
        bookedVia: r.bookedVia,
        note: r.note,
        cancelReason: r.cancelReason,
        place: r.place,
        applicationId: r.applicationId,
      };
    });
  }

  /** The meeting, if the actor may see it: the worker's office rule, as for the worker's page. */
  async function visible(executor: Executor, ctx: ActorContext, id: string, options: { forUpdate?: boolean } = {}) {
    const row = await appointments.byId(executor, id, options);
    if (!row || !canActOnWorker(ctx.actor, row)) throw appointmentErrors.notFound();
    return row;
  }

  /** Checks a time against availability, holidays and notice; refusal → 422 with the next free slots. */
  async function checkSlot(
    executor: Executor,
    p: {
      office: { id: string; networkId: string };
      type: TypeRow;
      consultantId: string;
      workerId: string;
      mode: AppointmentMode;
      roomId: string | null | undefined;
      start: Date;
      exceptAppointmentId?: string;
      /** Propose only this consultant's slots (a worker rescheduling keeps their consultant). */
      onlyConsultant?: boolean;
      /** The room to keep if it is free then (a moved meeting), any free room otherwise. */
      preferRoomId?: string | null;
    },
  ): Promise<string | null> {
    const date = romeToday(p.start);
    const verdictWith = async (roomId: string | null | undefined) =>
      explainSlot(
        await slotQuery(executor, {
          office: p.office,
          consultantIds: [p.consultantId],
          durationMinutes: p.type.durationMinutes,
          mode: p.mode,
          workerId: p.workerId,
          from: date,
          to: date,
          exceptAppointmentId: p.exceptAppointmentId,
          roomId,
        }),
        p.consultantId,
        p.start,
      );
    let verdict = await verdictWith(p.preferRoomId ?? p.roomId);
    if (!verdict.ok && verdict.reason === 'no_room' && p.preferRoomId && !p.roomId) verdict = await verdictWith(undefined);
    if (verdict.ok) return verdict.roomId;
    const next = await slotsIn(executor, p.office, {
      type: p.type,
      mode: p.mode,
      consultantId: p.onlyConsultant ? p.consultantId : undefined,
      workerId: p.workerId,
      from: date,
      limit: 6,
      exceptAppointmentId: p.exceptAppointmentId,
    });
    throw appointmentErrors.slotUnavailable(verdict, next);
  }

  async function slotTaken(
    err: ClaimConflict,
    office: { id: string; networkId: string },
    p: { type: TypeRow; mode: AppointmentMode; workerId: string; start: Date; consultantId?: string; exceptAppointmentId?: string },
  ) {
    const next = await slotsIn(db, office, {
      type: p.type,
      mode: p.mode,
      workerId: p.workerId,
      consultantId: p.consultantId,
      from: romeToday(p.start),
      limit: 6,
      exceptAppointmentId: p.exceptAppointmentId,
    });
    return appointmentErrors.slotTaken(err.resource, next);
  }

  function checkMode(type: TypeRow, mode: AppointmentMode, videoLink: string | null | undefined, roomId: string | null | undefined) {
    if (!type.modes.includes(mode)) throw appointmentErrors.modeNotOffered();
    if (mode === 'video' && !videoLink) throw appointmentErrors.videoLinkMissing();
    if (mode !== 'in_person' && roomId) throw appointmentErrors.roomNotForMode();
  }

  async function checkConsultant(executor: Executor, officeId: string, consultantId: string) {
    const staff = await staffWithRolesInOffice(executor, officeId, ['consultant']);
    if (!staff.some((s) => s.id === consultantId)) throw appointmentErrors.consultantNotFound();
  }

  async function checkRoom(executor: Executor, officeId: string, roomId: string | null | undefined) {
    if (!roomId) return;
    const room = await setup.roomById(executor, roomId);
    if (!room || room.officeId !== officeId || !room.active) throw appointmentErrors.roomNotFound();
  }

  const snapshot = (a: {
    start: Date;
    end: Date;
    consultantId: string;
    roomId: string | null;
    mode: AppointmentMode;
    status?: AppointmentStatus;
  }) => ({
    start: a.start.toISOString(),
    end: a.end.toISOString(),
    consultantId: a.consultantId,
    roomId: a.roomId,
    mode: a.mode,
    ...(a.status ? { status: a.status } : {}),
  });

  interface Author {
    actorId: string | null;
    /** The worker acting through the link in their messages. */
    byWorker: boolean;
  }

  /** Moves a meeting (time, consultant, room, mode): checked as a booking is, the claims follow. */
  async function moveCore(
    ctx: RequestContext,
    current: AppointmentRow,
    office: { id: string; networkId: string },
    body: AppointmentMove,
    by: Author,
  ) {
    if (!OPEN.includes(current.status)) throw appointmentErrors.notChangeable();
    // An employer interview's time is the employer's: it changes through its application.
    if (current.place) throw appointmentErrors.externalNotMovable();
    const id = current.id;
    const type = await typeFor(db, office.networkId, current.typeId);
    const mode = body.mode ?? current.mode;
    const consultantId = body.consultantId ?? current.consultantId;
    const videoLink = mode === 'video' ? (body.videoLink !== undefined ? body.videoLink : current.videoLink) : null;
    // A room asked for is kept or refused; otherwise the meeting keeps its room when it is free at
    // the new time, and takes the smallest free one when not (the slots the worker's link offers
    // are free in some room, not always in this one).
    const askedRoom = mode === 'in_person' && body.roomId !== undefined ? body.roomId : null;
    const keptRoom = mode === 'in_person' && body.roomId === undefined ? current.roomId : null;
    checkMode(type, mode, videoLink, askedRoom ?? keptRoom);
    if (consultantId !== current.consultantId) await checkConsultant(db, office.id, consultantId);
    await checkRoom(db, office.id, askedRoom);
    const start = new Date(body.start);
    const freeRoom = await checkSlot(db, {
      office,
      type,
      consultantId,
      workerId: current.workerId,
      mode,
      roomId: askedRoom,
      start,
      exceptAppointmentId: id,
      onlyConsultant: by.byWorker,
      preferRoomId: keptRoom,
    });
    const end = new Date(start.getTime() + (current.end.getTime() - current.start.getTime()));
    const roomId = mode === 'in_person' ? (askedRoom ?? freeRoom) : null;
    const now = clock();
    try {
      await retryTransient(() =>
        db.transaction().execute(async (trx) => {
          const locked = await appointments.byId(trx, id, { forUpdate: true });
          if (!locked || !OPEN.includes(locked.status) || locked.sequence !== current.sequence) throw appointmentErrors.notChangeable();
          await appointments.move(trx, locked, { start, end, consultantId, roomId, mode, videoLink, now });
          // The links already sent stay good until the meeting's new end.
          await deps.messages.extendLinks(trx, id, end);
          await appointments.appendEvent(trx, {
            appointmentId: id,
            at: now,
            actorId: by.actorId,
            byWorker: by.byWorker,
            kind: 'moved',
            before: snapshot(locked),
            after: snapshot({ start, end, consultantId, roomId, mode }),
            reason: body.reason,
          });
          await appendWorkerEvent(trx, {
            workerId: locked.workerId,
            officeId: locked.officeId,
            kind: 'appointment.moved',
            actorId: by.actorId,
            at: now,
            details: { appointmentId: id, from: locked.start.toISOString(), to: start.toISOString(), byWorker: by.byWorker },
          });
          await notifications.moved(trx, {
            id,
            networkId: locked.networkId,
            sequence: locked.sequence + 1,
            start,
            reminderHours: type.reminderHours,
          });
          await audit.record(trx, ctx, {
            action: 'appointment.moved',
            entityType: 'appointment',
            entityId: id,
            officeId: locked.officeId,
            details: {
              from: locked.start.toISOString(),
              to: start.toISOString(),
              consultantId,
              reason: body.reason,
              byWorker: by.byWorker,
            },
          });
        }),
      );
    } catch (err) {
      if (err instanceof ClaimConflict)
        throw await slotTaken(err, office, {
          type,
          mode,
          workerId: current.workerId,
          start,
          exceptAppointmentId: id,
          consultantId: by.byWorker ? consultantId : undefined,
        });
      throw err;
    }
  }

  /** Cancels a meeting and frees its time; the worker is told unless it is already past. */
  async function cancelCore(ctx: RequestContext, id: string, reason: string, by: Author) {
    const now = clock();
    await db.transaction().execute(async (trx) => {
      const locked = await appointments.byId(trx, id, { forUpdate: true });
      if (!locked || !OPEN.includes(locked.status)) throw appointmentErrors.notChangeable();
      await cancelLockedAppointment(trx, { appointments, notifications, audit }, ctx, locked, { reason, by, now });
    });
  }

  /** The worker confirms through their link: recorded, nobody else is asked. */
  async function confirmCore(ctx: RequestContext, id: string) {
    const now = clock();
    await db.transaction().execute(async (trx) => {
      const locked = await appointments.byId(trx, id, { forUpdate: true });
      if (!locked || locked.status !== 'booked') return;
      await appointments.setStatus(trx, locked, { status: 'confirmed', bumpSequence: false, now });
      await appointments.appendEvent(trx, {
        appointmentId: id,
        at: now,
        actorId: null,
        byWorker: true,
        kind: 'confirmed',
        before: { status: 'booked' },
        after: { status: 'confirmed' },
      });
      await appendWorkerEvent(trx, {
        workerId: locked.workerId,
        officeId: locked.officeId,
        kind: 'appointment.confirmed_by_worker',
        actorId: null,
        at: now,
        details: { appointmentId: id },
      });
      await audit.record(trx, ctx, {
        action: 'appointment.confirmed',
        entityType: 'appointment',
        entityId: id,
        officeId: locked.officeId,
        details: { byWorker: true },
      });
    });
  }

  return {
    freeSlots,

    async book(ctx: ActorContext, body: AppointmentCreate, lang: Language): Promise<AppointmentView> {
      const office = await officeInNetwork(db, ctx, body.officeId);
      const worker = await workerFor(db, ctx, body.workerId);
      const type = await typeFor(db, office.networkId, body.typeId);
      // Booked only by the application's «interview» move (employer-interviews.ts).
      if (type.code === EMPLOYER_INTERVIEW_TYPE) throw appointmentErrors.typeNotFound();
      checkMode(type, body.mode, body.videoLink, body.roomId);
      await checkConsultant(db, office.id, body.consultantId);
      await checkRoom(db, office.id, body.roomId);
      const start = new Date(body.start);
      const roomId = await checkSlot(db, {
        office,
        type,
        consultantId: body.consultantId,
        workerId: worker.id,
        mode: body.mode,
        roomId: body.roomId,
        start,
      });
      const end = new Date(start.getTime() + type.durationMinutes * MINUTE);
      const now = clock();
      let id: string;
      try {
        id = await retryTransient(() =>
          db.transaction().execute(async (trx) => {
            const newId = await appointments.insert(trx, {
              networkId: office.networkId,
              officeId: office.id,
              typeId: type.id,
              workerId: worker.id,
              consultantId: body.consultantId,
              roomId: body.mode === 'in_person' ? (body.roomId ?? roomId) : null,
              mode: body.mode,
              videoLink: body.mode === 'video' ? (body.videoLink ?? null) : null,
              start,
              end,
              bookedVia: body.bookedVia,
              bookedBy: ctx.actor.userId,
              sourceId: body.sourceId ?? null,
              note: body.note,
            });
            await appointments.appendEvent(trx, {
              appointmentId: newId,
              at: now,
              actorId: ctx.actor.userId,
              kind: 'booked',
              after: snapshot({ start, end, consultantId: body.consultantId, roomId, mode: body.mode }),
            });
            await appendWorkerEvent(trx, {
              workerId: worker.id,
              officeId: worker.officeId,
              kind: 'appointment.booked',
              actorId: ctx.actor.userId,
              at: now,
              details: { appointmentId: newId, type: type.nameIt, start: start.toISOString() },
            });
            await notifications.booked(trx, {
              id: newId,
              networkId: office.networkId,
              sequence: 0,
              start,
              reminderHours: type.reminderHours,
            });
            await audit.record(trx, ctx, {
              action: 'appointment.booked',
              entityType: 'appointment',
              entityId: newId,
              entityLabel: displayNameOf(worker.firstName, worker.lastName),
              officeId: office.id,
              details: {
                workerId: worker.id,
                consultantId: body.consultantId,
                start: start.toISOString(),
                type: type.code,
                via: body.bookedVia,
              },
            });
            return newId;
          }),
        );
      } catch (err) {
        if (err instanceof ClaimConflict) throw await slotTaken(err, office, { type, mode: body.mode, workerId: worker.id, start });
        throw err;
      }
      const row = (await appointments.byId(db, id))!;
      return (await present(db, [row], lang))[0]!;
    },

    async move(ctx: ActorContext, id: string, body: AppointmentMove, lang: Language): Promise<AppointmentView> {
      const current = await visible(db, ctx, id);
      const office = await officeInNetwork(db, ctx, current.officeId);
      await moveCore(ctx, current, office, body, { actorId: ctx.actor.userId, byWorker: false });
      return (await present(db, [(await appointments.byId(db, id))!], lang))[0]!;
    },

    async cancel(ctx: ActorContext, id: string, reason: string, lang: Language): Promise<AppointmentView> {
      await visible(db, ctx, id);
      await cancelCore(ctx, id, reason, { actorId: ctx.actor.userId, byWorker: false });
      return (await present(db, [(await appointments.byId(db, id))!], lang))[0]!;
    },

    /**
     * Present, absent or excused. Attended: the meeting becomes a delivered service (its type's
     * service, the minutes given or the type's duration, the programme the worker takes part in).
     * Absent: a callback goes to the office's hotline queue to find out why and book again.
     * A correction (attended → absent) takes the delivered service back.
     */
    async attendance(
      ctx: ActorContext,
      id: string,
      status: 'attended' | 'absent' | 'excused',
      minutes: number | undefined,
      lang: Language,
    ): Promise<AppointmentView> {
      await visible(db, ctx, id);
      const now = clock();
      await db.transaction().execute(async (trx) => {
        const locked = await appointments.byId(trx, id, { forUpdate: true });
        if (!locked || locked.status === 'cancelled') throw appointmentErrors.notChangeable();
        if (locked.start.getTime() > now.getTime()) throw appointmentErrors.attendanceTooEarly();
        if (locked.status === status && minutes === undefined) return;
        if (locked.status !== status) {
          await appointments.setStatus(trx, locked, { status, bumpSequence: false, now });
          await appointments.appendEvent(trx, {
            appointmentId: id,
            at: now,
            actorId: ctx.actor.userId,
            kind: status,
            before: { status: locked.status },
            after: { status },
          });
          await appendWorkerEvent(trx, {
            workerId: locked.workerId,
            officeId: locked.officeId,
            kind: `appointment.${status}`,
            actorId: ctx.actor.userId,
            at: now,
            details: { appointmentId: id, type: locked.typeNameIt, start: locked.start.toISOString() },
          });
        }
        // A meeting at an employer's is no service of the office: its attendance is recorded, no delivered service.
        if (status === 'attended' && !locked.place) {
          await recordDeliveredService(trx, {
            networkId: locked.networkId,
            officeId: locked.officeId,
            workerId: locked.workerId,
            programmeId: await currentProgrammeOf(trx, locked.workerId),
            staffId: locked.consultantId,
            serviceCode: locked.serviceCode,
            delivery: 'individual',
            deliveredOn: romeToday(locked.start),
            minutes: minutes ?? locked.durationMinutes,
            source: { type: 'appointment', id },
            createdBy: ctx.actor.userId,
          });
        } else {
          await removeDeliveredService(trx, { sourceType: 'appointment', sourceId: id, workerId: locked.workerId });
        }
        if (status === 'absent' && locked.status !== 'absent' && !locked.place) {
          await insertCallbacks(trx, [
            {
              networkId: locked.networkId,
              officeId: locked.officeId,
              workerId: locked.workerId,
              reason: `Assente all’appuntamento “${locked.typeNameIt}” del ${formatItalianDate(romeToday(locked.start))}: chiedere il motivo e fissarne un altro`,
              attempts: 0,
              lastOutcome: null,
              nextAttemptAt: now,
              assignedTo: null,
              createdBy: ctx.actor.userId,
              createdAt: now,
            },
          ]);
        }
        await notifications.cancelled(trx, { id, networkId: locked.networkId, sequence: locked.sequence }, { tellWorker: false });
        await audit.record(trx, ctx, {
          action: 'appointment.attendance',
          entityType: 'appointment',
          entityId: id,
          officeId: locked.officeId,
          details: { status, before: locked.status, minutes: minutes ?? null },
        });
      });
      return (await present(db, [(await appointments.byId(db, id))!], lang))[0]!;
    },

    /** Workers of an office who missed two or more meetings in the last 90 days: the coordinator follows them up. */
    async noShows(ctx: ActorContext, officeId: string) {
      await officeInNetwork(db, ctx, officeId);
      const since = new Date(clock().getTime() - 90 * 86_400_000);
      const rows = await appointments.noShows(db, { officeId, since, atLeast: 2 });
      const visibleRows = rows.filter((r) => canActOnWorker(ctx.actor, { networkId: r.networkId, officeId: r.officeId }));
      const workers = await workerContactsByIds(
        db,
        visibleRows.map((r) => r.workerId),
      );
      const items = visibleRows.map((r) => {
        const w = workers.get(r.workerId);
        return {
          worker: { id: r.workerId, name: w ? displayNameOf(w.firstName, w.lastName) : '' },
          absences: r.absences,
          lastAbsence: r.last.toISOString(),
        };
      });
      await audit.record(db, ctx, {
        action: 'appointment.no_shows_listed',
        entityType: 'appointment',
        entityId: null,
        officeId,
        details: { workerIds: items.map((i) => i.worker.id) },
      });
      return items;
    },

    /** A calendar: an office's, a consultant's or a room's meetings over some days. */
    async list(ctx: ActorContext, q: AppointmentListQuery, lang: Language): Promise<AppointmentView[]> {
      const networkId = requireNetwork(ctx.actor);
      // A job matcher's agenda is the employer interviews they recorded: their own only.
      if (readsOwnAgendaOnly(ctx.actor) && q.consultantId !== ctx.actor.userId) throw httpErrors.forbidden();
      const officeId = q.officeId ?? (q.consultantId || q.roomId ? undefined : (ctx.actor.officeId ?? undefined));
      if (officeId) await officeInNetwork(db, ctx, officeId);
      const rows = await appointments.list(db, {
        networkId,
        officeId,
        consultantId: q.consultantId,
        roomId: q.roomId,
        from: romeToUtc(q.from, '00:00'),
        to: romeToUtc(addDays(q.to, 1), '00:00'),
        includeCancelled: q.includeCancelled,
      });
      const visibleRows = rows.filter((r) => canActOnWorker(ctx.actor, r));
      const items = await present(db, visibleRows, lang);
      await audit.record(db, ctx, {
        action: 'appointment.listed',
        entityType: 'appointment',
        entityId: null,
        details: {
          officeId: officeId ?? null,
          consultantId: q.consultantId ?? null,
          from: q.from,
          to: q.to,
          workerIds: [...new Set(items.map((i) => i.worker.id))],
        },
      });
      return items;
    },

    async get(ctx: ActorContext, id: string, lang: Language) {
      const row = await visible(db, ctx, id);
      if (readsOwnAgendaOnly(ctx.actor) && row.consultantId !== ctx.actor.userId) throw appointmentErrors.notFound();
      const [view, events, sent] = await Promise.all([
        present(db, [row], lang),
        appointments.events(db, id),
        deps.messages.ofAppointment(db, id),
      ]);
      const actors = await staffNamesById(
        db,
        events.map((e) => e.actor_id),
      );
      await audit.record(db, ctx, {
        action: 'appointment.read',
        entityType: 'appointment',
        entityId: id,
        officeId: row.officeId,
        details: { workerId: row.workerId },
      });
      return {
        ...view[0]!,
        events: events.map((e) => ({
          at: new Date(e.at).toISOString(),
          kind: e.kind,
          actorName: e.actor_id ? (actors.get(e.actor_id) ?? null) : null,
          byWorker: e.by_worker,
          reason: e.reason,
          before: (typeof e.before === 'string' ? JSON.parse(e.before) : e.before) as Record<string, unknown> | null,
          after: (typeof e.after === 'string' ? JSON.parse(e.after) : e.after) as Record<string, unknown> | null,
        })),
        messages: sent.map((m) => ({
          kind: m.kind,
          channel: m.channel,
          status: m.status,
          at: new Date(m.sent_at ?? m.created_at).toISOString(),
        })),
      };
    },

    async ofWorker(ctx: ActorContext, workerId: string, lang: Language) {
      await workerFor(db, ctx, workerId);
      const [rows, sessions] = await Promise.all([appointments.ofWorker(db, workerId), deps.workshops.ofWorker(db, workerId)]);
      const items = await present(db, rows, lang);
      const offices = await Promise.all([...new Set(sessions.map((s) => s.officeId))].map((id) => officeById(db, id)));
      const officeNames = new Map(offices.filter((o) => o !== undefined).map((o) => [o.id, o.name]));
      const now = clock().getTime();
      await audit.record(db, ctx, {
        action: 'appointment.worker_listed',
        entityType: 'worker',
        entityId: workerId,
        details: { count: items.length, workshops: sessions.length },
      });
      const recent = now - 180 * 86_400_000;
      return {
        upcoming: items.filter((i) => Date.parse(i.end) > now && i.status !== 'cancelled').reverse(),
        past: items.filter((i) => Date.parse(i.end) <= now || i.status === 'cancelled'),
        noShows: items.filter((i) => i.status === 'absent' && Date.parse(i.start) >= recent).length,
        workshops: sessions.map((s) => ({
          id: s.id,
          topic: s.topic,
          title: s.title,
          officeName: officeNames.get(s.officeId) ?? '',
          room: s.roomId ? { id: s.roomId, name: s.roomName ?? '' } : null,
          place: s.place,
          start: s.start.toISOString(),
          end: s.end.toISOString(),
          sessionStatus: s.status,
          status: s.participantStatus,
          waitingPosition: s.waitingPosition,
        })),
      };
    },

    async officeName(ctx: ActorContext, officeId: string): Promise<string> {
      return (await officeInNetwork(db, ctx, officeId)).name;
    },

    /** The meeting as an iCalendar file (an invitation, or its cancellation), for staff to forward or import. */
    async ics(ctx: ActorContext, id: string): Promise<string> {
      const row = await visible(db, ctx, id);
      const [office, workers, names] = await Promise.all([
        officeById(db, row.officeId),
        workerContactsByIds(db, [row.workerId]),
        staffNamesById(db, [row.consultantId]),
      ]);
      const worker = workers.get(row.workerId);
      const event: CalendarEvent = {
        appointmentId: row.id,
        sequence: row.sequence,
        start: row.start,
        end: row.end,
        summary: `${row.typeNameIt} - ${worker ? displayNameOf(worker.firstName, worker.lastName) : ''}`,
        description: `${row.typeNameIt} con ${names.get(row.consultantId) ?? ''}.`,
        location: row.place
          ? row.place
          : row.mode === 'in_person'
            ? [office?.name, office?.address, office?.comune, row.roomName && `stanza ${row.roomName}`].filter(Boolean).join(', ')
            : row.mode === 'phone'
              ? 'Al telefono'
              : row.videoLink,
        url: row.mode === 'video' ? row.videoLink : null,
        organizer: { name: office?.name ?? '', email: office?.email || 'noreply@ricolloca.example' },
        attendees: worker?.email ? [{ name: `${worker.firstName} ${worker.lastName}`, email: worker.email, rsvp: false }] : [],
        status: row.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
      };
      await audit.record(db, ctx, {
        action: 'appointment.read',
        entityType: 'appointment',
        entityId: id,
        officeId: row.officeId,
        details: { workerId: row.workerId, as: 'ics' },
      });
      const options = { host: deps.calendarHost, stamp: clock() };
      return row.status === 'cancelled' ? cancellationIcs(event, options) : invitationIcs(event, options);
    },

    present,
    visible,
    /** For the worker's link (worker-link.service.ts): the same rules, acted on by the worker. */
    slotsIn,
    moveCore,
    cancelCore,
    confirmCore,
  };
}

export type AppointmentService = ReturnType<typeof createAppointmentService>;
