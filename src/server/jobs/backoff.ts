/**
 * When a failed job is tried again: exponential backoff with "equal jitter" — half of the
 * exponential delay is kept, the other half drawn at random — so the retries of many jobs that
 * failed together (an SMTP server down for a minute) spread out instead of arriving in waves,
 * and a retry never comes sooner than half the nominal delay.
 */
export interface BackoffPolicy {
  /** Delay after the first failed attempt. */
  baseMs: number;
  /** No retry waits longer than this. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 30_000, maxMs: 60 * 60_000 };

/** Milliseconds to wait after the `attempt`-th failed attempt (1 = the first); `random` in [0, 1). */
export function retryDelayMs(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const exponent = Math.max(0, Math.min(attempt - 1, 30));
  const nominal = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  return Math.round(nominal / 2 + random() * (nominal / 2));
}
