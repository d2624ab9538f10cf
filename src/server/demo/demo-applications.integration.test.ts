import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { createTestDatabase } from '../../../tests/helpers/test-database.js';
import { APPLICATION_STATES } from '../../shared/schemas/applications.schema.js';
import { romeToday } from '../../shared/time/rome-time.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
});
afterAll(() => database.close());

describe('demo applications', () => {
  it('has applications of Modena’s workers in every state, each with its log from the proposal', async () => {
    const rows = await database.db
      .selectFrom('applications as a')
      .innerJoin('offices as o', 'o.id', 'a.office_id')
      .select(['a.id', 'a.state', 'o.code', 'a.sent_at'])
      .execute();
    expect(new Set(rows.map((r) => r.state))).toEqual(new Set(APPLICATION_STATES));
    expect(new Set(rows.map((r) => r.code))).toEqual(new Set(['CPI-MO']));
    const firsts = await database.db
      .selectFrom('application_events')
      .select(['application_id', 'to_state'])
      .where('from_state', 'is', null)
      .execute();
    expect(firsts).toHaveLength(rows.length);
    expect(new Set(firsts.map((e) => e.to_state))).toEqual(new Set(['proposed']));
    // Sent ones carry when; expired ones were sent more than 60 days ago.
    for (const r of rows.filter((x) => x.state === 'expired')) expect(Date.now() - r.sent_at!.getTime()).toBeGreaterThan(60 * 86_400_000);
  });

  it('gives every sent application its e-mail to the employer, recorded by the local outbox', async () => {
    const sent = await database.db.selectFrom('applications').select('id').where('sent_at', 'is not', null).execute();
    const messages = await database.db
      .selectFrom('application_messages')
      .select(['application_id', 'kind', 'status', 'transport', 'recipient', 'subject'])
      .where('kind', '=', 'candidate')
      .execute();
    expect(sent.length).toBeGreaterThan(0);
    expect(new Set(messages.map((m) => m.application_id))).toEqual(new Set(sent.map((s) => s.id)));
    for (const m of messages) {
      if (m.status === 'no_address') continue;
      expect(m).toMatchObject({ status: 'sent', transport: 'outbox' });
      expect(m.recipient).toMatch(/@/);
      expect(m.subject).toMatch(/^Candidato per «.+»: /);
    }
  });

  it('has three hires on filled vacancies, each with its follow-up at one month due today', async () => {
    const hires = await database.db
      .selectFrom('placements as p')
      .innerJoin('applications as a', 'a.id', 'p.application_id')
      .innerJoin('vacancies as v', 'v.id', 'p.vacancy_id')
      .select(['p.id', 'a.state', 'v.state as vacancy_state'])
      .execute();
    expect(hires).toHaveLength(3);
    expect(hires.every((h) => h.state === 'hired' && h.vacancy_state === 'filled')).toBe(true);
    const due = await database.db
      .selectFrom('placement_follow_ups')
      .select(['months', 'due_on'])
      .where(
        'placement_id',
        'in',
        hires.map((h) => h.id),
      )
      .where('due_on', '<=', romeToday(new Date()))
      .execute();
    expect(due.map((f) => f.months)).toEqual([1, 1, 1]);
  });

  it('gives every application at offer or hired its terms, one offer below the CCNL minimum with its warning', async () => {
    const rows = await database.db
      .selectFrom('applications as a')
      .leftJoin('application_offers as o', 'o.application_id', 'a.id')
      .select(['a.state', 'o.application_id as offerOf', 'o.below_minimum', 'o.warning_it'])
      .where('a.state', 'in', ['offer', 'hired'])
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.offerOf === null)).toEqual([]);
    const warned = rows.filter((r) => r.below_minimum === true);
    expect(warned).toHaveLength(1);
    expect(warned[0]!.warning_it).toContain(
      'La retribuzione offerta (1.850,00\u00a0€) è sotto il minimo del CCNL per il livello C2 a 40 ore (2.010,00\u00a0€)',
    );
    // The others are checked against the demo's tables and meet them.
    expect(rows.filter((r) => r.below_minimum === false)).toHaveLength(rows.length - 1);
  });
});
