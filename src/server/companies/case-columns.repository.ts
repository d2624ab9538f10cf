import type { Executor } from '../db/executor.js';

/**
 * The CIGS case columns the programme rules need (reason, period, company), as a sub-query the
 * caller joins (`leftJoin(cigsCaseColumns(db).as('c'), 'c.id', 'w.cigs_case_id')`), so a rule over
 * workers and their cases stays one SQL statement.
 */
export function cigsCaseColumns(db: Executor) {
  return db.selectFrom('cigs_cases').select(['id', 'company_id', 'reason', 'start_date', 'end_date']);
}
