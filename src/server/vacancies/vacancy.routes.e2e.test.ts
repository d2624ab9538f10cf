import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeFixtureZips } from '../../../tests/fixtures/taxonomy/esco-fixture.js';
import { loadEscoMini, SKILLS } from '../../../tests/factories/training.js';
import { networkOf } from '../../../tests/factories/programmes.js';
import { buildEmployerWithSites, COMUNI, OCCUPATIONS } from '../../../tests/factories/vacancies.js';
import { accountWith, matrixPasswordHash } from '../../../tests/security/idor-world.js';
import { DEMO, createTestApp, expectProblem, officeIdByCode, signIn, type Agent, type TestApp } from '../../../tests/helpers/test-app.js';
import { createAuditRepository, createAuditService } from '../audit/index.js';
import { createJobsModule } from '../jobs/index.js';
import { romeToday } from '../../shared/time/rome-time.js';
import { createVacanciesModule, vacancyExpiryJob, VACANCY_EXPIRY_KIND } from './vacancies.module.js';

let t: TestApp;
let matcher: Agent;
let consultant: Agent;
let frontoffice: Agent;
let carpiMatcher: Agent;
let carpiConsultant: Agent;
let modena: string;
let mirandola: string;
let network: string;
let employer: { employerId: string; siteIds: string[] };
let otherEmployer: { employerId: string; siteIds: string[] };

const DAY = 86_400_000;
const inDays = (n: number) => romeToday(new Date(t.clock().getTime() + n * DAY));

beforeAll(async () => {
  t = await createTestApp();
  await loadEscoMini(t.database);
  matcher = await signIn(t.app, DEMO.matcher);
  consultant = await signIn(t.app, DEMO.consultant);
  frontoffice = await signIn(t.app, DEMO.frontoffice);
  modena = await officeIdByCode(t.database, 'CPI-MO');
  mirandola = await officeIdByCode(t.database, 'CPI-MI');
  const carpi = await officeIdByCode(t.database, 'CPI-CA');
  network = await networkOf(t.database.db, modena);
  const passwordHash = await matrixPasswordHash();
  carpiMatcher = (
    await accountWith(t.app, t.database.db, {
      email: 'n.dallolio.incontro@ricolloca.example',
      fullName: 'Nicolò Dall’Olio',
      officeId: carpi,
      role: 'matcher',
      passwordHash,
    })
  ).agent;
  carpiConsultant = (
    await accountWith(t.app, t.database.db, {
      email: 'g.esposito.carpi@ricolloca.example',
      fullName: 'Giulia Esposito',
      officeId: carpi,
      role: 'consultant',
      passwordHash,
    })
  ).agent;
  // The demo matcher works in every office; the vacancy below is Mirandola's (the matcher switches there).
  employer = await buildEmployerWithSites(t.database.db, {
    networkId: network,
    officeId: mirandola,
    name: 'Officine Meccaniche Bassa Modenese S.r.l.',
    sites: [
      { comuneCode: COMUNI.mirandola, name: 'Stabilimento di via Statale Nord', address: 'Via Statale Nord 112' },
      { comuneCode: COMUNI.carpi, name: 'Magazzino di Carpi' },
    ],
  });
  otherEmployer = await buildEmployerWithSites(t.database.db, {
    networkId: network,
    officeId: modena,
    name: 'Pasticceria D’Angelo & Figli S.n.c.',
    sites: [{ comuneCode: COMUNI.modena }],
  });
  expect((await matcher.put('/api/v1/auth/session/office', { officeId: mirandola })).statusCode).toBe(200);
});
afterAll(async () => {
  await t.close();
  removeFixtureZips();
});

const welding = () => ({
  employerId: employer.employerId,
  siteId: employer.siteIds[0]!,
  escoOccupationUri: OCCUPATIONS.welder,
  title: 'Addetto/a alla saldatura',
  description: 'Saldatura MIG/MAG di carpenteria media su disegno; lettura del disegno tecnico.',
  eqfLevel: 3,
  languages: [{ code: 'en', cefr: 'A2' }],
  drivingLicences: ['B'],
  contractType: 'fixed_term',
  durationMonths: 12,
  workingTime: 'full_time',
  ccnlCode: 'C011',
  ccnlLevel: 'D1',
  payMinCents: 165_000,
  payMaxCents: 185_000,
  positions: 2,
  startDate: inDays(30),
  deadline: inDays(20),
  skills: [
    { uri: SKILLS.arcWelding.uri, relevance: 'essential' },
    { uri: SKILLS.weldingEquipment.uri, relevance: 'essential' },
    { uri: SKILLS.spokenEnglish.uri, relevance: 'optional' },
  ],
});

