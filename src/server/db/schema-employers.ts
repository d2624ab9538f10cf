import type { ColumnType, Generated } from 'kysely';

/** Table types of migrations/0032_employers.sql; merged into DB in schema.ts. */

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export type EmployerConsentChannel = 'email' | 'phone' | 'in_person' | 'letter';
export type EmployerContactRole = 'hr' | 'owner' | 'manager' | 'recruiter' | 'administration' | 'other';

export interface EmployersTable {
  id: Generated<string>;
  network_id: string;
  office_id: string;
  company_id: string | null;
  name: string;
  tax_code: string | null;
  vat_number: string | null;
  ateco_code: string | null;
  website: Generated<string>;
  email: Generated<string>;
  pec: Generated<string>;
  phone: Generated<string>;
  contact_consent_at: Date | null;
  contact_consent_channel: EmployerConsentChannel | null;
  contact_consent_by: string | null;
  notes: Generated<string>;
  version: Generated<number>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface EmployerSitesTable {
  id: Generated<string>;
  employer_id: string;
  name: Generated<string>;
  address: Generated<string>;
  postal_code: Generated<string>;
  comune_code: string;
  head_office: Generated<boolean>;
  created_at: CreatedAt;
}

export interface EmployerContactsTable {
  id: Generated<string>;
  employer_id: string;
  full_name: string;
  role: EmployerContactRole;
  job_title: Generated<string>;
  phone: Generated<string>;
  email: Generated<string>;
  receives_candidates: Generated<boolean>;
  created_at: CreatedAt;
}

export interface EmployersTables {
  employers: EmployersTable;
  employer_sites: EmployerSitesTable;
  employer_contacts: EmployerContactsTable;
}
