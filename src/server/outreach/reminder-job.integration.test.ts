import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/helpers/test-database.js';
import { createFakeClock } from '../../../tests/helpers/test-app.js';
import { createAuditRepository, createAuditService } from '../audit/index.js';
import type { Database } from '../db/database.js';
import { seedDemo } from '../demo/seed-demo.js';
import { createJobsModule } from '../jobs/index.js';
import { createOutreachModule } from './outreach.module.js';
import { OUTREACH_REMINDERS_KIND, outreachRemindersJob } from './reminder-job.js';

// The outreach reminders as the server now runs them: a periodic job of the queue. Two instances
// share one database; each registers the job, and each due recipient is reminded once.

let database: Database;
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const FIVE_MINUTES = 5 * 60_000;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database);
});
afterAll(() => database.close());

function instance(clock: () => Date, name: string) {
  const audit = createAuditService({ db: database.db, repository: createAuditRepository() });
  const outreach = createOutreachModule({ db: database.db, audit, clock, programmes: null });
  const jobs = createJobsModule({ db: database.db, databaseKind: database.kind, audit, clock, log: silent });
  jobs.registerPeriodic(outreachRemindersJob(outreach.delivery, FIVE_MINUTES, silent));
  return { jobs, outreach, name };
}

describe('outreach reminders through the job queue', () => {
  it('two instances: one run per slot, each due recipient reminded once, the next run scheduled once', async () => {
    // Eight days on, the demo's invited recipients are due for their reminder.
    const later = new Date(Date.now() + 8 * 86400000);
    const clock = createFakeClock(new Date(Math.floor(later.getTime() / FIVE_MINUTES) * FIVE_MINUTES + 1000));
    const due = await database.db
      .selectFrom('outreach_recipients as r')
      .innerJoin('outreach_campaigns as c', 'c.id', 'r.campaign_id')
      .select('r.id')
      .where('c.status', '=', 'running')
      .where('r.status', 'in', ['invited', 'reminded'])
      .whereRef('r.reminders_sent', '<', 'c.max_reminders')
      .execute();
    expect(due.length).toBeGreaterThan(10);

    const a = instance(clock, 'cpi-mo-1');
    const b = instance(clock, 'cpi-mo-2');
    await Promise.all([a.jobs.runner.seedPeriodic(), b.jobs.runner.seedPeriodic()]);
    const waiting = await database.db.selectFrom('jobs').select(['kind', 'run_at']).where('kind', '=', OUTREACH_REMINDERS_KIND).execute();
    expect(waiting).toHaveLength(1);
    // Nothing runs before the slot comes.
    expect(await a.jobs.runner.drain()).toBe(0);
    clock.set(waiting[0]!.run_at);
    const [ra, rb] = await Promise.all([a.jobs.runner.drain(), b.jobs.runner.drain()]);
    expect(ra + rb).toBe(1);

    const perRecipient = await database.db
      .selectFrom('outreach_messages')
      .select(['recipient_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('created_at', '=', clock())
      .groupBy('recipient_id')
      .execute();
    expect(perRecipient).toHaveLength(due.length);
    expect(perRecipient.every((r) => Number(r.n) === 1)).toBe(true);

    const runs = await database.db
      .selectFrom('jobs')
      .select(['state', 'run_at'])
      .where('kind', '=', OUTREACH_REMINDERS_KIND)
      .orderBy('run_at')
      .execute();
    expect(runs.map((r) => r.state)).toEqual(['done', 'queued']);
    expect(runs[1]!.run_at.getTime() - runs[0]!.run_at.getTime()).toBe(FIVE_MINUTES);

    // The next slot's run finds nobody due again the same day.
    clock.set(runs[1]!.run_at);
    await Promise.all([a.jobs.runner.drain(), b.jobs.runner.drain()]);
    const again = await database.db
      .selectFrom('outreach_messages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('created_at', '>', runs[0]!.run_at)
      .executeTakeFirstOrThrow();
    expect(Number(again.n)).toBe(0);
  });
});
