import type { FastifyBaseLogger } from 'fastify';
import type { PeriodicJob } from '../jobs/index.js';
import type { CampaignDelivery } from './campaign-delivery.js';

export const OUTREACH_REMINDERS_KIND = 'outreach.reminders';

/**
 * The reminders as a periodic job of the queue: one run every `everyMs` across every instance
 * (the queue's slot key), tried again with backoff when it fails and listed for staff when it
 * fails for good. A run is safe to repeat: the recipients are claimed with FOR UPDATE SKIP
 * LOCKED and a recipient reminded today is not due again, so a run the queue repeats after a
 * kill sends nobody a second reminder.
 */
export function outreachRemindersJob(
  delivery: Pick<CampaignDelivery, 'runReminders'>,
  everyMs: number,
  log: Pick<FastifyBaseLogger, 'info'>,
): PeriodicJob {
  return {
    kind: OUTREACH_REMINDERS_KIND,
    everyMs,
    run: async () => {
      const result = await delivery.runReminders();
      if (result.reminded || result.sent || result.failed) log.info(result, 'outreach reminders');
    },
  };
}
