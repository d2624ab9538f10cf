import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationsEmployer, publishedVacancy, seedWorkers, type SeededWorker } from '../../../tests/factories/applications.js';
import { networkOf } from '../../../tests/factories/programmes.js';
import { accountWith, matrixPasswordHash } from '../../../tests/security/idor-world.js';
import { DEMO, createTestApp, expectProblem, officeIdByCode, signIn, type Agent, type TestApp } from '../../../tests/helpers/test-app.js';
import { romeToday } from '../../shared/time/rome-time.js';

/** The offer's terms on an application, the CCNL minimum warning, the incentives and the contract checklist. */

let t: TestApp;
let matcher: Agent;
let consultant: Agent;
let admin: Agent;
let carpiMatcher: Agent;
let modena: string;
let network: string;
let employer: { employerId: string; siteIds: string[] };

const DAY = 86_400_000;
const ID = '00000000-0000-4000-8000-000000000000';
const inDays = (n: number) => romeToday(new Date(t.clock().getTime() + n * DAY));
const interview = { at: '2026-12-15T09:30:00+01:00', place: 'Via Canaletto Sud 45, Modena', contact: 'Sig. Ferrari, 059 223344' };

/** Commercio, terziario (CNEL H011), level 3 (no demo table): a table written through the contracts API below. */
const terms = (over: Record<string, unknown> = {}) => ({
  contractType: 'permanent',
  ccnlCode: 'H011',
  ccnlLevel: '3',
  weeklyHours: 40,
  monthlyGrossCents: 195_000,
  startDate: inDays(21),
  probationDays: 45,
  comuneCode: '036023',
  ...over,
});

