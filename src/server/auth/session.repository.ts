import type { Role } from '../db/schema.js';
import type { Executor } from '../db/executor.js';

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
      s: {
        tokenHash: string;
        userId: string;
        officeId: string | null;
        csrfToken: string;
        ip: string;
        userAgent: string;
        expiresAt: Date;
        now: Date;
      },
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

    /**
     * One primary-key read per request: the session row carries its network and a snapshot of its
     * account and roles, which the database keeps current (migration 0008).
     */
    async findActive(executor: Executor, tokenHash: string, now: Date): Promise<SessionRecord | undefined> {
      const row = await executor
        .selectFrom('sessions')
        .select(['token_hash', 'user_id', 'office_id', 'network_id', 'csrf_token', 'last_seen_at', 'expires_at', 'created_at', 'account'])
        .where('token_hash', '=', tokenHash)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      const account = row?.account;
      if (!row || !account || account.disabled !== false || account.email === undefined) return undefined;
      return {
        tokenHash: row.token_hash,
        userId: row.user_id,
        officeId: row.office_id,
        networkId: row.network_id,
        csrfToken: row.csrf_token,
        lastSeenAt: row.last_seen_at,
        expiresAt: row.expires_at,
        createdAt: row.created_at,
        email: account.email,
        fullName: account.fullName ?? '',
        language: account.language ?? 'it',
        mustChangePassword: account.mustChangePassword ?? true,
        assignments: account.assignments ?? [],
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
