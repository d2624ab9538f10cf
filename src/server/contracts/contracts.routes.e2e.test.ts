import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, createTestApp, expectProblem, signIn, type Agent, type TestApp } from '../../../tests/helpers/test-app.js';

let t: TestApp;
let admin: Agent;
let coordinator: Agent;
let matcher: Agent;
let consultant: Agent;
let frontoffice: Agent;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, DEMO.admin);
  coordinator = await signIn(t.app, DEMO.coordinator);
  matcher = await signIn(t.app, DEMO.matcher);
  consultant = await signIn(t.app, DEMO.consultant);
  frontoffice = await signIn(t.app, DEMO.frontoffice);
});
afterAll(() => t.close());

const BASE = '/api/v1/contracts/ccnl-minimums';
const ID = '00000000-0000-4000-8000-000000000000';

/** Commercio, terziario (CNEL H011), a level the demo has no table for. */
const commercio = (over: Record<string, unknown> = {}) => ({
  ccnlCode: 'H011',
  level: '3',
  monthlyCents: 180_000,
  weeklyHours: 40,
  validFrom: '2025-04-01',
  validTo: '2026-03-31',
  sourceNote: 'rinnovo 22 marzo 2024, tabella 1° aprile 2025',
  ...over,
});

const fieldErrors = (res: Parameters<typeof expectProblem>[0]) =>
  Object.fromEntries(
    expectProblem(res, 400, 'VALIDATION_FAILED').errors.map((e: { path: string; message: string }) => [e.path, e.message]),
  );

const del = (agent: Agent, id: string, version: number) => agent.request({ method: 'DELETE', url: `${BASE}/${id}?version=${version}` });
const check = (agent: Agent, q: Record<string, string | number>) =>
  agent.get(`${BASE}/check?${new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)])).toString()}`);

describe('CCNL minimums: who may call', () => {
  it('answers 401 to anonymous callers on every route', async () => {
    for (const [method, url] of [
      ['GET', BASE],
      ['POST', BASE],
      ['GET', `${BASE}/check?ccnlCode=H011&level=3&weeklyHours=40&offeredMonthlyCents=1`],
      ['PUT', `${BASE}/${ID}`],
      ['DELETE', `${BASE}/${ID}?version=1`],
      ['GET', '/api/v1/contracts/checklist'],
    ] as const) {
      expectProblem(
        await t.app.inject({ method, url, payload: method === 'GET' || method === 'DELETE' ? undefined : {} }),
        401,
        'UNAUTHENTICATED',
      );
    }
  });

  it('answers 403 to the front office on reads, and to everyone but administrators on writes', async () => {
    expectProblem(await frontoffice.get(BASE), 403, 'FORBIDDEN');
    expectProblem(await frontoffice.get('/api/v1/contracts/checklist'), 403, 'FORBIDDEN');
    expectProblem(await check(frontoffice, { ccnlCode: 'H011', level: '4', weeklyHours: 40, offeredMonthlyCents: 1 }), 403, 'FORBIDDEN');
    for (const agent of [coordinator, matcher, consultant]) {
      expectProblem(await agent.post(BASE, commercio()), 403, 'FORBIDDEN');
      expectProblem(await agent.put(`${BASE}/${ID}`, { ...commercio(), version: 1 }), 403, 'FORBIDDEN');
      expectProblem(await del(agent, ID, 1), 403, 'FORBIDDEN');
    }
    for (const agent of [coordinator, matcher, consultant]) expect((await agent.get(`${BASE}?ccnlCode=H011`)).statusCode).toBe(200);
  });
});

describe('CCNL minimums: bad input', () => {
  it('asks for every missing field beside it, in Italian', async () => {
    const errors = fieldErrors(await admin.post(BASE, { ccnlCode: '', level: ' ', sourceNote: '' }));
    expect(errors).toMatchObject({
      'body/level': 'Inserire il livello',
      'body/monthlyCents': 'Inserire il minimo mensile lordo',
      'body/weeklyHours': 'Inserire le ore settimanali',
      'body/validFrom': 'Inserire la data di inizio validità',
      'body/sourceNote': 'Indicare la fonte (rinnovo, tabella)',
    });
    expect(errors['body/ccnlCode']).toBeTruthy();
  });

  it('refuses a CCNL the CNEL archive does not know, beside the field, in Italian and in English', async () => {
    expect(fieldErrors(await admin.post(BASE, commercio({ ccnlCode: 'Z999' })))).toEqual({
      'body/ccnlCode': 'Contratto collettivo sconosciuto nell’archivio CNEL',
    });
    const en = await admin.request({
      method: 'POST',
      url: BASE,
      payload: commercio({ ccnlCode: 'Z999' }),
      headers: { 'accept-language': 'en' },
    });
    expect(fieldErrors(en)['body/ccnlCode']).toMatch(/CNEL/);
    expect(fieldErrors(await admin.post(BASE, commercio({ ccnlCode: 'commercio' })))['body/ccnlCode']).toBe(
      'Il codice CNEL ha 4 lettere o cifre (per esempio C011)',
    );
  });

  it('refuses an end of validity before its start, a zero amount and hours beyond 48', async () => {
    expect(fieldErrors(await admin.post(BASE, commercio({ validTo: '2025-03-31', monthlyCents: 0, weeklyHours: 60 })))).toMatchObject({
      'body/validTo': 'La data di fine validità non può precedere quella di inizio',
      'body/monthlyCents': 'L’importo mensile deve essere maggiore di zero',
    });
  });

  it('answers 400 to a check without the offer', async () => {
    expectProblem(await check(matcher, { ccnlCode: 'H011', level: '4' }), 400, 'VALIDATION_FAILED');
  });
});

