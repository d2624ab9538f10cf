import { sql, type ExpressionBuilder, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Executor } from '../db/executor.js';

/**
 * Sign-in throttling, kept in the database so it holds across several app instances.
 * Per account: 5 failures in 15 minutes (since the last success) lock that account's sign-in
 * for the rest of the window. Per IP address: 30 failures in 15 minutes, whatever the account,
 * which stops one client from guessing across many accounts.
 *
 * An attempt is reserved before its password is verified: under a transaction-scoped advisory
 * lock on the account key and one on the IP address, the window is counted and, when a try is
 * still allowed, the attempt is written as a failure. Concurrent guesses therefore queue on the
 * lock and the sixth one finds five reservations already counted: at most 5 passwords per account
 * and 30 per address are ever verified per window, whatever the concurrency and the number of
 * instances. A verified password turns its reservation into a success; any other outcome (a wrong
 * password, an unknown or disabled account, a crash in between) leaves it counted as a failure.
 */
export const THROTTLE = { windowMs: 15 * 60_000, perAccount: 5, perIp: 30 };

/** Advisory lock key spaces (the first of the two int4 keys), so an e-mail and an IP never share a lock. */
const LOCK_ACCOUNT = 7101;
const LOCK_IP = 7102;

export type Reservation = { allowed: true; attemptId: number } | { allowed: false; retryAfterSeconds: number };

export function createSignInThrottle() {
  /** Seconds the caller must wait before trying again, or 0 when a try is allowed. */
  async function retryAfterSeconds(executor: Executor, emailKey: string, ip: string, now: Date): Promise<number> {
    const since = new Date(now.getTime() - THROTTLE.windowMs);
    // Attempts of the account after its last success (ids grow in reservation order).
    const afterLastSuccess = (eb: ExpressionBuilder<DB, never>) =>
      eb
        .selectFrom('sign_in_attempts')
        .select(sql<number>`coalesce(max(id), 0)`.as('last'))
        .where('email_key', '=', emailKey)
        .where('succeeded', '=', true);
    const row = await executor
      .selectNoFrom((eb) => [
        eb
          .selectFrom('sign_in_attempts')
          .select([sql<number>`count(*)`.as('n')])
          .where('email_key', '=', emailKey)
          .where('succeeded', '=', false)
          .where('at', '>', since)
          .where('id', '>', afterLastSuccess(eb))
          .as('account_failures'),
        eb
          .selectFrom('sign_in_attempts')
          .select(sql<Date>`min(at)`.as('first'))
          .where('email_key', '=', emailKey)
          .where('succeeded', '=', false)
          .where('at', '>', since)
          .where('id', '>', afterLastSuccess(eb))
          .as('account_first'),
        eb
          .selectFrom('sign_in_attempts')
          .select([sql<number>`count(*)`.as('n')])
          .where('ip', '=', ip)
          .where('succeeded', '=', false)
          .where('at', '>', since)
          .as('ip_failures'),
        eb
          .selectFrom('sign_in_attempts')
          .select(sql<Date>`min(at)`.as('first'))
          .where('ip', '=', ip)
          .where('succeeded', '=', false)
          .where('at', '>', since)
          .as('ip_first'),
      ])
      .executeTakeFirstOrThrow();
    const waitFrom = (first: Date | string | null) =>
      first ? Math.max(1, Math.ceil((new Date(first).getTime() + THROTTLE.windowMs - now.getTime()) / 1000)) : 0;
    let wait = 0;
    if (Number(row.account_failures) >= THROTTLE.perAccount) wait = Math.max(wait, waitFrom(row.account_first));
    if (Number(row.ip_failures) >= THROTTLE.perIp) wait = Math.max(wait, waitFrom(row.ip_first));
    return wait;
  }

  return {
    retryAfterSeconds,

    /**
     * Reserves one attempt for this account and address, or says how long to wait. Runs in the
     * caller's transaction, which must be short (commit before verifying the password): the locks
     * are held until it ends. Locks are always taken account first, then address, so two
     * reservations never wait for each other in a cycle.
     */
    async reserve(trx: Transaction<DB>, attempt: { emailKey: string; ip: string; at: Date }): Promise<Reservation> {
      await sql`select pg_advisory_xact_lock(${LOCK_ACCOUNT}::int4, hashtext(${attempt.emailKey}))`.execute(trx);
      await sql`select pg_advisory_xact_lock(${LOCK_IP}::int4, hashtext(${attempt.ip}))`.execute(trx);
      const wait = await retryAfterSeconds(trx, attempt.emailKey, attempt.ip, attempt.at);
      if (wait > 0) return { allowed: false, retryAfterSeconds: wait };
      const row = await trx
        .insertInto('sign_in_attempts')
        .values({ email_key: attempt.emailKey, ip: attempt.ip, succeeded: false, at: attempt.at })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { allowed: true, attemptId: Number(row.id) };
    },

    /** The reserved attempt verified its password: the account's earlier failures no longer count. */
    async markSucceeded(executor: Executor, attemptId: number) {
      await executor.updateTable('sign_in_attempts').set({ succeeded: true }).where('id', '=', attemptId).execute();
    },

    async purgeOlderThan(executor: Executor, before: Date) {
      await executor.deleteFrom('sign_in_attempts').where('at', '<', before).execute();
    },
  };
}

export type SignInThrottle = ReturnType<typeof createSignInThrottle>;
