import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, createTestApp, expectProblem, officeIdByCode, signIn, type Agent, type TestApp } from '../../../tests/helpers/test-app.js';

let t: TestApp;
let admin: Agent;
let consultant: Agent;
let vignola: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, DEMO.admin);
  consultant = await signIn(t.app, DEMO.consultant);
  vignola = await officeIdByCode(t.database, 'CPI-VI');
});
afterAll(() => t.close());

describe('offices of the network', () => {
  it('answers 401 to anonymous callers', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/offices' }), 401, 'UNAUTHENTICATED');
    expectProblem(await t.app.inject({ method: 'PATCH', url: `/api/v1/offices/${vignola}`, payload: {} }), 401, 'UNAUTHENTICATED');
  });

  it('lets every member of staff read the seven offices of the Province of Modena with their hours', async () => {
    const res = await consultant.get('/api/v1/offices');
    expect(res.statusCode).toBe(200);
    const names = res.json().items.map((o: { name: string }) => o.name);
    expect(names).toHaveLength(7);
    for (const town of ['Modena', 'Carpi', 'Mirandola', 'Sassuolo', 'Vignola', 'Pavullo nel Frignano', 'Castelfranco Emilia']) {
      expect(names).toContain(`Centro per l’impiego di ${town}`);
    }
    const modena = res.json().items.find((o: { code: string }) => o.code === 'CPI-MO');
    expect(modena).toMatchObject({ address: 'Via delle Costellazioni 180', networkName: 'Provincia di Modena', province: 'MO' });
    expect(modena.openingHours).toContainEqual({ day: 2, opens: '14:30', closes: '16:30' });
  });

  it('answers 403 when a consultant tries to change an office', async () => {
    expectProblem(await consultant.patch(`/api/v1/offices/${vignola}`, { phone: '+39 059 1' }), 403, 'FORBIDDEN');
    expectProblem(await consultant.post('/api/v1/offices', { code: 'CPI-X', name: 'X' }), 403, 'FORBIDDEN');
  });

  it('answers 400 to invalid hours, postcode or unknown fields', async () => {
    const res = await admin.patch(`/api/v1/offices/${vignola}`, {
      postalCode: '4105',
      openingHours: [
        { day: 8, opens: '25:00', closes: '12:00' },
        { day: 1, opens: '12:00', closes: '09:00' },
      ],
      manager: 'someone',
    });
    const body = expectProblem(res, 400, 'VALIDATION_FAILED');
    const paths = body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['body/postalCode', 'body/openingHours/0/day', 'body/openingHours/0/opens', 'body/openingHours/1']),
    );
    const unchanged = (await admin.get(`/api/v1/offices/${vignola}`)).json();
    expect(unchanged.postalCode).toBe('41058');
  });

  it('lets an administrator change an office, recording what changed', async () => {
    const res = await admin.patch(`/api/v1/offices/${vignola}`, {
      phone: '+39 059 777 1234',
      openingHours: [{ day: 1, opens: '09:00', closes: '13:00' }],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ phone: '+39 059 777 1234', openingHours: [{ day: 1, opens: '09:00', closes: '13:00' }] });
    const entry = (await admin.get(`/api/v1/audit?entityId=${vignola}&action=office.updated`)).json().items[0];
    expect(entry.details.phone).toEqual({ from: '+39 059 000 5000', to: '+39 059 777 1234' });
    expect(entry.officeName).toBe('Centro per l’impiego di Vignola');
  });

  it('lets an administrator open a new office, with a unique code', async () => {
    const res = await admin.post('/api/v1/offices', {
      code: 'cpi-fi',
      name: 'Centro per l’impiego di Finale Emilia',
      comune: 'Finale Emilia',
      province: 'mo',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ code: 'CPI-FI', province: 'MO', active: true, openingHours: [] });
    expectProblem(await admin.post('/api/v1/offices', { code: 'CPI-FI', name: 'Doppione' }), 409, 'OFFICE_CODE_ALREADY_USED');
  });

  it('does not show offices of another network', async () => {
    const network = await t.database.db
      .insertInto('networks')
      .values({ code: 'RE', name: 'Provincia di Reggio Emilia' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const other = await t.database.db
      .insertInto('offices')
      .values({ network_id: network.id, code: 'CPI-RE', name: 'Centro per l’impiego di Reggio Emilia', opening_hours: '[]' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expectProblem(await admin.get(`/api/v1/offices/${other.id}`), 404, 'OFFICE_NOT_FOUND');
    expectProblem(await admin.patch(`/api/v1/offices/${other.id}`, { phone: '1' }), 404, 'OFFICE_NOT_FOUND');
    expect((await admin.get('/api/v1/offices')).json().items.map((o: { code: string }) => o.code)).not.toContain('CPI-RE');
  });
});

describe('an office renamed', () => {
  it('is named anew at once on the records of its workers', async () => {
    const modena = await officeIdByCode(t.database, 'CPI-MO');
    const worker = (await admin.get(`/api/v1/workers?officeId=${modena}&limit=1`)).json().items[0];
    expect((await admin.get(`/api/v1/workers/${worker.id}`)).json().officeName).toBe('Centro per l’impiego di Modena');
    const renamed = await admin.patch(`/api/v1/offices/${modena}`, { name: 'Centro per l’impiego di Modena – sede di via Delfini' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await admin.get(`/api/v1/workers/${worker.id}`)).json().officeName).toBe(
      'Centro per l’impiego di Modena – sede di via Delfini',
    );
    await admin.patch(`/api/v1/offices/${modena}`, { name: 'Centro per l’impiego di Modena' });
  });
});
