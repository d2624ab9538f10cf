import type { Executor } from '../db/executor.js';

/** Outreach answers for a programme's campaigns, by recipient status: what the dashboard shows. */
export async function recipientStatusCounts(db: Executor, programmeId: string): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('outreach_recipients as r')
    .innerJoin('outreach_campaigns as c', 'c.id', 'r.campaign_id')
    .select(['r.status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('c.programme_id', '=', programmeId)
    .groupBy('r.status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
