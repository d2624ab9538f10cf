import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** Table types of the people domain (migrations 0003, 0009): workers, consents, notes, timeline. */

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
/** SQL date, always 'YYYY-MM-DD' text on both databases. */
type SqlDate = string;

export interface WorkersTable {
  id: Generated<string>;
  network_id: string;
  office_id: string;
  codice_fiscale: string | null;
  first_name: Generated<string>;
  last_name: Generated<string>;
  search_name: Generated<string>;
  birth_date: SqlDate | null;
  sex: 'M' | 'F' | null;
  birth_place_code: string | null;
  citizenship: string | null;
  residence_comune_code: string | null;
  address: Generated<string>;
  /** CAP, five digits, or '' when unknown (migration 0016). */
  postal_code: Generated<string>;
  phone: string | null;
  email: string | null;
  cigs_case_id: string | null;
  cigs_end_date: SqlDate | null;
  /** Kept by a trigger (migration 0009): the case's start. Never written by the application. */
  effective_cigs_start: ColumnType<SqlDate | null, never, never>;
  /** Kept by a trigger (migration 0009): the worker's own end, else the case's. */
  effective_cigs_end: ColumnType<SqlDate | null, never, never>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export type ConsentPurpose = 'programme' | 'contact_sms' | 'contact_email' | 'share_with_employers';
export type ConsentChannel = 'phone' | 'paper' | 'online' | 'in_person';

export interface WorkerConsentsTable {
  id: Generated<number>;
  worker_id: string;
  office_id: string;
  purpose: ConsentPurpose;
  granted: boolean;
  channel: ConsentChannel;
  recorded_by: string | null;
  recorded_at: CreatedAt;
  note: Generated<string>;
}

export interface WorkerNotesTable {
  id: Generated<string>;
  worker_id: string;
  office_id: string;
  author_id: string;
  body: string;
  created_at: CreatedAt;
}

export interface WorkerEventsTable {
  id: Generated<number>;
  worker_id: string;
  office_id: string;
  at: CreatedAt;
  kind: string;
  actor_id: string | null;
  details: JSONColumnType<Record<string, unknown>, string | undefined, never>;
}

export interface WorkerPhonesTable {
  id: Generated<string>;
  worker_id: string;
  office_id: string;
  phone: string;
  source: 'hotline' | 'desk' | 'import';
  recorded_by: string | null;
  recorded_at: CreatedAt;
}

export interface PeopleTables {
  workers: WorkersTable;
  worker_consents: WorkerConsentsTable;
  worker_notes: WorkerNotesTable;
  worker_events: WorkerEventsTable;
  worker_phones: WorkerPhonesTable;
}
