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
}

export interface ApplicationChecklistTicksTable {
  application_id: string;
  item_code: string;
  ticked_by: string | null;
  ticked_at: Timestamp;
}

export interface ApplicationsTables {
  application_settings: ApplicationSettingsTable;
  applications: ApplicationsTable;
  application_events: ApplicationEventsTable;
  application_offers: ApplicationOffersTable;
  application_checklist_ticks: ApplicationChecklistTicksTable;
}
