import type { Executor } from '../db/executor.js';

/**
 * Whether any staff account exists: a real installation's first start (no account yet) offers
 * the one-time setup link; once one exists, the link never works again.
 */
export async function anyStaffAccountExists(executor: Executor): Promise<boolean> {
  return (await executor.selectFrom('staff_users').select('id').limit(1).executeTakeFirst()) !== undefined;
}