describe('CCNL minimums: tables of real agreements', () => {
  let commercioId = '';

  it('creates a table of commercio terziario, listed with the agreement’s name and who entered it', async () => {
    const res = await admin.post(BASE, commercio());
    expect(res.statusCode).toBe(201);
    const row = res.json();
    commercioId = row.id;
    expect(row).toMatchObject({
      ccnlCode: 'H011',
      ccnlName: 'CCNL per i dipendenti da aziende del Terziario della Distribuzione e dei Servizi',
      level: '3',
      monthlyCents: 180_000,
      weeklyHours: 40,
      validFrom: '2025-04-01',
      validTo: '2026-03-31',
      version: 1,
    });
    expect(row.createdByName).toBeTruthy();
    const list = (await matcher.get(`${BASE}?ccnlCode=H011`)).json();
    expect(list.items.map((i: { level: string }) => i.level)).toContain('3');
    expect(list.items.every((i: { ccnlCode: string }) => i.ccnlCode === 'H011')).toBe(true);
  });

  it('refuses a table of the same CCNL and level whose validity overlaps, whatever the level’s case and spacing', async () => {
    expect(fieldErrors(await admin.post(BASE, commercio({ validFrom: '2026-01-01', validTo: null })))).toEqual({
      'body/validFrom': 'Il periodo si sovrappone a un’altra tabella dei minimi dello stesso contratto e livello',
    });
    expect(fieldErrors(await admin.post(BASE, commercio({ level: ' 3 ', validFrom: '2024-01-01', validTo: '2025-04-01' })))).toHaveProperty(
      'body/validFrom',
    );
    // The next period, from the day after, is accepted; so is another level over the same period.
    expect((await admin.post(BASE, commercio({ validFrom: '2026-04-01', validTo: null, monthlyCents: 184_500 }))).statusCode).toBe(201);
    expect((await admin.post(BASE, commercio({ level: '2', monthlyCents: 199_000 }))).statusCode).toBe(201);
  });

  it('updates a table with its version, refuses a stale one, and refuses moving it onto the next period', async () => {
    const updated = await admin.put(`${BASE}/${commercioId}`, { ...commercio({ monthlyCents: 181_250 }), version: 1 });
    expect(updated.json()).toMatchObject({ monthlyCents: 181_250, version: 2 });
    expectProblem(await admin.put(`${BASE}/${commercioId}`, { ...commercio(), version: 1 }), 409, 'CCNL_MINIMUM_VERSION_CONFLICT');
    expect(fieldErrors(await admin.put(`${BASE}/${commercioId}`, { ...commercio({ validTo: '2026-06-30' }), version: 2 }))).toHaveProperty(
      'body/validFrom',
    );
    expectProblem(await admin.put(`${BASE}/${ID}`, { ...commercio(), version: 1 }), 404, 'CCNL_MINIMUM_NOT_FOUND');
  });

  it('checks a part-time offer against the minimum pro-rated to the hours: 1.812,50 € for 40 h is 1.087,50 € for 24 h', async () => {
    const answer = (
      await check(consultant, { ccnlCode: 'H011', level: '3', weeklyHours: 24, offeredMonthlyCents: 120_000, date: '2025-09-15' })
    ).json();
    expect(answer).toMatchObject({
      known: true,
      proratedMinimumCents: 108_750,
      belowMinimum: false,
      shortfallCents: 0,
      date: '2025-09-15',
    });
    expect(answer.minimum).toMatchObject({ id: commercioId, sourceNote: 'rinnovo 22 marzo 2024, tabella 1° aprile 2025' });
  });

  it('warns, never refuses, an offer below the minimum, and uses the table in force on the day', async () => {
    const before = (
      await check(matcher, { ccnlCode: 'H011', level: '3', weeklyHours: 40, offeredMonthlyCents: 182_000, date: '2026-03-31' })
    ).json();
    expect(before).toMatchObject({ belowMinimum: false, proratedMinimumCents: 181_250 });
    const after = await check(matcher, { ccnlCode: 'H011', level: '3', weeklyHours: 40, offeredMonthlyCents: 182_000, date: '2026-04-01' });
    expect(after.statusCode).toBe(200);
    expect(after.json()).toMatchObject({ known: true, belowMinimum: true, proratedMinimumCents: 184_500, shortfallCents: 2_500 });
  });

  it('says when no minimum is known: another level, a day before any table', async () => {
    expect(
      (await check(matcher, { ccnlCode: 'H011', level: 'Quadro', weeklyHours: 40, offeredMonthlyCents: 250_000 })).json(),
    ).toMatchObject({
      known: false,
      minimum: null,
      belowMinimum: null,
    });
    expect(
      (await check(matcher, { ccnlCode: 'H011', level: '3', weeklyHours: 40, offeredMonthlyCents: 1, date: '2020-01-01' })).json().known,
    ).toBe(false);
  });

  it('keeps tables of metalmeccanica, alimentari and logistica side by side, filtered by CCNL', async () => {
    const rows = [
      { ccnlCode: 'C011', level: 'D1', monthlyCents: 172_000, weeklyHours: 40 },
      { ccnlCode: 'E012', level: '6', monthlyCents: 170_500, weeklyHours: 40 },
      { ccnlCode: 'I14B', level: '6 J', monthlyCents: 168_000, weeklyHours: 39 },
    ];
    for (const r of rows) expect((await admin.post(BASE, commercio({ ...r, validTo: null }))).statusCode, r.ccnlCode).toBe(201);
    const logistica = (await admin.get(`${BASE}?ccnlCode=I14B`)).json().items;
    expect(logistica.find((i: { level: string }) => i.level === '6 J')).toMatchObject({
      ccnlName: 'CCNL logistica, trasporto merci e spedizioni',
      weeklyHours: 39,
    });
    // 1.680,00 € for 39 h, an offer for 19,5 h: 840,00 €.
    expect(
      (await check(matcher, { ccnlCode: 'I14B', level: '6 j', weeklyHours: 19.5, offeredMonthlyCents: 80_000, date: '2026-01-10' })).json(),
    ).toMatchObject({
      proratedMinimumCents: 84_000,
      belowMinimum: true,
    });
    const page = (await admin.get(`${BASE}?limit=2`)).json();
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThan(2);
  });

  it('deletes a table with its version, and audits every change', async () => {
    expectProblem(await del(admin, commercioId, 1), 409, 'CCNL_MINIMUM_VERSION_CONFLICT');
    expect((await del(admin, commercioId, 2)).json()).toEqual({ ok: true });
    expectProblem(await del(admin, commercioId, 2), 404, 'CCNL_MINIMUM_NOT_FOUND');
    const actions = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', commercioId)
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'contracts.ccnl_minimum_created',
      'contracts.ccnl_minimum_updated',
      'contracts.ccnl_minimum_deleted',
    ]);
  });

  it('has the demo’s tables for the CCNL the demo vacancies use, marked as demonstrative', async () => {
    const metal = (await matcher.get(`${BASE}?ccnlCode=C011`)).json().items.filter((i: { level: string }) => i.level === 'C3');
    expect(metal).toHaveLength(1);
    expect(metal[0].sourceNote).toMatch(/^Valori dimostrativi/);
  });
});

