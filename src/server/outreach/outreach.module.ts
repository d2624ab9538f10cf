import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import type { DB } from '../db/schema.js';
import { createCampaignDelivery } from './campaign-delivery.js';
import { createCampaignRepository } from './campaign.repository.js';
import { registerCampaignRoutes } from './campaign.routes.js';
import { createCampaignService } from './campaign.service.js';
import { channelsFromEnv, type Channels } from './channels.js';
import { createHotlineRepository } from './hotline.repository.js';
import { registerHotlineRoutes } from './hotline.routes.js';
import { createHotlineService } from './hotline.service.js';
import { createIntakeService, type ProgrammeRegistration } from './intake.service.js';
import { outreachRemindersJob } from './reminder-job.js';
import type { JobScheduler } from '../jobs/index.js';

export { markRecipientRegistered } from './recipient-states.js';

/** Hotline and outreach, wired once: buildApp constructs this and registers it. */
export function createOutreachModule(deps: {
  db: Kysely<DB>;
  audit: AuditService;
  clock: () => Date;
  programmes: ProgrammeRegistration | null;
  channels?: Channels;
}) {
  const { db, audit, clock } = deps;
  const channels = deps.channels ?? channelsFromEnv();
  const hotlineRepository = createHotlineRepository();
  const campaignRepository = createCampaignRepository();
  const hotline = createHotlineService({ db, repository: hotlineRepository, audit, clock });
  const intake = createIntakeService({ db, repository: hotlineRepository, hotline, audit, clock, programmes: deps.programmes });
  const campaigns = createCampaignService({ db, campaigns: campaignRepository, hotline: hotlineRepository, audit, clock });
  const delivery = createCampaignDelivery({
    db,
    campaigns: campaignRepository,
    hotline: hotlineRepository,
    service: campaigns,
    audit,
    channels,
    clock,
  });
  // Channels made here (from the environment) are closed with the app; channels given are their giver's.
  return { hotline, intake, campaigns, delivery, channels, ownsChannels: !deps.channels };
}

export type OutreachModule = ReturnType<typeof createOutreachModule>;

/**
 * Routes, and the reminders as a periodic job of the queue (every 5 minutes; env
 * OUTREACH_REMINDER_INTERVAL_MS, 0 = off). The SMTP pool of channels this module made is closed
 * with the app.
 */
export function registerOutreachRoutes(app: FastifyInstance, module: OutreachModule, jobs: JobScheduler) {
  registerHotlineRoutes(app, module.hotline, module.intake);
  registerCampaignRoutes(app, module.campaigns, module.delivery, module.channels);
  const interval = Number(process.env.OUTREACH_REMINDER_INTERVAL_MS ?? 5 * 60 * 1000);
  if (interval > 0) jobs.registerPeriodic(outreachRemindersJob(module.delivery, interval, app.log));
  if (module.ownsChannels)
    app.addHook('onClose', async () => {
      module.channels.email.close?.();
    });
}
