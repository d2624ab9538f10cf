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
    expectProblem(await admin.get('/api/v1/audit?workerId=Barbieri'), 400, 'VALIDATION_FAILED');
  });

  it('refuses a reversed period with the field named, in the caller’s language', async () => {
    const range = `from=${encodeURIComponent('2026-03-10T00:00:00.000Z')}&to=${encodeURIComponent('2026-03-09T23:59:59.999Z')}`;
    const it = expectProblem(await admin.get(`/api/v1/audit?${range}`), 400, 'DATE_RANGE_REVERSED');
    expect(it.errors).toEqual([{ path: 'querystring/from', message: 'La data iniziale è successiva alla finale' }]);
    const en = expectProblem(
      await admin.request({ method: 'GET', url: `/api/v1/audit?${range}`, headers: { 'accept-language': 'en-GB,en;q=0.9' } }),
      400,
      'DATE_RANGE_REVERSED',
    );
    expect(en.errors).toEqual([{ path: 'querystring/from', message: 'The start date is after the end date' }]);
    // One day, from its first to its last instant, is a period, not a reversed one; and the end is inclusive.
    const day = await admin.get(
      `/api/v1/audit?from=${encodeURIComponent('2026-03-10T00:00:00.000Z')}&to=${encodeURIComponent('2026-03-10T00:00:00.000Z')}`,
    );
    expect(day.statusCode).toBe(200);
  });

  it('names the object of each entry as written, and follows one worker’s trail', async () => {
    const frontoffice = await signIn(t.app, DEMO.frontoffice);
    const barbieri = (await frontoffice.post('/api/v1/workers', { firstName: 'Emanuele', lastName: 'Barbieri' })).json().id as string;
    const dangelo = (await frontoffice.post('/api/v1/workers', { firstName: 'Nicolò', lastName: 'D’Angelo' })).json().id as string;
    expect((await frontoffice.get(`/api/v1/workers/${barbieri}`)).statusCode).toBe(200);
    expect((await frontoffice.get(`/api/v1/workers/${dangelo}`)).statusCode).toBe(200);
    // Renamed later: the entry keeps the name the reader saw.
    expect((await frontoffice.patch(`/api/v1/workers/${barbieri}`, { firstName: 'Emanuele Giuseppe' })).statusCode).toBe(200);

    const trail = (await admin.get(`/api/v1/audit?workerId=${barbieri}`)).json().items as Array<{
      action: string;
      entityLabel: string;
      entityId: string;
    }>;
    expect(trail.map((e) => [e.action, e.entityLabel])).toEqual([
      ['worker.updated', 'Barbieri Emanuele Giuseppe'],
      ['worker.read', 'Barbieri Emanuele'],
      ['worker.created', 'Barbieri Emanuele'],
    ]);
    expect(trail.every((e) => e.entityId === barbieri)).toBe(true);
    const reads = (await admin.get(`/api/v1/audit?action=worker.read&workerId=${dangelo}`)).json().items;
    expect(reads.map((e: { entityLabel: string }) => e.entityLabel)).toEqual(['D’Angelo Nicolò']);

    const coordinator = await signIn(t.app, DEMO.coordinator);
    const office = await officeIdByCode(t.database, 'CPI-MO');
    const programme = (
      await coordinator.post('/api/v1/programmes', {
        code: 'AUD-1',
        name: 'Ricollocazione Ceramiche Fontana',
        startsOn: '2026-01-01',
        capacity: 10,
        officeIds: [office],
      })
    ).json().id as string;
    expect((await coordinator.patch(`/api/v1/programmes/${programme}`, { capacity: 12 })).statusCode).toBe(200);
    const changes = (await admin.get(`/api/v1/audit?entityType=programme&entityId=${programme}`)).json().items;
    expect(changes.map((e: { action: string; entityLabel: string }) => [e.action, e.entityLabel])).toEqual([
      ['programme.updated', 'Ricollocazione Ceramiche Fontana'],
      ['programme.created', 'Ricollocazione Ceramiche Fontana'],
    ]);
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

  it('shows the trail of the network: its offices’ entries, and entries of no office only when about its own staff or no one', async () => {
    // Another network (Reggio Emilia) with an office and a coordinator of its own.
    const db = t.database.db;
    const network = await db
      .insertInto('networks')
      .values({ code: 'RE', name: 'Provincia di Reggio Emilia' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const reggio = await db
      .insertInto('offices')
      .values({ network_id: network.id, code: 'CPI-RE', name: 'Centro per l’impiego di Reggio Emilia', opening_hours: '[]' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const other = await db
      .insertInto('staff_users')
      .values({ email: 'giuseppe.esposito@re.example', full_name: 'Giuseppe Esposito', password_hash: 'x' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('staff_roles').values({ user_id: other.id, office_id: reggio.id, role: 'coordinator' }).execute();
    const ours = (await (await signIn(t.app, DEMO.frontoffice)).get('/api/v1/auth/session')).json().user.id;
    const entry = (action: string, officeId: string | null, actorId: string | null) => ({
      action,
      entity_type: 'worker',
      entity_id: null,
      office_id: officeId,
      actor_id: actorId,
      actor_label: '',
    });
    await db
      .insertInto('audit_log')
      .values([
        entry('test.reggio_office', reggio.id, other.id),
        entry('test.reggio_staff_no_office', null, other.id),
        entry('test.modena_staff_no_office', null, ours),
        entry('test.nobody_no_office', null, null),
        entry('test.modena_office', await officeIdByCode(t.database, 'CPI-CA'), ours),
      ])
      .execute();
    const items = (await admin.get('/api/v1/audit?entityType=worker&limit=200')).json().items as Array<{
      action: string;
      officeName: string | null;
    }>;
    const seen = items.filter((e) => e.action.startsWith('test.'));
    expect(seen.map((e) => e.action)).toEqual(['test.modena_office', 'test.nobody_no_office', 'test.modena_staff_no_office']);
    expect(seen.map((e) => e.officeName)).toEqual(['Centro per l’impiego di Carpi', null, null]);
  });

  it('cannot be altered, not even with direct SQL', async () => {
    await expect(sql`update audit_log set action = 'x'`.execute(t.database.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(t.database.db)).rejects.toThrow(/append-only/);
    const count = await t.database.db
      .selectFrom('audit_log')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    expect(count.n).toBeGreaterThan(0);
  });
});
