import { Command } from 'commander';
import { configFrom, dataDirOption, databaseUrlOption } from '../../cli/options.js';
import { createAuditRepository } from '../audit/index.js';
import { createAuditService } from '../audit/index.js';
import { migrate } from '../db/migrate.js';
import { openConfiguredDatabase } from '../runtime.js';
import { createOutreachModule } from './outreach.module.js';

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
