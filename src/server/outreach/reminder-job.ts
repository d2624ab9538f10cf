import type { FastifyBaseLogger } from 'fastify';
import type { CampaignDelivery } from './campaign-delivery.js';

/**
 * Runs the reminders every `intervalMs` inside the server. One run at a time in this process (a
 * flag); across instances the rows are claimed with FOR UPDATE SKIP LOCKED, so several servers
 * may run the job and still send each reminder once.
 */
export function startReminderJob(delivery: Pick<CampaignDelivery, 'runReminders'>, intervalMs: number, log: FastifyBaseLogger): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const result = await delivery.runReminders();
      if (result.reminded || result.sent || result.failed) log.info(result, 'outreach reminders');
    } catch (err) {
      log.error({ err }, 'outreach reminders failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
