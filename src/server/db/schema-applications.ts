import type { ColumnType, Generated } from 'kysely';

/** Table types of migrations/0037_applications.sql (applications' tables); merged into DB in schema.ts. */

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type ApplicationState =
  'proposed' | 'preselected' | 'sent' | 'interview' | 'offer' | 'hired' | 'refused' | 'declined' | 'withdrawn' | 'expired';
export type ApplicationSource = 'consultant' | 'worker_interest' | 'candidate_search';
export type ApplicationEventKind = 'move' | 'employer_reminder_due' | 'employer_answer';

export interface ApplicationSettingsTable {
  network_id: string;
  expiry_days: Generated<number>;
  version: Generated<number>;
  updated_by: string | null;
  updated_at: UpdatedAt;
}

export interface ApplicationsTable {
  id: Generated<string>;
  network_id: string;
  office_id: string;
  vacancy_id: string;
  worker_id: string;
  source: ApplicationSource;
  state: Generated<ApplicationState>;
  reason_code: string | null;
  cv_id: string | null;
  sent_at: Timestamp | null;
  interview_at: Timestamp | null;
  interview_place: Generated<string>;
  interview_contact: Generated<string>;
  reminders_due: Generated<number>;
  proposed_by: string | null;
  state_changed_at: UpdatedAt;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ApplicationEventsTable {
  id: Generated<string>;
  application_id: string;
  kind: ApplicationEventKind;
  from_state: ApplicationState | null;
  to_state: ApplicationState | null;
  reason_code: string | null;
  note: Generated<string>;
  actor_id: string | null;
  at: CreatedAt;
  seq: Generated<number>;
}

/** migrations/0040_application_offers.sql: the offer's terms and the checklist ticks. */
export interface ApplicationOffersTable {
  application_id: string;
  contract_type: 'permanent' | 'fixed_term' | 'apprenticeship' | 'agency';
  ccnl_code: string;
  ccnl_level: string;
  /** numeric: comes back as text from both engines. */
  weekly_hours: ColumnType<string, number, number>;
  monthly_gross_cents: number;
  start_date: ColumnType<string, string, string>;
  probation_days: Generated<number>;
  comune_code: string | null;
  below_minimum: boolean | null;
  prorated_minimum_cents: number | null;
  warning_it: Generated<string>;
  warning_en: Generated<string>;
  recorded_by: string | null;
  recorded_at: Timestamp;
  /** migrations/0045_offer_hire_facts.sql: the facts the hiring incentives turn on (null: not known). */
  private_employer: ColumnType<boolean | null, boolean | null | undefined, boolean | null>;
  holds_assegno_ricollocazione: ColumnType<boolean | null, boolean | null | undefined, boolean | null>;
  ownership_coincides: ColumnType<boolean | null, boolean | null | undefined, boolean | null>;
  cigs_transizione_occupazionale: ColumnType<boolean | null, boolean | null | undefined, boolean | null>;
  facts_recorded_by: ColumnType<string | null, string | null | undefined, string | null>;
  facts_recorded_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface ApplicationChecklistTicksTable {
  application_id: string;
  item_code: string;
  ticked_by: string | null;
  ticked_at: Timestamp;
}

/** migrations/0041_application_employer_mail.sql: the e-mails to the employer and the outcome links. */
export type ApplicationMessageKind = 'candidate' | 'reminder';
export type ApplicationMessageStatus = 'sending' | 'sent' | 'failed' | 'no_address';

export interface ApplicationMessagesTable {
  id: Generated<string>;
  application_id: string;
  office_id: string;
  kind: ApplicationMessageKind;
  sequence: number;
  recipient: string;
  subject: Generated<string>;
  body: Generated<string>;
  attachment_name: Generated<string>;
  transport: 'smtp' | 'outbox' | null;
  status: Generated<ApplicationMessageStatus>;
  error: string | null;
  sent_by: string | null;
  created_at: CreatedAt;
  sent_at: Timestamp | null;
}

export interface ApplicationLinksTable {
  token_hash: string;
  application_id: string;
  expires_at: Timestamp;
  created_at: CreatedAt;
  opened_at: Timestamp | null;
  used_at: Timestamp | null;
}

export interface ApplicationsTables {
  application_settings: ApplicationSettingsTable;
  applications: ApplicationsTable;
  application_events: ApplicationEventsTable;
  application_offers: ApplicationOffersTable;
  application_checklist_ticks: ApplicationChecklistTicksTable;
  application_messages: ApplicationMessagesTable;
  application_links: ApplicationLinksTable;
}
