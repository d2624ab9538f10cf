import type { SessionRecord } from './session.repository.js';

/** The channel the database announces a changed or ended session on (trigger in migration 0008). */
export const SESSION_CHANGED_CHANNEL = 'ricolloca_session_changed';

export interface SessionCacheOptions {
  /** Longest time an entry is trusted, as a bound even if a notification were lost. */
  maxAgeMs?: number;
  maxEntries?: number;
}

/**
 * Sessions recently resolved by this process, so an authenticated request costs no extra query.
 *
 * It is only trusted while it is "live", i.e. while this process is subscribed to the database's
 * notifications of changed sessions: the database announces every ended session (sign-out, expiry,
 * password change, disabled account) and every change of an account or its roles, on every
 * instance, as part of the committing transaction. When the subscription drops, the cache empties
 * and every request reads the database until it is back.
 *
 * A read that raced with a notification is not stored: `epoch()` is taken before the read, and any
 * invalidation in between makes `remember` a no-op.
 */
export function createSessionCache(options: SessionCacheOptions = {}) {
  const maxAgeMs = options.maxAgeMs ?? 60_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const entries = new Map<string, { record: SessionRecord; storedAt: number }>();
  let live = false;
  let epoch = 0;

  return {
    get size() {
      return entries.size;
    },

    setLive(value: boolean) {
      live = value;
      epoch++;
      entries.clear();
    },

    epoch: () => epoch,

    /** The cached session, if trusted now and not expired. */
    get(tokenHash: string, now: Date): SessionRecord | undefined {
      if (!live) return undefined;
      const entry = entries.get(tokenHash);
      if (!entry) return undefined;
      if (entry.record.expiresAt.getTime() <= now.getTime() || Date.now() - entry.storedAt > maxAgeMs) {
        entries.delete(tokenHash);
        return undefined;
      }
      return entry.record;
    },

    remember(readAtEpoch: number, record: SessionRecord) {
      if (!live || readAtEpoch !== epoch) return;
      if (entries.size >= maxEntries) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      entries.set(record.tokenHash, { record, storedAt: Date.now() });
    },

    /** The session's idle expiry slid forward (the database row was updated by this process). */
    touched(tokenHash: string, lastSeenAt: Date, expiresAt: Date) {
      const entry = entries.get(tokenHash);
      if (entry) entry.record = { ...entry.record, lastSeenAt, expiresAt };
    },

    /** A session changed or ended (notification payload: its token hash). */
    forget(tokenHash: string) {
      epoch++;
      entries.delete(tokenHash);
    },

    /** Every session of an account: called by this process right after it changed the account. */
    forgetUser(userId: string) {
      epoch++;
      for (const [key, entry] of entries) if (entry.record.userId === userId) entries.delete(key);
    },
  };
}

export type SessionCache = ReturnType<typeof createSessionCache>;
