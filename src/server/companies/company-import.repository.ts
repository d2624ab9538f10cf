import type { Executor } from '../db/executor.js';
import type { CigsReason } from '../db/schema-companies.js';

/**
 * What the worker import (src/server/imports) needs from companies and their CIGS cases: the
 * companies of a network with their cases, and creating the ones a list names. Every function
 * takes the caller's executor, so the import stays one transaction.
 */

export interface CigsCaseRef {
  id: string;
  reason: CigsReason;
  startDate: string;
  endDate: string;
}

export interface ImportCompanyRef {
  id: string;
  name: string;
  vatNumber: string | null;
  taxCode: string | null;
  cases: CigsCaseRef[];
}

/** A CIGS period as a list describes it: any of the three may be missing. */
export interface CigsPeriodRequest {
  start?: string;
  end?: string;
  reason?: CigsReason;
}

/**
 * The case of a company a list's period belongs to (one CIGS episode: decree, dates):
 * - with dates: a case that overlaps the period (the list may give each worker a shorter one),
 *   preferring the one that contains it, then the latest;
 * - without dates: the case running `today`, else the one that ended last (a list sent after the
 *   end date still belongs to that episode).
 * Returns null when none fits: the import then creates one from the list's dates.
 */
export function pickCigsCase(cases: readonly CigsCaseRef[], period: CigsPeriodRequest, today: string): CigsCaseRef | null {
  if (cases.length === 0) return null;
  const byEnd = [...cases].sort((a, b) => (a.endDate < b.endDate ? 1 : a.endDate > b.endDate ? -1 : 0));
  if (period.start || period.end) {
    const from = period.start ?? period.end!;
    const to = period.end ?? period.start!;
    const overlapping = byEnd.filter((c) => c.startDate <= to && c.endDate >= from);
    return overlapping.find((c) => c.startDate <= from && c.endDate >= to) ?? overlapping[0] ?? null;
  }
  return byEnd.find((c) => c.startDate <= today && c.endDate >= today) ?? byEnd[0]!;
}

/** The reason a new case of this company takes when the list gives none: its latest case's. */
export function reasonForNewCase(company: Pick<ImportCompanyRef, 'cases'> | undefined, period: CigsPeriodRequest): CigsReason | undefined {
  if (period.reason) return period.reason;
  const latest = [...(company?.cases ?? [])].sort((a, b) => (a.endDate < b.endDate ? 1 : -1))[0];
  return latest?.reason;
}

export async function companiesForImport(executor: Executor, networkId: string): Promise<ImportCompanyRef[]> {
  const companies = await executor
    .selectFrom('companies')
    .select(['id', 'name', 'vat_number', 'tax_code'])
    .where('network_id', '=', networkId)
    .execute();
  const cases = companies.length
    ? await executor
        .selectFrom('cigs_cases')
        .select(['id', 'company_id', 'reason', 'start_date', 'end_date'])
        .where(
          'company_id',
          'in',
          companies.map((c) => c.id),
        )
        .execute()
    : [];
  const casesOf = new Map<string, CigsCaseRef[]>();
  for (const c of cases) {
    const list = casesOf.get(c.company_id) ?? [];
    list.push({ id: c.id, reason: c.reason, startDate: c.start_date, endDate: c.end_date });
    casesOf.set(c.company_id, list);
  }
  return companies.map((c) => ({ id: c.id, name: c.name, vatNumber: c.vat_number, taxCode: c.tax_code, cases: casesOf.get(c.id) ?? [] }));
}

/** Creates a company a list names and nobody registered (the operator chose "crea le aziende mancanti"). */
export async function createImportedCompany(
  executor: Executor,
  networkId: string,
  company: { name: string; vatNumber: string | null },
  now: Date,
): Promise<string> {
  const row = await executor
    .insertInto('companies')
    .values({
      network_id: networkId,
      name: company.name,
      vat_number: company.vatNumber,
      tax_code: company.vatNumber,
      notes: 'Creata da un’importazione di lavoratori.',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Creates the CIGS case a list's dates describe, for a company that has none fitting them. */
export async function createImportedCigsCase(
  executor: Executor,
  companyId: string,
  period: { start: string; end: string; reason: CigsReason; workersInvolved: number },
  now: Date,
): Promise<CigsCaseRef> {
  const row = await executor
    .insertInto('cigs_cases')
    .values({
      company_id: companyId,
      reason: period.reason,
      start_date: period.start,
      end_date: period.end,
      workers_involved: period.workersInvolved,
      notes: 'Periodo ricavato dalle date di un elenco importato.',
      created_at: now,
      updated_at: now,
    })
    .returning(['id', 'reason', 'start_date', 'end_date'])
    .executeTakeFirstOrThrow();
  return { id: row.id, reason: row.reason, startDate: row.start_date, endDate: row.end_date };
}

/**
 * Undoes what an import that did not finish created (its CIGS cases, then its companies), in the
 * caller's transaction. Only rows the import's own log names are given; a case or company that
 * something else came to use meanwhile makes the statement fail rather than lose that use.
 */
export async function removeImportedCigsCases(executor: Executor, caseIds: readonly string[]) {
  if (caseIds.length) await executor.deleteFrom('cigs_cases').where('id', 'in', caseIds).execute();
}

export async function removeImportedCompanies(executor: Executor, companyIds: readonly string[]) {
  if (companyIds.length) await executor.deleteFrom('companies').where('id', 'in', companyIds).execute();
}
