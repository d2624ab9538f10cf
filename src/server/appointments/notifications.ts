/**
 * What a worker is told about a meeting: a confirmation when it is booked, a change when it moves, a
 * cancellation, and a reminder before it (the type's `reminder_hours`, 48 by default). Each is a job
 * of the durable queue, enqueued in the transaction that books, moves or cancels the meeting, and
 * keyed by (meeting, kind, sequence): the same change never makes two jobs.
 *
 * At most once. Each message has a row in appointment_messages keyed by (meeting, kind, channel,
 * sequence), committed as 'sending' before the transport is called. A job that finds its row
 * already there does not send: 'sent' is done; 'sending' means a process died between the commit and
 * the transport's answer, so whether it went out is unknown, and it is recorded as failed
 * ('uncertain') for staff to see rather than sent a second time. Only a send the transport refused
 * ('failed' with its error) is tried again by the job's retry. A reminder whose meeting has moved
 * (higher sequence) or was cancelled is cancelled in the same transaction as the change, and a job
 * already running checks again before it sends.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Executor } from '../db/executor.js';
import type { AppointmentMessageKind, MessageChannel } from '../db/schema-appointments.js';
import { cancelJobsForSubject, enqueueJobs, type ClaimedJob, type JobHandler, type JobOutcome } from '../jobs/index.js';
import { officeById } from '../organisation/index.js';
import { fillPlaceholders, toGsmFriendly, type Channels } from '../outreach/index.js';
import { workerContactsByIds } from '../people/index.js';
import { staffNamesById } from '../auth/index.js';
import { italianDayAndDate } from '../../shared/time/rome-date.js';
import { romeLocal } from '../../shared/time/rome-time.js';
import type { AppointmentMessagesRepository, MessageKey } from './appointment-messages.repository.js';
import type { AppointmentRepository, AppointmentRow } from './appointment.repository.js';
import { cancellationIcs, invitationIcs, type CalendarEvent } from './icalendar.js';

export const NOTIFY_JOB = 'appointments.notify';
export const REMINDER_JOB = 'appointments.reminder';

const HOUR = 3_600_000;
const MODES: Record<string, string> = { in_person: 'in presenza', phone: 'al telefono', video: 'in videochiamata' };

/** The token of a worker's link, and what is kept of it (its SHA-256). */
export function newLinkToken(): { token: string; hash: string } {
  // 144 random bits in 24 characters: short enough for the link to fit an SMS of one segment.
  const token = randomBytes(18).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** "martedì 15 dicembre 2026" (e-mail) or "15/12" (SMS, where every character counts). */
function spokenDate(at: Date, channel: MessageChannel): string {
  const local = romeLocal(at);
  const [, m, d] = local.date.split('-');
  if (channel === 'sms') return `${d}/${m}`;
  return italianDayAndDate(local.date);
}

/** A mobile number an SMS can reach (Italian mobiles start with 3; stored as +39…). */
export function isMobile(phone: string | null): phone is string {
  return !!phone && /^(\+39)?3\d{8,9}$/.test(phone.replace(/[\s.-]/g, ''));
}

export interface NotificationDeps {
  db: Kysely<DB>;
  appointments: AppointmentRepository;
  messages: AppointmentMessagesRepository;
  channels: Channels;
  clock: () => Date;
  /** Where the worker's link points ("https://lavoro.provincia.example"). */
  publicUrl: string;
}

export function createAppointmentNotifications(deps: NotificationDeps) {
  const { db, appointments, messages, channels, clock } = deps;
  const host = new URL(deps.publicUrl).hostname || 'ricolloca.local';

  function notifyJob(a: { id: string; networkId: string; sequence: number }, kind: AppointmentMessageKind, now: Date) {
    return {
      kind: NOTIFY_JOB,
      dedupeKey: `appointment:${a.id}:${kind}:${a.sequence}`,
      payload: { appointmentId: a.id, kind },
      runAt: now,
      subjectId: a.id,
      subjectVersion: a.sequence,
      networkId: a.networkId,
      maxAttempts: 6,
    };
  }

  function reminderJob(a: { id: string; networkId: string; sequence: number; start: Date; reminderHours: number }, now: Date) {
    if (a.reminderHours <= 0) return [];
    const at = new Date(a.start.getTime() - a.reminderHours * HOUR);
    // Booked inside the reminder window: the confirmation is the reminder.
    if (at.getTime() <= now.getTime()) return [];
    return [
      {
        kind: REMINDER_JOB,
        dedupeKey: `appointment:${a.id}:reminder:${a.sequence}`,
        payload: { appointmentId: a.id, kind: 'reminder' },
        runAt: at,
        subjectId: a.id,
        subjectVersion: a.sequence,
        networkId: a.networkId,
        maxAttempts: 6,
      },
    ];
  }

  /** In the booking's transaction: the confirmation now, the reminder before the meeting. */
  async function booked(trx: Executor, a: { id: string; networkId: string; sequence: number; start: Date; reminderHours: number }) {
    const now = clock();
    await enqueueJobs(trx, [notifyJob(a, 'confirmation', now), ...reminderJob(a, now)]);
  }

  /** In the move's transaction: the earlier reminders go, the change message and a new reminder come. */
  async function moved(trx: Executor, a: { id: string; networkId: string; sequence: number; start: Date; reminderHours: number }) {
    const now = clock();
    await cancelJobsForSubject(trx, { subjectId: a.id, belowVersion: a.sequence, now, reason: 'moved' });
    await enqueueJobs(trx, [notifyJob(a, 'change', now), ...reminderJob(a, now)]);
  }

  /** In the cancellation's transaction: nothing else is sent about it but the cancellation. */
  async function cancelled(trx: Executor, a: { id: string; networkId: string; sequence: number }, options: { tellWorker: boolean }) {
    const now = clock();
    await cancelJobsForSubject(trx, { subjectId: a.id, now, reason: 'cancelled' });
    if (options.tellWorker) await enqueueJobs(trx, [notifyJob(a, 'cancellation', now)]);
  }

  /** Whether the job still applies to the meeting as it is now. */
  function stillApplies(a: AppointmentRow | undefined, job: ClaimedJob, kind: AppointmentMessageKind, now: Date): string | null {
    if (!a) return 'the appointment no longer exists';
    if (kind === 'cancellation') return a.status === 'cancelled' ? null : 'the appointment is not cancelled';
    if (a.status === 'cancelled') return 'the appointment was cancelled';
    if (job.subjectVersion !== null && a.sequence !== job.subjectVersion) return 'the appointment changed since';
    if (kind === 'reminder' && (a.start.getTime() <= now.getTime() || (a.status !== 'booked' && a.status !== 'confirmed')))
      return 'the appointment is past or held';
    return null;
  }

  async function send(job: ClaimedJob): Promise<JobOutcome> {
    const kind = String(job.payload.kind) as AppointmentMessageKind;
    const now = clock();
    const a = await appointments.byId(db, String(job.payload.appointmentId));
    const stale = stillApplies(a, job, kind, now);
    if (stale || !a) return { cancelled: stale ?? 'gone' };
    const [contacts, office, names, templates] = await Promise.all([
      workerContactsByIds(db, [a.workerId]),
      officeById(db, a.officeId),
      staffNamesById(db, [a.consultantId]),
      messages.templates(db, a.networkId),
    ]);
    const worker = contacts.get(a.workerId);
    if (!worker || !office) return { cancelled: 'worker or office gone' };
    // E-mail when the worker has one; an SMS too for reminders (the message that prevents a
    // missed meeting), or instead when there is no e-mail.
    const targets: { channel: MessageChannel; to: string }[] = [];
    if (worker.email) targets.push({ channel: 'email', to: worker.email });
    if (isMobile(worker.phone) && (!worker.email || kind === 'reminder')) targets.push({ channel: 'sms', to: worker.phone });
    if (targets.length === 0) return { cancelled: 'the worker has neither an e-mail address nor a mobile number' };

    const consultant = names.get(a.consultantId) ?? '';
    const officeLine = [office.name, office.phone && `tel. ${office.phone}`].filter(Boolean).join(', ');
    const address = [office.address, [office.postalCode, office.comune].filter(Boolean).join(' ')].filter(Boolean).join(', ');
    const place =
      a.mode === 'in_person'
        ? [office.name, address, a.roomName && `stanza ${a.roomName}`].filter(Boolean).join(' - ')
        : a.mode === 'phone'
          ? 'la chiameremo al suo numero'
          : (a.videoLink ?? 'link in arrivo');
    const problems: string[] = [];
    for (const target of targets) {
      const key: MessageKey = { appointmentId: a.id, kind, channel: target.channel, sequence: a.sequence };
      const template = templates.find((t) => t.kind === kind && t.channel === target.channel);
      if (!template) continue;
      const link = kind === 'cancellation' ? null : newLinkToken();
      const values = {
        nome: worker.firstName,
        cognome: worker.lastName,
        tipo: a.typeNameIt,
        data: spokenDate(a.start, target.channel),
        ora: romeLocal(a.start).time,
        luogo: target.channel === 'sms' && a.mode === 'in_person' ? office.address || office.name : place,
        modalita: MODES[a.mode] ?? a.mode,
        operatore: consultant,
        link: link ? `${deps.publicUrl.replace(/\/$/, '')}/appuntamento/${link.token}` : '',
        // "CPI Modena": an SMS has 160 characters for everything.
        sede: target.channel === 'sms' ? `CPI ${office.comune || office.name}` : officeLine,
      };
      const subject = fillPlaceholders(template.subject, values);
      // Typographic quotes and dashes would switch an SMS to UCS-2 (70 characters a segment).
      const body =
        target.channel === 'sms' ? toGsmFriendly(fillPlaceholders(template.body, values)) : fillPlaceholders(template.body, values);
      const go = await db.transaction().execute(async (trx) => {
        if (!(await messages.beginSending(trx, { ...key, networkId: a.networkId, recipient: target.to, subject, body, now }))) {
          const existing = await messages.message(trx, key);
          if (existing?.status === 'sending') {
            await messages.finish(trx, key, {
              status: 'failed',
              error: 'uncertain: the previous attempt stopped while sending; not sent again',
              now,
            });
            return false;
          }
          if (!(await messages.retryFailed(trx, key))) return false;
        }
        if (link) await messages.insertLink(trx, { tokenHash: link.hash, appointmentId: a.id, expiresAt: a.end });
        return true;
      });
      if (!go) continue;
      try {
        if (target.channel === 'email') {
          const event: CalendarEvent = {
            appointmentId: a.id,
            sequence: a.sequence,
            start: a.start,
            end: a.end,
            summary: `${a.typeNameIt} - ${office.name}`,
            description: `${a.typeNameIt} con ${consultant} (${MODES[a.mode]}).`,
            location: place,
            url: a.mode === 'video' ? a.videoLink : null,
            organizer: { name: `${office.name}`, email: office.email || 'noreply@ricolloca.example' },
            attendees: [
              {
                name: `${worker.firstName} ${worker.lastName}`,
                email: target.to,
                role: 'REQ-PARTICIPANT',
                partstat: 'NEEDS-ACTION',
                rsvp: false,
              },
            ],
            status: kind === 'cancellation' ? 'CANCELLED' : 'CONFIRMED',
          };
          const options = { host, stamp: now };
          await channels.email.send({
            to: target.to,
            subject,
            text: body,
            calendar:
              kind === 'cancellation'
                ? { method: 'CANCEL', content: cancellationIcs(event, options), filename: 'annullamento.ics' }
                : { method: 'REQUEST', content: invitationIcs(event, options), filename: 'appuntamento.ics' },
          });
        } else {
          await channels.sms.send(target.to, body);
        }
        await messages.finish(db, key, { status: 'sent', now: clock() });
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        await messages.finish(db, key, { status: 'failed', error: message.slice(0, 500), now: clock() });
        problems.push(`${target.channel}: ${message}`);
      }
    }
    // A refused send is retried by the queue (with backoff); what was sent is not sent again.
    if (problems.length) throw new Error(problems.join('; '));
  }

  const handlers: JobHandler[] = [
    { kind: NOTIFY_JOB, transactional: false, run: (_db, job) => send(job) },
    { kind: REMINDER_JOB, transactional: false, run: (_db, job) => send(job) },
  ];

  return { booked, moved, cancelled, handlers, send };
}

export type AppointmentNotifications = ReturnType<typeof createAppointmentNotifications>;
