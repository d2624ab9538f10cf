import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** Table types of the companies domain (migration 0003): crisis companies and their CIGS cases. */

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

export interface CompaniesTables {
  companies: CompaniesTable;
  cigs_cases: CigsCasesTable;
}
