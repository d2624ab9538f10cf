import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import { requireNetwork, type Actor, type ActorContext } from '../auth/index.js';
import type { DB } from '../db/schema.js';
import type { OutreachChannel, RecipientStatus } from '../db/schema-outreach.js';
import { DomainError } from '../http/problem.js';
import { officeIdsInNetwork } from '../organisation/index.js';
import { appendWorkerEvent, canAccessWorker, workerRefsByIds } from '../people/index.js';
import { programmeForOutreach, type EligibilityRule } from '../programmes/index.js';
import type { Campaign, Preview, Template } from '../../shared/schemas/outreach.schema.js';
import { RECIPIENT_STATUSES } from '../../shared/schemas/outreach.schema.js';
import { mergeData } from './campaign-merge.js';
import type { CampaignRepository } from './campaign.repository.js';
import { CRISIS_CIGS_REASONS } from '../../shared/schemas/companies.schema.js';
import type { HotlineRepository } from './hotline.repository.js';
import { romeLocal } from './hotline-hours.js';
import { placeholderValues, renderFor, SAMPLE_VALUES } from './merge.js';
import { outreachErrors } from './outreach.errors.js';
import { unknownPlaceholders } from './placeholders.js';
import { canMoveRecipient, logRecipientTransition } from './recipient-states.js';
import { countSms } from '../../shared/messages/sms-segments.js';

type Deps = { db: Kysely<DB>; campaigns: CampaignRepository; hotline: HotlineRepository; audit: AuditService; clock: () => Date };

