import { programmeErrors } from './programme.errors.js';

/** PostgreSQL: serialization_failure, deadlock_detected, and a unique race we resolve by re-reading. */
const RETRYABLE = new Set(['40001', '40P01', '23505']);
const MAX_ATTEMPTS = 5;

function codeOf(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown } };
  if (typeof e?.code === 'string') return e.code;
  if (typeof e?.cause?.code === 'string') return e.cause.code;
  return undefined;
}

/**
 * Runs a transaction again when PostgreSQL aborts it for a conflict with another one. A 23505 on
 * (programme_id, worker_id) means the same worker was registered concurrently: the retry reads the
 * existing enrollment and answers ENROLLMENT_ALREADY_EXISTS. Bounded; after that a 409 asking to
 * try again — never a 5xx.
 */
export async function withRetry<T>(run: () => Promise<T>, attempts = MAX_ATTEMPTS): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      const code = codeOf(err);
      if (code === undefined || !RETRYABLE.has(code)) throw err;
      if (attempt >= attempts) throw programmeErrors.busy();
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 10));
    }
  }
}
