import type { Executor } from '../db/executor.js';
import type { CigsReason, CompanyContact } from '../db/schema-companies.js';

/**
 * Companies and CIGS cases written with their ids in the caller's transaction: the demo scenario
 * creates its companies, cases and workers in one go and links them by id.
 */

export interface BulkCompany {
  id: string;
  networkId: string;
  name: string;
  taxCode: string | null;
  vatNumber: string | null;
  atecoCode: string | null;
  address: string;
  postalCode: string;
  comuneCode: string | null;
  phone: string;
  email: string;
  pec: string;
  contacts: CompanyContact[];
}

export interface BulkCigsCase {
  id: string;
  companyId: string;
  reason: CigsReason;
  authorisationRef: string;
  startDate: string;
  endDate: string;
  workersInvolved: number | null;
}

export async function insertCompaniesBulk(trx: Executor, companies: readonly BulkCompany[]): Promise<void> {
  if (companies.length === 0) return;
  await trx
    .insertInto('companies')
    .values(
      companies.map((c) => ({
        id: c.id,
        network_id: c.networkId,
        name: c.name,
        tax_code: c.taxCode,
        vat_number: c.vatNumber,
        ateco_code: c.atecoCode,
        address: c.address,
        postal_code: c.postalCode,
        comune_code: c.comuneCode,
        phone: c.phone,
        email: c.email,
        pec: c.pec,
        contacts: JSON.stringify(c.contacts),
      })),
    )
    .execute();
}

export async function insertCigsCasesBulk(trx: Executor, cases: readonly BulkCigsCase[]): Promise<void> {
  if (cases.length === 0) return;
  await trx
    .insertInto('cigs_cases')
    .values(
      cases.map((c) => ({
        id: c.id,
        company_id: c.companyId,
        reason: c.reason,
        authorisation_ref: c.authorisationRef,
        start_date: c.startDate,
        end_date: c.endDate,
        workers_involved: c.workersInvolved,
      })),
    )
    .execute();
}
