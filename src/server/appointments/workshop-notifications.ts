/**
 * What a workshop's participants are told: the invitation, the seat (or the place on the waiting
 * list), a seat freed for them, a change of time or place, a cancellation. A job per participant
 * and message, keyed by (session, worker, kind, sequence), enqueued in the transaction of the
 * change; sent at most once by the same rule as the individual meetings' messages
 * (notifications.ts): the row is committed 'sending' before the transport is called, and a row
 * found already there is never sent again.
 *
 * Every message but the cancellation carries the worker's link (/incontro/<token>): a token of its
 * own, of which only the SHA-256 is kept (the stored body shows the link masked), acting only on
 * that worker's place in that session, until the session ends. A booked participant is reminded
 * 48 hours before (e-mail with the invitation, SMS to a mobile too), a job enqueued when the seat is
 * taken; the reminder is not sent for a cancelled session, after a withdrawal, or for the old time
 * of a moved session (the session's sequence has changed: the new time has its own reminder).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Executor } from '../db/executor.js';
import type { WorkshopMessageKind } from '../db/schema-appointments.js';
import { cancelJobsForSubject, enqueueJobs, type ClaimedJob, type JobHandler, type JobOutcome } from '../jobs/index.js';
import { officeById } from '../organisation/index.js';
import { toGsmFriendly, type Channels } from '../outreach/index.js';
import { workerContactsByIds } from '../people/index.js';
import { italianDayAndDate } from '../../shared/time/rome-date.js';
import { romeLocal } from '../../shared/time/rome-time.js';
import type { AppointmentMessagesRepository } from './appointment-messages.repository.js';
import { cancellationIcs, invitationIcs, type CalendarEvent } from './icalendar.js';
import { isMobile, newLinkToken } from './notifications.js';
import type { SessionRow, WorkshopRepository } from './workshop.repository.js';

export const WORKSHOP_NOTIFY_JOB = 'appointments.workshop_notify';
export const WORKSHOP_REMINDER_JOB = 'appointments.workshop_reminder';
/** As the meetings' default (appointment_types.reminder_hours). */
const REMINDER_HOURS = 48;
const HOUR = 3_600_000;

/** Where the session is, as messages and the worker's page say it: the room with the office's address, or the other place. */
export function workshopWhere(
  s: Pick<SessionRow, 'roomName' | 'place'>,
  office: { name: string; address: string; comune: string },
): string {
  const officeAt = [office.name, office.address, office.comune].filter(Boolean).join(', ');
  return s.roomName ? `${officeAt}, ${s.roomName}` : s.place || officeAt;
}

function when(at: Date): string {
  const l = romeLocal(at);
  return `${italianDayAndDate(l.date)} alle ore ${l.time}`;
}

/** The text of each message; one short paragraph the worker can act on. */
function text(kind: WorkshopMessageKind, s: SessionRow, where: string, office: string, link: string): { subject: string; body: string } {
  const what = `"${s.title}"`;
  switch (kind) {
    case 'invitation':
      return {
        subject: `Invito all’incontro ${what}`,
        body: `la invitiamo all’incontro di gruppo ${what} di ${when(s.start)}, ${where}. I posti sono ${s.seats}: risponda da qui se partecipa o no ${link}`,
      };
    case 'booked':
      return {
        subject: `Posto confermato: ${s.title}`,
        body: `le confermiamo il posto all’incontro di gruppo ${what} di ${when(s.start)}, ${where}. Se non può più venire ce lo dica da qui ${link}`,
      };
    case 'waiting':
      return {
        subject: `Lista d’attesa: ${s.title}`,
        body: `l’incontro di gruppo ${what} di ${when(s.start)} è al completo: è in lista d’attesa e la avvisiamo se si libera un posto. Il suo posto in lista: ${link}`,
      };
    case 'promoted':
      return {
        subject: `Si è liberato un posto: ${s.title}`,
        body: `si è liberato un posto all’incontro di gruppo ${what} di ${when(s.start)}, ${where}: è suo. Se non può venire ce lo dica da qui ${link}`,
      };
    case 'change':
      return {
        subject: `Incontro modificato: ${s.title}`,
        body: `l’incontro di gruppo ${what} è stato spostato a ${when(s.start)}, ${where}. ${link}`,
      };
    case 'reminder':
      return {
        subject: `Promemoria: ${s.title}`,
        body: `le ricordiamo l’incontro di gruppo ${what} di ${when(s.start)}, ${where}. Se non può più venire ce lo dica da qui ${link}`,
      };
    case 'cancellation':
      return {
        subject: `Incontro annullato: ${s.title}`,
        body: `l’incontro di gruppo ${what} di ${when(s.start)} è stato annullato${s.cancelReason ? ` (${s.cancelReason})` : ''}. ${office}`,
      };
  }
}

