import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import type { RequestContext } from '../auth/index.js';
import type { DB } from '../db/schema.js';
import type { Executor } from '../db/executor.js';
import { appendWorkerEvent } from '../people/index.js';
import { ClaimConflict } from './appointment.repository.js';
import type { WorkshopNotifications } from './workshop-notifications.js';
import type { SessionRow, WorkshopRepository } from './workshop.repository.js';
import { workshopErrors } from './workshop.errors.js';

/** Who moves a participant: a member of staff, or the worker through the link in a message (no staff actor). */
export interface SeatAuthor {
  actorId: string | null;
  byWorker: boolean;
}

export interface SeatOutcome {
  status: 'booked' | 'waiting';
  waitingPosition: number | null;
}

/**
 * A worker's place in a session, the one definition the staff's booking and the worker's link both
 * use: a seat while there is one, else the waiting list in order of arrival; leaving frees the seat
 * for the first waiting (who is told); declining an invitation. The session's row is locked for the
 * count, so concurrent bookings never pass the seats. Callers have authorised the actor already.
 */
export function createWorkshopSeats(deps: {
  db: Kysely<DB>;
  workshops: WorkshopRepository;
  notifications: WorkshopNotifications;
  audit: AuditService;
  clock: () => Date;
}) {
  const { db, workshops, notifications, audit, clock } = deps;

  /** Fills freed seats from the waiting list, in order; a waiting worker now busy at that time is skipped. */
  async function promote(trx: Executor, s: SessionRow, by: string | null) {
    const now = clock();
    let counts = (await workshops.countsBySession(trx, [s.id])).get(s.id) ?? { booked: 0, waiting: 0 };
    const skipped: string[] = [];
    while (counts.booked < s.seats) {
      const next = await workshops.firstWaiting(trx, s.id, skipped);
      if (!next) break;
      if (await workshops.workerBusy(trx, next, s.start, s.end, s.id)) {
        // Busy at that time now (another meeting): keeps the place on the list for a later seat.
        skipped.push(next);
        continue;
      }
      await workshops.upsertParticipant(trx, { sessionId: s.id, workerId: next, status: 'booked', waitingSince: null, by, now });
      await workshops.claim(trx, [{ networkId: s.networkId, sessionId: s.id, type: 'worker', id: next, start: s.start, end: s.end }]);
      await notifications.seated(trx, s, next, 'promoted');
      counts = { booked: counts.booked + 1, waiting: counts.waiting - 1 };
    }
  }

  async function waitingPosition(executor: Executor, sessionId: string, order: number): Promise<number> {
    return (await workshops.participants(executor, sessionId)).filter((p) => p.status === 'waiting' && p.waitingOrder! <= order).length;
  }

  async function audited(trx: Executor, ctx: RequestContext, s: SessionRow, action: string, workerId: string, by: SeatAuthor) {
    await audit.record(trx, ctx, {
      action,
      entityType: 'group_session',
      entityId: s.id,
      entityLabel: s.title,
      officeId: s.officeId,
      details: by.byWorker ? { workerId, byWorker: true } : { workerId },
    });
  }

  return {
    promote,

    /** A seat, or the waiting list when full. Booking again is no change: the same answer, nothing sent twice. */
    async take(ctx: RequestContext, id: string, worker: { id: string; officeId: string }, by: SeatAuthor): Promise<SeatOutcome> {
      const workerId = worker.id;
      try {
        return await db.transaction().execute(async (trx) => {
          const s = await workshops.byId(trx, id, { forUpdate: true });
          if (!s || s.status === 'cancelled') throw workshopErrors.cancelled();
          const now = clock();
          if (s.start.getTime() <= now.getTime()) throw workshopErrors.past();
          const existing = await workshops.participant(trx, id, workerId);
          if (existing?.status === 'booked') return { status: 'booked' as const, waitingPosition: null };
          if (existing?.status === 'waiting')
            return { status: 'waiting' as const, waitingPosition: await waitingPosition(trx, id, Number(existing.waiting_order)) };
          const counts = (await workshops.countsBySession(trx, [id])).get(id) ?? { booked: 0, waiting: 0 };
          const seat = counts.booked < s.seats;
          await workshops.upsertParticipant(trx, {
            sessionId: id,
            workerId,
            status: seat ? 'booked' : 'waiting',
            waitingSince: seat ? null : now,
            by: by.actorId,
            now,
          });
          if (seat) {
            await workshops.claim(trx, [
              { networkId: s.networkId, sessionId: id, type: 'worker', id: workerId, start: s.start, end: s.end },
            ]);
            await notifications.seated(trx, s, workerId, 'booked');
          } else {
            await notifications.enqueue(trx, s, workerId, 'waiting');
          }
          await appendWorkerEvent(trx, {
            workerId,
            officeId: worker.officeId,
            kind: seat ? 'workshop.booked' : 'workshop.waiting',
            actorId: by.actorId,
            at: now,
            details: { sessionId: id, title: s.title, start: s.start.toISOString(), byWorker: by.byWorker },
          });
          await audited(trx, ctx, s, seat ? 'workshop.booked' : 'workshop.waitlisted', workerId, by);
          return { status: seat ? ('booked' as const) : ('waiting' as const), waitingPosition: seat ? null : counts.waiting + 1 };
        });
      } catch (err) {
        if (err instanceof ClaimConflict) throw workshopErrors.workerBusy();
        throw err;
      }
    },

    /** A participant leaves (or is taken off the list): their seat goes to the first waiting, who is told. */
    async leave(ctx: RequestContext, id: string, worker: { id: string; officeId: string }, by: SeatAuthor): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const s = await workshops.byId(trx, id, { forUpdate: true });
        if (!s) throw workshopErrors.notFound();
        const existing = await workshops.participant(trx, id, worker.id);
        if (!existing || existing.status === 'cancelled' || existing.status === 'declined') throw workshopErrors.notParticipant();
        const now = clock();
        await workshops.upsertParticipant(trx, {
          sessionId: id,
          workerId: worker.id,
          status: 'cancelled',
          waitingSince: null,
          by: by.actorId,
          now,
        });
        await workshops.dropClaims(trx, id, { workerId: worker.id });
        if (s.status === 'scheduled' && s.start.getTime() > now.getTime()) await promote(trx, s, by.actorId);
        if (by.byWorker)
          await appendWorkerEvent(trx, {
            workerId: worker.id,
            officeId: worker.officeId,
            kind: 'workshop.withdrawn',
            actorId: null,
            at: now,
            details: { sessionId: id, title: s.title, byWorker: true },
          });
        await audited(trx, ctx, s, 'workshop.withdrawn', worker.id, by);
      });
    },

    /** An invited worker says no: the invitation is answered, no seat is taken. */
    async decline(ctx: RequestContext, id: string, worker: { id: string; officeId: string }, by: SeatAuthor): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const s = await workshops.byId(trx, id, { forUpdate: true });
        if (!s || s.status === 'cancelled') throw workshopErrors.cancelled();
        const existing = await workshops.participant(trx, id, worker.id);
        if (existing?.status === 'declined') return;
        if (existing?.status !== 'invited') throw workshopErrors.notParticipant();
        const now = clock();
        await workshops.upsertParticipant(trx, {
          sessionId: id,
          workerId: worker.id,
          status: 'declined',
          waitingSince: null,
          by: by.actorId,
          now,
        });
        await appendWorkerEvent(trx, {
          workerId: worker.id,
          officeId: worker.officeId,
          kind: 'workshop.declined',
          actorId: by.actorId,
          at: now,
          details: { sessionId: id, title: s.title, byWorker: by.byWorker },
        });
        await audited(trx, ctx, s, 'workshop.declined', worker.id, by);
      });
    },

    waitingPosition,
  };
}

export type WorkshopSeats = ReturnType<typeof createWorkshopSeats>;
