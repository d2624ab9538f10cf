import type { ColumnType, Generated } from 'kysely';

/** Table types of migrations/0006_hotline_and_outreach.sql; merged into DB in schema.ts. */

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
/** SQL date, always 'YYYY-MM-DD' text on both databases. */
type SqlDate = string;

export type OutreachChannel = 'sms' | 'email' | 'letter';
export type CallOutcome =
  'recorded' | 'registered' | 'waiting_list' | 'callback_queued' | 'not_eligible' | 'already_enrolled' | 'handed_over';
export type AttemptOutcome = 'no_answer' | 'busy' | 'wrong_number' | 'reached' | 'declined';
export type RecipientStatus = 'not_contacted' | 'invited' | 'reminded' | 'registered' | 'declined' | 'unreachable';
export type CampaignStatus = 'draft' | 'running' | 'done';
export type MessageStatus = 'queued' | 'sent' | 'failed';

export interface HotlineHoursTable {
  id: Generated<number>;
  office_id: string;
  weekday: number;
  opens: string;
  closes: string;
}

export interface OfficeHolidaysTable {
  id: Generated<number>;
  network_id: string | null;
  office_id: string | null;
  date: SqlDate;
  name: string;
}

export interface HotlineCallsTable {
  id: Generated<string>;
  network_id: string;
  office_id: string;
  operator_id: string;
  at: CreatedAt;
  caller_name: string;
  phone: string;
  codice_fiscale: string | null;
  birth_date: SqlDate | null;
  company_name: Generated<string>;
  worker_id: string | null;
  outcome: CallOutcome;
  note: Generated<string>;
}

export interface CallbacksTable {
  id: Generated<string>;
  network_id: string;
  office_id: string;
  worker_id: string | null;
  call_id: string | null;
  reason: string;
  attempts: Generated<number>;
  last_outcome: AttemptOutcome | null;
  next_attempt_at: Date | string;
  done_at: Date | string | null;
  closed_as: string | null;
  assigned_to: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface CallbackAttemptsTable {
  id: Generated<number>;
  callback_id: string;
  at: CreatedAt;
  operator_id: string | null;
  outcome: AttemptOutcome;
  note: Generated<string>;
}

export interface OutreachTemplatesTable {
  id: Generated<string>;
  network_id: string;
  name: string;
  channel: OutreachChannel;
  subject: Generated<string>;
  body: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface OutreachCampaignsTable {
  id: Generated<string>;
  network_id: string;
  programme_id: string | null;
  name: string;
  channel: OutreachChannel;
  template_id: string;
  reminder_after_days: Generated<number>;
  max_reminders: Generated<number>;
  /** Leave out whoever any campaign reached in the last N days (migration 0015). */
  exclude_reached_days: Generated<number>;
  status: Generated<CampaignStatus>;
  created_by: string | null;
  created_at: CreatedAt;
  started_at: Date | string | null;
  finished_at: Date | string | null;
}

export interface OutreachRecipientsTable {
  id: Generated<string>;
  campaign_id: string;
  worker_id: string;
  office_id: string;
  status: Generated<RecipientStatus>;
  priority: SqlDate | null;
  last_message_at: Date | string | null;
  reminders_sent: Generated<number>;
  updated_at: UpdatedAt;
}

export interface OutreachRecipientEventsTable {
  id: Generated<number>;
  recipient_id: string;
  at: CreatedAt;
  from_status: RecipientStatus | null;
  to_status: RecipientStatus;
  actor_id: string | null;
  reason: Generated<string>;
}

export interface OutreachMessagesTable {
  id: Generated<string>;
  campaign_id: string | null;
  recipient_id: string | null;
  office_id: string;
  channel: OutreachChannel;
  transport: string;
  to_address: string;
  subject: Generated<string>;
  body: string;
  status: Generated<MessageStatus>;
  provider_id: string | null;
  error: string | null;
  created_at: CreatedAt;
  claimed_at: Date | string | null;
  sent_at: Date | string | null;
  /** The date printed on a letter (migration 0015): a reprint carries it, not the day of the reprint. */
  letter_date: SqlDate | null;
}

export interface OutreachTables {
  hotline_hours: HotlineHoursTable;
  office_holidays: OfficeHolidaysTable;
  hotline_calls: HotlineCallsTable;
  callbacks: CallbacksTable;
  callback_attempts: CallbackAttemptsTable;
  outreach_templates: OutreachTemplatesTable;
  outreach_campaigns: OutreachCampaignsTable;
  outreach_recipients: OutreachRecipientsTable;
  outreach_recipient_events: OutreachRecipientEventsTable;
  outreach_messages: OutreachMessagesTable;
}
