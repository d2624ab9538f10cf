/**
 * PostgreSQL error classification, one definition for both engines (PGlite reports the same
 * SQLSTATE codes as a server). `code` is on the error itself for pg and PGlite.
 */
function sqlState(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { code?: unknown; cause?: { code?: unknown } };
  if (typeof e.code === 'string') return e.code;
  if (typeof e.cause?.code === 'string') return e.cause.code;
  return undefined;
}

/** A unique constraint refused the row (23505), optionally a given constraint. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  if (sqlState(err) !== '23505') return false;
  if (!constraint) return true;
  return (err as { constraint?: string }).constraint === constraint;
}

/** A conflict with a concurrent transaction that is safe to run again (serialization, deadlock). */
export function isTransientConflict(err: unknown): boolean {
  const code = sqlState(err);
  return code === '40001' || code === '40P01';
}

/**
 * Runs a transaction again when PostgreSQL aborted it as a deadlock victim or a serialization
 * failure. Concurrent inserts under an exclusion constraint (the agenda's claims) may deadlock
 * instead of one waiting for the other; the retry then meets the committed claim as a plain
 * conflict. Bounded: the last error is rethrown.
 */
export async function retryTransient<T>(run: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      if (!isTransientConflict(err) || attempt >= attempts) throw err;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 10));
    }
  }
}
