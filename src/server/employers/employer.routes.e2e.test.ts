import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, createTestApp, expectProblem, signIn, type Agent, type TestApp } from '../../../tests/helpers/test-app.js';
import { partitaIvaCheckDigit } from '../../shared/schemas/companies.schema.js';

let t: TestApp;
let matcher: Agent;
let coordinator: Agent;
let consultant: Agent;
let frontoffice: Agent;

const piva = (base: string) => `${base}${partitaIvaCheckDigit(base)}`;
/** The same 10 digits with a wrong 11th: what a typo gives. */
const wrongPiva = (base: string) => `${base}${(Number(partitaIvaCheckDigit(base)) + 1) % 10}`;
const NO_ID = '00000000-0000-4000-8000-000000000000';
const del = (agent: Agent, url: string) => agent.request({ method: 'DELETE', url });

beforeAll(async () => {
  t = await createTestApp();
  matcher = await signIn(t.app, DEMO.matcher);
  coordinator = await signIn(t.app, DEMO.coordinator);
  consultant = await signIn(t.app, DEMO.consultant);
  frontoffice = await signIn(t.app, DEMO.frontoffice);
});
afterAll(() => t.close());

async function register(name: string, base: string, extra: Record<string, unknown> = {}) {
  const res = await matcher.post('/api/v1/employers', { name, taxCode: piva(base), vatNumber: piva(base), ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('employers that hire', () => {
  it('answers 401 to anonymous callers on every route', async () => {
    const id = `/api/v1/employers/${NO_ID}`;
    for (const [method, url] of [
      ['GET', '/api/v1/employers'],
      ['POST', '/api/v1/employers'],
      ['GET', id],
      ['PATCH', id],
      ['POST', `${id}/sites`],
      ['PATCH', `${id}/sites/${NO_ID}`],
      ['DELETE', `${id}/sites/${NO_ID}`],
      ['POST', `${id}/contacts`],
      ['PATCH', `${id}/contacts/${NO_ID}`],
      ['DELETE', `${id}/contacts/${NO_ID}`],
      ['PUT', `${id}/consent`],
      ['DELETE', `${id}/consent`],
    ] as const) {
      expectProblem(
        await t.app.inject({ method, url, payload: method === 'GET' || method === 'DELETE' ? undefined : {} }),
        401,
        'UNAUTHENTICATED',
      );
    }
  });

  it('lets consultants and the front office read employers but refuses them every change (403)', async () => {
    const list = await consultant.get('/api/v1/employers');
    expect(list.statusCode).toBe(200);
    const id = list.json().items[0].id;
    expect((await frontoffice.get(`/api/v1/employers/${id}`)).statusCode).toBe(200);
    for (const agent of [consultant, frontoffice]) {
      expectProblem(await agent.post('/api/v1/employers', { name: 'Meccanica Intrusa S.r.l.' }), 403, 'FORBIDDEN');
      expectProblem(await agent.patch(`/api/v1/employers/${id}`, { version: 1, phone: '1' }), 403, 'FORBIDDEN');
      expectProblem(await agent.post(`/api/v1/employers/${id}/sites`, { comuneCode: '036040' }), 403, 'FORBIDDEN');
      expectProblem(await agent.post(`/api/v1/employers/${id}/contacts`, { fullName: 'Sara Gatti', role: 'hr' }), 403, 'FORBIDDEN');
      expectProblem(await agent.put(`/api/v1/employers/${id}/consent`, { channel: 'email' }), 403, 'FORBIDDEN');
      expectProblem(await del(agent, `/api/v1/employers/${id}/consent`), 403, 'FORBIDDEN');
    }
  });

  it('answers 400 naming the field, in Italian: a wrong partita IVA check digit, an unknown ATECO code and comune', async () => {
    const body = expectProblem(
      await matcher.post('/api/v1/employers', {
        name: 'Ceramiche dell’Appennino S.r.l.',
        taxCode: wrongPiva('0412345036'),
        vatNumber: '123',
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { path: 'body/taxCode', message: expect.stringMatching(/cifra di controllo/) },
        { path: 'body/vatNumber', message: expect.stringMatching(/partita IVA non è valida/) },
      ]),
    );
    const ateco = expectProblem(
      await matcher.post('/api/v1/employers', { name: 'Prova S.r.l.', atecoCode: '99.99' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(ateco.errors).toEqual([{ path: 'body/atecoCode', message: expect.stringMatching(/ATECO/) }]);
    const nameless = expectProblem(await matcher.post('/api/v1/employers', { name: ' ' }), 400, 'VALIDATION_FAILED');
    expect(nameless.errors).toEqual([{ path: 'body/name', message: 'Inserire il nome' }]);
    const id = (await matcher.get('/api/v1/employers')).json().items[0].id;
    const site = expectProblem(await matcher.post(`/api/v1/employers/${id}/sites`, { comuneCode: '999999' }), 400, 'VALIDATION_FAILED');
    expect(site.errors).toEqual([{ path: 'body/comuneCode', message: expect.stringMatching(/Comune sconosciuto/) }]);
    const role = expectProblem(
      await matcher.post(`/api/v1/employers/${id}/contacts`, { fullName: 'Nicolò D’Angelo', role: 'boss' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(role.errors[0].path).toBe('body/role');
    const stale = expectProblem(await matcher.patch(`/api/v1/employers/${id}`, { phone: '059 1' }), 400, 'VALIDATION_FAILED');
    expect(stale.errors[0].path).toBe('body/version');
  });

  it('lists the demo employers in a stable order, a page at a time, and finds them by comune, ATECO and office', async () => {
    const first = (await frontoffice.get('/api/v1/employers?limit=20')).json();
    expect(first.total).toBeGreaterThanOrEqual(55);
    const second = (await frontoffice.get('/api/v1/employers?limit=20&offset=20')).json();
    const names = [...first.items, ...second.items].map((e: { name: string }) => e.name);
    expect(new Set(names).size).toBe(40);
    expect(names).toEqual([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase(), 'en')));
    const mirandola = (await frontoffice.get('/api/v1/employers?comuneCode=036022&limit=200')).json().items;
    expect(mirandola.length).toBeGreaterThan(0);
    for (const e of mirandola) expect(e.comuni).toContain('Mirandola');
    const ceramics = (await frontoffice.get('/api/v1/employers?atecoCode=23.3&limit=200')).json().items;
    expect(ceramics.length).toBeGreaterThan(0);
    for (const e of ceramics) expect(e.atecoCode).toMatch(/^23\.3/);
    const sassuoloOffice = (await t.database.db.selectFrom('offices').select('id').where('code', '=', 'CPI-SA').executeTakeFirstOrThrow())
      .id;
    const followed = (await frontoffice.get(`/api/v1/employers?officeId=${sassuoloOffice}&limit=200`)).json().items;
    expect(followed.length).toBeGreaterThan(0);
    for (const e of followed) expect(e.officeName).toMatch(/Sassuolo/);
    const both = (await frontoffice.get('/api/v1/employers?q=componenti%20auto')).json().items;
    expect(both).toEqual([expect.objectContaining({ name: 'Componenti Auto Formigine S.r.l.', crisisCompany: true })]);
  });

  it('registers an employer with an apostrophe, finds it by either apostrophe and by partita IVA, refuses its codice fiscale twice naming it', async () => {
    const created = await register("Ceramiche dell'Appennino S.r.l.", '0412345036', { atecoCode: '23.31' });
    expect(created).toMatchObject({ atecoCode: '23.31', version: 1, sites: [], contacts: [], consent: null, crisisCompany: null });
    expect(created.officeName).toMatch(/Modena/);
    expect(created.atecoLabel).toMatch(/piastrelle/i);
    for (const q of ['dell’appennino', "DELL'APPENNINO", piva('0412345036').slice(0, 7)]) {
      const found = (await matcher.get(`/api/v1/employers?q=${encodeURIComponent(q)}`)).json().items;
      expect(
        found.map((e: { id: string }) => e.id),
        q,
      ).toContain(created.id);
    }
    const twice = expectProblem(
      await coordinator.post('/api/v1/employers', { name: 'Doppione S.r.l.', taxCode: piva('0412345036') }),
      409,
      'EMPLOYER_TAX_CODE_ALREADY_USED',
    );
    expect(twice.detail).toContain("«Ceramiche dell'Appennino S.r.l.»");
    expect(twice.employerId).toBe(created.id);
  });

  it('links the crisis company with the same codice fiscale and shows it on the employer', async () => {
    const company = (await coordinator.get('/api/v1/companies?q=secchia')).json().items[0];
    const taxCode = (await coordinator.get(`/api/v1/companies/${company.id}`)).json().taxCode;
    const employer = (await matcher.post('/api/v1/employers', { name: 'Ceramiche Secchia S.p.A.', taxCode })).json();
    expect(employer.crisisCompany).toEqual({ id: company.id, name: 'Ceramiche Secchia S.p.A.' });
    const unlinked = await matcher.patch(`/api/v1/employers/${employer.id}`, { version: employer.version, taxCode: null });
    expect(unlinked.json().crisisCompany).toBeNull();
  });

  it('updates with the version read and refuses a stale one (409) without changing anything', async () => {
    const e = await register('Logistica Padana S.r.l.', '0412346036', { phone: '+39 059 111 2222' });
    const changed = await matcher.patch(`/api/v1/employers/${e.id}`, { version: 1, phone: '+39 059 333 4444', notes: 'Cerca carrellisti' });
    expect(changed.json()).toMatchObject({ version: 2, phone: '+39 059 333 4444', notes: 'Cerca carrellisti' });
    const stale = expectProblem(
      await coordinator.patch(`/api/v1/employers/${e.id}`, { version: 1, phone: '0' }),
      409,
      'EMPLOYER_VERSION_CONFLICT',
    );
    expect(stale.currentVersion).toBe(2);
    expect((await matcher.get(`/api/v1/employers/${e.id}`)).json().phone).toBe('+39 059 333 4444');
    expectProblem(await matcher.patch(`/api/v1/employers/${NO_ID}`, { version: 1 }), 404, 'EMPLOYER_NOT_FOUND');
  });

  it('adds, edits and removes sites and contacts, records and withdraws the consent, and audits every step', async () => {
    const e = await register('Biomedica Bassa S.r.l.', '0412347036');
    const withSite = (
      await matcher.post(`/api/v1/employers/${e.id}/sites`, { comuneCode: '036022', address: 'Via Statale 12', headOffice: true })
    ).json();
    expect(withSite.sites).toEqual([expect.objectContaining({ comuneName: 'Mirandola', province: 'MO', headOffice: true })]);
    const second = (
      await matcher.post(`/api/v1/employers/${e.id}/sites`, { comuneCode: '036021', name: 'Camera bianca', headOffice: true })
    ).json();
    // One head office: the new one takes it.
    expect(second.sites.map((s: { comuneName: string; headOffice: boolean }) => [s.comuneName, s.headOffice])).toEqual([
      ['Medolla', true],
      ['Mirandola', false],
    ]);
    const siteId = second.sites[1].id;
    expect((await matcher.patch(`/api/v1/employers/${e.id}/sites/${siteId}`, { postalCode: '41037' })).json().sites[1].postalCode).toBe(
      '41037',
    );
    const contact = (
      await matcher.post(`/api/v1/employers/${e.id}/contacts`, {
        fullName: "Chiara D'Angelo Barbieri",
        role: 'hr',
        email: 'c.dangelo@biomedicabassa.example',
        receivesCandidates: true,
      })
    ).json();
    expect(contact.contacts).toEqual([
      expect.objectContaining({ fullName: "Chiara D'Angelo Barbieri", role: 'hr', receivesCandidates: true }),
    ]);
    const contactId = contact.contacts[0].id;
    expect(
      (await matcher.patch(`/api/v1/employers/${e.id}/contacts/${contactId}`, { jobTitle: 'Responsabile HR' })).json().contacts[0].jobTitle,
    ).toBe('Responsabile HR');
    const consented = (await matcher.put(`/api/v1/employers/${e.id}/consent`, { channel: 'phone' })).json();
    expect(consented.consent).toMatchObject({ channel: 'phone', byName: expect.any(String) });
    expect(Date.parse(consented.consent.at)).toBeGreaterThan(Date.now() - 60_000);
    expect((await del(matcher, `/api/v1/employers/${e.id}/consent`)).json().consent).toBeNull();
    expect((await del(matcher, `/api/v1/employers/${e.id}/contacts/${contactId}`)).json().contacts).toEqual([]);
    expect((await del(matcher, `/api/v1/employers/${e.id}/sites/${siteId}`)).json().sites).toHaveLength(1);
    expectProblem(await del(matcher, `/api/v1/employers/${e.id}/sites/${siteId}`), 404, 'EMPLOYER_SITE_NOT_FOUND');
    expectProblem(await matcher.patch(`/api/v1/employers/${e.id}/contacts/${NO_ID}`, { phone: '1' }), 404, 'EMPLOYER_CONTACT_NOT_FOUND');
    // A site of another employer is not this one's.
    const other = (await matcher.get('/api/v1/employers?q=componenti')).json().items[0].id;
    const otherSite = (await matcher.get(`/api/v1/employers/${other}`)).json().sites[0].id;
    expectProblem(await del(matcher, `/api/v1/employers/${e.id}/sites/${otherSite}`), 404, 'EMPLOYER_SITE_NOT_FOUND');

    expect((await matcher.get(`/api/v1/employers/${e.id}`)).statusCode).toBe(200);
    const actions = (
      await t.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', e.id).orderBy('id').execute()
    ).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'employer.created',
        'employer.site_added',
        'employer.site_updated',
        'employer.site_removed',
        'employer.contact_added',
        'employer.contact_updated',
        'employer.contact_removed',
        'employer.consent_recorded',
        'employer.consent_withdrawn',
        'employer.read',
      ]),
    );
  });

  it('answers in English when asked', async () => {
    const res = await matcher.request({ method: 'GET', url: `/api/v1/employers/${NO_ID}`, headers: { 'accept-language': 'en' } });
    expect(expectProblem(res, 404, 'EMPLOYER_NOT_FOUND').detail).toBe('The employer does not exist.');
  });
});
