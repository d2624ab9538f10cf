import { sql } from 'kysely';
import type { Executor } from '../db/executor.js';

/**
 * Sign-in throttling, kept in the database so it holds across several app instances.
 * Per account: 5 failures in 15 minutes (since the last success) lock that account's sign-in
 * for the rest of the window. Per IP address: 30 failures in 15 minutes, whatever the account,
 * which stops one client from guessing across many accounts.
 */
export const THROTTLE = { windowMs: 15 * 60_000, perAccount: 5, perIp: 30 };

export function createSignInThrottle() {
  return {
    async record(executor: Executor, attempt: { emailKey: string; ip: string; succeeded: boolean; at: Date }) {
      await executor
        .insertInto('sign_in_attempts')
        .values({ email_key: attempt.emailKey, ip: attempt.ip, succeeded: attempt.succeeded, at: attempt.at })
        .execute();
    },

    /** Seconds the caller must wait before trying again, or 0 when a try is allowed. */
    async retryAfterSeconds(executor: Executor, emailKey: string, ip: string, now: Date): Promise<number> {
      const since = new Date(now.getTime() - THROTTLE.windowMs);
      const row = await executor
        .selectNoFrom((eb) => [
          eb
            .selectFrom('sign_in_attempts')
            .select([sql<number>`count(*)`.as('n')])
            .where('email_key', '=', emailKey)
            .where('succeeded', '=', false)
            .where('at', '>', since)
            .where(
              'at',
              '>',
              eb
                .selectFrom('sign_in_attempts')
                .select(sql<Date>`coalesce(max(at), '-infinity'::timestamptz)`.as('last'))
                .where('email_key', '=', emailKey)
                .where('succeeded', '=', true),
            )
            .as('account_failures'),
          eb
            .selectFrom('sign_in_attempts')
            .select(sql<Date>`min(at)`.as('first'))
            .where('email_key', '=', emailKey)
            .where('succeeded', '=', false)
            .where('at', '>', since)
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
    },

    async purgeOlderThan(executor: Executor, before: Date) {
      await executor.deleteFrom('sign_in_attempts').where('at', '<', before).execute();
    },
  };
}

export type SignInThrottle = ReturnType<typeof createSignInThrottle>;
