import { Command } from 'commander';
import { createAuditRepository, createAuditService } from '../server/audit/index.js';
import { migrate } from '../server/db/migrate.js';
import { createOutreachModule } from '../server/outreach/index.js';
import { openConfiguredDatabase } from '../server/runtime.js';
import { configFrom, dataDirOption, databaseUrlOption } from './options.js';

/** `ricolloca outreach send-reminders`: the reminder job once, for cron or by hand. */
export function outreachCommand() {
  const outreach = new Command('outreach').description('outreach campaigns (SMS, e-mail, letters)');
  outreach
    .command('send-reminders')
    .description('send the reminders that are due and any queued message (safe to run beside the server)')
    .addOption(dataDirOption())
    .addOption(databaseUrlOption())
    .action(async (opts: { dataDir?: string; databaseUrl?: string }) => {
      const database = await openConfiguredDatabase(configFrom(opts));
      try {
        await migrate(database);
        const audit = createAuditService({ db: database.db, repository: createAuditRepository() });
        const module = createOutreachModule({ db: database.db, audit, clock: () => new Date(), programmes: null });
        const result = await module.delivery.runReminders();
        module.channels.email.close?.();
        console.log(`Promemoria: ${result.reminded} · messaggi inviati: ${result.sent} · non riusciti: ${result.failed}`);
      } finally {
        await database.close();
      }
    });
  return outreach;
}
