import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import {
  canActOnWorker,
  requireNetwork,
  staffNamesById,
  staffWithRolesInOffice,
  worksAcrossNetwork,
  type ActorContext,
} from '../auth/index.js';
import type { DB } from '../db/schema.js';
import type { Executor } from '../db/executor.js';
import { officeById } from '../organisation/index.js';
import { officeClosedDays } from '../outreach/index.js';
import { appendWorkerEvent, displayNameOf, workerContactsByIds } from '../people/index.js';
import { currentProgrammeOf } from '../programmes/index.js';
import { recordDeliveredService, removeDeliveredService } from '../services/index.js';
import { maskCodiceFiscale } from '../../shared/identity/codice-fiscale.js';
import { addDays } from '../../shared/time/rome-date.js';
import { romeLocal, romeToday, romeToUtc } from '../../shared/time/rome-time.js';
import type { WorkshopCreate, WorkshopUpdate, WorkshopView } from '../../shared/schemas/workshops.schema.js';
import type { AgendaSetupRepository } from './agenda-setup.repository.js';
import type { AppointmentMessagesRepository } from './appointment-messages.repository.js';
import { ClaimConflict } from './appointment.repository.js';
import { appointmentErrors } from './appointments.errors.js';
import type { WorkshopNotifications } from './workshop-notifications.js';
import { workshopErrors } from './workshop.errors.js';
import { createWorkshopSeats } from './workshop-seats.js';
import type { SessionRow, WorkshopRepository } from './workshop.repository.js';

const MINUTE = 60_000;
const WEEK = 7 * 86_400_000;

