import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import type { RequestContext } from '../auth/index.js';
import { staffNamesById } from '../auth/index.js';
import type { DB } from '../db/schema.js';
import { officeById } from '../organisation/index.js';
import { workerContactsByIds } from '../people/index.js';
import { romeLocal } from '../../shared/time/rome-time.js';
import type { AgendaSetupRepository } from './agenda-setup.repository.js';
import type { AppointmentMessagesRepository } from './appointment-messages.repository.js';
import type { AppointmentRepository, AppointmentRow } from './appointment.repository.js';
import type { AppointmentService } from './appointment.service.js';
import { appointmentErrors } from './appointments.errors.js';
import { hashToken } from './notifications.js';

/**
 * The link of a token sent to a worker (a meeting's or a workshop's): 404 when there is none, 410
 * once it has expired (its meeting or session has ended). Only the token's SHA-256 is looked up.
 */
export async function activeLink(db: Kysely<DB>, messages: AppointmentMessagesRepository, token: string, now: Date) {
  const hash = hashToken(token);
  const link = await messages.linkByHash(db, hash);
  if (!link) throw appointmentErrors.linkInvalid();
  if (new Date(link.expires_at).getTime() <= now.getTime()) throw appointmentErrors.linkExpired();
  return { link, hash };
}

/** A worker choosing another time wants a choice of days, not the next eight quarters of one morning. */
function spreadOverDays<T extends { date: string }>(slots: T[], perDay = 2, total = 14): T[] {
  const out: T[] = [];
  const perDate = new Map<string, number>();
  for (const slot of slots) {
    const n = perDate.get(slot.date) ?? 0;
    if (n >= perDay) continue;
    perDate.set(slot.date, n + 1);
    out.push(slot);
    if (out.length >= total) break;
  }
  return out;
}

/**
 * What a worker does through the link in their messages, without signing in: see the meeting,
 * confirm it, cancel it, or move it to another free time of the same consultant. The token is
 * single-purpose (this meeting), expires when the meeting ends, and only its hash is stored.
 * Each request through it is audited with no staff actor.
 */
export function createWorkerLinkService(deps: {
  db: Kysely<DB>;
  setup: AgendaSetupRepository;
  appointments: AppointmentRepository;
  messages: AppointmentMessagesRepository;
  service: AppointmentService;
  audit: AuditService;
  clock: () => Date;
}) {
  const { db, setup, appointments, messages, service, audit, clock } = deps;

  async function resolve(token: string): Promise<{ row: AppointmentRow; hash: string }> {
    const { link, hash } = await activeLink(db, messages, token, clock());
    // A workshop's link is not a meeting's: each token acts on what it was sent for only.
    if (!link.appointment_id) throw appointmentErrors.linkInvalid();
    const row = await appointments.byId(db, link.appointment_id);
    if (!row) throw appointmentErrors.linkInvalid();
    return { row, hash };
  }

  async function view(row: AppointmentRow) {
    const [office, names, workers, type] = await Promise.all([
      officeById(db, row.officeId),
      staffNamesById(db, [row.consultantId]),
      workerContactsByIds(db, [row.workerId]),
      setup.typeById(db, row.typeId),
    ]);
    const canChange = (row.status === 'booked' || row.status === 'confirmed') && row.start.getTime() > clock().getTime();
    // An employer interview keeps the employer's time: the worker may confirm or cancel it, not move it.
    const slots =
      canChange && office && type && !row.place
        ? spreadOverDays(
            await service.slotsIn(db, office, {
              type,
              mode: row.mode,
              consultantId: row.consultantId,
              workerId: row.workerId,
              limit: 80,
              exceptAppointmentId: row.id,
            }),
          )
        : [];
    const local = romeLocal(row.start);
    const place = row.place
      ? row.place
      : row.mode === 'in_person'
        ? [office?.name, office?.address, office?.comune, row.roomName && `stanza ${row.roomName}`].filter(Boolean).join(', ')
        : row.mode === 'phone'
          ? 'Al telefono: la chiameremo noi'
          : (row.videoLink ?? 'In videochiamata');
    return {
      typeName: row.typeNameIt,
      workerFirstName: workers.get(row.workerId)?.firstName ?? '',
      start: row.start.toISOString(),
      end: row.end.toISOString(),
      date: local.date,
      startTime: local.time,
      mode: row.mode,
      place,
      officeName: office?.name ?? '',
      officePhone: office?.phone ?? '',
      consultantName: names.get(row.consultantId) ?? '',
      status: row.status,
      canChange,
      freeSlots: slots.map((s) => ({ start: s.start, date: s.date, startTime: s.startTime })),
    };
  }

  /** The link was used: when (for the staff's record), and the read of the meeting, audited without a staff actor. */
  async function record(ctx: RequestContext, hash: string, row: AppointmentRow, action: string) {
    await messages.touchLink(db, hash, clock());
    await audit.record(db, ctx, {
      action,
      entityType: 'appointment',
      entityId: row.id,
      officeId: row.officeId,
      details: { workerId: row.workerId, byWorker: true },
    });
  }

  return {
    async show(ctx: RequestContext, token: string) {
      const { row, hash } = await resolve(token);
      await record(ctx, hash, row, 'appointment.link_opened');
      return view(row);
    },

    async confirm(ctx: RequestContext, token: string) {
      const { row, hash } = await resolve(token);
      if (row.start.getTime() <= clock().getTime() || (row.status !== 'booked' && row.status !== 'confirmed'))
        throw appointmentErrors.notChangeable();
      await service.confirmCore(ctx, row.id);
      await messages.touchLink(db, hash, clock());
      return view((await appointments.byId(db, row.id))!);
    },

    async cancel(ctx: RequestContext, token: string, reason: string) {
      const { row, hash } = await resolve(token);
      if (row.start.getTime() <= clock().getTime()) throw appointmentErrors.notChangeable();
      await service.cancelCore(ctx, row.id, reason || 'Disdetto dal lavoratore', { actorId: null, byWorker: true });
      await messages.touchLink(db, hash, clock());
      return view((await appointments.byId(db, row.id))!);
    },

    async reschedule(ctx: RequestContext, token: string, start: string) {
      const { row, hash } = await resolve(token);
      if (row.start.getTime() <= clock().getTime()) throw appointmentErrors.notChangeable();
      const office = await officeById(db, row.officeId);
      if (!office) throw appointmentErrors.linkInvalid();
      await service.moveCore(ctx, row, office, { start, reason: 'Spostato dal lavoratore con il link' }, { actorId: null, byWorker: true });
      await messages.touchLink(db, hash, clock());
      return view((await appointments.byId(db, row.id))!);
    },
  };
}

export type WorkerLinkService = ReturnType<typeof createWorkerLinkService>;
