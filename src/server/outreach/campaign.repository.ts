import { sql } from 'kysely';
import type { Executor } from '../db/executor.js';
import type { OutreachChannel, RecipientStatus } from '../db/schema-outreach.js';
import { eligibleWorkersByUrgency, enrollmentsInStates, workersWithEnrollmentIn, type EligibilityRule } from '../programmes/index.js';

/** Enrollment states that mean "already registered" (holding a place, waiting, or beyond). */
export const REGISTERED_STATES = ['registered', 'waiting', 'assessed', 'enrolled', 'placed', 'withdrawn', 'cigs_ended'] as const;

/** SQL of templates, campaigns, recipients and the outbox. */
export function createCampaignRepository() {
  return {
    listTemplates: (db: Executor, networkId: string) =>
      db.selectFrom('outreach_templates').selectAll().where('network_id', '=', networkId).orderBy('name').execute(),

    findTemplate: (db: Executor, id: string) => db.selectFrom('outreach_templates').selectAll().where('id', '=', id).executeTakeFirst(),

    async insertTemplate(trx: Executor, networkId: string, t: { name: string; channel: OutreachChannel; subject: string; body: string }) {
      return (
        await trx
          .insertInto('outreach_templates')
          .values({ network_id: networkId, ...t })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    },

    async updateTemplate(
      trx: Executor,
      id: string,
      t: { name: string; channel: OutreachChannel; subject: string; body: string },
      at: Date,
    ) {
      await trx
        .updateTable('outreach_templates')
        .set({ ...t, updated_at: at })
        .where('id', '=', id)
        .execute();
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

    async insertCampaign(
      trx: Executor,
      v: {
        networkId: string;
        programmeId: string | null;
        name: string;
        channel: OutreachChannel;
        templateId: string;
        reminderAfterDays: number;
        maxReminders: number;
        excludeReachedDays: number;
        createdBy: string;
      },
    ) {
      const row = await trx
        .insertInto('outreach_campaigns')
        .values({
          network_id: v.networkId,
          programme_id: v.programmeId,
          name: v.name,
          channel: v.channel,
          template_id: v.templateId,
          reminder_after_days: v.reminderAfterDays,
          max_reminders: v.maxReminders,
          exclude_reached_days: v.excludeReachedDays,
          created_by: v.createdBy,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    /**
     * The workers a campaign would reach: eligible for the programme's rules today (programmes'
     * published eligibility sub-query, the one rule), most urgent first, each flagged with why
     * it is left out, if it is: already registered or enrolled (for the programme, or any
     * programme for a campaign without one), declined in an earlier campaign (of the same
     * programme, or any), or reached by any campaign of the network since `reachedSince`.
     */
    targets(db: Executor, q: { rule: EligibilityRule; programmeId: string | null; today: string; reachedSince: Date }) {
      return db
        .selectFrom(eligibleWorkersByUrgency(db, q.rule, q.today).as('t'))
        .select((eb) => [
          't.id',
          't.office_id',
          't.cigs_end',
          eb('t.id', 'in', workersWithEnrollmentIn(db, q.programmeId, REGISTERED_STATES)).as('registered'),
          eb
            .exists(
              eb
                .selectFrom('outreach_recipients as d')
                .innerJoin('outreach_campaigns as dc', 'dc.id', 'd.campaign_id')
                .select('d.id')
                .whereRef('d.worker_id', '=', 't.id')
                .where('d.status', '=', 'declined')
                .$if(q.programmeId !== null, (sq) => sq.where('dc.programme_id', '=', q.programmeId!)),
            )
            .as('declined'),
          eb
            .exists(
              eb
                .selectFrom('outreach_recipients as x')
                .innerJoin('outreach_campaigns as xc', 'xc.id', 'x.campaign_id')
                .select('x.id')
                .whereRef('x.worker_id', '=', 't.id')
                .where('xc.network_id', '=', q.rule.networkId)
                .where('x.last_message_at', '>', q.reachedSince),
            )
            .as('reached'),
        ])
        .orderBy(sql`t.cigs_end asc nulls last`)
        .orderBy('t.last_name')
        .orderBy('t.id')
        .execute();
    },

    async insertRecipients(
      trx: Executor,
      rows: Array<{
        campaign_id: string;
        worker_id: string;
        office_id: string;
        status: RecipientStatus;
        priority: string | null;
        last_message_at: Date | null;
        updated_at: Date;
      }>,
    ) {
      const out: Array<{ id: string; worker_id: string }> = [];
      for (let i = 0; i < rows.length; i += 500) {
        out.push(
          ...(await trx
            .insertInto('outreach_recipients')
            .values(rows.slice(i, i + 500))
            .returning(['id', 'worker_id'])
            .execute()),
        );
      }
      return out;
    },

    async insertMessages(
      trx: Executor,
      rows: Array<{
        campaign_id: string;
        recipient_id: string;
        office_id: string;
        channel: OutreachChannel;
        transport: string;
        to_address: string;
        subject: string;
        body: string;
        created_at: Date;
        letter_date?: string | null;
      }>,
    ) {
      for (let i = 0; i < rows.length; i += 500)
        await trx
          .insertInto('outreach_messages')
          .values(rows.slice(i, i + 500))
          .execute();
    },

    async insertRecipientEvents(
      trx: Executor,
      rows: Array<{
        recipient_id: string;
        from_status: RecipientStatus | null;
        to_status: RecipientStatus;
        actor_id: string | null;
        reason: string;
        at: Date;
      }>,
    ) {
      for (let i = 0; i < rows.length; i += 500)
        await trx
          .insertInto('outreach_recipient_events')
          .values(rows.slice(i, i + 500))
          .execute();
    },

    /** A page of a campaign's recipients, most urgent first; names are merged by the caller (people's lookup). */
    listRecipients(db: Executor, campaignId: string, q: { status?: RecipientStatus; limit: number; offset: number }) {
      return db
        .selectFrom('outreach_recipients as r')
        .select(['r.id', 'r.worker_id', 'r.status', 'r.priority', 'r.reminders_sent', 'r.last_message_at', 'r.office_id'])
        .where('r.campaign_id', '=', campaignId)
        .$if(q.status !== undefined, (sq) => sq.where('r.status', '=', q.status!))
        .orderBy(sql`r.priority asc nulls last`)
        .orderBy('r.id')
        .limit(q.limit)
        .offset(q.offset)
        .execute();
    },

    findRecipient: (db: Executor, campaignId: string, recipientId: string) =>
      db
        .selectFrom('outreach_recipients')
        .selectAll()
        .where('id', '=', recipientId)
        .where('campaign_id', '=', campaignId)
        .executeTakeFirst(),

    async setRecipientStatus(trx: Executor, ids: string[], status: RecipientStatus, at: Date) {
      if (ids.length) await trx.updateTable('outreach_recipients').set({ status, updated_at: at }).where('id', 'in', ids).execute();
    },

    async markReminded(trx: Executor, ids: string[], at: Date) {
      if (!ids.length) return;
      await trx
        .updateTable('outreach_recipients')
        .set((eb) => ({ status: 'reminded', reminders_sent: eb('reminders_sent', '+', 1), last_message_at: at, updated_at: at }))
        .where('id', 'in', ids)
        .execute();
    },

    /** The campaign's status, locked until the transaction ends (one start at a time). */
    async lockCampaignStatus(trx: Executor, id: string) {
      return (await trx.selectFrom('outreach_campaigns').select('status').where('id', '=', id).forUpdate().executeTakeFirstOrThrow())
        .status;
    },

    async setCampaignStarted(trx: Executor, id: string, at: Date) {
      await trx.updateTable('outreach_campaigns').set({ status: 'running', started_at: at }).where('id', '=', id).execute();
    },

    async setCampaignFinished(trx: Executor, id: string, at: Date) {
      await trx.updateTable('outreach_campaigns').set({ status: 'done', finished_at: at }).where('id', '=', id).execute();
    },

    /** The messages of a campaign in the order they went out (most urgent recipient first), each with its recipient. */
    messagesOf(db: Executor, campaignId: string, page?: { limit: number; offset: number }) {
      return db
        .selectFrom('outreach_messages as m')
        .innerJoin('outreach_recipients as r', 'r.id', 'm.recipient_id')
        .select([
          'm.id',
          'm.channel',
          'm.transport',
          'm.to_address',
          'm.subject',
          'm.body',
          'm.status',
          'm.error',
          'm.created_at',
          'm.sent_at',
          'm.letter_date',
          'r.id as recipient_id',
          'r.worker_id',
          'r.status as recipient_status',
        ])
        .where('m.campaign_id', '=', campaignId)
        .orderBy(sql`r.priority asc nulls last`)
        .orderBy('m.created_at')
        .orderBy('m.id')
        .$if(page !== undefined, (q) => q.limit(page!.limit).offset(page!.offset))
        .execute();
    },

    async countMessages(db: Executor, campaignId: string) {
      const row = await db
        .selectFrom('outreach_messages')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('campaign_id', '=', campaignId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** Queued letters become 'sent' once printed. */
    async markLettersPrinted(trx: Executor, campaignId: string, at: Date) {
      await trx
        .updateTable('outreach_messages')
        .set({ status: 'sent', sent_at: at, provider_id: 'print' })
        .where('campaign_id', '=', campaignId)
        .where('status', '=', 'queued')
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
    async claimQueued(trx: Executor, now: Date, limit: number, networkId?: string) {
      const stale = new Date(now.getTime() - 10 * 60 * 1000);
      const ids = await trx
        .selectFrom('outreach_messages')
        .select('id')
        .where('status', '=', 'queued')
        .where('channel', 'in', ['sms', 'email'])
        .where((eb) => eb.or([eb('claimed_at', 'is', null), eb('claimed_at', '<', stale)]))
        .$if(networkId !== undefined, (q) =>
          q.where('campaign_id', 'in', trx.selectFrom('outreach_campaigns').select('id').where('network_id', '=', networkId!)),
        )
        .orderBy('created_at')
        .limit(limit)
        .forUpdate()
        .skipLocked()
        .execute();
      if (!ids.length) return [];
      return trx
        .updateTable('outreach_messages')
        .set({ claimed_at: now })
        .where(
          'id',
          'in',
          ids.map((r) => r.id),
        )
        .returning(['id', 'channel', 'to_address', 'subject', 'body'])
        .execute();
    },

    async markMessage(
      db: Executor,
      id: string,
      v: { status: 'sent' | 'failed'; providerId: string | null; error: string | null; at: Date },
    ) {
      await db
        .updateTable('outreach_messages')
        .set({ status: v.status, provider_id: v.providerId, error: v.error, sent_at: v.status === 'sent' ? v.at : null })
        .where('id', '=', id)
        .execute();
    },

    /**
     * Open recipients whose worker has registered meanwhile by any channel (desk, import, another
     * office): an enrollment in a registered-or-later state for the campaign's programme (or any,
     * for a campaign without one). Locked like the reminders.
     */
    async registeredMeanwhile(trx: Executor, limit: number, networkId?: string) {
      return trx
        .selectFrom('outreach_recipients as r')
        .innerJoin('outreach_campaigns as c', 'c.id', 'r.campaign_id')
        .select(['r.id', 'r.worker_id', 'r.office_id', 'r.status', 'r.campaign_id'])
        .where('r.status', 'in', ['not_contacted', 'invited', 'reminded'])
        .where(({ exists, selectFrom }) =>
          exists(
            selectFrom(enrollmentsInStates(trx, REGISTERED_STATES).as('e'))
              .select('e.worker_id')
              .whereRef('e.worker_id', '=', 'r.worker_id')
              .where((eb) => eb.or([eb('c.programme_id', 'is', null), eb('e.programme_id', '=', eb.ref('c.programme_id'))])),
          ),
        )
        .$if(networkId !== undefined, (q) => q.where('c.network_id', '=', networkId!))
        .limit(limit)
        .forUpdate('r')
        .skipLocked()
        .execute();
    },

    /** Recipients due a reminder, locked so only one instance reminds them. */
    async dueForReminder(trx: Executor, now: Date, limit: number, networkId?: string) {
      return trx
        .selectFrom('outreach_recipients as r')
        .innerJoin('outreach_campaigns as c', 'c.id', 'r.campaign_id')
        .select(['r.id', 'r.worker_id', 'r.office_id', 'r.status', 'r.reminders_sent', 'c.id as campaign_id', 'c.channel', 'c.template_id'])
        .where('c.status', '=', 'running')
        .where('r.status', 'in', ['invited', 'reminded'])
        .whereRef('r.reminders_sent', '<', 'c.max_reminders')
        .where(sql<boolean>`r.last_message_at <= ${now}::timestamptz - make_interval(days => c.reminder_after_days)`)
        .$if(networkId !== undefined, (q) => q.where('c.network_id', '=', networkId!))
        .orderBy(sql`r.priority asc nulls last`)
        .limit(limit)
        .forUpdate('r')
        .skipLocked()
        .execute();
    },
  };
}

export type CampaignRepository = ReturnType<typeof createCampaignRepository>;
