import type { ColumnType, Generated } from 'kysely';

/** Table types of migrations/0037_applications.sql (applications' tables); merged into DB in schema.ts. */

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type ApplicationState =
  'proposed' | 'preselected' | 'sent' | 'interview' | 'offer' | 'hired' | 'refused' | 'declined' | 'withdrawn' | 'expired';
export type ApplicationSource = 'consultant' | 'worker_interest' | 'candidate_search';
export type ApplicationEventKind = 'move' | 'employer_reminder_due';

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

export interface ApplicationsTables {
  application_settings: ApplicationSettingsTable;
  applications: ApplicationsTable;
  application_events: ApplicationEventsTable;
}