describe('the contract checklist', () => {
  it('answers 400 to a contract type it does not know', async () => {
    expectProblem(await consultant.get('/api/v1/contracts/checklist?contractType=stage'), 400, 'VALIDATION_FAILED');
  });

  it('walks the steps with the worker and says which incentive the employer can claim for a permanent hire with the assegno di ricollocazione', async () => {
    const res = await consultant.get(
      '/api/v1/contracts/checklist?contractType=permanent&nonEuCitizen=false&privateEmployer=true&holdsAssegnoDiRicollocazione=true&ownershipCoincidesWithCurrentEmployer=false',
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const codes = body.items.map((i: { code: string }) => i.code);
    expect(codes).toEqual(
      expect.arrayContaining(['DOC_IDENTITY', 'DOC_CODICE_FISCALE', 'LEAVE_HOW', 'LEAVE_CIGS', 'LEAVE_TFR', 'INCOME_COMPARE']),
    );
    expect(codes).not.toContain('DOC_PERMESSO_SOGGIORNO');
    expect(body.incentives.applicable).toEqual([
      expect.objectContaining({
        code: 'ADR_CIGS_24BIS',
        months: 18,
        annualCeilingEuro: 4030,
        source: expect.objectContaining({ comma: '6' }),
      }),
    ]);
    // Without the contract type there is no hire to judge: the steps only.
    expect((await matcher.get('/api/v1/contracts/checklist')).json().incentives).toBeNull();
  });
});
