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
