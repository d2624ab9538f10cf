import type { Kysely } from 'kysely';
import { newLinkToken } from '../appointments/index.js';
import { staffNamesById } from '../auth/index.js';
import { cvForEmployer } from '../cv/index.js';
import type { DB } from '../db/schema.js';
import type { Executor } from '../db/executor.js';
import { candidateRecipientsOf } from '../employers/index.js';
import { officeById } from '../organisation/index.js';
import { latestConsentOf, workerRefsByIds } from '../people/index.js';
import type { EmailMessage, EmailSender } from '../outreach/index.js';
import { vacancyForMatching, vacancyRefsByIds } from '../vacancies/index.js';
import type { ApplicationRepository, ApplicationRow } from './application.repository.js';
import { DEFAULT_EXPIRY_DAYS } from './application.states.js';
import { candidateMail, reminderMail, withoutToken, type CandidateFacts, type ReplyTo } from './employer-mail-text.js';
import type { EmployerMailRepository, NewEmployerMessage } from './employer-mail.repository.js';

/** An employer reminder due (7 or 14 days after sending without an answer). */
export interface EmployerReminder {
  applicationId: string;
  vacancyId: string;
  officeId: string;
  daysSinceSent: 7 | 14;
}
export type EmployerReminderSender = (reminder: EmployerReminder) => Promise<void>;

/** Who sends: the matcher the employer answers to (null for the daily job's reminders). */
export interface MailSender {
  userId: string;
  fullName: string;
  email: string;
}

const DAY_MS = 86_400_000;

/**
 * The e-mails to an employer about a candidate: the candidate with the CV PDF attached when the
 * application is sent (and when a matcher sends it again), and the reminders at 7 and 14 days. Each
 * runs after the move's transaction has committed: a row per recipient is committed 'sending', the
 * transport is called, and the row becomes 'sent' or 'failed' with the transport's error. Nothing
 * here throws to the caller: a failed send never undoes the move, the application shows it.
 * Every e-mail carries an outcome link of its own (a new token; only its hash is stored).
 */