const pathsOf = (res: Parameters<typeof expectProblem>[0]) =>
  Object.fromEntries(
    expectProblem(res, 400, 'VALIDATION_FAILED').errors.map((e: { path: string; message: string }) => [e.path, e.message]),
  );

describe('vacancies: who may call', () => {
  it('answers 401 to anonymous callers on every route', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    for (const [method, url] of [
      ['GET', '/api/v1/vacancies'],
      ['GET', '/api/v1/vacancies/board'],
      ['POST', '/api/v1/vacancies'],
      ['GET', `/api/v1/vacancies/${id}`],
      ['PUT', `/api/v1/vacancies/${id}`],
      ['POST', `/api/v1/vacancies/${id}/publish`],
      ['POST', `/api/v1/vacancies/${id}/fill`],
      ['POST', `/api/v1/vacancies/${id}/close`],
      ['POST', `/api/v1/vacancies/${id}/reopen`],
    ] as const) {
      expectProblem(await t.app.inject({ method, url, payload: method === 'GET' ? undefined : {} }), 401, 'UNAUTHENTICATED');
    }
  });

  it('answers 403 when a consultant or a front-office operator tries to write a vacancy', async () => {
    expectProblem(await consultant.post('/api/v1/vacancies', welding()), 403, 'FORBIDDEN');
    expectProblem(await frontoffice.post('/api/v1/vacancies', welding()), 403, 'FORBIDDEN');
  });
});

describe('vacancies: bad input', () => {
  it('refuses a deadline in the past beside the field, in Italian', async () => {
    const errors = pathsOf(await matcher.post('/api/v1/vacancies', { ...welding(), deadline: inDays(-1) }));
    expect(errors).toEqual({ 'body/deadline': 'La scadenza non può essere nel passato' });
  });

  it('refuses a comune that does not exist, in Italian and in English', async () => {
    const it = pathsOf(await matcher.post('/api/v1/vacancies', { ...welding(), comuneCode: '036999' }));
    expect(it['body/comuneCode']).toBe('Comune sconosciuto: nessun comune ISTAT con questo codice');
    const en = await matcher.request({
      method: 'POST',
      url: '/api/v1/vacancies',
      payload: { ...welding(), comuneCode: '036999' },
      headers: { 'accept-language': 'en' },
    });
    expect(pathsOf(en)['body/comuneCode']).toBe('Unknown comune: no ISTAT comune has this code');
  });

  it('asks at least one position, a pay range the right way round, the months of a fixed term and the hours of a part time', async () => {
    const errors = pathsOf(
      await matcher.post('/api/v1/vacancies', {
        ...welding(),
        positions: 0,
        payMinCents: 200_000,
        payMaxCents: 150_000,
        durationMonths: undefined,
        workingTime: 'part_time',
      }),
    );
    expect(errors).toEqual({
      'body/positions': 'Indicare almeno un posto',
      'body/payMaxCents': 'La retribuzione massima non può essere inferiore alla minima',
      'body/durationMonths': 'Indicare la durata in mesi del tempo determinato',
      'body/weeklyHours': 'Indicare le ore settimanali del part time',
    });
  });

  it('checks codes against the classifications: occupation, skill, CCNL, and the site of the employer', async () => {
    const errors = pathsOf(
      await matcher.post('/api/v1/vacancies', {
        ...welding(),
        siteId: otherEmployer.siteIds[0],
        escoOccupationUri: 'http://data.europa.eu/esco/occupation/00000000-0000-0000-0000-000000000000',
        ccnlCode: 'Z999',
        skills: [{ uri: 'http://data.europa.eu/esco/skill/00000000-0000-0000-0000-000000000000', relevance: 'essential' }],
      }),
    );
    expect(errors).toEqual({
      'body/siteId': 'La sede non è di questa azienda',
      'body/escoOccupationUri': 'Professione ESCO sconosciuta',
      'body/ccnlCode': 'Contratto collettivo sconosciuto nell’archivio CNEL',
      'body/skills/0/uri': 'Competenza ESCO sconosciuta',
    });
  });

  it('refuses an unknown filter value and a vacancy without an occupation', async () => {
    expect(pathsOf(await matcher.get('/api/v1/vacancies?state=aperta'))).toHaveProperty('querystring/state');
    const { escoOccupationUri: _omit, ...noOccupation } = welding();
    expect(pathsOf(await matcher.post('/api/v1/vacancies', noOccupation))['body/escoOccupationUri']).toBe(
      'Indicare la professione ESCO o il codice CP2011',
    );
  });
});

