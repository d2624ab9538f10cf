import { sql, type Transaction } from 'kysely';
import type { DB, Role } from '../db/schema.js';
import type { Executor } from '../db/executor.js';
import { containsPattern } from '../db/like.js';
import type { StaffAccount } from '../../shared/schemas/staff.schema.js';

export interface StaffCredentials {
  id: string;
  email: string;
  fullName: string;
  passwordHash: string | null;
  disabled: boolean;
}

const rolesJson = sql<Array<{ officeId: string; role: Role }>>`coalesce((
  select json_agg(json_build_object('officeId', r.office_id, 'role', r.role) order by r.office_id, r.role)
  from staff_roles r where r.user_id = u.id), '[]'::json)`;

export function createStaffRepository() {
  const accountQuery = (executor: Executor) =>
    executor
      .selectFrom('staff_users as u')
      .select([
        'u.id',
        'u.email',
        'u.full_name',
        'u.disabled_at',
        'u.must_change_password',
        'u.last_sign_in_at',
        'u.created_at',
        rolesJson.as('roles'),
      ]);

  type AccountRow = Awaited<ReturnType<ReturnType<typeof accountQuery>['executeTakeFirstOrThrow']>>;
  const toAccount = (r: AccountRow): StaffAccount => ({
    id: r.id,
    email: r.email,
    fullName: r.full_name,
    roles: r.roles,
    disabled: r.disabled_at !== null,
    mustChangePassword: r.must_change_password,
    lastSignInAt: r.last_sign_in_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
  });

  return {
    async findCredentialsByEmail(executor: Executor, email: string): Promise<StaffCredentials | undefined> {
      const row = await executor
        .selectFrom('staff_users')
        .select(['id', 'email', 'full_name', 'password_hash', 'disabled_at'])
        .where(sql`lower(email)`, '=', email.toLowerCase())
        .executeTakeFirst();
      return (
        row && {
          id: row.id,
          email: row.email,
          fullName: row.full_name,
          passwordHash: row.password_hash,
          disabled: row.disabled_at !== null,
        }
      );
    },

    /** The account's roles with the office each is held in, for choosing where a session starts. */
    async rolesForSignIn(executor: Executor, userId: string): Promise<Array<{ officeId: string; grantedAt: Date; isLastOffice: boolean }>> {
      const rows = await executor
        .selectFrom('staff_roles as r')
        .innerJoin('staff_users as u', 'u.id', 'r.user_id')
        .select(['r.office_id', 'r.granted_at', sql<boolean>`(r.office_id = u.last_office_id) is true`.as('is_last')])
        .where('r.user_id', '=', userId)
        .execute();
      return rows.map((r) => ({ officeId: r.office_id, grantedAt: r.granted_at, isLastOffice: r.is_last }));
    },

    /** Ids of the accounts holding a role in any of these offices (at least one), as a sub-query to compose. */
    staffInOfficesQuery(executor: Executor, officeIds: readonly string[]) {
      return executor.selectFrom('staff_roles').select('user_id').where('office_id', 'in', officeIds);
    },

    async idsByEmail(executor: Executor, emails: readonly string[]): Promise<Map<string, string>> {
      if (emails.length === 0) return new Map();
      const rows = await executor.selectFrom('staff_users').select(['id', 'email']).where('email', 'in', emails).execute();
      return new Map(rows.map((r) => [r.email, r.id]));
    },

    async findPasswordHash(executor: Executor, userId: string): Promise<string | null | undefined> {
      const row = await executor.selectFrom('staff_users').select('password_hash').where('id', '=', userId).executeTakeFirst();
      return row?.password_hash;
    },

    /**
     * Locks the account's row until the caller's transaction ends (other writers of the account
     * wait), then reads it as it is now. Undefined when the account does not exist.
     */
    async lockAccount(trx: Transaction<DB>, id: string): Promise<StaffAccount | undefined> {
      const locked = await trx.selectFrom('staff_users').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
      if (!locked) return undefined;
      const row = await accountQuery(trx).where('u.id', '=', id).executeTakeFirst();
      return row && toAccount(row);
    },

    async findAccount(executor: Executor, id: string): Promise<StaffAccount | undefined> {
      const row = await accountQuery(executor).where('u.id', '=', id).executeTakeFirst();
      return row && toAccount(row);
    },

    /**
     * Accounts holding at least one role in the given offices (the network's, from organisation's
     * lookup: a network has a handful of offices, so the ids are passed, not joined).
     */
    async list(
      executor: Executor,
      networkOfficeIds: readonly string[],
      filter: { q?: string; officeId?: string; role?: Role; status: 'active' | 'disabled' | 'all' },
    ): Promise<StaffAccount[]> {
      if (networkOfficeIds.length === 0) return [];
      let q = accountQuery(executor).where((eb) =>
        eb.exists(
          eb
            .selectFrom('staff_roles as r')
            .select(sql`1`.as('one'))
            .whereRef('r.user_id', '=', 'u.id')
            .where('r.office_id', 'in', networkOfficeIds)
            .$if(filter.officeId !== undefined, (s) => s.where('r.office_id', '=', filter.officeId!))
            .$if(filter.role !== undefined, (s) => s.where('r.role', '=', filter.role!)),
        ),
      );
      if (filter.q) {
        const like = containsPattern(filter.q);
        q = q.where((eb) => eb.or([eb(sql`lower(u.full_name)`, 'like', like), eb(sql`lower(u.email)`, 'like', like)]));
      }
      if (filter.status === 'active') q = q.where('u.disabled_at', 'is', null);
      if (filter.status === 'disabled') q = q.where('u.disabled_at', 'is not', null);
      const rows = await q.orderBy('u.full_name').limit(1000).execute();
      return rows.map(toAccount);
    },

    async insert(
      executor: Executor,
      account: {
        email: string;
        fullName: string;
        passwordHash: string | null;
        mustChangePassword: boolean;
        lastOfficeId?: string | null;
        now: Date;
      },
    ): Promise<string> {
      const row = await executor
        .insertInto('staff_users')
        .values({
          email: account.email,
          full_name: account.fullName,
          password_hash: account.passwordHash,
          must_change_password: account.mustChangePassword,
          last_office_id: account.lastOfficeId ?? null,
          password_changed_at: account.now,
          created_at: account.now,
          updated_at: account.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async emailExists(executor: Executor, email: string): Promise<boolean> {
      const row = await executor
        .selectFrom('staff_users')
        .select('id')
        .where(sql`lower(email)`, '=', email.toLowerCase())
        .executeTakeFirst();
      return row !== undefined;
    },

    async replaceRoles(executor: Executor, userId: string, roles: Array<{ officeId: string; role: Role }>) {
      await executor.deleteFrom('staff_roles').where('user_id', '=', userId).execute();
      const unique = new Map(roles.map((r) => [`${r.officeId}:${r.role}`, r]));
      if (unique.size === 0) return;
      await executor
        .insertInto('staff_roles')
        .values([...unique.values()].map((r) => ({ user_id: userId, office_id: r.officeId, role: r.role })))
        .execute();
    },

    async update(
      executor: Executor,
      userId: string,
      changes: Partial<{
        fullName: string;
        passwordHash: string;
        mustChangePassword: boolean;
        passwordChangedAt: Date;
        disabledAt: Date | null;
        lastSignInAt: Date;
        language: 'it' | 'en';
        lastOfficeId: string;
      }>,
      now: Date,
    ) {
      await executor
        .updateTable('staff_users')
        .set({
          updated_at: now,
          ...(changes.fullName !== undefined && { full_name: changes.fullName }),
          ...(changes.passwordHash !== undefined && { password_hash: changes.passwordHash }),
          ...(changes.mustChangePassword !== undefined && { must_change_password: changes.mustChangePassword }),
          ...(changes.passwordChangedAt !== undefined && { password_changed_at: changes.passwordChangedAt }),
          ...(changes.disabledAt !== undefined && { disabled_at: changes.disabledAt }),
          ...(changes.lastSignInAt !== undefined && { last_sign_in_at: changes.lastSignInAt }),
          ...(changes.language !== undefined && { preferred_language: changes.language }),
          ...(changes.lastOfficeId !== undefined && { last_office_id: changes.lastOfficeId }),
        })
        .where('id', '=', userId)
        .execute();
    },
  };
}

export type StaffRepository = ReturnType<typeof createStaffRepository>;
