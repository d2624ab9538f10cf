import type { Executor } from '../db/executor.js';
import type { Role } from '../db/schema.js';

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

export interface StaffMember {
  id: string;
  fullName: string;
  email: string;
}

/**
 * The active accounts holding one of `roles` in an office, by name: the consultants an office's
 * agenda shows, the facilitators a workshop can have. Disabled accounts are left out.
 */
export async function staffWithRolesInOffice(db: Executor, officeId: string, roles: readonly Role[]): Promise<StaffMember[]> {
  if (roles.length === 0) return [];
  const rows = await db
    .selectFrom('staff_users as u')
    .select(['u.id', 'u.full_name', 'u.email'])
    .where('u.disabled_at', 'is', null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('staff_roles as r')
          .select('r.user_id')
          .whereRef('r.user_id', '=', 'u.id')
          .where('r.office_id', '=', officeId)
          .where('r.role', 'in', roles),
      ),
    )
    .orderBy('u.full_name')
    .orderBy('u.id')
    .execute();
  return rows.map((r) => ({ id: r.id, fullName: r.full_name, email: r.email }));
}
