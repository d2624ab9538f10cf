/**
 * What a workshop's participants are told: the invitation, the seat (or the place on the waiting
 * list), a seat freed for them, a change of time or place, a cancellation. A job per participant
 * and message, keyed by (session, worker, kind, sequence), enqueued in the transaction of the
 * change; sent at most once by the same rule as the individual meetings' messages
 * (notifications.ts): the row is committed 'sending' before the transport is called, and a row
 * found already there is never sent again.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Executor } from '../db/executor.js';
import type { WorkshopMessageKind } from '../db/schema-appointments.js';
import { enqueueJobs, type ClaimedJob, type JobHandler, type JobOutcome } from '../jobs/index.js';
import { officeById } from '../organisation/index.js';
import { toGsmFriendly, type Channels } from '../outreach/index.js';
import { workerContactsByIds } from '../people/index.js';
import { italianDayAndDate } from '../../shared/time/rome-date.js';
import { romeLocal } from '../../shared/time/rome-time.js';
import { cancellationIcs, invitationIcs, type CalendarEvent } from './icalendar.js';
import type { SessionRow, WorkshopRepository } from './workshop.repository.js';

export const WORKSHOP_NOTIFY_JOB = 'appointments.workshop_notify';

function when(at: Date): string {
  const l = romeLocal(at);
  return `${italianDayAndDate(l.date)} alle ore ${l.time}`;
}

/** The text of each message; one short paragraph the worker can act on. */
function text(kind: WorkshopMessageKind, s: SessionRow, where: string, office: string): { subject: string; body: string } {
  const what = `"${s.title}"`;
  switch (kind) {
    case 'invitation':
      return {
        subject: `Invito all’incontro ${what}`,
        body: `la invitiamo all’incontro di gruppo ${what} di ${when(s.start)}, ${where}. Per partecipare ci chiami o risponda a questo messaggio: i posti sono ${s.seats}.`,
      };
    case 'booked':
      return {
        subject: `Posto confermato: ${s.title}`,
        body: `le confermiamo il posto all’incontro di gruppo ${what} di ${when(s.start)}, ${where}.`,
      };
    case 'waiting':
      return {
        subject: `Lista d’attesa: ${s.title}`,
        body: `l’incontro di gruppo ${what} di ${when(s.start)} è al completo: è in lista d’attesa e la avvisiamo se si libera un posto.`,
      };
    case 'promoted':
      return {
        subject: `Si è liberato un posto: ${s.title}`,
        body: `si è liberato un posto all’incontro di gruppo ${what} di ${when(s.start)}, ${where}: è suo. Se non può venire ci avvisi.`,
      };
    case 'change':
      return {
        subject: `Incontro modificato: ${s.title}`,
        body: `l’incontro di gruppo ${what} è stato spostato a ${when(s.start)}, ${where}.`,
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
  channels: Channels;
  clock: () => Date;
  calendarHost: string;
}) {
  const { db, workshops, channels, clock } = deps;

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

  async function send(job: ClaimedJob): Promise<JobOutcome> {
    const kind = String(job.payload.kind) as WorkshopMessageKind;
    const workerId = String(job.payload.workerId);
    const s = await workshops.byId(db, String(job.payload.sessionId));
    if (!s) return { cancelled: 'the workshop no longer exists' };
    if (kind !== 'cancellation' && s.status === 'cancelled') return { cancelled: 'the workshop was cancelled' };
    if (kind !== 'cancellation' && s.sequence !== Number(job.payload.sequence)) return { cancelled: 'the workshop changed since' };
    const [contacts, office] = await Promise.all([workerContactsByIds(db, [workerId]), officeById(db, s.officeId)]);
    const worker = contacts.get(workerId);
    if (!worker || !office) return { cancelled: 'worker or office gone' };
    const where = s.roomName
      ? `${office.name}, ${office.address}, ${office.comune}, ${s.roomName}`
      : s.place || `${office.name}, ${office.address}, ${office.comune}`;
    const officeLine = [office.name, office.phone && `tel. ${office.phone}`].filter(Boolean).join(', ');
    const { subject, body } = text(kind, s, where, officeLine);
    const channel = worker.email ? 'email' : worker.phone ? 'sms' : null;
    if (!channel) return { cancelled: 'the worker has neither an e-mail address nor a phone' };
    const recipient = channel === 'email' ? worker.email! : worker.phone!;
    const message =
      channel === 'email'
        ? `Gentile ${worker.firstName} ${worker.lastName},\n\n${body}\n\n${officeLine}`
        : // GSM-7 (typographic quotes replaced): 160 characters a segment rather than 70.
          toGsmFriendly(`CPI ${office.comune || office.name}: ${body}`);
    const key = { sessionId: s.id, workerId, kind, channel, sequence: s.sequence } as const;
    const now = clock();
    const state = await workshops.messageBegin(db, { ...key, networkId: s.networkId, recipient, body: message, now });
    if (state === 'sent') return;
    if (state === 'uncertain') {
      await workshops.messageFinish(db, {
        ...key,
        status: 'failed',
        error: 'uncertain: the previous attempt stopped while sending; not sent again',
        now,
      });
      return { cancelled: 'outcome of an earlier attempt unknown' };
    }
    if (state === 'retry') await workshops.messageFinish(db, { ...key, status: 'sending', now });
    try {
      if (channel === 'email') {
        const event: CalendarEvent = {
          appointmentId: `workshop-${s.id}`,
          sequence: s.sequence,
          start: s.start,
          end: s.end,
          summary: `${s.title} - ${office.name}`,
          description: s.description || null,
          location: where,
          organizer: { name: office.name, email: office.email || 'noreply@ricolloca.example' },
          attendees: [{ name: `${worker.firstName} ${worker.lastName}`, email: recipient, rsvp: false }],
          status: kind === 'cancellation' ? 'CANCELLED' : 'CONFIRMED',
        };
        const options = { host: deps.calendarHost, stamp: now };
        const calendar =
          kind === 'cancellation'
            ? { method: 'CANCEL' as const, content: cancellationIcs(event, options), filename: 'annullamento.ics' }
            : kind === 'booked' || kind === 'promoted' || kind === 'change'
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

  const handler: JobHandler = { kind: WORKSHOP_NOTIFY_JOB, transactional: false, run: (_db, job) => send(job) };
  return { enqueue, handler };
}

export type WorkshopNotifications = ReturnType<typeof createWorkshopNotifications>;