export function createEmployerMail(deps: {
  db: Kysely<DB>;
  applications: ApplicationRepository;
  mail: EmployerMailRepository;
  email: EmailSender;
  clock: () => Date;
  publicUrl: string;
  log?: { error(o: object, m?: string): void };
}) {
  const { db, applications, mail, email, clock } = deps;
  const base = deps.publicUrl.replace(/\/$/, '');

  /** The link expires at the application's sending plus the network's expiry days (when the application would expire). */
  async function linkExpiry(row: ApplicationRow): Promise<Date> {
    const days = (await applications.settingsOf(db, row.networkId))?.expiryDays ?? DEFAULT_EXPIRY_DAYS;
    return new Date((row.sentAt ?? clock()).getTime() + days * DAY_MS);
  }

  async function newLink(trx: Executor, row: ApplicationRow, expiresAt: Date, now: Date): Promise<string> {
    const { token, hash } = newLinkToken();
    await mail.insertLink(trx, { tokenHash: hash, applicationId: row.id, expiresAt }, now);
    return `${base}/esito-candidato/${token}`;
  }

  async function replyTo(row: ApplicationRow, sender: MailSender | null, fallbackSenderId: string | null): Promise<ReplyTo> {
    const office = await officeById(db, row.officeId);
    const name = sender?.fullName ?? (fallbackSenderId ? (await staffNamesById(db, [fallbackSenderId])).get(fallbackSenderId) : undefined);
    return {
      officeName: office?.name ?? '',
      officeAddress: office
        ? [office.address, [office.postalCode, office.comune].filter(Boolean).join(' ')].filter(Boolean).join(', ')
        : '',
      officePhone: office?.phone ?? '',
      officeEmail: office?.email ?? '',
      matcherName: name ?? 'L’ufficio incontro domanda e offerta',
      matcherEmail: sender?.email ?? '',
    };
  }

  /** Rows committed first, then one message per recipient, each row marked with what the transport answered. */
  async function deliver(
    row: ApplicationRow,
    fields: Omit<NewEmployerMessage, 'recipient' | 'status'>,
    recipients: string[],
    message: (recipient: string, link: string) => EmailMessage,
    expiresAt: Date,
  ): Promise<void> {
    const now = clock();
    if (recipients.length === 0) {
      await mail.insertMessages(db, [{ ...fields, recipient: '', status: 'no_address' }], now);
      return;
    }
    const prepared: Array<{ id: string; message: EmailMessage }> = [];
    await db.transaction().execute(async (trx) => {
      const links = new Map<string, string>();
      for (const to of recipients) links.set(to, await newLink(trx, row, expiresAt, now));
      const drafts = recipients.map((to) => ({ to, m: message(to, links.get(to)!) }));
      const ids = await mail.insertMessages(
        trx,
        drafts.map((d) => ({
          ...fields,
          subject: d.m.subject,
          body: withoutToken(d.m.text, links.get(d.to)!),
          recipient: d.to,
          status: 'sending',
        })),
        now,
      );
      for (const d of drafts) {
        const id = ids.get(d.to);
        if (id) prepared.push({ id, message: d.m });
      }
    });
    for (const p of prepared) {
      try {
        await email.send(p.message);
        await mail.markSent(db, p.id, email.kind, clock());
      } catch (err) {
        await mail.markFailed(db, p.id, email.kind, err instanceof Error ? err.message : String(err));
      }
    }
  }

  /** A failure before any row was written (the CV could not be rendered, the employer is gone): recorded as failed. */
  async function recordFailure(row: ApplicationRow, kind: 'candidate' | 'reminder', sequence: number, sentBy: string | null, err: unknown) {
    const now = clock();
    deps.log?.error({ err, applicationId: row.id }, 'applications: e-mail to the employer not prepared');
    try {
      const ids = await mail.insertMessages(
        db,
        [
          {
            applicationId: row.id,
            officeId: row.officeId,
            kind,
            sequence,
            recipient: '',
            subject: '',
            body: '',
            attachmentName: '',
            status: 'sending',
            sentBy,
          },
        ],
        now,
      );
      for (const id of ids.values()) await mail.markFailed(db, id, email.kind, err instanceof Error ? err.message : String(err));
    } catch (recordErr) {
      deps.log?.error({ err: recordErr, applicationId: row.id }, 'applications: e-mail failure not recorded');
    }
  }

  return {
    /** The candidate with the CV chosen on the move, to the employer's contacts that receive candidates. */
    async sendCandidate(applicationId: string, sender: MailSender | null): Promise<void> {
      const row = await applications.find(db, applicationId);
      if (!row || !row.cvId) return;
      let sequence = 1;
      try {
        sequence = await mail.nextCandidateSequence(db, row.id);
        const vacancy = (await vacancyRefsByIds(db, [row.vacancyId])).get(row.vacancyId);
        const [forMatching, to, cv] = await Promise.all([
          vacancyForMatching(db, row.vacancyId),
          vacancy ? candidateRecipientsOf(db, vacancy.employerId) : undefined,
          cvForEmployer(db, row.workerId, row.cvId),
        ]);
        if (!vacancy || !to || !cv) throw new Error('Offerta, azienda o CV non più disponibili');
        const wanted = new Set([...(forMatching?.requiredSkillUris ?? []), ...(forMatching?.optionalSkillUris ?? [])]);
        const facts: CandidateFacts = {
          vacancyTitle: vacancy.title,
          employerName: to.employerName,
          givenName: cv.givenName,
          familyName: cv.familyName,
          residence: cv.residence,
          headline: cv.headline,
          fittingSkills: cv.skills.filter((s) => s.uri && wanted.has(s.uri)).map((s) => s.label),
          otherSkills: cv.skills.map((s) => s.label),
          attachmentName: cv.fileName,
        };
        const reply = await replyTo(row, sender, null);
        const expiresAt = await linkExpiry(row);
        await deliver(
          row,
          {
            applicationId: row.id,
            officeId: row.officeId,
            kind: 'candidate',
            sequence,
            subject: '',
            body: '',
            attachmentName: cv.fileName,
            sentBy: sender?.userId ?? null,
          },
          to.recipients.map((r) => r.email),
          (recipient, link) => ({
            to: recipient,
            ...candidateMail(facts, reply, link, expiresAt),
            attachments: [{ filename: cv.fileName, content: cv.pdf, contentType: 'application/pdf' }],
          }),
          expiresAt,
        );
      } catch (err) {
        await recordFailure(row, 'candidate', sequence, sender?.userId ?? null, err);
      }
    },

    /** The reminder due at 7 or 14 days: the same contacts, naming the candidate, with the outcome link. */
    sendReminder: (async (reminder) => {
      const row = await applications.find(db, reminder.applicationId);
      if (!row || row.state !== 'sent') return;
      try {
        const vacancy = (await vacancyRefsByIds(db, [row.vacancyId])).get(row.vacancyId);
        const to = vacancy ? await candidateRecipientsOf(db, vacancy.employerId) : undefined;
        // The employer has the candidate's name from the first e-mail: the reminder names them (no CV needed).
        const worker = (await workerRefsByIds(db, [row.workerId])).get(row.workerId);
        if (!vacancy || !to || !worker) throw new Error('Offerta, azienda o lavoratore non più disponibili');
        // Reg. UE 2016/679 art. 7(3): once the worker withdraws the consent, the employer is not written to about them again.
        if (!(await latestConsentOf(db, row.workerId, 'share_with_employers'))?.granted)
          throw new Error('Il lavoratore ha revocato il consenso all’invio del profilo alle aziende: promemoria non inviato');
        const firstSender = (await mail.messagesOf(db, row.id)).find((m) => m.kind === 'candidate' && m.sentBy)?.sentBy ?? row.proposedBy;
        const reply = await replyTo(row, null, firstSender);
        const expiresAt = await linkExpiry(row);
        const facts = {
          vacancyTitle: vacancy.title,
          employerName: to.employerName,
          givenName: worker.firstName,
          familyName: worker.lastName,
        };
        await deliver(
          row,
          {
            applicationId: row.id,
            officeId: row.officeId,
            kind: 'reminder',
            sequence: reminder.daysSinceSent,
            subject: '',
            body: '',
            attachmentName: '',
            sentBy: null,
          },
          to.recipients.map((r) => r.email),
          (recipient, link) => ({
            to: recipient,
            ...reminderMail(facts, reply, row.sentAt ?? clock(), link, expiresAt),
          }),
          expiresAt,
        );
      } catch (err) {
        await recordFailure(row, 'reminder', reminder.daysSinceSent, null, err);
      }
    }) satisfies EmployerReminderSender,
  };
}

export type EmployerMail = ReturnType<typeof createEmployerMail>;
