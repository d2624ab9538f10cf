import { isTransientConflict, isUniqueViolation } from '../db/errors.js';
import { programmeErrors } from './programme.errors.js';

const MAX_ATTEMPTS = 5;

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
      // Serialization failures, deadlocks, and a unique race we resolve by re-reading.
      if (!isTransientConflict(err) && !isUniqueViolation(err)) throw err;
      if (attempt >= attempts) throw programmeErrors.busy();
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 10));
    }
  }
}
