import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import type { DB } from '../db/schema.js';
import type { OutreachChannel, RecipientStatus } from '../db/schema-outreach.js';
import type { CampaignRepository } from './campaign.repository.js';
import type { CampaignService } from './campaign.service.js';
import type { Channels } from './channels.js';
import { requireNetwork, type ActorContext } from '../auth/index.js';
import type { HotlineRepository } from './hotline.repository.js';
import { romeLocal } from './hotline-hours.js';
import { appendWorkerEvents, workerRefsByIds } from '../people/index.js';
import type { Executor } from '../db/executor.js';
import { mergeData } from './campaign-merge.js';
import { renderLetters } from './letters.js';
import { addressFor, placeholderValues, renderFor, type MergeRow } from './merge.js';
import { outreachErrors } from './outreach.errors.js';
import { countSms } from '../../shared/messages/sms-segments.js';

type Deps = {
  db: Kysely<DB>;
  campaigns: CampaignRepository;
  hotline: HotlineRepository;
  service: CampaignService;
  audit: AuditService;
  channels: Channels;
  clock: () => Date;
};

const TRANSPORT: Record<OutreachChannel, (c: Channels) => string> = {
  sms: (c) => c.sms.kind,
  email: (c) => c.email.kind,
  letter: () => 'print',
};
const DISPATCH_BATCH = 100;
/** The reminder job acts as the system: no staff member, named in the audit details. */
const REMINDER_JOB = { actor: null, requestId: 'ricolloca-reminders', ip: '' };
/** Messages sent within the start request; the reminder job sends any left queued. */
const START_DISPATCH_LIMIT = 200;

/**
 * Sending: starting a campaign (recipients + first messages in one transaction), the dispatcher
 * that hands queued messages to the transports, the reminders, and the letters PDF.
 */
