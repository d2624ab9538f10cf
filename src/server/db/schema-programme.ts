import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** Table types of migrations 0003+ (companies, CIGS cases, workers); merged into DB in schema.ts. */

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
/** SQL date, always 'YYYY-MM-DD' text on both databases. */
type SqlDate = string;

export type CigsReason =
  | 'cessazione_attivita'
  | 'concordato_senza_continuita'
  | 'liquidazione_giudiziale'
  | 'crisi_aziendale'
  | 'riorganizzazione'
  | 'contratto_solidarieta';

export interface CompanyContact {
  name: string;
  role: 'union' | 'hr' | 'owner' | 'administrator' | 'other';
  organisation?: string;
  phone?: string;
  email?: string;
}

export interface CompaniesTable {
  id: Generated<string>;
  network_id: string;
  name: string;
  tax_code: string | null;
  vat_number: string | null;
  ateco_code: string | null;
  address: Generated<string>;
  postal_code: Generated<string>;
  comune_code: string | null;
  phone: Generated<string>;
  email: Generated<string>;
  pec: Generated<string>;
  contacts: JSONColumnType<CompanyContact[], string | undefined, string>;
  notes: Generated<string>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface CigsCasesTable {
  id: Generated<string>;
  company_id: string;
  reason: CigsReason;
  authorisation_ref: Generated<string>;
  start_date: SqlDate;
  end_date: SqlDate;
  workers_involved: number | null;
  notes: Generated<string>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

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
  phone: string | null;
  email: string | null;
  cigs_case_id: string | null;
  cigs_end_date: SqlDate | null;
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

export interface ProgrammeCoreTables {
  companies: CompaniesTable;
  cigs_cases: CigsCasesTable;
  workers: WorkersTable;
  worker_consents: WorkerConsentsTable;
  worker_notes: WorkerNotesTable;
  worker_events: WorkerEventsTable;
}
