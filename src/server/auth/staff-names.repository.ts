import type { Executor } from '../db/executor.js';

/**
 * Display names of staff members for a page of rows (who recorded a consent, wrote a note, acted
 * on a timeline entry), in one query: merged by the caller, no N+1.
 */
export async function staffNamesById(db: Executor, ids: ReadonlyArray<string | null>): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('staff_users').select(['id', 'full_name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.full_name]));
}

/**
 * Staff display names as a sub-query another domain's repository joins
 * (`leftJoin(staffNameColumns(db).as('s'), 's.id', …)`), so a page that names who recorded
 * something stays one statement.
 */
export function staffNameColumns(db: Executor) {
  return db.selectFrom('staff_users').select(['id', 'full_name']);
}