async function moveOk(id: string, body: Record<string, unknown>) {
  const res = await matcher.post(`/api/v1/applications/${id}/moves`, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** A worker of Modena proposed for a new vacancy and walked to the interview. */
async function atInterview(title: string, name: [string, string]) {
  const vacancyId = await publishedVacancy(t.database.db, {
    networkId: network,
    officeId: modena,
    employerId: employer.employerId,
    siteId: employer.siteIds[0]!,
    title,
    positions: 1,
  });
  const [w] = (await seedWorkers(t.database.db, { networkId: network, officeId: modena, names: [name] })) as SeededWorker[];
  const res = await consultant.post('/api/v1/applications', { vacancyId, workerId: w!.id, source: 'consultant' });
  expect(res.statusCode, res.body).toBe(201);
  let a = res.json();
  a = await moveOk(a.id, { action: 'preselect', version: a.version });
  a = await moveOk(a.id, { action: 'send', version: a.version, cvId: w!.cvId });
  return moveOk(a.id, { action: 'interview', version: a.version, interview });
}

const fieldErrors = (res: Parameters<typeof expectProblem>[0]) =>
  Object.fromEntries(
    expectProblem(res, 400, 'VALIDATION_FAILED').errors.map((e: { path: string; message: string }) => [e.path, e.message]),
  );

async function auditRows(entityId: string, action: string) {
  return t.database.db
    .selectFrom('audit_log')
    .select(['action', 'entity_id', 'details'])
    .where('entity_id', '=', entityId)
    .where('action', '=', action)
    .orderBy('id')
    .execute();
}

beforeAll(async () => {
  t = await createTestApp();
  modena = await officeIdByCode(t.database, 'CPI-MO');
  const carpi = await officeIdByCode(t.database, 'CPI-CA');
  network = await networkOf(t.database.db, modena);
  [matcher, consultant, admin] = await Promise.all([
    signIn(t.app, DEMO.matcher),
    signIn(t.app, DEMO.consultant),
    signIn(t.app, DEMO.admin),
  ]);
  for (const agent of [matcher, consultant, admin])
    expect((await agent.put('/api/v1/auth/session/office', { officeId: modena })).statusCode).toBe(200);
  carpiMatcher = (
    await accountWith(t.app, t.database.db, {
      email: 'l.guidetti.incontro@ricolloca.example',
      fullName: 'Lorenzo Guidetti',
      officeId: carpi,
      role: 'matcher',
      passwordHash: await matrixPasswordHash(),
    })
  ).agent;
  employer = await applicationsEmployer(t.database.db, network, modena);
  // The minimum of Commercio level 3, 1.800,00 € at 40 hours, written as an administrator does.
  const minimum = await admin.post('/api/v1/contracts/ccnl-minimums', {
    ccnlCode: 'H011',
    level: '3',
    monthlyCents: 180_000,
    weeklyHours: 40,
    validFrom: '2025-04-01',
    sourceNote: 'rinnovo 22 marzo 2024, tabella 1° aprile 2025',
  });
  expect(minimum.statusCode, minimum.body).toBe(201);
});
afterAll(async () => {
  await t.close();
});

describe('the offer move: its terms', () => {
  it('answers 400 beside each field when the terms are missing or wrong, in Italian', async () => {
    const a = await atInterview('Addetto/a vendite', ['Chiara', 'Benassi']);
    expect(fieldErrors(await matcher.post(`/api/v1/applications/${a.id}/moves`, { action: 'offer', version: a.version }))).toEqual({
      'body/offer': 'Indicare le condizioni dell’offerta: contratto, CCNL e livello, ore, retribuzione e data di inizio',
    });
    const bad = fieldErrors(
      await matcher.post(`/api/v1/applications/${a.id}/moves`, {
        action: 'offer',
        version: a.version,
        offer: terms({ weeklyHours: 60, monthlyGrossCents: 0, contractType: 'stage', ccnlLevel: ' ' }),
      }),
    );
    expect(bad).toMatchObject({
      'body/offer/weeklyHours': 'Le ore settimanali vanno da 1 a 48',
      'body/offer/monthlyGrossCents': 'La retribuzione lorda mensile offerta deve essere maggiore di zero',
      'body/offer/contractType': expect.any(String),
      'body/offer/ccnlLevel': expect.any(String),
    });
    // The start in the past and a CCNL the CNEL archive does not have, both at once.
    expect(
      fieldErrors(
        await matcher.post(`/api/v1/applications/${a.id}/moves`, {
          action: 'offer',
          version: a.version,
          offer: terms({ startDate: inDays(-3), ccnlCode: 'Z999' }),
        }),
      ),
    ).toEqual({
      'body/offer/startDate': 'La data di inizio non può essere nel passato',
      'body/offer/ccnlCode': 'Contratto collettivo sconosciuto nell’archivio CNEL',
    });
    // Nothing was recorded: the application is still at the interview.
    expect((await matcher.get(`/api/v1/applications/${a.id}`)).json()).toMatchObject({
      state: 'interview',
      offer: null,
      version: a.version,
    });
  });

  it('gives the field messages in English to an English-speaking caller', async () => {
    const a = await atInterview('Cassiere/a', ['Marco', 'Ferrari']);
    const res = await matcher.request({
      method: 'POST',
      url: `/api/v1/applications/${a.id}/moves`,
      headers: { 'accept-language': 'en' },
      payload: { action: 'offer', version: a.version, offer: terms({ weeklyHours: 0.5, startDate: inDays(-1) }) },
    });
    const errors = fieldErrors(res);
    expect(errors['body/offer/weeklyHours']).toBe('Weekly hours go from 1 to 48');
  });

  it('accepts an offer below the CCNL minimum with a warning, stored and shown on the application afterwards', async () => {
    const a = await atInterview('Magazziniere/a', ['Giuseppe', 'Lugli']);
    const res = await matcher.post(`/api/v1/applications/${a.id}/moves`, {
      action: 'offer',
      version: a.version,
      offer: terms({ monthlyGrossCents: 120_000 }),
    });
    expect(res.statusCode, res.body).toBe(200);
    const offered = res.json();
    expect(offered.state).toBe('offer');
    expect(offered.warnings).toEqual([
      {
        code: 'OFFER_BELOW_CCNL_MINIMUM',
        message:
          'La retribuzione offerta (1.200,00\u00a0€) è sotto il minimo del CCNL per il livello 3 a 40 ore (1.800,00\u00a0€): chiarire con l’azienda prima dell’assunzione.',
        messages: expect.objectContaining({
          en: expect.stringContaining('(€1,200.00) is below the CCNL minimum for level 3 at 40 hours (€1,800.00)'),
        }),
      },
    ]);
    expect(offered.offer).toMatchObject({
      contractType: 'permanent',
      ccnlCode: 'H011',
      ccnlLevel: '3',
      weeklyHours: 40,
      monthlyGrossCents: 120_000,
      probationDays: 45,
      comuneCode: '036023',
      belowMinimum: true,
      proratedMinimumCents: 180_000,
      recordedByName: expect.any(String),
    });
    const read = (await matcher.get(`/api/v1/applications/${a.id}`)).json();
    expect(read.warnings).toEqual(offered.warnings);
    expect(read.offer).toEqual(offered.offer);
    const [audit] = await auditRows(a.id, 'application.offer');
    expect(audit!.details).toMatchObject({
      from: 'interview',
      to: 'offer',
      monthlyGrossCents: 120_000,
      belowMinimum: true,
      proratedMinimumCents: 180_000,
    });
  });

  it('pro-rates the minimum to part-time hours: 20 hours at 950,00 € meet a minimum of 900,00 €', async () => {
    const a = await atInterview('Commesso/a part time', ['Sara', 'Malagoli']);
    const offered = await moveOk(a.id, {
      action: 'offer',
      version: a.version,
      offer: terms({ weeklyHours: 20, monthlyGrossCents: 95_000 }),
    });
    expect(offered.warnings).toEqual([]);
    expect(offered.offer).toMatchObject({ belowMinimum: false, proratedMinimumCents: 90_000 });
  });

  it('gives no warning when no minimum is known for the CCNL and level', async () => {
    const a = await atInterview('Responsabile di negozio', ['Davide', 'Pignatti']);
    const offered = await moveOk(a.id, {
      action: 'offer',
      version: a.version,
      offer: terms({ ccnlLevel: 'Quadro', monthlyGrossCents: 100_000 }),
    });
    expect(offered.warnings).toEqual([]);
    expect(offered.offer).toMatchObject({ ccnlLevel: 'Quadro', belowMinimum: null, proratedMinimumCents: null });
  });
});

describe('the application at offer: incentives and checklist', () => {
  it('shows the incentives for the offer’s contract, with the worker’s facts to check, and the checklist unticked', async () => {
    const a = await atInterview('Impiegato/a amministrativo/a', ['Francesca', 'Corradini']);
    // Before the offer there is no checklist.
    expect(a.checklist).toBeNull();
    expect(a.incentives).toBeNull();
    await moveOk(a.id, { action: 'offer', version: a.version, offer: terms({ contractType: 'fixed_term' }) });
    const read = (await matcher.get(`/api/v1/applications/${a.id}`)).json();
    const codes = (list: Array<{ code: string }>) => list.map((i) => i.code);
    // Whether the worker holds the assegno di ricollocazione is not known here: to check, never applied on a guess.
    expect(codes(read.incentives.toCheck)).toContain('ADR_CIGS_24BIS');
    // The transition contribution needs a permanent contract: a fixed-term offer does not get it.
    expect(codes(read.incentives.notApplicable)).toEqual(['CIGS_TRANSIZIONE_L234_2021']);
    expect(read.incentives.applicable).toEqual([]);
    const adr = read.incentives.toCheck.find((i: { code: string }) => i.code === 'ADR_CIGS_24BIS');
    expect(adr.source.url).toMatch(/^https:\/\/www\.normattiva\.it\//);
    expect(adr.months).toBe(12);
    expect(codes(read.checklist)).toEqual(expect.arrayContaining(['DOC_IDENTITY', 'LEAVE_CIGS', 'INCOME_MINIMUM']));
    expect(read.checklist.every((i: { done: boolean }) => !i.done)).toBe(true);
  });
});

describe('the checklist tick', () => {
  it('answers 401, 403 and 400 first', async () => {
    const a = await atInterview('Autista patente C', ['Luca', 'Bellei']);
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/applications/${ID}/checklist`,
        payload: { itemCode: 'DOC_IDENTITY', done: true },
      }),
      401,
      'UNAUTHENTICATED',
    );
    expectProblem(
      await consultant.post(`/api/v1/applications/${a.id}/checklist`, { itemCode: 'DOC_IDENTITY', done: true }),
      403,
      'FORBIDDEN',
    );
    // At the interview there is nothing to tick yet.
    expectProblem(
      await matcher.post(`/api/v1/applications/${a.id}/checklist`, { itemCode: 'DOC_IDENTITY', done: true }),
      409,
      'APPLICATION_CHECKLIST_NOT_OPEN',
    );
    const offered = await moveOk(a.id, { action: 'offer', version: a.version, offer: terms() });
    expectProblem(
      await carpiMatcher.post(`/api/v1/applications/${a.id}/checklist`, { itemCode: 'DOC_IDENTITY', done: true }),
      403,
      'APPLICATION_OTHER_OFFICE',
    );
    expect(
      fieldErrors(await matcher.post(`/api/v1/applications/${a.id}/checklist`, { itemCode: 'DOC_PATENTE_NAUTICA', done: true })),
    ).toEqual({
      'body/itemCode': 'Voce della lista di controllo sconosciuta',
    });
    expect(fieldErrors(await matcher.post(`/api/v1/applications/${a.id}/checklist`, { done: 'sì' }))).toHaveProperty('body/itemCode');
    expectProblem(
      await matcher.post(`/api/v1/applications/${a.id}/checklist`, { itemCode: 'DOC_IDENTITY', done: true, version: offered.version - 1 }),
      409,
      'APPLICATION_VERSION_CONFLICT',
    );
    expect(await auditRows(a.id, 'application.checklist.tick')).toEqual([]);
  });

  it('ticks and unticks an item, with who and when, each change audited', async () => {
    const a = await atInterview('Operatore/trice di produzione', ['Elena', 'Fontana']);
    const offered = await moveOk(a.id, { action: 'offer', version: a.version, offer: terms() });
    const res = await matcher.post(`/api/v1/applications/${a.id}/checklist`, {
      itemCode: 'LEAVE_TFR',
      done: true,
      version: offered.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const item = (d: { checklist: Array<{ code: string }> }, code: string) =>
      d.checklist.find((i) => i.code === code) as Record<string, unknown>;
    expect(item(res.json(), 'LEAVE_TFR')).toMatchObject({ done: true, doneByName: expect.any(String), doneAt: expect.any(String) });
    expect(item(res.json(), 'LEAVE_CIGS')).toMatchObject({ done: false, doneByName: null });
    // Ticking does not move the application.
    expect(res.json().version).toBe(offered.version);
    // Ticking again changes nothing and writes no second entry.
    expect((await matcher.post(`/api/v1/applications/${a.id}/checklist`, { itemCode: 'LEAVE_TFR', done: true })).statusCode).toBe(200);
    const ticks = await auditRows(a.id, 'application.checklist.tick');
    expect(ticks).toHaveLength(1);
    expect(ticks[0]!.details).toMatchObject({ itemCode: 'LEAVE_TFR', done: true });
    const read = (await matcher.get(`/api/v1/applications/${a.id}`)).json();
    expect(item(read, 'LEAVE_TFR').done).toBe(true);

    const undone = (await matcher.post(`/api/v1/applications/${a.id}/checklist`, { itemCode: 'LEAVE_TFR', done: false })).json();
    expect(item(undone, 'LEAVE_TFR')).toMatchObject({ done: false, doneByName: null, doneAt: null });
    expect(await auditRows(a.id, 'application.checklist.untick')).toHaveLength(1);
  });
});

describe('the facts the incentives turn on', () => {
  it('answers 401, 403, 400 and 409 first', async () => {
    const a = await atInterview('Magazziniere/a', ['Ilaria', 'Gualdi']);
    expectProblem(
      await t.app.inject({ method: 'PUT', url: `/api/v1/applications/${ID}/hire-facts`, payload: { privateEmployer: true } }),
      401,
      'UNAUTHENTICATED',
    );
    expectProblem(await consultant.put(`/api/v1/applications/${a.id}/hire-facts`, { privateEmployer: true }), 403, 'FORBIDDEN');
    // At the interview there are no offer's terms to decide incentives on.
    expectProblem(
      await matcher.put(`/api/v1/applications/${a.id}/hire-facts`, { privateEmployer: true }),
      409,
      'APPLICATION_CHECKLIST_NOT_OPEN',
    );
    await moveOk(a.id, { action: 'offer', version: a.version, offer: terms() });
    expectProblem(
      await carpiMatcher.put(`/api/v1/applications/${a.id}/hire-facts`, { privateEmployer: true }),
      403,
      'APPLICATION_OTHER_OFFICE',
    );
    expect(fieldErrors(await matcher.put(`/api/v1/applications/${a.id}/hire-facts`, { privateEmployer: 'sì' }))).toHaveProperty(
      'body/privateEmployer',
    );
    expect(fieldErrors(await matcher.put(`/api/v1/applications/${a.id}/hire-facts`, { isee: 12_000 }))).toHaveProperty('body');
    expect(await auditRows(a.id, 'application.hire_facts')).toEqual([]);
  });

  it('decides the relief of art. 24-bis once the worker holds the assegno and the employer is private, and asks again when a fact is set back to unknown', async () => {
    const a = await atInterview('Manutentore/trice elettromeccanico', ['Davide', 'Benatti']);
    const offered = await moveOk(a.id, { action: 'offer', version: a.version, offer: terms() });
    const codes = (list: Array<{ code: string }>) => list.map((i) => i.code).sort();
    expect(offered.hireFacts).toEqual({
      privateEmployer: null,
      holdsAssegnoDiRicollocazione: null,
      ownershipCoincidesWithCurrentEmployer: null,
      cigsTransizioneOccupazionale: null,
    });
    expect(codes(offered.incentives.applicable)).toEqual([]);

    const res = await matcher.put(`/api/v1/applications/${a.id}/hire-facts`, {
      privateEmployer: true,
      holdsAssegnoDiRicollocazione: true,
      ownershipCoincidesWithCurrentEmployer: false,
      cigsTransizioneOccupazionale: false,
    });
    expect(res.statusCode, res.body).toBe(200);
    const decided = res.json();
    // A permanent hire of a holder of the assegno: 18 months of 50 % relief; not on the transition CIGS.
    expect(codes(decided.incentives.applicable)).toEqual(['ADR_CIGS_24BIS']);
    expect(decided.incentives.applicable[0].months).toBe(18);
    expect(codes(decided.incentives.notApplicable)).toEqual(['CIGS_TRANSIZIONE_L234_2021']);
    expect(decided.incentives.toCheck).toEqual([]);
    // Recording facts does not move the application.
    expect(decided.version).toBe(offered.version);

    // The employer turns out to share owners with the crisis company: the relief does not apply.
    const shared = (await matcher.put(`/api/v1/applications/${a.id}/hire-facts`, { ownershipCoincidesWithCurrentEmployer: true })).json();
    expect(codes(shared.incentives.notApplicable)).toEqual(['ADR_CIGS_24BIS', 'CIGS_TRANSIZIONE_L234_2021']);
    expect(shared.hireFacts).toMatchObject({
      privateEmployer: true,
      holdsAssegnoDiRicollocazione: true,
      ownershipCoincidesWithCurrentEmployer: true,
    });
    // Back to «to check»: the rule cannot be decided, so it is neither given nor denied.
    const unknown = (await matcher.put(`/api/v1/applications/${a.id}/hire-facts`, { ownershipCoincidesWithCurrentEmployer: null })).json();
    expect(codes(unknown.incentives.toCheck)).toEqual(['ADR_CIGS_24BIS']);

    const rows = await auditRows(a.id, 'application.hire_facts');
    expect(rows).toHaveLength(3);
    expect(rows[2]!.details).toMatchObject({ ownershipCoincidesWithCurrentEmployer: null });
    // What was learnt is kept with the offer: read again, the facts are there.
    const read = (await matcher.get(`/api/v1/applications/${a.id}`)).json();
    expect(read.hireFacts.holdsAssegnoDiRicollocazione).toBe(true);
  });
});

describe('the hire after the offer', () => {
  it('takes its contract type and start date from the offer when the hire names none', async () => {
    const a = await atInterview('Tecnico/a di laboratorio', ['Matteo', 'Righi']);
    const startDate = inDays(30);
    const offered = await moveOk(a.id, {
      action: 'offer',
      version: a.version,
      offer: terms({ contractType: 'apprenticeship', startDate }),
    });
    const hired = await moveOk(a.id, { action: 'hire', version: offered.version });
    expect(hired.state).toBe('hired');
    const placement = (await matcher.get(`/api/v1/placements/${hired.placementId}`)).json();
    expect(placement).toMatchObject({ contractType: 'apprenticeship', startDate });
    // The hired application still shows its offer and its checklist.
    expect(hired.offer).toMatchObject({ contractType: 'apprenticeship', startDate });
    expect(hired.checklist).not.toBeNull();
  });

  it('still asks for the hire’s terms when the application reached the offer without them', async () => {
    const a = await atInterview('Saldatore/trice', ['Anna', 'Vaccari']);
    // An application moved to «offer» before the terms were asked (the data of an older release).
    await t.database.db
      .updateTable('applications')
      .set({ state: 'offer', version: a.version + 1 })
      .where('id', '=', a.id)
      .execute();
    expect(fieldErrors(await matcher.post(`/api/v1/applications/${a.id}/moves`, { action: 'hire', version: a.version + 1 }))).toEqual({
      'body/hire': 'Indicare il tipo di contratto e la data di inizio',
    });
  });
});
