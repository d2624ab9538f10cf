import { sql } from 'kysely';
import type { Role } from '../db/schema.js';
import type { Executor } from '../audit/audit.repository.js';

export interface SessionRecord {
  tokenHash: string;
  userId: string;
  officeId: string | null;
  networkId: string | null;
  csrfToken: string;
  lastSeenAt: Date;
  expiresAt: Date;
  createdAt: Date;
  email: string;
  fullName: string;
  language: 'it' | 'en';
  mustChangePassword: boolean;
  assignments: Array<{ officeId: string; role: Role }>;
}

export function createSessionRepository() {
  return {
    async insert(
      executor: Executor,
      s: { tokenHash: string; userId: string; officeId: string | null; csrfToken: string; ip: string; userAgent: string; expiresAt: Date; now: Date },
    ) {
      await executor
        .insertInto('sessions')
        .values({
          token_hash: s.tokenHash,
          user_id: s.userId,
          office_id: s.officeId,
          csrf_token: s.csrfToken,
          ip: s.ip,
          user_agent: s.userAgent.slice(0, 300),
          created_at: s.now,
          last_seen_at: s.now,
          expires_at: s.expiresAt,
        })
        .execute();
    },

    /** One round trip per request: the session, its user, and every role the user holds. */
    async findActive(executor: Executor, tokenHash: string, now: Date): Promise<SessionRecord | undefined> {
      const row = await executor
        .selectFrom('sessions as s')
        .innerJoin('staff_users as u', 'u.id', 's.user_id')
        .leftJoin('offices as o', 'o.id', 's.office_id')
        .select([
          's.token_hash',
          's.user_id',
          's.office_id',
          'o.network_id',
          's.csrf_token',
          's.last_seen_at',
          's.expires_at',
          's.created_at',
          'u.email',
          'u.full_name',
          'u.preferred_language',
          'u.must_change_password',
          sql<Array<{ officeId: string; role: Role }>>`coalesce((
            select json_agg(json_build_object('officeId', r.office_id, 'role', r.role) order by r.office_id, r.role)
            from staff_roles r where r.user_id = u.id), '[]'::json)`.as('assignments'),
        ])
        .where('s.token_hash', '=', tokenHash)
        .where('s.expires_at', '>', now)
        .where('u.disabled_at', 'is', null)
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        tokenHash: row.token_hash,
        userId: row.user_id,
        officeId: row.office_id,
        networkId: row.network_id,
        csrfToken: row.csrf_token,
        lastSeenAt: row.last_seen_at,
        expiresAt: row.expires_at,
        createdAt: row.created_at,
        email: row.email,
        fullName: row.full_name,
        language: row.preferred_language,
        mustChangePassword: row.must_change_password,
        assignments: row.assignments,
      };
    },

    async touch(executor: Executor, tokenHash: string, now: Date, expiresAt: Date) {
      await executor
        .updateTable('sessions')
        .set({ last_seen_at: now, expires_at: expiresAt })
        .where('token_hash', '=', tokenHash)
        .execute();
    },

    async setOffice(executor: Executor, tokenHash: string, officeId: string) {
      await executor.updateTable('sessions').set({ office_id: officeId }).where('token_hash', '=', tokenHash).execute();
    },

    async delete(executor: Executor, tokenHash: string) {
      await executor.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    },

    async deleteForUser(executor: Executor, userId: string, exceptTokenHash?: string) {
      let q = executor.deleteFrom('sessions').where('user_id', '=', userId);
      if (exceptTokenHash) q = q.where('token_hash', '<>', exceptTokenHash);
      await q.execute();
    },

    async deleteExpired(executor: Executor, now: Date) {
      await executor.deleteFrom('sessions').where('expires_at', '<=', now).execute();
    },
  };
}

export type SessionRepository = ReturnType<typeof createSessionRepository>;
