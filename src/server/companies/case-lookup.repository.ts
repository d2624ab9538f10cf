import type { Executor } from '../db/executor.js';

export interface CaseCompany {
  caseId: string;
  companyId: string;
  companyName: string;
  reason: string;
}

/** The company of each CIGS case of a page of rows, in one query (merged by the caller: no N+1). */
export async function companyOfCases(db: Executor, caseIds: Array<string | null>): Promise<Map<string, CaseCompany>> {
  const ids = [...new Set(caseIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('cigs_cases as cc')
    .innerJoin('companies as co', 'co.id', 'cc.company_id')
    .select(['cc.id', 'cc.company_id', 'co.name', 'cc.reason'])
    .where('cc.id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, { caseId: r.id, companyId: r.company_id, companyName: r.name, reason: r.reason }]));
}
