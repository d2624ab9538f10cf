import type { Executor } from '../db/executor.js';
import type { EmployerConsentChannel, EmployerContactRole } from '../db/schema-employers.js';

/**
 * Employers with their sites and contacts written with their ids in the caller's transaction, three
 * multi-row inserts in all: the demo scenario loads its employers in one go.
 */
export interface BulkEmployer {
  id: string;
  networkId: string;
  officeId: string;
  companyId: string | null;
  name: string;
  taxCode: string;
  vatNumber: string;
  atecoCode: string;
  website: string;
  email: string;
  phone: string;
  consent: { at: Date; channel: EmployerConsentChannel; by: string | null } | null;
  createdBy: string | null;
  createdAt: Date;
  /** A site's id may be given, for the demo's vacancies to name it. */
  sites: Array<{ id?: string; name: string; address: string; postalCode: string; comuneCode: string; headOffice: boolean }>;
  contacts: Array<{
    fullName: string;
    role: EmployerContactRole;
    jobTitle: string;
    phone: string;
    email: string;
    receivesCandidates: boolean;
  }>;
}

export async function insertEmployersBulk(trx: Executor, employers: readonly BulkEmployer[]): Promise<void> {
  if (employers.length === 0) return;
  await trx
    .insertInto('employers')
    .values(
      employers.map((e) => ({
        id: e.id,
        network_id: e.networkId,
        office_id: e.officeId,
        company_id: e.companyId,
        name: e.name,
        tax_code: e.taxCode,
        vat_number: e.vatNumber,
        ateco_code: e.atecoCode,
        website: e.website,
        email: e.email,
        phone: e.phone,
        contact_consent_at: e.consent?.at ?? null,
        contact_consent_channel: e.consent?.channel ?? null,
        contact_consent_by: e.consent?.by ?? null,
        created_by: e.createdBy,
        created_at: e.createdAt,
        updated_at: e.createdAt,
      })),
    )
    .execute();
  const sites = employers.flatMap((e) =>
    e.sites.map((s) => ({
      ...(s.id && { id: s.id }),
      employer_id: e.id,
      name: s.name,
      address: s.address,
      postal_code: s.postalCode,
      comune_code: s.comuneCode,
      head_office: s.headOffice,
      created_at: e.createdAt,
    })),
  );
  if (sites.length > 0) await trx.insertInto('employer_sites').values(sites).execute();
  const contacts = employers.flatMap((e) =>
    e.contacts.map((c) => ({
      employer_id: e.id,
      full_name: c.fullName,
      role: c.role,
      job_title: c.jobTitle,
      phone: c.phone,
      email: c.email,
      receives_candidates: c.receivesCandidates,
      created_at: e.createdAt,
    })),
  );
  if (contacts.length > 0) await trx.insertInto('employer_contacts').values(contacts).execute();
}
