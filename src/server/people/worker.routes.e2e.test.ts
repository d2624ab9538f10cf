import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, createTestApp, expectProblem, officeIdByCode, signIn, type Agent, type TestApp } from '../../../tests/helpers/test-app.js';
import { computeCodiceFiscale } from '../../shared/identity/codice-fiscale.js';

let t: TestApp;
let coordinator: Agent;
let frontoffice: Agent;
let matcher: Agent;
let modena: string;
let carpi: string;

const person = { surname: 'Pellacani', name: 'Ornella', birthDate: '1971-03-14', sex: 'F' as const, birthPlaceCadastralCode: 'F257' };
const cf = computeCodiceFiscale(person);

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await signIn(t.app, DEMO.coordinator);
  frontoffice = await signIn(t.app, DEMO.frontoffice);
  matcher = await signIn(t.app, DEMO.matcher);
  modena = await officeIdByCode(t.database, 'CPI-MO');
  carpi = await officeIdByCode(t.database, 'CPI-CA');
});
afterAll(() => t.close());

describe('workers: access and validation', () => {
  it('answers 401 to anonymous callers on every route', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    for (const [method, url] of [
      ['GET', '/api/v1/workers'],
      ['GET', '/api/v1/workers/duplicates?phone=3331234567'],
      ['POST', '/api/v1/workers'],
      ['GET', `/api/v1/workers/${id}`],
      ['PATCH', `/api/v1/workers/${id}`],
      ['POST', `/api/v1/workers/${id}/notes`],
      ['GET', `/api/v1/workers/${id}/timeline`],
      ['POST', `/api/v1/workers/${id}/consents`],
    ] as const) {
      expectProblem(await t.app.inject({ method, url, payload: method === 'GET' ? undefined : {} }), 401, 'UNAUTHENTICATED');
    }
  });

  it('answers 403 when a matcher tries to register or change a worker', async () => {
    expectProblem(await matcher.post('/api/v1/workers', { firstName: 'A', lastName: 'B' }), 403, 'FORBIDDEN');
    const someone = (await matcher.get('/api/v1/workers?limit=1')).json().items[0].id;
    expectProblem(await matcher.patch(`/api/v1/workers/${someone}`, { phone: '3331234567' }), 403, 'FORBIDDEN');
    expectProblem(
      await matcher.post(`/api/v1/workers/${someone}/consents`, { purpose: 'programme', granted: true, channel: 'phone' }),
      403,
      'FORBIDDEN',
    );
  });

  it('answers 400 for an invalid codice fiscale, naming the field', async () => {
    const typo = cf.slice(0, 15) + (cf[15] === 'A' ? 'B' : 'A');
    const body = expectProblem(
      await frontoffice.post('/api/v1/workers', { firstName: 'Ornella', lastName: 'Pellacani', codiceFiscale: typo }),
      400,
      'VALIDATION_FAILED',
    );
    expect(body.errors).toEqual([{ path: 'body/codiceFiscale', message: expect.stringMatching(/carattere di controllo/) }]);
  });

  it('answers 400 for a codice fiscale that contradicts the name or the birth date', async () => {
    const body = expectProblem(
      await frontoffice.post('/api/v1/workers', {
        firstName: 'Ornella',
        lastName: 'Bellacani',
        codiceFiscale: cf,
        birthDate: '1971-03-15',
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(body.errors).toEqual([{ path: 'body/codiceFiscale', message: 'Il codice fiscale non corrisponde a: cognome, data di nascita' }]);
  });

  it('keeps the postal code (CAP) of the address, and refuses one that is not five digits', async () => {
    const bad = expectProblem(
      await frontoffice.post('/api/v1/workers', { firstName: 'Ivo', lastName: 'Sola', address: 'Via Roma 4', postalCode: '4101' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(bad.errors).toEqual([{ path: 'body/postalCode', message: 'Il CAP ha 5 cifre' }]);
    const inEnglish = await frontoffice.request({
      method: 'POST',
      url: '/api/v1/workers',
      headers: { 'accept-language': 'en' },
      payload: { firstName: 'Ivo', lastName: 'Sola', postalCode: '4101' },
    });
    expect(inEnglish.json().errors).toEqual([{ path: 'body/postalCode', message: 'The postal code (CAP) has 5 digits' }]);
    const res = await frontoffice.post('/api/v1/workers', {
      firstName: 'Ivo',
      lastName: 'Sola',
      address: 'Via Roma 4',
      postalCode: '41012',
    });
    expect(res.statusCode).toBe(201);
    expect((await frontoffice.get(`/api/v1/workers/${res.json().id}`)).json()).toMatchObject({
      address: 'Via Roma 4',
      postalCode: '41012',
    });
  });

  it('answers 400 for an unknown comune, a bad phone and unknown fields', async () => {
    const body = expectProblem(
      await frontoffice.post('/api/v1/workers', { firstName: 'Ivo', lastName: 'Sola', residenceComuneCode: '036999' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(body.errors).toEqual([{ path: 'body/residenceComuneCode', message: expect.stringMatching(/Comune sconosciuto/) }]);
    const phone = expectProblem(
      await frontoffice.post('/api/v1/workers', { firstName: 'Ivo', lastName: 'Sola', phone: '12', salary: 1 }),
      400,
      'VALIDATION_FAILED',
    );
    expect(phone.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['body/phone', 'body']));
  });

  it('refuses a front-office operator registering a worker in another office', async () => {
    expectProblem(
      await frontoffice.post('/api/v1/workers', { firstName: 'Ivo', lastName: 'Sola', officeId: carpi }),
      403,
      'OFFICE_OUT_OF_SCOPE',
    );
  });
});

describe('workers: registration, duplicates, reading', () => {
  let ornella: string;

  it('registers a hotline call with only name and phone', async () => {
    const res = await frontoffice.post('/api/v1/workers', { firstName: 'ANNA', lastName: 'ZINI', phone: '347 555 0101' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      firstName: 'Anna',
      lastName: 'Zini',
      phone: '+393475550101',
      codiceFiscale: null,
      officeId: modena,
    });
  });

  it('derives birth data from the codice fiscale and links the CIGS case with its end date', async () => {
    const company = (await coordinator.get('/api/v1/companies?q=Aurora')).json().items[0];
    const cigs = (await coordinator.get(`/api/v1/companies/${company.id}`)).json().cigsCases[0];
    const res = await frontoffice.post('/api/v1/workers', {
      firstName: 'Ornella',
      lastName: 'Pellacani',
      codiceFiscale: cf.toLowerCase(),
      phone: '+39 338 000 1111',
      residenceComuneCode: '036023',
      cigsCaseId: cigs.id,
    });
    expect(res.statusCode).toBe(201);
    ornella = res.json().id;
    expect(res.json()).toMatchObject({
      codiceFiscale: cf,
      birthDate: '1971-03-14',
      sex: 'F',
      birthPlaceCode: 'F257',
      birthPlaceName: 'Modena',
      residenceComuneName: 'Modena',
      companyName: company.name,
      cigsEndDate: null,
      effectiveCigsEndDate: cigs.endDate,
      cigsReason: 'cessazione_attivita',
    });
  });

  it('finds duplicate candidates by codice fiscale, by phone, and by name with birth date', async () => {
    const byCf = (await frontoffice.get(`/api/v1/workers/duplicates?codiceFiscale=${cf}`)).json().items;
    expect(byCf).toEqual([expect.objectContaining({ id: ornella, matchedOn: ['codiceFiscale'] })]);
    const byPhone = (await frontoffice.get('/api/v1/workers/duplicates?phone=3380001111')).json().items;
    expect(byPhone).toEqual([expect.objectContaining({ id: ornella, matchedOn: ['phone'] })]);
    const byName = (await frontoffice.get('/api/v1/workers/duplicates?firstName=ornella&lastName=PELLACANI&birthDate=1971-03-14')).json()
      .items;
    expect(byName.map((c: { id: string }) => c.id)).toEqual([ornella]);
    expect(
      (await frontoffice.get('/api/v1/workers/duplicates?firstName=ornella&lastName=PELLACANI&birthDate=1980-01-01')).json().items,
    ).toEqual([]);
  });

  it('refuses a second worker with the same codice fiscale: 409 with the existing id', async () => {
    const res = await coordinator.post('/api/v1/workers', {
      firstName: 'Ornella',
      lastName: 'Pellacani',
      codiceFiscale: cf,
      officeId: carpi,
    });
    const body = expectProblem(res, 409, 'WORKER_ALREADY_REGISTERED');
    expect(body.existingId).toBe(ornella);
  });

  it('audits every read of a worker’s record', async () => {
    const res = await frontoffice.get(`/api/v1/workers/${ornella}`);
    expect(res.statusCode).toBe(200);
    const reads = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'office_id'])
      .where('entity_id', '=', ornella)
      .where('action', '=', 'worker.read')
      .execute();
    expect(reads).toEqual([{ action: 'worker.read', office_id: modena }]);
  });

  it('follows an extension of the CIGS case when the worker has no end date of their own', async () => {
    const company = (await coordinator.get('/api/v1/companies?q=Aurora')).json().items[0];
    const cigs = (await coordinator.get(`/api/v1/companies/${company.id}`)).json().cigsCases[0];
    const longer = '2099-12-31';
    const res = await coordinator.patch(`/api/v1/companies/${company.id}/cigs-cases/${cigs.id}`, { endDate: longer });
    expect(res.statusCode).toBe(200);
    const worker = (await frontoffice.get(`/api/v1/workers/${ornella}`)).json();
    expect(worker).toMatchObject({ cigsEndDate: null, effectiveCigsEndDate: longer });
  });

  it('hides workers of another office from a front-office operator (404), not from a coordinator', async () => {
    const inCarpi = (await coordinator.get(`/api/v1/workers?officeId=${carpi}&limit=1`)).json().items[0];
    expectProblem(await frontoffice.get(`/api/v1/workers/${inCarpi.id}`), 404, 'WORKER_NOT_FOUND');
    expect((await coordinator.get(`/api/v1/workers/${inCarpi.id}`)).statusCode).toBe(200);
  });

  it('updates a worker, checking the codice fiscale against the changed name', async () => {
    const wrong = expectProblem(await frontoffice.patch(`/api/v1/workers/${ornella}`, { firstName: 'Orietta' }), 400, 'VALIDATION_FAILED');
    expect(wrong.errors[0].message).toMatch(/nome/);
    const res = await frontoffice.patch(`/api/v1/workers/${ornella}`, { email: 'Ornella.P@posta.example' });
    expect(res.json().email).toBe('ornella.p@posta.example');
  });

  it('records consents: the latest per purpose is the current state, with the operator for phone consent', async () => {
    await frontoffice.post(`/api/v1/workers/${ornella}/consents`, { purpose: 'contact_sms', granted: true, channel: 'phone' });
    t.clock.advance(60_000);
    const res = await frontoffice.post(`/api/v1/workers/${ornella}/consents`, {
      purpose: 'contact_sms',
      granted: false,
      channel: 'phone',
      note: 'Preferisce e-mail',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().items).toEqual([
      expect.objectContaining({ purpose: 'contact_sms', granted: false, channel: 'phone', recordedBy: 'Luca Galli' }),
    ]);
    expectProblem(
      await frontoffice.post(`/api/v1/workers/${ornella}/consents`, { purpose: 'marketing', granted: true, channel: 'phone' }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('adds notes and shows everything on the timeline, newest first', async () => {
    expectProblem(await matcher.post(`/api/v1/workers/${ornella}/notes`, { body: '   ' }), 400, 'VALIDATION_FAILED');
    t.clock.advance(60_000);
    const note = await matcher.post(`/api/v1/workers/${ornella}/notes`, { body: 'Interessata a corsi di contabilità.' });
    expect(note.statusCode).toBe(201);
    expect(note.json()).toMatchObject({ body: 'Interessata a corsi di contabilità.', authorName: 'Sara Colombo' });
    expect((await frontoffice.get(`/api/v1/workers/${ornella}/notes`)).json().items).toHaveLength(1);
    const timeline = (await frontoffice.get(`/api/v1/workers/${ornella}/timeline`)).json().items;
    expect(timeline.map((e: { kind: string }) => e.kind)).toEqual([
      'note.added',
      'consent.withdrawn',
      'consent.granted',
      'worker.updated',
      'worker.created',
    ]);
    expect(timeline[0].actorName).toBe('Sara Colombo');
  });
});

describe('workers: list, filters and search', () => {
  type Item = {
    id: string;
    lastName: string;
    firstName: string;
    officeId: string;
    codiceFiscale: string | null;
    phone: string | null;
    cigsEndDate: string | null;
  };
  const items = async (agent: Agent, qs: string): Promise<Item[]> => (await agent.get(`/api/v1/workers?${qs}`)).json().items;

  it('answers 400 to a bad filter or cursor', async () => {
    expectProblem(await coordinator.get('/api/v1/workers?cigsEndBefore=31/12/2026'), 400, 'VALIDATION_FAILED');
    expectProblem(await coordinator.get('/api/v1/workers?cursor=nonsense'), 400, 'INVALID_CURSOR');
  });

  it('pages through the whole list by keyset without overlap, sorted by name', async () => {
    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await coordinator.get(`/api/v1/workers?officeId=${carpi}&limit=40${cursor ? `&cursor=${cursor}` : ''}`);
      for (const w of res.json().items as Item[]) {
        expect(seen.has(w.id)).toBe(false);
        seen.add(w.id);
        expect(w.officeId).toBe(carpi);
      }
      cursor = res.json().nextCursor;
      pages++;
    } while (cursor && pages < 50);
    expect(seen.size).toBeGreaterThan(40);
  });

  it('limits a front-office operator to the workers of their office', async () => {
    const mine = await items(frontoffice, 'limit=100');
    expect(mine.every((w) => w.officeId === modena)).toBe(true);
    expect(await items(frontoffice, `officeId=${carpi}`)).toEqual([]);
  });

  it('searches by name in any order, by codice fiscale prefix and by phone prefix', async () => {
    const byName = await items(coordinator, 'q=ornella%20pellacani');
    expect(byName.map((w) => w.lastName)).toEqual(['Pellacani']);
    expect((await items(coordinator, `q=${cf.slice(0, 9)}`)).map((w) => w.codiceFiscale)).toContain(cf);
    expect((await items(coordinator, 'q=338%20000%201')).map((w) => w.phone)).toContain('+393380001111');
  });

  it('filters by company, CIGS ending before a date, and presence of a codice fiscale', async () => {
    const company = (await coordinator.get('/api/v1/companies?q=Panaro')).json().items[0];
    const ofCompany = await items(coordinator, `companyId=${company.id}&limit=100`);
    expect(ofCompany.length).toBeGreaterThan(50);
    const horizon = new Date(t.clock().getTime() + 75 * 86_400_000).toISOString().slice(0, 10);
    const ending = await items(coordinator, `cigsEndBefore=${horizon}&limit=100`);
    expect(ending.length).toBeGreaterThan(0);
    expect(ending.every((w) => w.cigsEndDate! < horizon)).toBe(true);
    const withoutCf = await items(coordinator, 'hasCodiceFiscale=false&limit=100');
    expect(withoutCf.length).toBeGreaterThan(0);
    expect(withoutCf.every((w) => w.codiceFiscale === null)).toBe(true);
  });
});
