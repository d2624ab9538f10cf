import type { Executor } from '../db/executor.js';
import type { RecipientStatus } from '../db/schema-outreach.js';
import { appendWorkerEvent } from '../people/index.js';

/** The recipient log (who, when, from, to, why) and the "registered by another channel" update. */
export async function logRecipientTransition(
  trx: Executor,
  v: { recipientId: string; from: RecipientStatus | null; to: RecipientStatus; actorId: string | null; reason: string; at: Date },
) {
  await trx
    .insertInto('outreach_recipient_events')
    .values({ recipient_id: v.recipientId, from_status: v.from, to_status: v.to, actor_id: v.actorId, reason: v.reason, at: v.at })
    .execute();
}

/**
 * The worker registered (hotline, desk or any channel): every open outreach recipient row of
 * theirs — in campaigns of that programme, or without a programme — becomes 'registered', so no
 * reminder goes to someone already in. The programmes module may call this after `register`.
 */
export async function markRecipientRegistered(
  trx: Executor,
  input: { workerId: string; programmeId: string | null; actorId: string | null; at: Date; reason?: string },
): Promise<number> {
  let q = trx
    .selectFrom('outreach_recipients as r')
    .innerJoin('outreach_campaigns as c', 'c.id', 'r.campaign_id')
    .select(['r.id', 'r.status', 'r.office_id', 'c.id as campaign_id'])
    .where('r.worker_id', '=', input.workerId)
    .where('r.status', '!=', 'registered');
  if (input.programmeId) q = q.where((eb) => eb.or([eb('c.programme_id', '=', input.programmeId), eb('c.programme_id', 'is', null)]));
  const rows = await q.execute();
  for (const r of rows) {
    await trx.updateTable('outreach_recipients').set({ status: 'registered', updated_at: input.at }).where('id', '=', r.id).execute();
    await logRecipientTransition(trx, {
      recipientId: r.id,
      from: r.status,
      to: 'registered',
      actorId: input.actorId,
      reason: input.reason ?? 'Iscrizione al programma',
      at: input.at,
    });
    await appendWorkerEvent(trx, {
      workerId: input.workerId,
      officeId: r.office_id,
      kind: 'outreach.registered',
      actorId: input.actorId,
      at: input.at,
      details: { campaignId: r.campaign_id },
    });
  }
  return rows.length;
}
