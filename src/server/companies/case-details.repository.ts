import type { Executor } from '../db/executor.js';
import type { CigsReason } from '../db/schema-companies.js';

/** A CIGS case with its company, as a worker's record shows it and checks it. */
export interface CigsCaseDetails {
  caseId: string;
  companyId: string;
  companyName: string;
  networkId: string;
  reason: CigsReason;
  startDate: string;
  endDate: string;
}

/** The cases of a page of rows with their company, in one query (merged by the caller: no N+1). */
export async function cigsCaseDetails(db: Executor, caseIds: ReadonlyArray<string | null>): Promise<Map<string, CigsCaseDetails>> {
  const ids = [...new Set(caseIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('cigs_cases as cc')
    .innerJoin('companies as co', 'co.id', 'cc.company_id')
    .select(['cc.id', 'cc.company_id', 'co.name', 'co.network_id', 'cc.reason', 'cc.start_date', 'cc.end_date'])
    .where('cc.id', 'in', ids)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        caseId: r.id,
        companyId: r.company_id,
        companyName: r.name,
        networkId: r.network_id,
        reason: r.reason,
        startDate: r.start_date,
        endDate: r.end_date,
      },
    ]),
  );
}

/** The ids of a company's CIGS cases (a handful): the worker list filters by company through them. */
export async function cigsCaseIdsOfCompany(db: Executor, companyId: string): Promise<string[]> {
  const rows = await db.selectFrom('cigs_cases').select('id').where('company_id', '=', companyId).execute();
  return rows.map((r) => r.id);
}
