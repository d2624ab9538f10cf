import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/helpers/test-database.js';
import { createAuditRepository } from '../audit/index.js';
import { createAuditService } from '../audit/index.js';
import type { Database } from '../db/database.js';
import { createHotlineRepository } from './hotline.repository.js';
import { createOutreachModule } from './outreach.module.js';
import { markRecipientRegistered } from './recipient-states.js';

let database: Database;
let modena: { id: string; network_id: string };
const later = new Date(Date.now() + 8 * 86400000);

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  modena = await database.db.selectFrom('offices').select(['id', 'network_id']).where('code', '=', 'CPI-MO').executeTakeFirstOrThrow();
});
afterAll(() => database.close());

function module(clock: () => Date) {
  const audit = createAuditService({ db: database.db, repository: createAuditRepository() });
  return createOutreachModule({ db: database.db, audit, clock, programmes: null });
}

describe('hotline repository', () => {
  it('applies national holidays, the network’s and the office’s own (San Geminiano in Modena only)', async () => {
    const repo = createHotlineRepository();
    const mo = await repo.holidays(database.db, modena, '2027-01-01', '2027-01-31');
    expect(mo.map((h) => [h.date, h.name])).toEqual([
      ['2027-01-01', 'Capodanno'],
      ['2027-01-06', 'Epifania'],
      ['2027-01-31', 'San Geminiano, patrono di Modena'],
    ]);
    const carpi = await database.db
      .selectFrom('offices')
      .select(['id', 'network_id'])
      .where('code', '=', 'CPI-CA')
      .executeTakeFirstOrThrow();
    expect((await repo.holidays(database.db, carpi, '2027-01-01', '2027-01-31')).map((h) => h.date)).toEqual(['2027-01-01', '2027-01-06']);
  });

  it('seeds the demo hotline hours for Modena', async () => {
    expect(await createHotlineRepository().slots(database.db, modena.id)).toEqual([
      { weekday: 1, opens: '10:00', closes: '13:30' },
      { weekday: 2, opens: '10:00', closes: '13:30' },
      { weekday: 3, opens: '10:00', closes: '13:30' },
      { weekday: 4, opens: '13:00', closes: '17:00' },
      { weekday: 5, opens: '10:00', closes: '13:30' },
    ]);
  });
});

describe('reminders', () => {
  it('skip a worker who registered meanwhile by another channel, and mark them registered', async () => {
    const row = await database.db
      .selectFrom('outreach_recipients as r')
      .innerJoin('outreach_campaigns as c', 'c.id', 'r.campaign_id')
      .select(['r.id', 'r.worker_id', 'r.office_id', 'c.programme_id'])
      .where('c.status', '=', 'running')
      .where('r.status', '=', 'invited')
      .executeTakeFirstOrThrow();
    const programmeId = row.programme_id ?? (await database.db.selectFrom('programmes').select('id').executeTakeFirstOrThrow()).id;
    // Enrolled at the desk meanwhile (the demo may already list them as eligible or contacted).
    await database.db
      .deleteFrom('enrollments')
      .where('worker_id', '=', row.worker_id)
      .where('programme_id', '=', programmeId)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('enrollment_transitions as t').select('t.id').whereRef('t.enrollment_id', '=', 'enrollments.id'))),
      )
      .execute();
    const existing = await database.db
      .selectFrom('enrollments')
      .select('id')
      .where('worker_id', '=', row.worker_id)
      .where('programme_id', '=', programmeId)
      .executeTakeFirst();
    if (existing) await database.db.updateTable('enrollments').set({ state: 'registered' }).where('id', '=', existing.id).execute();
    else
      await database.db
        .insertInto('enrollments')
        .values({
          programme_id: programmeId,
          worker_id: row.worker_id,
          office_id: row.office_id,
          state: 'registered',
          requested_at: new Date(),
        })
        .execute();
    await module(() => new Date()).delivery.runReminders();
    const after = await database.db
      .selectFrom('outreach_recipients')
      .select(['status', 'reminders_sent'])
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ status: 'registered', reminders_sent: 0 });
  });

  it('two runs at the same time remind each due recipient exactly once (FOR UPDATE SKIP LOCKED)', async () => {
    const due = await database.db
      .selectFrom('outreach_recipients as r')
      .innerJoin('outreach_campaigns as c', 'c.id', 'r.campaign_id')
      .select('r.id')
      .where('c.status', '=', 'running')
      .where('r.status', 'in', ['invited', 'reminded'])
      .whereRef('r.reminders_sent', '<', 'c.max_reminders')
      .execute();
    expect(due.length).toBeGreaterThan(10);
    const a = module(() => later);
    const b = module(() => later);
    const [ra, rb] = await Promise.all([a.delivery.runReminders(), b.delivery.runReminders()]);
    expect(ra.reminded + rb.reminded).toBe(due.length);
    const perRecipient = await database.db
      .selectFrom('outreach_messages')
      .select(['recipient_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('created_at', '=', later)
      .groupBy('recipient_id')
      .execute();
    expect(perRecipient).toHaveLength(due.length);
    expect(perRecipient.every((r) => Number(r.n) === 1)).toBe(true);
    // Nothing is due again the same day.
    expect((await a.delivery.runReminders()).reminded).toBe(0);
  });
});

describe('registration reaches outreach', () => {
  it('marks every open recipient row of the worker registered, with its log and timeline', async () => {
    const row = await database.db
      .selectFrom('outreach_recipients')
      .select(['id', 'worker_id', 'status'])
      .where('status', '=', 'reminded')
      .executeTakeFirstOrThrow();
    const changed = await database.db
      .transaction()
      .execute((trx) => markRecipientRegistered(trx, { workerId: row.worker_id, programmeId: null, actorId: null, at: later }));
    expect(changed).toBeGreaterThanOrEqual(1);
    const after = await database.db.selectFrom('outreach_recipients').select('status').where('id', '=', row.id).executeTakeFirstOrThrow();
    expect(after.status).toBe('registered');
    const log = await database.db
      .selectFrom('outreach_recipient_events')
      .select(['from_status', 'to_status'])
      .where('recipient_id', '=', row.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(log).toEqual({ from_status: 'reminded', to_status: 'registered' });
    const event = await database.db
      .selectFrom('worker_events')
      .select('kind')
      .where('worker_id', '=', row.worker_id)
      .where('kind', '=', 'outreach.registered')
      .executeTakeFirst();
    expect(event).toBeDefined();
  });
});
