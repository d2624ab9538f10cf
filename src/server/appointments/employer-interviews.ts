/**
 * The interview a worker has at an employer's, as a meeting of the agenda (issue 12): booked by the
 * application's «interview» move in that move's transaction, cancelled when the application closes
 * before it. Applications call these two functions (published from index.ts, handed in by
 * buildApp); they never write the agenda's tables.
 *
 * The meeting is held at the place the employer gave (`appointments.place`), its staff member is
 * the matcher who recorded it — the worker's contact, not present — and it claims the worker's time
 * only (migration 0042): the matcher's own meetings and the office's rooms stay bookable. The worker
 * gets what every meeting sends: the confirmation (e-mail with the invitation, or SMS), the reminder
 * the type asks for, and the cancellation.
 */
import type { AuditService } from '../audit/index.js';
import type { ActorContext, RequestContext } from '../auth/index.js';
import type { Executor } from '../db/executor.js';
import { appendWorkerEvent } from '../people/index.js';
import { insertStaffNotice } from '../programmes/index.js';
import type { AgendaSetupRepository } from './agenda-setup.repository.js';
import { EMPLOYER_INTERVIEW_TYPE } from './agenda-setup.repository.js';
import { ClaimConflict, type AppointmentRepository, type AppointmentRow } from './appointment.repository.js';
import { appointmentErrors } from './appointments.errors.js';
import type { AppointmentNotifications } from './notifications.js';

const MINUTE = 60_000;

export interface EmployerInterviewInput {
  applicationId: string;
  networkId: string;
  /** The office working the application: the meeting is in its agenda. */
  officeId: string;
  workerId: string;
  /** The worker's office (their timeline entry carries it). */
  workerOfficeId: string;
  start: Date;
  /** The type's duration when not given. */
  durationMinutes?: number;
  place: string;
  /** The employer's contact (name, phone), shown in the meeting's note. */
  contact: string;
}

/**
 * Books the interview in the caller's transaction. The employer's time is not the office's to
 * refuse: when the worker already has a meeting then, the interview is booked all the same without
 * claiming the worker's time, and `overlaps` says so (the matcher moves the other meeting). Two
 * bookings racing for a free hour are still decided by the claim (409 INTERVIEW_WORKER_BUSY).
 */
export type BookEmployerInterview = (
  trx: Executor,
  ctx: ActorContext,
  input: EmployerInterviewInput,
) => Promise<{ appointmentId: string; overlaps: number }>;

/**
 * Cancels the application's interview in the caller's transaction when it is still ahead (the
 * worker is told); one already past, or none, is left as it is. Answers what it did.
 */
export type CancelEmployerInterview = (
  trx: Executor,
  ctx: RequestContext,
  input: { applicationId: string; reason: string },
) => Promise<{ appointmentId: string; cancelled: boolean } | null>;

export interface EmployerInterviews {
  book: BookEmployerInterview;
  cancel: CancelEmployerInterview;
}

export interface Author {
  actorId: string | null;
  /** The worker acting through the link in their messages. */
  byWorker: boolean;
}

type Deps = {
  setup: AgendaSetupRepository;
  appointments: AppointmentRepository;
  notifications: AppointmentNotifications;
  audit: AuditService;
  clock: () => Date;
};

const snapshot = (a: Pick<AppointmentRow, 'start' | 'end' | 'consultantId' | 'roomId' | 'mode'> & { place?: string | null }) => ({
  start: a.start.toISOString(),
  end: a.end.toISOString(),
  consultantId: a.consultantId,
  roomId: a.roomId,
  mode: a.mode,
  ...(a.place ? { place: a.place } : {}),
});

/**
 * A meeting cancelled inside the caller's transaction (the row locked by the caller): its time
 * freed, the log, the worker's timeline, the queued messages dropped and the cancellation sent
 * when the meeting is still ahead. The one cancellation every path uses (the agenda, the worker's
 * link, an application that closed).
 */
