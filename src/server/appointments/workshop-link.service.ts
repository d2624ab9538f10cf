import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import type { RequestContext } from '../auth/index.js';
import type { DB } from '../db/schema.js';
import { officeById } from '../organisation/index.js';
import { workerContactsByIds } from '../people/index.js';
import { romeLocal } from '../../shared/time/rome-time.js';
import type { z } from 'zod';
import type { publicWorkshopSchema } from '../../shared/schemas/workshops.schema.js';
import type { AppointmentMessagesRepository } from './appointment-messages.repository.js';
import { appointmentErrors } from './appointments.errors.js';
import { activeLink } from './worker-link.service.js';
import { workshopWhere } from './workshop-notifications.js';
import type { WorkshopSeats } from './workshop-seats.js';
import { workshopErrors } from './workshop.errors.js';
import type { SessionRow, WorkshopRepository } from './workshop.repository.js';

type PublicWorkshop = z.infer<typeof publicWorkshopSchema>;
const BY_WORKER = { actorId: null, byWorker: true } as const;

/**
 * What a worker does through the link in a workshop message, without signing in: see the session,
 * take a seat (or a place on the waiting list), say no to the invitation, or give the seat back.
 * The same link table and rule as the meetings' link (worker-link.service.ts): only the token's
 * hash is kept, it expires when the session ends, and it acts only on that worker's place in that
 * session. Seats are taken and given back through the staff's own code (workshop-seats.ts), so the
 * capacity, the waiting-list order and the promotion of the first waiting are the same. Each
 * request is audited with no staff actor.
 */
export function createWorkshopLinkService(deps: {
  db: Kysely<DB>;
  workshops: WorkshopRepository;
  messages: AppointmentMessagesRepository;
  seats: WorkshopSeats;
  audit: AuditService;
  clock: () => Date;
}) {
  const { db, workshops, messages, seats, audit, clock } = deps;

  async function resolve(token: string) {
    const { link, hash } = await activeLink(db, messages, token, clock());
    // A meeting's link is not a workshop's: each token acts on what it was sent for only.
    if (!link.session_id || !link.worker_id) throw appointmentErrors.linkInvalid();
    const s = await workshops.byId(db, link.session_id);
    const worker = (await workerContactsByIds(db, [link.worker_id])).get(link.worker_id);
    if (!s || !worker) throw appointmentErrors.linkInvalid();
    return { s, worker, hash };
  }

  async function view(s: SessionRow, worker: { id: string; firstName: string }): Promise<PublicWorkshop> {
    const [office, participant, counts] = await Promise.all([
      officeById(db, s.officeId),
      workshops.participant(db, s.id, worker.id),
      workshops.countsBySession(db, [s.id]),
    ]);
    const status = participant?.status ?? null;
    const start = romeLocal(s.start);
    return {
      title: s.title,
      description: s.description,
      workerFirstName: worker.firstName,
      start: s.start.toISOString(),
      end: s.end.toISOString(),
      date: start.date,
      startTime: start.time,
      endTime: romeLocal(s.end).time,
      place: office ? workshopWhere(s, office) : s.place,
      officeName: office?.name ?? '',
      officeAddress: office
        ? [office.address, [office.postalCode, office.comune].filter(Boolean).join(' ')].filter(Boolean).join(', ')
        : '',
      officePhone: office?.phone ?? '',
      sessionStatus: s.status,
      cancelReason: s.cancelReason,
      status,
      waitingPosition:
        status === 'waiting' && participant ? await seats.waitingPosition(db, s.id, Number(participant.waiting_order)) : null,
      seatsLeft: Math.max(0, s.seats - (counts.get(s.id)?.booked ?? 0)),
      canAnswer: s.status === 'scheduled' && s.start.getTime() > clock().getTime(),
    };
  }

  /** The session can still be answered: not cancelled, not started. */
  function open(s: SessionRow) {
    if (s.status === 'cancelled') throw workshopErrors.cancelled();
    if (s.start.getTime() <= clock().getTime()) throw workshopErrors.started();
  }

  return {
    async show(ctx: RequestContext, token: string) {
      const { s, worker, hash } = await resolve(token);
      await messages.touchLink(db, hash, clock());
      await audit.record(db, ctx, {
        action: 'workshop.link_opened',
        entityType: 'group_session',
        entityId: s.id,
        entityLabel: s.title,
        officeId: s.officeId,
        details: { workerId: worker.id, byWorker: true },
      });
      return view(s, worker);
    },

    /** Partecipo: a seat, or the waiting list with its position when full. A second click changes nothing. */
    async accept(ctx: RequestContext, token: string) {
      const { s, worker, hash } = await resolve(token);
      open(s);
      await seats.take(ctx, s.id, worker, BY_WORKER);
      await messages.touchLink(db, hash, clock());
      return view((await workshops.byId(db, s.id))!, worker);
    },

    /** Non partecipo: the invitation is answered no. Once booked or waiting, the worker withdraws instead. */
    async decline(ctx: RequestContext, token: string) {
      const { s, worker, hash } = await resolve(token);
      open(s);
      const p = await workshops.participant(db, s.id, worker.id);
      if (p?.status === 'booked' || p?.status === 'waiting') throw workshopErrors.alreadyBooked();
      await seats.decline(ctx, s.id, worker, BY_WORKER);
      await messages.touchLink(db, hash, clock());
      return view(s, worker);
    },

    /** Non posso più venire: the seat (or the place on the list) is given back; the first waiting is promoted and told. */
    async withdraw(ctx: RequestContext, token: string) {
      const { s, worker, hash } = await resolve(token);
      open(s);
      const p = await workshops.participant(db, s.id, worker.id);
      if (p?.status !== 'cancelled') {
        if (p?.status !== 'booked' && p?.status !== 'waiting') throw workshopErrors.notParticipant();
        await seats.leave(ctx, s.id, worker, BY_WORKER);
      }
      await messages.touchLink(db, hash, clock());
      return view((await workshops.byId(db, s.id))!, worker);
    },
  };
}

export type WorkshopLinkService = ReturnType<typeof createWorkshopLinkService>;
