import { sql } from 'kysely';
import type { Executor } from '../db/executor.js';
import type { OutreachChannel, RecipientStatus } from '../db/schema-outreach.js';
import type { CigsReason } from '../db/schema-companies.js';

/** Default target of a campaign without a programme: the crisis types the service is for. */
/** Enrollment states that mean "already registered" (holding a place, waiting, or beyond). */
export const REGISTERED_STATES = ['registered', 'waiting', 'assessed', 'enrolled', 'placed', 'withdrawn', 'cigs_ended'] as const;

const cigsEnd = sql<string | null>`w.effective_cigs_end`;

/** SQL of templates, campaigns, recipients and the outbox. */
export function createCampaignRepository() {
  return {
    listTemplates: (db: Executor, networkId: string) =>
      db.selectFrom('outreach_templates').selectAll().where('network_id', '=', networkId).orderBy('name').execute(),

    findTemplate: (db: Executor, id: string) => db.selectFrom('outreach_templates').selectAll().where('id', '=', id).executeTakeFirst(),

    async insertTemplate(trx: Executor, networkId: string, t: { name: string; channel: OutreachChannel; subject: string; body: string }) {
      return (await trx.insertInto('outreach_templates').values({ network_id: networkId, ...t }).returning('id').executeTakeFirstOrThrow()).id;
    },

    async updateTemplate(trx: Executor, id: string, t: { name: string; channel: OutreachChannel; subject: string; body: string }, at: Date) {
      await trx.updateTable('outreach_templates').set({ ...t, updated_at: at }).where('id', '=', id).execute();
    },

    listCampaigns: (db: Executor, networkId: string, id?: string) => {
      let q = db
        .selectFrom('outreach_campaigns as c')
        .innerJoin('outreach_templates as t', 't.id', 'c.template_id')
        .selectAll('c')
        .select('t.name as template_name')
        .where('c.network_id', '=', networkId);
      if (id) q = q.where('c.id', '=', id);
      return q.orderBy('c.created_at', 'desc').execute();
    },

    async recipientCounts(db: Executor, campaignIds: string[]) {
      if (!campaignIds.length) return [];
      return db
        .selectFrom('outreach_recipients')
        .select(['campaign_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
        .where('campaign_id', 'in', campaignIds)
        .groupBy(['campaign_id', 'status'])
        .execute();
    },

    async messageCounts(db: Executor, campaignIds: string[]) {
      if (!campaignIds.length) return [];
      return db
        .selectFrom('outreach_messages')
        .select(['campaign_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
        .where('campaign_id', 'in', campaignIds)
        .groupBy(['campaign_id', 'status'])
        .execute();
    },

    async insertCampaign(trx: Executor, v: { networkId: string; programmeId: string | null; name: string; channel: OutreachChannel; templateId: string; reminderAfterDays: number; maxReminders: number; createdBy: string }) {
      const row = await trx
        .insertInto('outreach_campaigns')
        .values({ network_id: v.networkId, programme_id: v.programmeId, name: v.name, channel: v.channel, template_id: v.templateId, reminder_after_days: v.reminderAfterDays, max_reminders: v.maxReminders, created_by: v.createdBy })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    /**
     * Eligible workers who have not registered, most urgent first: the CIGS reason is one the
     * programme covers, the CIGS is active today, no enrollment in a registered-or-later state
     * (for the campaign's programme, or any programme when it has none).
     */
    async targets(db: Executor, q: { networkId: string; programmeId: string | null; reasons: string[]; today: string; officeIds: string[] | null }) {
      let query = db
        .selectFrom('workers as w')
        .innerJoin('cigs_cases as cc', 'cc.id', 'w.cigs_case_id')
        .select(['w.id', 'w.office_id', cigsEnd.as('cigs_end')])
        .where('w.network_id', '=', q.networkId)
        .where('cc.reason', 'in', q.reasons as CigsReason[])
        .where('cc.start_date', '<=', q.today)
        .where(cigsEnd, '>=', q.today)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('enrollments as e')
                .select('e.id')
                .whereRef('e.worker_id', '=', 'w.id')
                .where('e.state', 'in', [...REGISTERED_STATES])
                .$if(q.programmeId !== null, (sq) => sq.where('e.programme_id', '=', q.programmeId!)),
            ),
          ),
        );
      if (q.officeIds) query = query.where('w.office_id', 'in', q.officeIds.length ? q.officeIds : ['00000000-0000-0000-0000-000000000000']);
      return query.orderBy(cigsEnd, 'asc').orderBy('w.last_name').orderBy('w.id').execute();
    },

    /** Everything a template can say about a worker: name, company, CIGS end, their office. */
    async mergeData(db: Executor, workerIds: string[]) {
      if (!workerIds.length) return [];
      return db
        .selectFrom('workers as w')
        .innerJoin('offices as o', 'o.id', 'w.office_id')
        .leftJoin('cigs_cases as cc', 'cc.id', 'w.cigs_case_id')
        .leftJoin('companies as co', 'co.id', 'cc.company_id')
        .leftJoin('taxonomy_comuni as tc', 'tc.istat_code', 'w.residence_comune_code')
        .select([
          'w.id', 'w.first_name', 'w.last_name', 'w.phone', 'w.email', 'w.address', 'w.office_id', cigsEnd.as('cigs_end'),
          'co.name as company', 'o.name as office_name', 'o.phone as office_phone', 'o.address as office_address', 'o.postal_code as office_postal_code',
          'o.comune as office_comune', 'o.province as office_province', 'o.email as office_email', 'tc.name as comune_name', 'tc.province as comune_province',
        ])
        .where('w.id', 'in', workerIds)
        .execute();
    },

    async insertRecipients(trx: Executor, rows: Array<{ campaign_id: string; worker_id: string; office_id: string; status: RecipientStatus; priority: string | null; last_message_at: Date | null; updated_at: Date }>) {
      const out: Array<{ id: string; worker_id: string }> = [];
      for (let i = 0; i < rows.length; i += 500) {
        out.push(...(await trx.insertInto('outreach_recipients').values(rows.slice(i, i + 500)).returning(['id', 'worker_id']).execute()));
      }
      return out;
    },

    async insertMessages(trx: Executor, rows: Array<{ campaign_id: string; recipient_id: string; office_id: string; channel: OutreachChannel; transport: string; to_address: string; subject: string; body: string; created_at: Date }>) {
      for (let i = 0; i < rows.length; i += 500) await trx.insertInto('outreach_messages').values(rows.slice(i, i + 500)).execute();
    },

    async insertRecipientEvents(trx: Executor, rows: Array<{ recipient_id: string; from_status: RecipientStatus | null; to_status: RecipientStatus; actor_id: string | null; reason: string; at: Date }>) {
      for (let i = 0; i < rows.length; i += 500) await trx.insertInto('outreach_recipient_events').values(rows.slice(i, i + 500)).execute();
    },

    async insertWorkerEvents(trx: Executor, rows: Array<{ worker_id: string; office_id: string; kind: string; actor_id: string | null; at: Date; details: string }>) {
      for (let i = 0; i < rows.length; i += 500) await trx.insertInto('worker_events').values(rows.slice(i, i + 500)).execute();
    },

    listRecipients(db: Executor, campaignId: string, q: { status?: RecipientStatus; limit: number; offset: number }) {
      return db
        .selectFrom('outreach_recipients as r')
        .innerJoin('workers as w', 'w.id', 'r.worker_id')
        .select(['r.id', 'r.worker_id', 'r.status', 'r.priority', 'r.reminders_sent', 'r.last_message_at', 'w.first_name', 'w.last_name', 'r.office_id'])
        .where('r.campaign_id', '=', campaignId)
        .$if(q.status !== undefined, (sq) => sq.where('r.status', '=', q.status!))
        .orderBy(sql`r.priority asc nulls last`)
        .orderBy('w.last_name')
        .orderBy('r.id')
        .limit(q.limit)
        .offset(q.offset)
        .execute();
    },

    async countRecipients(db: Executor, campaignId: string, status?: RecipientStatus) {
      const row = await db
        .selectFrom('outreach_recipients')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('campaign_id', '=', campaignId)
        .$if(status !== undefined, (sq) => sq.where('status', '=', status!))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** Claims up to `limit` queued e-mails and SMS; a claim older than 10 minutes is taken over. */
    async claimQueued(trx: Executor, now: Date, limit: number) {
      const stale = new Date(now.getTime() - 10 * 60 * 1000);
      const ids = await trx
        .selectFrom('outreach_messages')
        .select('id')
        .where('status', '=', 'queued')
        .where('channel', 'in', ['sms', 'email'])
        .where((eb) => eb.or([eb('claimed_at', 'is', null), eb('claimed_at', '<', stale)]))
        .orderBy('created_at')
        .limit(limit)
        .forUpdate()
        .skipLocked()
        .execute();
      if (!ids.length) return [];
      return trx
        .updateTable('outreach_messages')
        .set({ claimed_at: now })
        .where('id', 'in', ids.map((r) => r.id))
        .returning(['id', 'channel', 'to_address', 'subject', 'body'])
        .execute();
    },

    async markMessage(db: Executor, id: string, v: { status: 'sent' | 'failed'; providerId: string | null; error: string | null; at: Date }) {
      await db.updateTable('outreach_messages').set({ status: v.status, provider_id: v.providerId, error: v.error, sent_at: v.status === 'sent' ? v.at : null }).where('id', '=', id).execute();
    },

    /**
     * Open recipients whose worker has registered meanwhile by any channel (desk, import, another
     * office): an enrollment in a registered-or-later state for the campaign's programme (or any,
     * for a campaign without one). Locked like the reminders.
     */
    async registeredMeanwhile(trx: Executor, limit: number) {
      return trx
        .selectFrom('outreach_recipients as r')
        .innerJoin('outreach_campaigns as c', 'c.id', 'r.campaign_id')
        .select(['r.id', 'r.worker_id', 'r.office_id', 'r.status', 'r.campaign_id'])
        .where('r.status', 'in', ['not_contacted', 'invited', 'reminded'])
        .where(({ exists, selectFrom }) =>
          exists(
            selectFrom('enrollments as e')
              .select('e.id')
              .whereRef('e.worker_id', '=', 'r.worker_id')
              .where('e.state', 'in', [...REGISTERED_STATES])
              .where((eb) => eb.or([eb('c.programme_id', 'is', null), eb('e.programme_id', '=', eb.ref('c.programme_id'))])),
          ),
        )
        .limit(limit)
        .forUpdate('r')
        .skipLocked()
        .execute();
    },

    /** Recipients due a reminder, locked so only one instance reminds them. */
    async dueForReminder(trx: Executor, now: Date, limit: number) {
      return trx
        .selectFrom('outreach_recipients as r')
        .innerJoin('outreach_campaigns as c', 'c.id', 'r.campaign_id')
        .select(['r.id', 'r.worker_id', 'r.office_id', 'r.status', 'r.reminders_sent', 'c.id as campaign_id', 'c.channel', 'c.template_id'])
        .where('c.status', '=', 'running')
        .where('r.status', 'in', ['invited', 'reminded'])
        .whereRef('r.reminders_sent', '<', 'c.max_reminders')
        .where(sql<boolean>`r.last_message_at <= ${now}::timestamptz - make_interval(days => c.reminder_after_days)`)
        .orderBy(sql`r.priority asc nulls last`)
        .limit(limit)
        .forUpdate('r')
        .skipLocked()
        .execute();
    },
  };
}

export type CampaignRepository = ReturnType<typeof createCampaignRepository>;