describe('vacancies: the lifecycle', () => {
  let id: string;

  it('creates a draft with its skills and the first line of the log, owned by the office the matcher works in', async () => {
    const res = await matcher.post('/api/v1/vacancies', welding());
    expect(res.statusCode, res.body).toBe(201);
    const v = res.json();
    id = v.id;
    expect(v).toMatchObject({
      state: 'draft',
      officeId: mirandola,
      comuneCode: COMUNI.mirandola,
      comuneName: 'Mirandola',
      employerName: 'Officine Meccaniche Bassa Modenese S.r.l.',
      occupationLabel: 'welder',
      durationMonths: 12,
      weeklyHours: null,
      version: 1,
      editable: true,
    });
    expect(v.skills.map((s: { label: string; relevance: string }) => `${s.relevance}: ${s.label}`).sort()).toEqual([
      'essential: applicare le tecniche di saldatura ad arco',
      'essential: usare le attrezzature per saldatura',
      'optional: understand spoken English',
    ]);
    expect(v.actions).toEqual([
      { action: 'publish', reasonRequired: false },
      { action: 'close', reasonRequired: true },
    ]);
    expect(v.log).toEqual([expect.objectContaining({ from: null, to: 'draft', actorName: 'Sara Colombo' })]);
  });

  it('lets every office read it, and only the owning office change it', async () => {
    const seen = (await carpiConsultant.get(`/api/v1/vacancies/${id}`)).json();
    expect(seen).toMatchObject({ title: 'Addetto/a alla saldatura', editable: false, actions: [] });
    const stale = { ...welding(), version: 1, title: 'Saldatore' };
    expectProblem(await carpiMatcher.put(`/api/v1/vacancies/${id}`, stale), 403, 'VACANCY_OTHER_OFFICE');
    expectProblem(await carpiMatcher.post(`/api/v1/vacancies/${id}/publish`, { version: 1 }), 403, 'VACANCY_OTHER_OFFICE');
  });

  it('updates with the version read, and answers 409 to a stale version', async () => {
    const res = await matcher.put(`/api/v1/vacancies/${id}`, { ...welding(), positions: 3, version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ positions: 3, version: 2 });
    expectProblem(await matcher.put(`/api/v1/vacancies/${id}`, { ...welding(), version: 1 }), 409, 'VACANCY_VERSION_CONFLICT');
    expectProblem(await matcher.post(`/api/v1/vacancies/${id}/publish`, { version: 1 }), 409, 'VACANCY_VERSION_CONFLICT');
  });

  it('publishes it; another office finds it by title, comune and occupation', async () => {
    const res = await matcher.post(`/api/v1/vacancies/${id}/publish`, { version: 2 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'published', version: 3 });
    const found = (
      await carpiConsultant.get(`/api/v1/vacancies?q=saldatura&comuneCode=${COMUNI.mirandola}&state=published&contractType=fixed_term`)
    ).json();
    expect(found.items.map((v: { id: string }) => v.id)).toEqual([id]);
    expect(found).toMatchObject({ total: 1, totalCapped: false });
    const byOccupation = (
      await carpiConsultant.get(`/api/v1/vacancies?escoOccupationUri=${encodeURIComponent(OCCUPATIONS.welder)}`)
    ).json();
    expect(byOccupation.items.map((v: { id: string }) => v.id)).toContain(id);
    const none = (await carpiConsultant.get(`/api/v1/vacancies?q=saldatura&comuneCode=${COMUNI.carpi}`)).json();
    expect(none.items).toEqual([]);
  });

  it('asks the reason to close, refuses a move the table does not have, and logs who and why', async () => {
    expect(pathsOf(await matcher.post(`/api/v1/vacancies/${id}/close`, { version: 3, reason: '  ' }))).toEqual({
      'body/reason': 'Inserire il motivo',
    });
    expectProblem(await matcher.post(`/api/v1/vacancies/${id}/reopen`, { version: 3, reason: 'x' }), 409, 'VACANCY_MOVE_NOT_ALLOWED');
    const closed = await matcher.post(`/api/v1/vacancies/${id}/close`, { version: 3, reason: 'L’azienda ha sospeso le assunzioni' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().log.map((l: { from: string | null; to: string; reason: string }) => [l.from, l.to, l.reason])).toEqual([
      [null, 'draft', ''],
      ['draft', 'published', ''],
      ['published', 'closed', 'L’azienda ha sospeso le assunzioni'],
    ]);
    expectProblem(await matcher.put(`/api/v1/vacancies/${id}`, { ...welding(), version: 4 }), 409, 'VACANCY_NOT_EDITABLE');
    const reopened = await matcher.post(`/api/v1/vacancies/${id}/reopen`, { version: 4, reason: 'Assunzioni riprese' });
    expect(reopened.json()).toMatchObject({ state: 'draft', version: 5 });
  });

  it('fills a published vacancy with the positions filled, never more than offered', async () => {
    await matcher.post(`/api/v1/vacancies/${id}/publish`, { version: 5 });
    expect(pathsOf(await matcher.post(`/api/v1/vacancies/${id}/fill`, { version: 6, positionsFilled: 4 }))).toEqual({
      'body/positionsFilled': 'Le posizioni coperte non possono superare quelle offerte',
    });
    const filled = await matcher.post(`/api/v1/vacancies/${id}/fill`, { version: 6, positionsFilled: 3, reason: 'Assunti tramite il CPI' });
    expect(filled.json()).toMatchObject({ state: 'filled', positionsFilled: 3, actions: [] });
  });

  it('audits every change with the office of the vacancy', async () => {
    const actions = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'office_id'])
      .where('entity_id', '=', id)
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'vacancy.created',
      'vacancy.updated',
      'vacancy.publish',
      'vacancy.close',
      'vacancy.reopen',
      'vacancy.publish',
      'vacancy.fill',
    ]);
    expect(new Set(actions.map((a) => a.office_id))).toEqual(new Set([mirandola]));
  });
});