export function createWorkshopNotifications(deps: {
  db: Kysely<DB>;
  workshops: WorkshopRepository;
  messages: AppointmentMessagesRepository;
  channels: Channels;
  clock: () => Date;
  calendarHost: string;
  /** Where the worker's link points ("https://lavoro.provincia.example"). */
  publicUrl: string;
}) {
  const { db, workshops, messages, channels, clock } = deps;
  const base = deps.publicUrl.replace(/\/$/, '');

  async function enqueue(trx: Executor, s: SessionRow, workerId: string, kind: WorkshopMessageKind) {
    await enqueueJobs(trx, [
      {
        kind: WORKSHOP_NOTIFY_JOB,
        dedupeKey: `workshop:${s.id}:${workerId}:${kind}:${s.sequence}`,
        payload: { sessionId: s.id, workerId, kind, sequence: s.sequence },
        runAt: clock(),
        subjectId: s.id,
        subjectVersion: s.sequence,
        networkId: s.networkId,
        maxAttempts: 6,
      },
    ]);
  }

  /** The seat was taken (booked, or promoted from the list): the message now, the reminder before the session. */
  async function seated(trx: Executor, s: SessionRow, workerId: string, kind: 'booked' | 'promoted') {
    await enqueue(trx, s, workerId, kind);
    await remind(trx, s, workerId);
  }

  /** The reminder of a booked participant, for the session's current time (its sequence). */
  async function remind(trx: Executor, s: SessionRow, workerId: string) {
    const at = new Date(s.start.getTime() - REMINDER_HOURS * HOUR);
    // Booked inside the reminder window: the confirmation is the reminder.
    if (at.getTime() <= clock().getTime()) return;
    await enqueueJobs(trx, [
      {
        kind: WORKSHOP_REMINDER_JOB,
        dedupeKey: `workshop:${s.id}:${workerId}:reminder:${s.sequence}`,
        payload: { sessionId: s.id, workerId, kind: 'reminder', sequence: s.sequence },
        runAt: at,
        subjectId: s.id,
        subjectVersion: s.sequence,
        networkId: s.networkId,
        maxAttempts: 6,
      },
    ]);
  }

  /**
   * In the transaction that moves (the session's new sequence) or cancels it: the queued reminders
   * of the older times, or all of them, go. A job already running checks the sequence again.
   */
  async function dropReminders(trx: Executor, s: SessionRow, reason: 'moved' | 'cancelled') {
    await cancelJobsForSubject(trx, {
      subjectId: s.id,
      kinds: [WORKSHOP_REMINDER_JOB],
      ...(reason === 'moved' && { belowVersion: s.sequence }),
      now: clock(),
      reason,
    });
  }

  async function send(job: ClaimedJob): Promise<JobOutcome> {
    const kind = String(job.payload.kind) as WorkshopMessageKind;
    const workerId = String(job.payload.workerId);
    const s = await workshops.byId(db, String(job.payload.sessionId));
    if (!s) return { cancelled: 'the workshop no longer exists' };
    if (kind !== 'cancellation' && s.status === 'cancelled') return { cancelled: 'the workshop was cancelled' };
    if (kind !== 'cancellation' && s.sequence !== Number(job.payload.sequence)) return { cancelled: 'the workshop changed since' };
    if (kind === 'reminder') {
      const p = await workshops.participant(db, s.id, workerId);
      if (p?.status !== 'booked') return { cancelled: 'the worker no longer holds a seat' };
      if (s.start.getTime() <= clock().getTime()) return { cancelled: 'the workshop has started' };
    }
    const [contacts, office] = await Promise.all([workerContactsByIds(db, [workerId]), officeById(db, s.officeId)]);
    const worker = contacts.get(workerId);
    if (!worker || !office) return { cancelled: 'worker or office gone' };
    const where = workshopWhere(s, office);
    const officeLine = [office.name, office.phone && `tel. ${office.phone}`].filter(Boolean).join(', ');
    // E-mail when the worker has one, else an SMS; a reminder goes to a mobile as well.
    const targets: Array<'email' | 'sms'> = [];
    if (worker.email) targets.push('email');
    if (worker.phone && (!worker.email || (kind === 'reminder' && isMobile(worker.phone)))) targets.push('sms');
    if (targets.length === 0) return { cancelled: 'the worker has neither an e-mail address nor a phone' };
    const problems: string[] = [];
    for (const channel of targets) {
      try {
        await sendOne(s, kind, channel, worker, { where, officeLine, office });
      } catch (err) {
        problems.push(`${channel}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    // A refused send is retried by the queue; what was sent is not sent again.
    if (problems.length) throw new Error(problems.join('; '));
  }

  async function sendOne(
    s: SessionRow,
    kind: WorkshopMessageKind,
    channel: 'email' | 'sms',
    worker: { id: string; firstName: string; lastName: string; email: string | null; phone: string | null },
    p: { where: string; officeLine: string; office: { name: string; comune: string; email: string } },
  ) {
    const workerId = worker.id;
    const link = kind === 'cancellation' ? null : newLinkToken();
    const url = (token: string) => (token ? `${base}/incontro/${token}` : '');
    const compose = (token: string) => {
      const { subject, body } = text(kind, s, p.where, p.officeLine, url(token));
      const message =
        channel === 'email'
          ? `Gentile ${worker.firstName} ${worker.lastName},\n\n${body}\n\n${p.officeLine}`
          : // GSM-7 (typographic quotes replaced): 160 characters a segment rather than 70.
            toGsmFriendly(`CPI ${p.office.comune || p.office.name}: ${body}`);
      return { subject, message };
    };
    const { subject, message } = compose(link?.token ?? '');
    const recipient = channel === 'email' ? worker.email! : worker.phone!;
    const key = { sessionId: s.id, workerId, kind, channel, sequence: s.sequence } as const;
    const now = clock();
    // The record keeps the text without the token: only its hash may be kept.
    const stored = link ? compose('…').message : message;
    const state = await db.transaction().execute(async (trx) => {
      const begun = await workshops.messageBegin(trx, { ...key, networkId: s.networkId, recipient, body: stored, now });
      if (begun === 'new' || begun === 'retry') {
        if (begun === 'retry') await workshops.messageFinish(trx, { ...key, status: 'sending', now });
        if (link) await messages.insertLinks(trx, [{ tokenHash: link.hash, sessionId: s.id, workerId, expiresAt: s.end }]);
      }
      return begun;
    });
    if (state === 'sent') return;
    if (state === 'uncertain') {
      await workshops.messageFinish(db, {
        ...key,
        status: 'failed',
        error: 'uncertain: the previous attempt stopped while sending; not sent again',
        now,
      });
      return;
    }
    try {
      if (channel === 'email') {
        const event: CalendarEvent = {
          appointmentId: `workshop-${s.id}`,
          sequence: s.sequence,
          start: s.start,
          end: s.end,
          summary: `${s.title} - ${p.office.name}`,
          description: s.description || null,
          location: p.where,
          organizer: { name: p.office.name, email: p.office.email || 'noreply@ricolloca.example' },
          attendees: [{ name: `${worker.firstName} ${worker.lastName}`, email: recipient, rsvp: false }],
          status: kind === 'cancellation' ? 'CANCELLED' : 'CONFIRMED',
        };
        const options = { host: deps.calendarHost, stamp: now };
        const calendar =
          kind === 'cancellation'
            ? { method: 'CANCEL' as const, content: cancellationIcs(event, options), filename: 'annullamento.ics' }
            : kind === 'booked' || kind === 'promoted' || kind === 'change' || kind === 'reminder'
              ? { method: 'REQUEST' as const, content: invitationIcs(event, options), filename: 'incontro.ics' }
              : undefined;
        await channels.email.send({ to: recipient, subject, text: message, calendar });
      } else {
        await channels.sms.send(recipient, message);
      }
      await workshops.messageFinish(db, { ...key, status: 'sent', now: clock() });
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      await workshops.messageFinish(db, { ...key, status: 'failed', error: error.slice(0, 500), now: clock() });
      throw err;
    }
  }

  const handlers: JobHandler[] = [
    { kind: WORKSHOP_NOTIFY_JOB, transactional: false, run: (_db, job) => send(job) },
    { kind: WORKSHOP_REMINDER_JOB, transactional: false, run: (_db, job) => send(job) },
  ];
  return { enqueue, seated, remind, dropReminders, handlers, send };
}

export type WorkshopNotifications = ReturnType<typeof createWorkshopNotifications>;
