import type { Executor } from '../db/executor.js';

/**
 * The CIGS case columns the programme rules need (reason, period, company), as a sub-query the
 * caller joins (`leftJoin(cigsCaseColumns(db).as('c'), 'c.id', 'w.cigs_case_id')`), so a rule over
 * workers and their cases stays one SQL statement.
 */
export function cigsCaseColumns(db: Executor) {
  return db.selectFrom('cigs_cases').select(['id', 'company_id', 'reason', 'start_date', 'end_date']);
}

/** Company names for a page of rows, in one query (merged by the caller: no N+1). */
export async function companyNamesById(db: Executor, ids: ReadonlyArray<string | null>): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('companies').select(['id', 'name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * A CIGS case with its company's name, as a sub-query the worker page joins
 * (`leftJoin(cigsCaseWithCompanyColumns(db).as('cc'), 'cc.id', 'w.cigs_case_id')`), so the page
 * reads the worker and the case of their company in one statement.
 */
export function cigsCaseWithCompanyColumns(db: Executor) {
  return db
    .selectFrom('cigs_cases as c')
    .innerJoin('companies as co', 'co.id', 'c.company_id')
    .select(['c.id', 'c.company_id', 'co.name as company_name', 'c.reason', 'c.start_date']);
}
