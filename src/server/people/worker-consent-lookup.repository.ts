import type { Executor } from '../db/executor.js';
import type { ConsentPurpose } from '../db/schema-people.js';

/** The worker's latest consent record for a purpose (the one in force), or null when none was ever recorded. */
export async function latestConsentOf(
  db: Executor,
  workerId: string,
  purpose: ConsentPurpose,
): Promise<{ granted: boolean; recordedAt: Date } | null> {
  const row = await db
    .selectFrom('worker_consents')
    .select(['granted', 'recorded_at'])
    .where('worker_id', '=', workerId)
    .where('purpose', '=', purpose)
    .orderBy('recorded_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { granted: row.granted, recordedAt: row.recorded_at } : null;
}
