import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DEMO, createTestApp, expectProblem, officeIdByCode, signIn, type Agent, type TestApp } from '../../../tests/helpers/test-app.js';

let t: TestApp;
let admin: Agent;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, DEMO.admin);
});
afterAll(() => t.close());

describe('GET /api/v1/audit', () => {
  it('answers 401, 403 and 400 as it should', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/audit' }), 401, 'UNAUTHENTICATED');
    expectProblem(await (await signIn(t.app, DEMO.coordinator)).get('/api/v1/audit'), 403, 'FORBIDDEN');
    expectProblem(await admin.get('/api/v1/audit?limit=1000'), 400, 'VALIDATION_FAILED');
    expectProblem(await admin.get('/api/v1/audit?from=yesterday'), 400, 'VALIDATION_FAILED');
  });

  it('filters by actor, action, office and time, newest first, with keyset paging', async () => {
    const consultant = await signIn(t.app, DEMO.consultant);
    const sassuolo = await officeIdByCode(t.database, 'CPI-SA');
    await consultant.put('/api/v1/auth/session/office', { officeId: sassuolo });
    const me = (await consultant.get('/api/v1/auth/session')).json().user.id;

    const byActor = (await admin.get(`/api/v1/audit?actorId=${me}`)).json().items;
    expect(byActor.map((e: { action: string }) => e.action)).toEqual(['auth.office_switched', 'auth.sign_in']);
    const byOffice = (await admin.get(`/api/v1/audit?officeId=${sassuolo}`)).json().items;
    expect(byOffice.map((e: { action: string }) => e.action)).toEqual(['auth.office_switched']);

    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await admin.get(`/api/v1/audit?from=${encodeURIComponent(future)}`)).json().items).toEqual([]);

    const first = (await admin.get('/api/v1/audit?limit=2')).json();
    expect(first.items).toHaveLength(2);
    expect(first.items[0].id).toBeGreaterThan(first.items[1].id);
    const second = (await admin.get(`/api/v1/audit?limit=2&before=${first.nextBefore}`)).json();
    expect(second.items[0].id).toBeLessThan(first.items[1].id);
  });

  it('cannot be altered, not even with direct SQL', async () => {
    await expect(sql`update audit_log set action = 'x'`.execute(t.database.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(t.database.db)).rejects.toThrow(/append-only/);
    const count = await t.database.db.selectFrom('audit_log').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    expect(count.n).toBeGreaterThan(0);
  });
});
