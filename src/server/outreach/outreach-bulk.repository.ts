import type { Executor } from '../db/executor.js';
import type { AttemptOutcome, CampaignStatus, OutreachChannel, RecipientStatus } from '../db/schema-outreach.js';

/**
 * Hotline hours, closed days, templates, campaigns with their recipients and messages, and
 * callbacks, written with a history the caller describes, in the caller's transaction: the demo
 * scenario loads them on every first start and in every test database, in a few batched
 * statements.
 */

export async function insertHotlineHours(
  trx: Executor,
  officeIds: readonly string[],
  slots: ReadonlyArray<{ weekday: number; opens: string; closes: string }>,
): Promise<void> {
  const rows = officeIds.flatMap((office_id) => slots.map((s) => ({ office_id, ...s })));
  if (rows.length) await trx.insertInto('hotline_hours').values(rows).execute();
}

export async function insertOfficeHolidays(
  trx: Executor,
  holidays: ReadonlyArray<{ officeId: string; date: string; name: string }>,
): Promise<void> {
  if (holidays.length)
    await trx
      .insertInto('office_holidays')
      .values(holidays.map((h) => ({ office_id: h.officeId, date: h.date, name: h.name })))
      .execute();
}

export async function insertTemplate(
  trx: Executor,
  t: { networkId: string; name: string; channel: OutreachChannel; subject: string; body: string; at: Date },
): Promise<string> {
  const row = await trx
    .insertInto('outreach_templates')
    .values({ network_id: t.networkId, name: t.name, channel: t.channel, subject: t.subject, body: t.body, created_at: t.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface CampaignRecord {
  networkId: string;
  programmeId: string | null;
  name: string;
  channel: OutreachChannel;
  templateId: string;
  reminderAfterDays: number;
  maxReminders: number;
  status: CampaignStatus;
  createdBy: string | null;
  startedAt: Date;
  finishedAt: Date | null;
}

export interface RecipientHistory {
  workerId: string;
  officeId: string;
  status: RecipientStatus;
  priority: string | null;
  remindersSent: number;
  lastMessageAt: Date | null;
  /** When the recipient reached its status (its one status event), and why. */
  at: Date;
  reason: string;
  /** The message sent to it, if any. */
  message?: {
    channel: OutreachChannel;
    transport: string;
    toAddress: string;
    subject: string;
    body: string;
    providerId: string;
    sentAt: Date;
  };
}

/** A campaign with its recipients, each with one status event and at most one sent message. */
export async function insertCampaignWithRecipients(
  trx: Executor,
  c: CampaignRecord,
  recipients: readonly RecipientHistory[],
): Promise<string> {
  const { id } = await trx
    .insertInto('outreach_campaigns')
    .values({
      network_id: c.networkId,
      programme_id: c.programmeId,
      name: c.name,
      channel: c.channel,
      template_id: c.templateId,
      reminder_after_days: c.reminderAfterDays,
      max_reminders: c.maxReminders,
      status: c.status,
      created_by: c.createdBy,
      created_at: c.startedAt,
      started_at: c.startedAt,
      finished_at: c.finishedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (recipients.length === 0) return id;
  const inserted = await trx
    .insertInto('outreach_recipients')
    .values(
      recipients.map((r) => ({
        campaign_id: id,
        worker_id: r.workerId,
        office_id: r.officeId,
        status: r.status,
        priority: r.priority,
        reminders_sent: r.remindersSent,
        last_message_at: r.lastMessageAt,
        updated_at: r.at,
      })),
    )
    .returning(['id', 'worker_id'])
    .execute();
  const recipientOf = new Map(inserted.map((r) => [r.worker_id, r.id]));
  await trx
    .insertInto('outreach_recipient_events')
    .values(
      recipients.map((r) => ({
        recipient_id: recipientOf.get(r.workerId)!,
        from_status: null,
        to_status: r.status,
        reason: r.reason,
        at: r.at,
      })),
    )
    .execute();
  const messages = recipients.flatMap((r) =>
    r.message
      ? [
          {
            campaign_id: id,
            recipient_id: recipientOf.get(r.workerId)!,
            office_id: r.officeId,
            channel: r.message.channel,
            transport: r.message.transport,
            to_address: r.message.toAddress,
            subject: r.message.subject,
            body: r.message.body,
            status: 'sent' as const,
            provider_id: r.message.providerId,
            created_at: r.message.sentAt,
            sent_at: r.message.sentAt,
          },
        ]
      : [],
  );
  if (messages.length) await trx.insertInto('outreach_messages').values(messages).execute();
  return id;
}

export interface CallbackRecord {
  networkId: string;
  officeId: string;
  workerId: string | null;
  reason: string;
  attempts: number;
  lastOutcome: AttemptOutcome | null;
  nextAttemptAt: Date;
  assignedTo: string | null;
  createdBy: string | null;
  createdAt: Date;
}

export async function insertCallbacks(trx: Executor, callbacks: readonly CallbackRecord[]): Promise<void> {
  if (callbacks.length === 0) return;
  await trx
    .insertInto('callbacks')
    .values(
      callbacks.map((c) => ({
        network_id: c.networkId,
        office_id: c.officeId,
        worker_id: c.workerId,
        reason: c.reason,
        attempts: c.attempts,
        last_outcome: c.lastOutcome,
        next_attempt_at: c.nextAttemptAt,
        assigned_to: c.assignedTo,
        created_by: c.createdBy,
        created_at: c.createdAt,
      })),
    )
    .execute();
}