export function createCampaignDelivery(deps: Deps) {
  const { db, campaigns: repo, audit, channels, clock } = deps;

  /** Sends what is queued; `networkId`: only that network's campaigns (a coordinator's "send now"). */
  async function dispatchQueued(limit = 1000, networkId?: string): Promise<{ sent: number; failed: number }> {
    let sent = 0;
    let failed = 0;
    while (sent + failed < limit) {
      const batch = await db.transaction().execute((trx) => repo.claimQueued(trx, clock(), DISPATCH_BATCH, networkId));
      if (!batch.length) break;
      for (const m of batch) {
        try {
          const receipt =
            m.channel === 'sms'
              ? await channels.sms.send(m.to_address, m.body)
              : await channels.email.send({ to: m.to_address, subject: m.subject, text: m.body });
          await repo.markMessage(db, m.id, { status: 'sent', providerId: receipt.providerId, error: null, at: clock() });
          sent++;
        } catch (err) {
          await repo.markMessage(db, m.id, {
            status: 'failed',
            providerId: null,
            error: (err as Error).message.slice(0, 500),
            at: clock(),
          });
          failed++;
        }
      }
    }
    return { sent, failed };
  }

  return {
    dispatchQueued,

    /**
     * What "Avvia" will do, for the operator to confirm: the recipients and their count, who is
     * left out and why, the messages it sends (and, for SMS, the billed parts), who cannot be
     * reached, and whether the programme is already full (those who answer go to the waiting list).
     */
    async startPreview(ctx: ActorContext, id: string) {
      const campaign = await deps.service.loadCampaign(ctx.actor, id);
      if (campaign.status !== 'draft') throw outreachErrors.campaignState();
      const now = clock();
      const { included, excluded, places } = await deps.service.targeting(campaign, requireNetwork(ctx.actor), now);
      const rendered = await render(
        db,
        included.map((t) => t.id),
        campaign.templateId,
        campaign.channel,
        false,
      );
      let messages = 0;
      let smsParts = 0;
      let unreachable = 0;
      for (const t of included) {
        const r = rendered.get(t.id);
        if (!r || !('to' in r.address)) {
          unreachable++;
          continue;
        }
        messages++;
        if (campaign.channel === 'sms') smsParts += countSms(r.body).segments;
      }
      const names = await workerRefsByIds(
        db,
        included.slice(0, 50).map((t) => t.id),
      );
      await audit.record(db, ctx, {
        action: 'outreach.start_previewed',
        entityType: 'outreach_campaign',
        entityId: id,
        // The sample shown names its workers; the rest are only counted.
        details: { recipients: included.length, workerIds: included.slice(0, 50).map((t) => t.id) },
      });
      return {
        recipients: included.length,
        sample: included.slice(0, 50).map((t) => {
          const w = names.get(t.id);
          return {
            workerId: t.id,
            name: w ? `${w.lastName} ${w.firstName}` : '',
            cigsEndDate: t.cigs_end,
            reachable: rendered.get(t.id) !== undefined && 'to' in rendered.get(t.id)!.address,
          };
        }),
        messages,
        smsParts: campaign.channel === 'sms' ? smsParts : null,
        unreachable,
        excluded,
        excludeReachedDays: campaign.excludeReachedDays,
        programme: places ? { name: places.name, capacity: places.capacity, placesFree: places.free, full: places.free === 0 } : null,
      };
    },

    /** Draft → running: the targets of `targeting` (soonest CIGS end first) are invited, the messages sent. */
    async start(ctx: ActorContext, id: string) {
      const campaign = await deps.service.loadCampaign(ctx.actor, id);
      if (campaign.status !== 'draft') throw outreachErrors.campaignState();
      const networkId = requireNetwork(ctx.actor);
      const now = clock();
      const { included: targets, excluded } = await deps.service.targeting(campaign, networkId, now);
      const rendered = await render(
        db,
        targets.map((t) => t.id),
        campaign.templateId,
        campaign.channel,
        false,
      );
      const transport = TRANSPORT[campaign.channel](channels);
      const letterDate = romeLocal(now).date;
      await db.transaction().execute(async (trx) => {
        const status = await repo.lockCampaignStatus(trx, id);
        if (status !== 'draft') throw outreachErrors.campaignState();
        const recipientRows = targets.map((t) => {
          const r = rendered.get(t.id);
          const reachable = r !== undefined && 'to' in r.address;
          return {
            campaign_id: id,
            worker_id: t.id,
            office_id: t.office_id,
            status: (reachable ? 'invited' : 'unreachable') as RecipientStatus,
            priority: t.cigs_end,
            last_message_at: reachable ? now : null,
            updated_at: now,
          };
        });
        const inserted = await repo.insertRecipients(trx, recipientRows);
        const byWorker = new Map(inserted.map((r) => [r.worker_id, r.id]));
        const messages = [];
        const events = [];
        const timeline = [];
        for (const t of recipientRows) {
          const r = rendered.get(t.worker_id)!;
          const recipientId = byWorker.get(t.worker_id)!;
          const reason = 'to' in r.address ? `Invito (${campaign.channel})` : r.address.unreachable;
          events.push({
            recipient_id: recipientId,
            from_status: 'not_contacted' as const,
            to_status: t.status,
            actor_id: ctx.actor.userId,
            reason,
            at: now,
          });
          timeline.push({
            workerId: t.worker_id,
            officeId: t.office_id,
            kind: t.status === 'invited' ? 'outreach.invited' : 'outreach.unreachable',
            actorId: ctx.actor.userId,
            details: { campaignId: id, channel: campaign.channel, reason },
          });
          if ('to' in r.address) {
            messages.push({
              campaign_id: id,
              recipient_id: recipientId,
              office_id: t.office_id,
              channel: campaign.channel,
              transport,
              to_address: r.address.to,
              subject: r.subject,
              body: r.body,
              created_at: now,
              letter_date: campaign.channel === 'letter' ? letterDate : null,
            });
          }
        }
        await repo.insertMessages(trx, messages);
        await repo.insertRecipientEvents(trx, events);
        await appendWorkerEvents(trx, timeline);
        await repo.setCampaignStarted(trx, id, now);
        await audit.record(trx, ctx, {
          action: 'outreach.campaign_started',
          entityType: 'outreach_campaign',
          entityId: id,
          details: { recipients: recipientRows.length, messages: messages.length, excluded },
        });
      });
      // The first messages go out with the answer; a large campaign's rest is sent by the job.
      if (campaign.channel !== 'letter') await dispatchQueued(START_DISPATCH_LIMIT);
      return deps.service.loadCampaign(ctx.actor, id);
    },

    /**
     * Reminders: recipients still invited (or reminded) `reminder_after_days` after the last
     * message get another, up to `max_reminders`. Rows are locked with FOR UPDATE SKIP LOCKED so
     * several server instances (or the CLI at the same time) never remind the same person twice.
     * `networkId`: only that network's campaigns (a coordinator asking from the page); the job and
     * the command run them all.
     */
    async runReminders(networkId?: string): Promise<{ reminded: number; sent: number; failed: number }> {
      const now = clock();
      // First, whoever registered meanwhile (any channel) leaves the reminder list.
      await db.transaction().execute(async (trx) => {
        const rows = await repo.registeredMeanwhile(trx, 5000, networkId);
        if (!rows.length) return;
        await repo.setRecipientStatus(
          trx,
          rows.map((r) => r.id),
          'registered',
          now,
        );
        await repo.insertRecipientEvents(
          trx,
          rows.map((r) => ({
            recipient_id: r.id,
            from_status: r.status,
            to_status: 'registered' as const,
            actor_id: null,
            reason: 'Iscrizione al programma registrata',
            at: now,
          })),
        );
        await appendWorkerEvents(
          trx,
          rows.map((r) => ({
            workerId: r.worker_id,
            officeId: r.office_id,
            kind: 'outreach.registered',
            actorId: null,
            details: { campaignId: r.campaign_id },
          })),
        );
      });
      let reminded = 0;
      for (;;) {
        const count = await db.transaction().execute(async (trx) => {
          const due = await repo.dueForReminder(trx, now, 200, networkId);
          if (!due.length) return 0;
          const byCampaign = new Map<string, typeof due>();
          for (const d of due) byCampaign.set(d.campaign_id, [...(byCampaign.get(d.campaign_id) ?? []), d]);
          for (const [campaignId, rows] of byCampaign) {
            const { channel, template_id } = rows[0]!;
            const rendered = await render(
              trx,
              rows.map((r) => r.worker_id),
              template_id,
              channel,
              true,
            );
            const messages = [];
            for (const r of rows) {
              const m = rendered.get(r.worker_id);
              if (!m || !('to' in m.address)) continue;
              messages.push({
                campaign_id: campaignId,
                recipient_id: r.id,
                office_id: r.office_id,
                channel,
                transport: TRANSPORT[channel](channels),
                to_address: m.address.to,
                subject: m.subject,
                body: m.body,
                created_at: now,
              });
            }
            await repo.insertMessages(trx, messages);
            await repo.markReminded(
              trx,
              rows.map((r) => r.id),
              now,
            );
            await repo.insertRecipientEvents(
              trx,
              rows.map((r) => ({
                recipient_id: r.id,
                from_status: r.status,
                to_status: 'reminded' as const,
                actor_id: null,
                reason: `Promemoria automatico n. ${r.reminders_sent + 1}`,
                at: now,
              })),
            );
            await appendWorkerEvents(
              trx,
              rows.map((r) => ({
                workerId: r.worker_id,
                officeId: r.office_id,
                kind: 'outreach.reminded',
                actorId: null,
                details: { campaignId, reminder: r.reminders_sent + 1 },
              })),
            );
          }
          await audit.record(trx, REMINDER_JOB, {
            action: 'outreach.reminders_sent',
            entityType: 'outreach_campaign',
            entityId: null,
            officeId: null,
            details: { count: due.length, by: 'ricolloca reminders' },
          });
          return due.length;
        });
        reminded += count;
        if (count < 200) break;
      }
      const { sent, failed } = await dispatchQueued(1000, networkId);
      return { reminded, sent, failed };
    },

    /** The letters of a campaign as one PDF, most urgent first; queued letters become 'sent' (printed). */
    async letters(ctx: ActorContext, id: string): Promise<Buffer> {
      const campaign = await deps.service.loadCampaign(ctx.actor, id);
      if (campaign.channel !== 'letter') throw outreachErrors.notLetterCampaign();
      const messages = (await repo.messagesOf(db, id)).filter((m) => m.channel === 'letter');
      const merge = new Map((await mergeData(db, [...new Set(messages.map((m) => m.worker_id))])).map((r) => [r.id, r]));
      const today = romeLocal(clock()).date;
      const pdf = await renderLetters(
        messages.map((m) => {
          const w = merge.get(m.worker_id)!;
          return {
            office: {
              name: w.office_name,
              address: w.office_address,
              postalCode: w.office_postal_code,
              comune: w.office_comune,
              province: w.office_province,
              phone: w.office_phone,
              email: w.office_email,
            },
            recipient: {
              name: `${w.first_name} ${w.last_name}`,
              address: w.address,
              postalCode: w.postal_code,
              comune: w.comune_name ?? '',
              province: w.comune_province ?? '',
            },
            // A reprint carries the letter's own date (kept on the message when the campaign started), not the day of the reprint.
            date: m.letter_date ?? today,
            subject: m.subject,
            body: m.body,
          };
        }),
      );
      const now = clock();
      await db.transaction().execute(async (trx) => {
        await repo.markLettersPrinted(trx, id, now);
        await audit.record(trx, ctx, {
          action: 'outreach.letters_printed',
          entityType: 'outreach_campaign',
          entityId: id,
          details: { letters: messages.length, workerIds: [...merge.keys()] },
        });
      });
      return pdf;
    },
  };

  /** Renders one message per recipient: placeholders filled with each worker's own data. */
  async function render(trx: Executor, workerIds: string[], templateId: string, channel: OutreachChannel, reminder: boolean) {
    const template = (await repo.findTemplate(trx, templateId))!;
    const rows: MergeRow[] = await mergeData(trx, workerIds);
    const hours = await deps.hotline.slotsByOffice(trx, [...new Set(rows.map((r) => r.office_id))]);
    const today = romeLocal(clock()).date;
    return new Map(
      rows.map((row) => {
        const text = renderFor(
          { subject: channel === 'sms' ? '' : template.subject, body: template.body },
          placeholderValues(row, today, hours.get(row.office_id) ?? []),
          reminder,
          channel,
        );
        return [row.id, { address: addressFor(channel, row), ...text }] as const;
      }),
    );
  }
}

export type CampaignDelivery = ReturnType<typeof createCampaignDelivery>;