describe('vacancies: the board and the daily expiry', () => {
  it('shows the office’s vacancies per state, the deadlines approaching and the positions', async () => {
    // Mirandola's demo vacancies are on the board too: what this test adds is counted on top of them.
    const before = (await matcher.get(`/api/v1/vacancies/board?officeId=${mirandola}`)).json();
    const soon = (await matcher.post('/api/v1/vacancies', { ...welding(), title: 'Carpentiere/a in ferro', deadline: inDays(3) })).json();
    await matcher.post(`/api/v1/vacancies/${soon.id}/publish`, { version: 1 });
    await matcher.post('/api/v1/vacancies', { ...welding(), title: 'Manutentore/trice meccanico/a', deadline: inDays(60) });
    const board = (await matcher.get(`/api/v1/vacancies/board?officeId=${mirandola}`)).json();
    expect(board).toMatchObject({
      officeId: mirandola,
      counts: {
        ...before.counts,
        draft: (before.counts.draft ?? 0) + 1,
        published: (before.counts.published ?? 0) + 1,
      },
      positionsOpen: before.positionsOpen + 2,
      positionsFilled: before.positionsFilled,
    });
    expect(board.closingSoon.map((v: { title: string }) => v.title)).toContain('Carpentiere/a in ferro');
    expect(before.closingSoon.map((v: { title: string }) => v.title)).not.toContain('Carpentiere/a in ferro');
    expect(board.drafts.map((v: { title: string }) => v.title)).toContain('Manutentore/trice meccanico/a');
  });

  it('expires published vacancies past their deadline once a day on the job queue, logged without a person', async () => {
    const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const audit = createAuditService({ db: t.database.db, repository: createAuditRepository() });
    const module = createVacanciesModule({ db: t.database.db, audit, clock: t.clock });
    const jobs = createJobsModule({ db: t.database.db, databaseKind: t.database.kind, audit, clock: t.clock, log: silent });
    jobs.registerPeriodic(vacancyExpiryJob(module.vacancies, silent));
    // Four days on, the vacancy closing in three days is past its deadline.
    t.clock.advance(4 * DAY);
    await jobs.runner.seedPeriodic();
    expect(await jobs.runner.drain()).toBe(1);
    // Four days idle end the session: the matcher signs in again.
    matcher = await signIn(t.app, DEMO.matcher);
    const page = (await matcher.get('/api/v1/vacancies?q=carpentiere')).json();
    expect(page.items.map((v: { state: string }) => v.state)).toEqual(['expired']);
    const detail = (await matcher.get(`/api/v1/vacancies/${page.items[0].id}`)).json();
    expect(detail.log.at(-1)).toMatchObject({ from: 'published', to: 'expired', actorName: null });
    expect(detail.actions).toEqual([{ action: 'reopen', reasonRequired: true }]);
    // The next run is tomorrow's: nothing more is due today.
    const next = await t.database.db
      .selectFrom('jobs')
      .select('run_at')
      .where('kind', '=', VACANCY_EXPIRY_KIND)
      .where('state', '=', 'queued')
      .execute();
    expect(next).toHaveLength(1);
    expect(await jobs.runner.drain()).toBe(0);
  });
});