export async function cancelLockedAppointment(
  trx: Executor,
  deps: Pick<Deps, 'appointments' | 'notifications' | 'audit'>,
  ctx: RequestContext,
  locked: AppointmentRow,
  p: { reason: string; by: Author; now: Date },
) {
  const { appointments, notifications, audit } = deps;
  const { reason, by, now } = p;
  await appointments.setStatus(trx, locked, { status: 'cancelled', cancelReason: reason, bumpSequence: true, now });
  await appointments.appendEvent(trx, {
    appointmentId: locked.id,
    at: now,
    actorId: by.actorId,
    byWorker: by.byWorker,
    kind: 'cancelled',
    before: snapshot(locked),
    reason,
  });
  await appendWorkerEvent(trx, {
    workerId: locked.workerId,
    officeId: locked.officeId,
    kind: 'appointment.cancelled',
    actorId: by.actorId,
    at: now,
    details: { appointmentId: locked.id, start: locked.start.toISOString(), reason, byWorker: by.byWorker },
  });
  await notifications.cancelled(
    trx,
    { id: locked.id, networkId: locked.networkId, sequence: locked.sequence + 1 },
    { tellWorker: locked.start.getTime() > now.getTime() },
  );
  await audit.record(trx, ctx, {
    action: 'appointment.cancelled',
    entityType: 'appointment',
    entityId: locked.id,
    officeId: locked.officeId,
    details: {
      start: locked.start.toISOString(),
      reason,
      byWorker: by.byWorker,
      ...(locked.applicationId ? { applicationId: locked.applicationId } : {}),
    },
  });
  // The worker called off an interview at the employer's through their link: the application stays
  // where it is (the employer and the matcher decide what follows), and the office's matchers are told.
  if (by.byWorker && locked.applicationId)
    await insertStaffNotice(
      trx,
      {
        officeId: locked.officeId,
        recipientRole: 'matcher',
        kind: 'appointment.interview_cancelled_by_worker',
        payload: {
          applicationId: locked.applicationId,
          workerId: locked.workerId,
          appointmentId: locked.id,
          start: locked.start.toISOString(),
          reason,
        },
      },
      now,
    );
}

export function createEmployerInterviews(deps: Deps): EmployerInterviews {
  const { setup, appointments, notifications, audit, clock } = deps;

  const book: BookEmployerInterview = async (trx, ctx, input) => {
    const type = await setup.typeByCode(trx, input.networkId, EMPLOYER_INTERVIEW_TYPE);
    if (!type) throw appointmentErrors.typeNotFound();
    const start = input.start;
    const end = new Date(start.getTime() + (input.durationMinutes ?? type.durationMinutes) * MINUTE);
    const now = clock();
    const note = input.contact ? `Referente dell’azienda: ${input.contact}` : '';
    const busy = (await appointments.busy(trx, { type: 'worker', ids: [input.workerId], from: start, to: end })).get(input.workerId) ?? [];
    let id: string;
    try {
      id = await appointments.insert(trx, {
        networkId: input.networkId,
        officeId: input.officeId,
        typeId: type.id,
        workerId: input.workerId,
        consultantId: ctx.actor.userId,
        roomId: null,
        mode: 'in_person',
        videoLink: null,
        start,
        end,
        bookedVia: 'agenda',
        bookedBy: ctx.actor.userId,
        sourceId: null,
        note,
        place: input.place,
        applicationId: input.applicationId,
        claimWorker: busy.length === 0,
      });
    } catch (err) {
      if (err instanceof ClaimConflict) throw appointmentErrors.workerBusyForInterview();
      throw err;
    }
    await appointments.appendEvent(trx, {
      appointmentId: id,
      at: now,
      actorId: ctx.actor.userId,
      kind: 'booked',
      after: snapshot({ start, end, consultantId: ctx.actor.userId, roomId: null, mode: 'in_person', place: input.place }),
    });
    await appendWorkerEvent(trx, {
      workerId: input.workerId,
      officeId: input.workerOfficeId,
      kind: 'appointment.booked',
      actorId: ctx.actor.userId,
      at: now,
      details: { appointmentId: id, type: type.nameIt, start: start.toISOString(), place: input.place, applicationId: input.applicationId },
    });
    await notifications.booked(trx, { id, networkId: input.networkId, sequence: 0, start, reminderHours: type.reminderHours });
    await audit.record(trx, ctx, {
      action: 'appointment.booked',
      entityType: 'appointment',
      entityId: id,
      officeId: input.officeId,
      details: {
        workerId: input.workerId,
        consultantId: ctx.actor.userId,
        start: start.toISOString(),
        type: type.code,
        via: 'application',
        applicationId: input.applicationId,
        place: input.place,
      },
    });
    return { appointmentId: id, overlaps: busy.length };
  };

  const cancel: CancelEmployerInterview = async (trx, ctx, input) => {
    const locked = await appointments.openOfApplication(trx, input.applicationId, { forUpdate: true });
    if (!locked) return null;
    const now = clock();
    // Held already (or under way): what happened there is recorded as attendance, not cancelled.
    if (locked.start.getTime() <= now.getTime()) return { appointmentId: locked.id, cancelled: false };
    await cancelLockedAppointment(trx, { appointments, notifications, audit }, ctx, locked, {
      reason: input.reason,
      by: { actorId: ctx.actor?.userId ?? null, byWorker: false },
      now,
    });
    return { appointmentId: locked.id, cancelled: true };
  };

  return { book, cancel };
}
