import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, createTestApp, expectProblem, signIn, type Agent, type TestApp } from '../../../tests/helpers/test-app.js';
import { partitaIvaCheckDigit } from '../../shared/schemas/companies.schema.js';

let t: TestApp;
let coordinator: Agent;
let consultant: Agent;
let frontoffice: Agent;

const piva = (base: string) => `${base}${partitaIvaCheckDigit(base)}`;

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await signIn(t.app, DEMO.coordinator);
  consultant = await signIn(t.app, DEMO.consultant);
  frontoffice = await signIn(t.app, DEMO.frontoffice);
});
afterAll(() => t.close());

describe('companies in crisis', () => {
  it('answers 401 to anonymous callers on every route', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/companies'],
      ['POST', '/api/v1/companies'],
      ['GET', '/api/v1/companies/00000000-0000-4000-8000-000000000000/cohort'],
    ] as const) {
      expectProblem(await t.app.inject({ method, url, payload: method === 'POST' ? {} : undefined }), 401, 'UNAUTHENTICATED');
    }
  });

  it('answers 403 when a consultant tries to register a company or a CIGS case', async () => {
    expectProblem(await consultant.post('/api/v1/companies', { name: 'X' }), 403, 'FORBIDDEN');
    const id = (await consultant.get('/api/v1/companies')).json().items[0].id;
    expectProblem(await consultant.post(`/api/v1/companies/${id}/cigs-cases`, {}), 403, 'FORBIDDEN');
    expectProblem(await consultant.patch(`/api/v1/companies/${id}`, { phone: '1' }), 403, 'FORBIDDEN');
  });

  it('answers 400 naming the fields: bad partita IVA check digit, unknown comune and ATECO code', async () => {
    const bad = piva('0123456789').slice(0, 10) + String((Number(partitaIvaCheckDigit('0123456789')) + 1) % 10);
    const body = expectProblem(
      await coordinator.post('/api/v1/companies', { name: 'Prova', taxCode: bad, vatNumber: '123' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['body/taxCode', 'body/vatNumber']));
    expect(body.errors[0].message).toMatch(/cifra di controllo/);

    const refs = expectProblem(
      await coordinator.post('/api/v1/companies', { name: 'Prova', comuneCode: '999999', atecoCode: '99.99' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(refs.errors).toEqual(
      expect.arrayContaining([
        { path: 'body/comuneCode', message: expect.stringMatching(/Comune sconosciuto/) },
        { path: 'body/atecoCode', message: expect.stringMatching(/ATECO/) },
      ]),
    );
    const cf = expectProblem(
      await coordinator.post('/api/v1/companies', { name: 'Ditta individuale', taxCode: 'RSSMRA80A01F257X' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(cf.errors[0].path).toBe('body/taxCode');
  });

  it('lists the demo companies with their workers and next CIGS end, and finds them by name', async () => {
    const res = await frontoffice.get('/api/v1/companies');
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.length).toBeGreaterThanOrEqual(5);
    expect(items.reduce((sum: number, c: { workers: number }) => sum + c.workers, 0)).toBeGreaterThanOrEqual(650);
    const ceramiche = items.find((c: { name: string }) => c.name.startsWith('Ceramiche'));
    expect(ceramiche).toMatchObject({ comuneName: 'Sassuolo', reasons: ['cessazione_attivita'] });
    expect((await frontoffice.get('/api/v1/companies?q=secchia')).json().items.map((c: { name: string }) => c.name)).toEqual([
      'Ceramiche Secchia S.p.A.',
    ]);
    // «%» and «_» are searched as typed: no demo company has them in its name.
    for (const q of ['%', '_', 'S_p_A'])
      expect((await frontoffice.get(`/api/v1/companies?q=${encodeURIComponent(q)}`)).json().items, q).toEqual([]);
  });

  it('registers a company, refuses its tax code twice, and updates it', async () => {
    const taxCode = piva('0456789036');
    const res = await coordinator.post('/api/v1/companies', {
      name: 'Tessitura Nonantolana S.r.l.',
      taxCode,
      vatNumber: taxCode,
      atecoCode: '13.96',
      comuneCode: '036027',
      address: 'Via Provinciale Ovest 5',
      contacts: [{ name: 'Rita Po', role: 'union', organisation: 'FILCTEM-CGIL', phone: '+39 333 1234567' }],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ comuneName: 'Nonantola', province: 'MO', atecoCode: '13.96', cigsCases: [] });
    expect(res.json().atecoLabel).toMatch(/tessuti/i);
    expectProblem(await coordinator.post('/api/v1/companies', { name: 'Doppione', taxCode }), 409, 'COMPANY_TAX_CODE_ALREADY_USED');
    const updated = await coordinator.patch(`/api/v1/companies/${res.json().id}`, { phone: '+39 059 549 0000' });
    expect(updated.json().phone).toBe('+39 059 549 0000');
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', res.json().id).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['company.created', 'company.updated']));
  });

  it('records CIGS cases and refuses an end before the start with a clear Italian message', async () => {
    const company = (await coordinator.post('/api/v1/companies', { name: 'Fonderia Campogalliano S.r.l.', comuneCode: '036003' })).json();
    const wrong = expectProblem(
      await coordinator.post(`/api/v1/companies/${company.id}/cigs-cases`, {
        reason: 'cessazione_attivita',
        startDate: '2026-06-01',
        endDate: '2026-01-31',
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(wrong.errors).toContainEqual({
      path: 'body/endDate',
      message: 'La data di fine della CIGS non può precedere la data di inizio',
    });
    expectProblem(
      await coordinator.post(`/api/v1/companies/${company.id}/cigs-cases`, {
        reason: 'fallimento',
        startDate: '2026-02-30',
        endDate: '2026-03-01',
      }),
      400,
      'VALIDATION_FAILED',
    );

    const created = await coordinator.post(`/api/v1/companies/${company.id}/cigs-cases`, {
      reason: 'concordato_senza_continuita',
      authorisationRef: 'D.D. 99/2026',
      startDate: '2026-02-01',
      endDate: '2027-01-31',
      workersInvolved: 42,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      reason: 'concordato_senza_continuita',
      endDate: '2027-01-31',
      workersInvolved: 42,
      workersLinked: 0,
    });
    // Moving only the end before the stored start is refused too.
    const moved = expectProblem(
      await coordinator.patch(`/api/v1/companies/${company.id}/cigs-cases/${created.json().id}`, { endDate: '2026-01-15' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(moved.errors[0]).toEqual({ path: 'body/endDate', message: 'La data di fine della CIGS non può precedere la data di inizio' });
    const extended = await coordinator.patch(`/api/v1/companies/${company.id}/cigs-cases/${created.json().id}`, { endDate: '2027-07-31' });
    expect(extended.json().endDate).toBe('2027-07-31');
    expect((await coordinator.get(`/api/v1/companies/${company.id}`)).json().cigsCases).toHaveLength(1);
  });

  it('shows a company’s cohort sorted by CIGS end, soonest first, and audits the read', async () => {
    const company = (await coordinator.get('/api/v1/companies?q=Tiepido')).json().items[0];
    const res = await coordinator.get(`/api/v1/companies/${company.id}/cohort`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{ workerId: string; cigsEndDate: string; programmeStatus: string | null }>;
    expect(items.length).toBeGreaterThan(100);
    // The list's count (people's count per CIGS case) and the cohort (people's workers) agree.
    expect(items).toHaveLength(company.workers);
    const ends = items.map((i) => i.cigsEndDate);
    expect([...ends].sort()).toEqual(ends);
    // Beside each worker, the state of their latest enrolment (programmes' lookup) — or none.
    expect(res.json().enrollmentsAvailable).toBe(true);
    const enrolled = await t.database.db
      .selectFrom('enrollments')
      .select(['worker_id', 'state'])
      .where(
        'worker_id',
        'in',
        items.map((i) => i.workerId),
      )
      .execute();
    expect(enrolled.length).toBeGreaterThan(0);
    const byWorker = new Map(items.map((i) => [i.workerId, i.programmeStatus]));
    for (const e of enrolled) expect(byWorker.get(e.worker_id)).toBe(e.state);
    expect(items.filter((i) => i.programmeStatus === null)).toHaveLength(items.length - enrolled.length);
    // A front-office operator sees only the cohort living in their own office's area.
    const mine = (await frontoffice.get(`/api/v1/companies/${company.id}/cohort`)).json().items as Array<{ officeName: string }>;
    expect(mine.length).toBeLessThan(items.length);
    expect(new Set(mine.map((i) => i.officeName))).toEqual(new Set(['Centro per l’impiego di Modena']));
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', company.id)
      .where('action', '=', 'company.cohort.read')
      .execute();
    expect(audit.length).toBe(2);
  });

  it('answers 404 for a company of another network or an unknown one', async () => {
    expectProblem(await coordinator.get('/api/v1/companies/00000000-0000-4000-8000-000000000000'), 404, 'COMPANY_NOT_FOUND');
  });
});