/** Templates, campaigns, previews and per-recipient status. Sending is in campaign-delivery.ts. */
export function createCampaignService(deps: Deps) {
  const { db, campaigns: repo, audit, clock } = deps;

  function checkPlaceholders(subject: string, body: string) {
    const unknown = unknownPlaceholders(`${subject}\n${body}`);
    if (unknown.length) {
      throw new DomainError(
        'UNKNOWN_PLACEHOLDER',
        400,
        {
          it: `Segnaposto sconosciuti: ${unknown.map((u) => `{{${u}}}`).join(', ')}.`,
          en: `Unknown placeholders: ${unknown.map((u) => `{{${u}}}`).join(', ')}.`,
        },
        { errors: [{ path: 'body', message: `Segnaposto sconosciuti: ${unknown.join(', ')}` }] },
      );
    }
  }

  const presentTemplate = (t: NonNullable<Awaited<ReturnType<CampaignRepository['findTemplate']>>>): Template => ({
    id: t.id,
    name: t.name,
    channel: t.channel,
    subject: t.subject,
    body: t.body,
    updatedAt: t.updated_at.toISOString(),
  });

  async function loadTemplate(actor: Actor, id: string) {
    const t = await repo.findTemplate(db, id);
    if (!t || t.network_id !== requireNetwork(actor)) throw outreachErrors.templateNotFound();
    return t;
  }

  async function present(networkId: string, id?: string): Promise<Campaign[]> {
    const rows = await repo.listCampaigns(db, networkId, id);
    const ids = rows.map((r) => r.id);
    const [rc, mc] = await Promise.all([repo.recipientCounts(db, ids), repo.messageCounts(db, ids)]);
    const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
    return rows.map((c) => {
      const counts = Object.fromEntries(RECIPIENT_STATUSES.map((s) => [s, 0])) as Campaign['counts'];
      for (const r of rc.filter((x) => x.campaign_id === c.id)) counts[r.status] = Number(r.n);
      const messages = { queued: 0, sent: 0, failed: 0 };
      for (const m of mc.filter((x) => x.campaign_id === c.id)) messages[m.status] = Number(m.n);
      return {
        id: c.id,
        name: c.name,
        channel: c.channel,
        templateId: c.template_id,
        templateName: c.template_name,
        programmeId: c.programme_id,
        reminderAfterDays: c.reminder_after_days,
        maxReminders: c.max_reminders,
        excludeReachedDays: c.exclude_reached_days,
        status: c.status,
        createdAt: c.created_at.toISOString(),
        startedAt: iso(c.started_at),
        finishedAt: iso(c.finished_at),
        counts,
        messages,
      };
    });
  }

  async function loadCampaign(actor: Actor, id: string): Promise<Campaign> {
    const [c] = await present(requireNetwork(actor), id);
    if (!c) throw outreachErrors.campaignNotFound();
    return c;
  }

  return {
    loadCampaign,

    listTemplates: async (actor: Actor) => (await repo.listTemplates(db, requireNetwork(actor))).map(presentTemplate),

    async createTemplate(ctx: ActorContext, input: { name: string; channel: OutreachChannel; subject: string; body: string }) {
      checkPlaceholders(input.subject, input.body);
      const networkId = requireNetwork(ctx.actor);
      const id = await db.transaction().execute(async (trx) => {
        const newId = await repo.insertTemplate(trx, networkId, input);
        await audit.record(trx, ctx, {
          action: 'outreach.template_created',
          entityType: 'outreach_template',
          entityId: newId,
          details: { name: input.name, channel: input.channel },
        });
        return newId;
      });
      return presentTemplate((await repo.findTemplate(db, id))!);
    },

    async updateTemplate(ctx: ActorContext, id: string, input: { name: string; channel: OutreachChannel; subject: string; body: string }) {
      await loadTemplate(ctx.actor, id);
      checkPlaceholders(input.subject, input.body);
      await db.transaction().execute(async (trx) => {
        await repo.updateTemplate(trx, id, input, clock());
        await audit.record(trx, ctx, {
          action: 'outreach.template_updated',
          entityType: 'outreach_template',
          entityId: id,
          details: { name: input.name },
        });
      });
      return presentTemplate((await repo.findTemplate(db, id))!);
    },

    /** The text as a given worker (or a synthetic sample) would receive it, with the SMS count. */
    async preview(
      ctx: ActorContext,
      input: { channel: OutreachChannel; subject: string; body: string; workerId?: string },
    ): Promise<Preview> {
      let values = SAMPLE_VALUES;
      let sample = { name: `${SAMPLE_VALUES.nome} ${SAMPLE_VALUES.cognome}`, synthetic: true };
      if (input.workerId) {
        const [row] = await mergeData(db, [input.workerId]);
        if (!row || !canAccessWorker(ctx.actor, { networkId: row.network_id, officeId: row.office_id }))
          throw outreachErrors.workerNotFound();
        const hours = await deps.hotline.slots(db, row.office_id);
        values = placeholderValues(row, romeLocal(clock()).date, hours);
        sample = { name: `${row.first_name} ${row.last_name}`, synthetic: false };
        await audit.record(db, ctx, { action: 'outreach.preview_read', entityType: 'worker', entityId: row.id, officeId: row.office_id });
      }
      const { subject, body } = renderFor(
        { subject: input.channel === 'sms' ? '' : input.subject, body: input.body },
        values,
        false,
        input.channel,
      );
      return {
        subject,
        body,
        sample,
        unknownPlaceholders: unknownPlaceholders(`${input.subject}\n${input.body}`),
        sms: input.channel === 'sms' ? countSms(body) : null,
      };
    },

    list: (actor: Actor) => present(requireNetwork(actor)),

    async create(
      ctx: ActorContext,
      input: {
        name: string;
        channel: OutreachChannel;
        templateId: string;
        programmeId: string | null;
        reminderAfterDays: number;
        maxReminders: number;
        excludeReachedDays: number;
      },
    ) {
      const networkId = requireNetwork(ctx.actor);
      const template = await loadTemplate(ctx.actor, input.templateId);
      if (template.channel !== input.channel) throw outreachErrors.channelMismatch();
      if (input.programmeId) {
        const p = await programmeForOutreach(db, input.programmeId);
        if (!p || p.networkId !== networkId) throw outreachErrors.programmeNotFound();
      }
      const id = await db.transaction().execute(async (trx) => {
        const newId = await repo.insertCampaign(trx, { ...input, networkId, createdBy: ctx.actor.userId });
        await audit.record(trx, ctx, {
          action: 'outreach.campaign_created',
          entityType: 'outreach_campaign',
          entityId: newId,
          details: { name: input.name, channel: input.channel },
        });
        return newId;
      });
      return loadCampaign(ctx.actor, id);
    },

    async finish(ctx: ActorContext, id: string) {
      const c = await loadCampaign(ctx.actor, id);
      if (c.status !== 'running') throw outreachErrors.campaignState();
      await db.transaction().execute(async (trx) => {
        await repo.setCampaignFinished(trx, id, clock());
        await audit.record(trx, ctx, { action: 'outreach.campaign_finished', entityType: 'outreach_campaign', entityId: id });
      });
      return loadCampaign(ctx.actor, id);
    },

    async recipients(ctx: ActorContext, id: string, q: { status?: RecipientStatus; limit: number; offset: number }) {
      await loadCampaign(ctx.actor, id);
      const [rows, total] = await Promise.all([repo.listRecipients(db, id, q), repo.countRecipients(db, id, q.status)]);
      const workers = await workerRefsByIds(
        db,
        rows.map((r) => r.worker_id),
      );
      await audit.record(db, ctx, {
        action: 'outreach.recipients_read',
        entityType: 'outreach_campaign',
        entityId: id,
        details: {
          ids: rows.map((r) => r.id),
          workerIds: rows.map((r) => r.worker_id),
          query: { status: q.status ?? null, offset: q.offset },
        },
      });
      return {
        total,
        items: rows.map((r) => ({
          id: r.id,
          workerId: r.worker_id,
          name: `${workers.get(r.worker_id)?.firstName ?? ''} ${workers.get(r.worker_id)?.lastName ?? ''}`.trim(),
          cigsEndDate: r.priority,
          status: r.status,
          remindersSent: r.reminders_sent,
          lastMessageAt: r.last_message_at ? new Date(r.last_message_at).toISOString() : null,
        })),
      };
    },

    /** The outbox: each message exactly as it went out (or was recorded in the local outbox), with its recipient and their status. */
    async outbox(ctx: ActorContext, id: string, q: { limit: number; offset: number }) {
      await loadCampaign(ctx.actor, id);
      const [rows, total] = await Promise.all([repo.messagesOf(db, id, q), repo.countMessages(db, id)]);
      const workers = await workerRefsByIds(
        db,
        rows.map((r) => r.worker_id),
      );
      await audit.record(db, ctx, {
        action: 'outreach.outbox_read',
        entityType: 'outreach_campaign',
        entityId: id,
        details: { ids: rows.map((m) => m.id), workerIds: [...new Set(rows.map((r) => r.worker_id))], query: { offset: q.offset } },
      });
      const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
      return {
        total,
        items: rows.map((m) => {
          const w = workers.get(m.worker_id);
          return {
            id: m.id,
            recipientId: m.recipient_id,
            workerId: m.worker_id,
            workerName: w ? `${w.lastName} ${w.firstName}` : '',
            recipientStatus: m.recipient_status,
            channel: m.channel,
            transport: m.transport,
            to: m.to_address,
            subject: m.subject,
            body: m.body,
            status: m.status,
            error: m.error,
            createdAt: iso(m.created_at)!,
            sentAt: iso(m.sent_at),
          };
        }),
      };
    },

    /** An operator records the answer: registered, declined, or unreachable (wrong number, returned letter). */
    async setRecipientStatus(
      ctx: ActorContext,
      campaignId: string,
      recipientId: string,
      to: 'registered' | 'declined' | 'unreachable',
      reason = '',
    ) {
      await loadCampaign(ctx.actor, campaignId);
      const r = await repo.findRecipient(db, campaignId, recipientId);
      if (!r) throw outreachErrors.recipientNotFound();
      if (!canMoveRecipient(r.status, to)) {
        throw new DomainError('RECIPIENT_TRANSITION_NOT_ALLOWED', 409, {
          it: `Non si può passare da «${r.status}» a «${to}».`,
          en: `Cannot move from "${r.status}" to "${to}".`,
        });
      }
      const now = clock();
      await db.transaction().execute(async (trx) => {
        await repo.setRecipientStatus(trx, [recipientId], to, now);
        await logRecipientTransition(trx, { recipientId, from: r.status, to, actorId: ctx.actor.userId, reason, at: now });
        await appendWorkerEvent(trx, {
          workerId: r.worker_id,
          officeId: r.office_id,
          kind: `outreach.${to}`,
          actorId: ctx.actor.userId,
          at: now,
          details: { campaignId, reason },
        });
        await audit.record(trx, ctx, {
          action: 'outreach.recipient_status',
          entityType: 'outreach_recipient',
          entityId: recipientId,
          officeId: r.office_id,
          details: { from: r.status, to, reason },
        });
      });
      return { id: recipientId, status: to };
    },

    /**
     * Who a campaign reaches and who it leaves out, and why: the programme's eligibility rule (the
     * one definition in programmes; a campaign without a programme targets the crisis CIGS reasons
     * with an active CIGS in every office of the network), minus whoever is already registered or
     * enrolled, declined before, or was reached by any campaign in the last `excludeReachedDays`.
     */
    async targeting(campaign: Campaign, networkId: string, now: Date) {
      let rule: EligibilityRule;
      let places: { capacity: number; free: number; name: string } | null = null;
      if (campaign.programmeId) {
        const p = await programmeForOutreach(db, campaign.programmeId);
        if (!p || p.networkId !== networkId) throw outreachErrors.programmeNotFound();
        rule = p.rule;
        places = { capacity: p.capacity, free: Math.max(0, p.capacity - p.placesUsed), name: p.name };
      } else {
        rule = {
          networkId,
          officeIds: [...(await officeIdsInNetwork(db, networkId))],
          eligibleReasons: [...CRISIS_CIGS_REASONS],
          requireActiveCigs: true,
        };
      }
      const reachedSince = new Date(now.getTime() - campaign.excludeReachedDays * 86_400_000);
      const rows = await repo.targets(db, { rule, programmeId: campaign.programmeId, today: romeLocal(now).date, reachedSince });
      const excluded = { registered: 0, declined: 0, recentlyReached: 0 };
      const included: Array<{ id: string; office_id: string; cigs_end: string | null }> = [];
      // One reason per person, the strongest first: already in, said no, reached lately.
      for (const r of rows) {
        if (r.registered) excluded.registered++;
        else if (r.declined) excluded.declined++;
        else if (r.reached) excluded.recentlyReached++;
        else included.push({ id: r.id, office_id: r.office_id, cigs_end: r.cigs_end });
      }
      return { included, excluded, places };
    },
  };
}

export type CampaignService = ReturnType<typeof createCampaignService>;
