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
import { cancelJobsForSubject, enqueueJobs, type BatchResult, type ClaimedJob, type JobHandler, type JobOutcome } from '../jobs/index.js';
import { officeById } from '../organisation/index.js';
import type { Office } from '../../shared/schemas/office.schema.js';
import { fillPlaceholders, toGsmFriendly, type Channels } from '../outreach/index.js';
import { workerContactsByIds, type WorkerContact } from '../people/index.js';
import { staffNamesById } from '../auth/index.js';
import { italianDayAndDate } from '../../shared/time/rome-date.js';
import { romeLocal } from '../../shared/time/rome-time.js';
import { messageKeyOf, type AppointmentMessagesRepository, type MessageKey, type TemplateRow } from './appointment-messages.repository.js';
import type { AppointmentRepository, AppointmentRow } from './appointment.repository.js';
import { cancellationIcs, invitationIcs, type CalendarEvent } from './icalendar.js';
import { meetingModeWords } from '../../shared/text/meeting-modes.js';

export const NOTIFY_JOB = 'appointments.notify';
export const REMINDER_JOB = 'appointments.reminder';

const HOUR = 3_600_000;

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

  /** One message to send: its row, its link, and the call to the transport. */
  interface Planned {
    jobId: string;
    key: MessageKey;
    row: MessageKey & { networkId: string; recipient: string; subject: string; body: string; now: Date };
    link: { token: string; hash: string; expiresAt: Date } | null;
    deliver: () => Promise<unknown>;
  }

  /** The messages a meeting's job sends (one per channel), or why none applies. */
  function compose(
    job: ClaimedJob,
    a: AppointmentRow,
    kind: AppointmentMessageKind,
    ctx: { worker: WorkerContact | undefined; office: Office | undefined; consultant: string; templates: TemplateRow[]; now: Date },
  ): Planned[] | { cancelled: string } {
    const { worker, office, consultant, templates, now } = ctx;
    if (!worker || !office) return { cancelled: 'worker or office gone' };
    // E-mail when the worker has one; an SMS too for reminders (the message that prevents a
    // missed meeting), or instead when there is no e-mail.
    const targets: { channel: MessageChannel; to: string }[] = [];
    if (worker.email) targets.push({ channel: 'email', to: worker.email });
    if (isMobile(worker.phone) && (!worker.email || kind === 'reminder')) targets.push({ channel: 'sms', to: worker.phone });
    if (targets.length === 0) return { cancelled: 'the worker has neither an e-mail address nor a mobile number' };

    const officeLine = [office.name, office.phone && `tel. ${office.phone}`].filter(Boolean).join(', ');
    const address = [office.address, [office.postalCode, office.comune].filter(Boolean).join(' ')].filter(Boolean).join(', ');
    const place = a.place
      ? a.place
      : a.mode === 'in_person'
        ? [office.name, address, a.roomName && `stanza ${a.roomName}`].filter(Boolean).join(' - ')
        : a.mode === 'phone'
          ? 'la chiameremo al suo numero'
          : (a.videoLink ?? 'link in arrivo');
    const planned: Planned[] = [];
    for (const target of targets) {
      const key: MessageKey = { appointmentId: a.id, kind, channel: target.channel, sequence: a.sequence };
      const template = templates.find((t) => t.kind === kind && t.channel === target.channel);
      if (!template) continue;
      const link = kind === 'cancellation' ? null : { ...newLinkToken(), expiresAt: a.end };
      const values = {
        nome: worker.firstName,
        cognome: worker.lastName,
        tipo: a.typeNameIt,
        data: spokenDate(a.start, target.channel),
        ora: romeLocal(a.start).time,
        luogo: target.channel === 'sms' && a.mode === 'in_person' && !a.place ? office.address || office.name : place,
        modalita: meetingModeWords(a.mode),
        // At an employer's the staff member is not there: named as the worker's contact at the office.
        operatore: a.place ? `${consultant} (referente del centro per l’impiego)` : consultant,
        link: link ? `${deps.publicUrl.replace(/\/$/, '')}/appuntamento/${link.token}` : '',
        // "CPI Modena": an SMS has 160 characters for everything.
        sede: target.channel === 'sms' ? `CPI ${office.comune || office.name}` : officeLine,
      };
      const subject = fillPlaceholders(template.subject, values);
      // Typographic quotes and dashes would switch an SMS to UCS-2 (70 characters a segment).
      const text = (v: typeof values) =>
        target.channel === 'sms' ? toGsmFriendly(fillPlaceholders(template.body, v)) : fillPlaceholders(template.body, v);
      const body = text(values);
      // What is kept of the message shows the link masked: only the token's hash is stored.
      const storedBody = link ? text({ ...values, link: `${deps.publicUrl.replace(/\/$/, '')}/appuntamento/…` }) : body;
      const deliver =
        target.channel === 'sms'
          ? () => channels.sms.send(target.to, body)
          : () => {
              const event: CalendarEvent = {
                appointmentId: a.id,
                sequence: a.sequence,
                start: a.start,
                end: a.end,
                summary: `${a.typeNameIt} - ${office.name}`,
                description: a.place
                  ? [`${a.typeNameIt} presso ${a.place}.`, a.note, `Referente del centro per l’impiego: ${consultant}, ${officeLine}.`]
                      .filter(Boolean)
                      .join(' ')
                  : `${a.typeNameIt} con ${consultant} (${meetingModeWords(a.mode)}).`,
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
              return channels.email.send({
                to: target.to,
                subject,
                text: body,
                calendar:
                  kind === 'cancellation'
                    ? { method: 'CANCEL', content: cancellationIcs(event, options), filename: 'annullamento.ics' }
                    : { method: 'REQUEST', content: invitationIcs(event, options), filename: 'appuntamento.ics' },
              });
            };
      planned.push({
        jobId: job.id,
        key,
        row: { ...key, networkId: a.networkId, recipient: target.to, subject, body: storedBody, now },
        link,
        deliver,
      });
    }
    return planned;
  }

  /**
   * Sends a batch of message jobs: the meetings, workers, offices, consultants and templates read
   * once for all, every message's row committed 'sending' (and its link) in one statement each
   * before any transport call, the sends in parallel (the SMTP pool bounds the connections), and
   * the outcomes ('sent', or the transport's refusal) recorded with the jobs' completions in the
   * runner's one transaction. A job with a refused send is retried; what it sent is not sent again.
   */
  async function sendBatch(jobs: ClaimedJob[]): Promise<BatchResult> {
    const now = clock();
    const outcomes = new Map<string, JobOutcome | Error>();
    const meetings = await appointments.byIds(
      db,
      jobs.map((j) => String(j.payload.appointmentId)),
    );
    const live: { job: ClaimedJob; a: AppointmentRow; kind: AppointmentMessageKind }[] = [];
    for (const job of jobs) {
      const kind = String(job.payload.kind) as AppointmentMessageKind;
      const a = meetings.get(String(job.payload.appointmentId));
      const stale = stillApplies(a, job, kind, now);
      if (stale || !a) outcomes.set(job.id, { cancelled: stale ?? 'gone' });
      else live.push({ job, a, kind });
    }
    if (!live.length) return { outcomes };
    const distinct = <T>(values: T[]) => [...new Set(values)];
    const [contacts, offices, names, templates] = await Promise.all([
      workerContactsByIds(
        db,
        live.map((l) => l.a.workerId),
      ),
      Promise.all(distinct(live.map((l) => l.a.officeId)).map(async (id) => [id, await officeById(db, id)] as const)).then(
        (e) => new Map(e),
      ),
      staffNamesById(
        db,
        live.map((l) => l.a.consultantId),
      ),
      Promise.all(distinct(live.map((l) => l.a.networkId)).map(async (id) => [id, await messages.templates(db, id)] as const)).then(
        (e) => new Map(e),
      ),
    ]);
    const planned: Planned[] = [];
    for (const { job, a, kind } of live) {
      const result = compose(job, a, kind, {
        worker: contacts.get(a.workerId),
        office: offices.get(a.officeId),
        consultant: names.get(a.consultantId) ?? '',
        templates: templates.get(a.networkId) ?? [],
        now,
      });
      if ('cancelled' in result) outcomes.set(job.id, result);
      else planned.push(...result);
    }
    const going = await db.transaction().execute(async (trx) => {
      const fresh = await messages.beginSendingMany(
        trx,
        planned.map((p) => p.row),
      );
      const go: Planned[] = [];
      for (const p of planned) {
        if (fresh.has(messageKeyOf(p.key))) {
          go.push(p);
          continue;
        }
        const existing = await messages.message(trx, p.key);
        if (existing?.status === 'sending') {
          await messages.finish(trx, p.key, {
            status: 'failed',
            error: 'uncertain: the previous attempt stopped while sending; not sent again',
            now,
          });
        } else if (await messages.retryFailed(trx, p.key)) go.push(p);
      }
      await messages.insertLinks(
        trx,
        go.flatMap((p) => (p.link ? [{ tokenHash: p.link.hash, appointmentId: p.key.appointmentId, expiresAt: p.link.expiresAt }] : [])),
      );
      return go;
    });
    const sent: MessageKey[] = [];
    const refused: { key: MessageKey; error: string }[] = [];
    const problems = new Map<string, string[]>();
    await Promise.all(
      going.map(async (p) => {
        try {
          await p.deliver();
          sent.push(p.key);
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          refused.push({ key: p.key, error: message.slice(0, 500) });
          problems.set(p.jobId, [...(problems.get(p.jobId) ?? []), `${p.key.channel}: ${message}`]);
        }
      }),
    );
    // A refused send is retried by the queue (with backoff); what was sent is not sent again.
    for (const { job } of live) {
      if (outcomes.has(job.id)) continue;
      const failed = problems.get(job.id);
      outcomes.set(job.id, failed ? new Error(failed.join('; ')) : undefined);
    }
    return {
      outcomes,
      commit: async (trx) => {
        const at = clock();
        await messages.markSent(trx, sent, at);
        for (const r of refused) await messages.finish(trx, r.key, { status: 'failed', error: r.error, now: at });
      },
    };
  }

  /** Messages a batch takes at once: each batch's "sent" is committed when the whole batch is done. */
  const batchSize = 25;
  const handlers: JobHandler[] = [
    { kind: NOTIFY_JOB, transactional: false, batchSize, runBatch: (_db, jobs) => sendBatch(jobs) },
    { kind: REMINDER_JOB, transactional: false, batchSize, runBatch: (_db, jobs) => sendBatch(jobs) },
  ];

  return { booked, moved, cancelled, handlers };
}

export type AppointmentNotifications = ReturnType<typeof createAppointmentNotifications>;