export function createWorkshopService(deps: {
  db: Kysely<DB>;
  workshops: WorkshopRepository;
  setup: AgendaSetupRepository;
  notifications: WorkshopNotifications;
  /** The workers' links follow a moved session's end. */
  messages: AppointmentMessagesRepository;
  audit: AuditService;
  clock: () => Date;
}) {
  const { db, workshops, setup, notifications, messages, audit, clock } = deps;
  const places = createWorkshopSeats({ db, workshops, notifications, audit, clock });

  async function officeFor(executor: Executor, ctx: ActorContext, officeId: string) {
    const office = await officeById(executor, officeId);
    if (!office || office.networkId !== requireNetwork(ctx.actor)) throw appointmentErrors.officeNotFound();
    if (!worksAcrossNetwork(ctx.actor) && !ctx.actor.assignments.some((a) => a.officeId === officeId))
      throw appointmentErrors.officeNotFound();
    return office;
  }

  async function sessionFor(executor: Executor, ctx: ActorContext, id: string, options: { forUpdate?: boolean } = {}) {
    const s = await workshops.byId(executor, id, options);
    if (!s || s.networkId !== requireNetwork(ctx.actor)) throw workshopErrors.notFound();
    if (!worksAcrossNetwork(ctx.actor) && !ctx.actor.assignments.some((a) => a.officeId === s.officeId)) throw workshopErrors.notFound();
    return s;
  }

  async function checkPlace(executor: Executor, officeId: string, roomId: string | null, seats: number) {
    if (!roomId) return;
    const room = await setup.roomById(executor, roomId);
    if (!room || room.officeId !== officeId || !room.active) throw appointmentErrors.roomNotFound();
    if (room.capacity < seats) throw workshopErrors.roomTooSmall(room.capacity);
  }

  async function checkDates(executor: Executor, office: { id: string; networkId: string }, starts: Date[]) {
    const now = clock();
    for (const start of starts) if (start.getTime() <= now.getTime()) throw workshopErrors.past();
    const dates = starts.map((s) => romeToday(s)).sort();
    const closed = await officeClosedDays(executor, office, dates[0]!, dates[dates.length - 1]!);
    for (const date of dates) {
      const name = closed.get(date);
      if (name) throw workshopErrors.closedDay(date, name);
    }
  }

  /** The session's own claims: each facilitator and the room. */
  function sessionClaims(s: { id: string; networkId: string; roomId: string | null; start: Date; end: Date }, facilitators: string[]) {
    return [
      ...facilitators.map((id) => ({
        networkId: s.networkId,
        sessionId: s.id,
        type: 'consultant' as const,
        id,
        start: s.start,
        end: s.end,
      })),
      ...(s.roomId ? [{ networkId: s.networkId, sessionId: s.id, type: 'room' as const, id: s.roomId, start: s.start, end: s.end }] : []),
    ];
  }

  async function view(executor: Executor, rows: SessionRow[], withParticipants: boolean): Promise<WorkshopView[]> {
    const ids = rows.map((r) => r.id);
    const [facilitators, counts] = await Promise.all([workshops.facilitators(executor, ids), workshops.countsBySession(executor, ids)]);
    const names = await staffNamesById(executor, [...facilitators.values()].flat());
    const out: WorkshopView[] = [];
    for (const r of rows) {
      const participants = withParticipants ? await workshops.participants(executor, r.id) : [];
      const contacts = withParticipants
        ? await workerContactsByIds(
            executor,
            participants.map((p) => p.workerId),
          )
        : new Map();
      const waiting = participants.filter((p) => p.status === 'waiting').sort((a, b) => a.waitingOrder! - b.waitingOrder!);
      out.push({
        id: r.id,
        officeId: r.officeId,
        topic: r.topic,
        title: r.title,
        description: r.description,
        room: r.roomId ? { id: r.roomId, name: r.roomName ?? '' } : null,
        place: r.place,
        start: r.start.toISOString(),
        end: r.end.toISOString(),
        seats: r.seats,
        booked: counts.get(r.id)?.booked ?? 0,
        waiting: counts.get(r.id)?.waiting ?? 0,
        status: r.status,
        sequence: r.sequence,
        seriesId: r.seriesId,
        cancelReason: r.cancelReason,
        facilitators: (facilitators.get(r.id) ?? []).map((id) => ({ id, name: names.get(id) ?? '' })),
        participants: participants.map((p) => {
          const w = contacts.get(p.workerId);
          return {
            worker: {
              id: p.workerId,
              name: w ? displayNameOf(w.firstName, w.lastName) : '',
              birthDate: w?.birthDate ?? null,
              codiceFiscale: w?.codiceFiscale ? maskCodiceFiscale(w.codiceFiscale) : null,
            },
            status: p.status,
            waitingPosition: p.status === 'waiting' ? waiting.findIndex((x) => x.workerId === p.workerId) + 1 : null,
          };
        }),
      });
    }
    return out;
  }

  return {
    /** One session, or a weekly series of them (four Tuesday mornings), created in one transaction. */
    async create(ctx: ActorContext, body: WorkshopCreate): Promise<WorkshopView[]> {
      const office = await officeFor(db, ctx, body.officeId);
      const staff = await staffWithRolesInOffice(db, office.id, ['consultant', 'coordinator']);
      if (!body.facilitatorIds.every((id) => staff.some((s) => s.id === id))) throw workshopErrors.facilitatorNotInOffice();
      await checkPlace(db, office.id, body.roomId ?? null, body.seats);
      const first = new Date(body.start);
      // A weekly series keeps its Rome wall-clock time across a change of daylight-saving time.
      const local = romeLocal(first);
      const starts = Array.from({ length: body.repeatWeekly }, (_, i) =>
        i === 0 ? first : romeToUtc(romeToday(new Date(first.getTime() + i * WEEK)), local.time),
      );
      await checkDates(db, office, starts);
      const seriesId = body.repeatWeekly > 1 ? randomUUID() : null;
      const now = clock();
      try {
        const ids = await db.transaction().execute(async (trx) => {
          const created: string[] = [];
          for (const start of starts) {
            const end = new Date(start.getTime() + body.durationMinutes * MINUTE);
            const id = await workshops.insert(trx, {
              networkId: office.networkId,
              officeId: office.id,
              topic: body.topic,
              title: body.title,
              description: body.description,
              roomId: body.roomId ?? null,
              place: body.place,
              start,
              end,
              seats: body.seats,
              seriesId,
              createdBy: ctx.actor.userId,
            });
            await workshops.setFacilitators(trx, id, body.facilitatorIds);
            await workshops.claim(
              trx,
              sessionClaims({ id, networkId: office.networkId, roomId: body.roomId ?? null, start, end }, body.facilitatorIds),
            );
            created.push(id);
          }
          await audit.record(trx, ctx, {
            action: 'workshop.created',
            entityType: 'group_session',
            entityId: created[0]!,
            entityLabel: body.title,
            officeId: office.id,
            details: { sessions: created.length, seriesId, start: first.toISOString(), seats: body.seats, at: now.toISOString() },
          });
          return created;
        });
        const rows = await Promise.all(ids.map((id) => workshops.byId(db, id)));
        return view(
          db,
          rows.filter((r): r is SessionRow => r !== undefined),
          false,
        );
      } catch (err) {
        if (err instanceof ClaimConflict) throw workshopErrors.facilitatorBusy();
        throw err;
      }
    },

    async list(ctx: ActorContext, q: { officeId?: string; from: string; to: string }) {
      const networkId = requireNetwork(ctx.actor);
      const officeId = q.officeId ?? ctx.actor.officeId ?? undefined;
      if (officeId) await officeFor(db, ctx, officeId);
      const rows = await workshops.list(db, {
        networkId,
        officeId,
        from: romeToUtc(q.from, '00:00'),
        to: romeToUtc(addDays(q.to, 1), '00:00'),
      });
      return view(db, rows, false);
    },

    async get(ctx: ActorContext, id: string): Promise<WorkshopView> {
      const s = await sessionFor(db, ctx, id);
      const [v] = await view(db, [s], true);
      // The participants are named: the read is audited with them.
      await audit.record(db, ctx, {
        action: 'workshop.read',
        entityType: 'group_session',
        entityId: id,
        entityLabel: s.title,
        officeId: s.officeId,
        details: { workerIds: v!.participants.map((p) => p.worker.id) },
      });
      return v!;
    },

    /** A change of time or place is told to every participant and to the waiting list; more seats serve the list. */
    async update(ctx: ActorContext, id: string, body: WorkshopUpdate): Promise<WorkshopView> {
      const current = await sessionFor(db, ctx, id);
      if (current.status === 'cancelled') throw workshopErrors.cancelled();
      const start = body.start ? new Date(body.start) : current.start;
      const duration = body.durationMinutes ?? (current.end.getTime() - current.start.getTime()) / MINUTE;
      const end = new Date(start.getTime() + duration * MINUTE);
      const roomId = body.roomId !== undefined ? body.roomId : current.roomId;
      const seats = body.seats ?? current.seats;
      await checkPlace(db, current.officeId, roomId, seats);
      const moved = start.getTime() !== current.start.getTime() || end.getTime() !== current.end.getTime();
      const placeChanged = roomId !== current.roomId || (body.place !== undefined && body.place !== current.place);
      if (moved) await checkDates(db, { id: current.officeId, networkId: current.networkId }, [start]);
      try {
        await db.transaction().execute(async (trx) => {
          const s = await workshops.byId(trx, id, { forUpdate: true });
          if (!s || s.status === 'cancelled') throw workshopErrors.cancelled();
          const counts = (await workshops.countsBySession(trx, [id])).get(id) ?? { booked: 0, waiting: 0 };
          if (seats < counts.booked) throw workshopErrors.seatsBelowBooked(counts.booked);
          const now = clock();
          await workshops.update(trx, s, {
            start,
            end,
            roomId,
            place: body.place ?? s.place,
            seats,
            title: body.title ?? s.title,
            description: body.description ?? s.description,
            bump: moved || placeChanged,
            now,
          });
          if (moved || roomId !== s.roomId) {
            // Every claim of the session follows it: facilitators, room and the booked participants.
            const booked = (await workshops.participants(trx, id)).filter((p) => p.status === 'booked').map((p) => p.workerId);
            await workshops.dropClaims(trx, id);
            const facilitators = (await workshops.facilitators(trx, [id])).get(id) ?? [];
            await workshops.claim(trx, [
              ...sessionClaims({ id, networkId: s.networkId, roomId, start, end }, facilitators),
              ...booked.map((w) => ({ networkId: s.networkId, sessionId: id, type: 'worker' as const, id: w, start, end })),
            ]);
          }
          const updated = (await workshops.byId(trx, id))!;
          if (moved) {
            await messages.extendSessionLinks(trx, id, end);
            await notifications.dropReminders(trx, updated, 'moved');
          }
          if (moved || placeChanged) {
            for (const p of await workshops.participants(trx, id)) {
              if (p.status === 'booked' || p.status === 'waiting') await notifications.enqueue(trx, updated, p.workerId, 'change');
              // The reminder of the old time is not sent (the sequence changed): the new time has its own.
              if (p.status === 'booked' && moved) await notifications.remind(trx, updated, p.workerId);
            }
          }
          if (seats > s.seats) await places.promote(trx, updated, ctx.actor.userId);
          await audit.record(trx, ctx, {
            action: 'workshop.updated',
            entityType: 'group_session',
            entityId: id,
            entityLabel: updated.title,
            officeId: s.officeId,
            details: { start: start.toISOString(), seats, roomId, reason: body.reason, told: moved || placeChanged },
          });
        });
      } catch (err) {
        if (err instanceof ClaimConflict) throw err.resource === 'worker' ? workshopErrors.workerBusy() : workshopErrors.facilitatorBusy();
        throw err;
      }
      return this.get(ctx, id);
    },

    async cancel(ctx: ActorContext, id: string, reason: string): Promise<WorkshopView> {
      await sessionFor(db, ctx, id);
      await db.transaction().execute(async (trx) => {
        const s = await workshops.byId(trx, id, { forUpdate: true });
        if (!s || s.status === 'cancelled') throw workshopErrors.cancelled();
        const now = clock();
        await workshops.cancel(trx, s, reason, now);
        const updated = (await workshops.byId(trx, id))!;
        await notifications.dropReminders(trx, updated, 'cancelled');
        for (const p of await workshops.participants(trx, id)) {
          if (p.status === 'booked' || p.status === 'waiting' || p.status === 'invited')
            await notifications.enqueue(trx, updated, p.workerId, 'cancellation');
        }
        await audit.record(trx, ctx, {
          action: 'workshop.cancelled',
          entityType: 'group_session',
          entityId: id,
          entityLabel: s.title,
          officeId: s.officeId,
          details: { reason },
        });
      });
      return this.get(ctx, id);
    },

    /** Invites workers (hand-picked, or a previewed selection): each is told, with a link to answer; those already in the session are skipped. */
    async invite(ctx: ActorContext, id: string, workerIds: string[]): Promise<{ invited: number; already: number }> {
      const s = await sessionFor(db, ctx, id);
      if (s.status === 'cancelled') throw workshopErrors.cancelled();
      const contacts = await workerContactsByIds(db, workerIds);
      for (const workerId of workerIds) {
        const w = contacts.get(workerId);
        if (!w || !canActOnWorker(ctx.actor, w)) throw appointmentErrors.workerNotFound();
        // A session serves its own office's workers: its messages and its seats are the office's.
        if (w.officeId !== s.officeId) throw workshopErrors.notInOffice();
      }
      let invited = 0;
      await db.transaction().execute(async (trx) => {
        const now = clock();
        for (const workerId of new Set(workerIds)) {
          if (await workshops.participant(trx, id, workerId)) continue;
          await workshops.upsertParticipant(trx, {
            sessionId: id,
            workerId,
            status: 'invited',
            waitingSince: null,
            invitedAt: now,
            by: ctx.actor.userId,
            now,
          });
          await notifications.enqueue(trx, s, workerId, 'invitation');
          invited++;
        }
        await audit.record(trx, ctx, {
          action: 'workshop.invited',
          entityType: 'group_session',
          entityId: id,
          entityLabel: s.title,
          officeId: s.officeId,
          details: { workerIds },
        });
      });
      return { invited, already: new Set(workerIds).size - invited };
    },

    /** Books a worker: a seat while there is one, else the waiting list in order of arrival. */
    async book(ctx: ActorContext, id: string, workerId: string) {
      await sessionFor(db, ctx, id);
      const worker = (await workerContactsByIds(db, [workerId])).get(workerId);
      if (!worker || !canActOnWorker(ctx.actor, worker)) throw appointmentErrors.workerNotFound();
      return places.take(ctx, id, worker, { actorId: ctx.actor.userId, byWorker: false });
    },

    /** A participant leaves (or is taken off the list): their seat goes to the first waiting, who is told. */
    async withdraw(ctx: ActorContext, id: string, workerId: string): Promise<void> {
      await sessionFor(db, ctx, id);
      const worker = (await workerContactsByIds(db, [workerId])).get(workerId);
      await places.leave(ctx, id, { id: workerId, officeId: worker?.officeId ?? '' }, { actorId: ctx.actor.userId, byWorker: false });
    },

    /** Present, absent or excused; present becomes a delivered group service of the workshop's length. */
    async attendance(ctx: ActorContext, id: string, workerId: string, status: 'attended' | 'absent' | 'excused'): Promise<void> {
      const s = await sessionFor(db, ctx, id);
      const now = clock();
      if (s.start.getTime() > now.getTime()) throw workshopErrors.attendanceTooEarly();
      await db.transaction().execute(async (trx) => {
        const existing = await workshops.participant(trx, id, workerId);
        if (!existing || !['booked', 'attended', 'absent', 'excused'].includes(existing.status)) throw workshopErrors.notParticipant();
        const contacts = await workerContactsByIds(trx, [workerId]);
        await workshops.upsertParticipant(trx, { sessionId: id, workerId, status, waitingSince: null, by: ctx.actor.userId, now });
        if (status === 'attended') {
          const facilitators = (await workshops.facilitators(trx, [id])).get(id) ?? [];
          await recordDeliveredService(trx, {
            networkId: s.networkId,
            officeId: s.officeId,
            workerId,
            programmeId: await currentProgrammeOf(trx, workerId),
            staffId: facilitators[0] ?? null,
            serviceCode: 'group_workshop',
            delivery: 'group',
            deliveredOn: romeToday(s.start),
            minutes: Math.round((s.end.getTime() - s.start.getTime()) / MINUTE),
            source: { type: 'group_session', id },
            createdBy: ctx.actor.userId,
          });
        } else {
          await removeDeliveredService(trx, { sourceType: 'group_session', sourceId: id, workerId });
        }
        await appendWorkerEvent(trx, {
          workerId,
          officeId: contacts.get(workerId)?.officeId ?? s.officeId,
          kind: `workshop.${status}`,
          actorId: ctx.actor.userId,
          at: now,
          details: { sessionId: id, title: s.title },
        });
        await audit.record(trx, ctx, {
          action: 'workshop.attendance',
          entityType: 'group_session',
          entityId: id,
          entityLabel: s.title,
          officeId: s.officeId,
          details: { workerId, status },
        });
      });
    },

    view,
    sessionFor,
    places,
  };
}

export type WorkshopService = ReturnType<typeof createWorkshopService>;
