import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeFixtureZips } from '../../../tests/fixtures/taxonomy/esco-fixture.js';
import { networkOf } from '../../../tests/factories/programmes.js';
import { loadEscoMini } from '../../../tests/factories/training.js';
import { buildEmployerWithSites, OCCUPATIONS } from '../../../tests/factories/vacancies.js';
import { buildWorker, insertWorkers } from '../../../tests/factories/workers.js';
import { accountWith, matrixPasswordHash } from '../../../tests/security/idor-world.js';
import { createTestApp, DEMO, expectProblem, officeIdByCode, signIn, type Agent, type TestApp } from '../../../tests/helpers/test-app.js';
import { insertProfilesBulk } from '../profiles/index.js';
import { emptyProfile, type ProfileDocument } from '../../shared/schemas/profiles.schema.js';
import { romeToday } from '../../shared/time/rome-time.js';

/** ISTAT codes of the comuni the workers live in, with their distance from Carpi (centroids). */
const C = {
  carpi: '036005',
  soliera: '036044', // 7.1 km
  bomporto: '036002', // 13.4 km
  modena: '036023', // 17.6 km
  noviDiModena: '036028', // 8.5 km
  montecreto: '036024', // 61.6 km
};

let t: TestApp;
let carpiMatcher: Agent;
let carpiConsultant: Agent;
let carpi: string;
let mirandola: string;
let network: string;
let vacancyId: string;
let required: string[];
let optional: string[];
const ids: Record<string, string> = {};

const DAY = 86_400_000;
const inDays = (n: number) => romeToday(new Date(t.clock().getTime() + n * DAY));

function profile(o: {
  skills?: string[];
  maxKm?: number;
  availableFrom?: string;
  desired?: string;
  workingTimes?: Array<'full_time' | 'part_time'>;
}): ProfileDocument {
  const doc = emptyProfile();
  doc.skills = (o.skills ?? []).map((uri, i) => ({
    id: randomUUID(),
    escoUri: uri,
    label: `competenza ${i + 1}`,
    source: 'declared',
    keywords: [],
  }));
  doc.mobility = { means: ['car'], relocate: false, ...(o.maxKm !== undefined ? { maxKm: o.maxKm } : {}) };
  doc.availability = {
    workingTimes: o.workingTimes ?? [],
    shifts: [],
    contractTypes: [],
    ...(o.availableFrom ? { availableFrom: o.availableFrom } : {}),
  };
  if (o.desired) doc.desiredOccupations = [{ id: randomUUID(), escoOccupationUri: o.desired, label: 'Saldatore' }];
  return doc;
}

async function worker(
  key: string,
  o: { firstName: string; lastName: string; officeId: string; comune: string; cigsEnd?: string | null; doc: ProfileDocument },
) {
  const [id] = await insertWorkers(t.database.db, [
    buildWorker({
      firstName: o.firstName,
      lastName: o.lastName,
      officeId: o.officeId,
      residenceComuneCode: o.comune,
      cigsEndDate: o.cigsEnd ?? null,
      email: `${key}@posta.example`,
    }),
  ]);
  await insertProfilesBulk(t.database.db, [
    {
      workerId: id!,
      networkId: network,
      officeId: o.officeId,
      document: o.doc,
      actorId: null,
      changes: { sections: ['skills'], added: {}, changed: {}, removed: {} },
    },
  ]);
  ids[key] = id!;
}

beforeAll(async () => {
  t = await createTestApp();
  await loadEscoMini(t.database);
  carpi = await officeIdByCode(t.database, 'CPI-CA');
  mirandola = await officeIdByCode(t.database, 'CPI-MI');
  network = await networkOf(t.database.db, carpi);
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
  const skills = await t.database.db
    .selectFrom('taxonomy_concepts')
    .select('uri')
    .where('kind', '=', 'esco_skill')
    .where('uri', 'is not', null)
    .orderBy('uri')
    .limit(10)
    .execute();
  required = skills.slice(0, 7).map((s) => s.uri!);
  optional = skills.slice(7, 10).map((s) => s.uri!);
  const employer = await buildEmployerWithSites(t.database.db, {
    networkId: network,
    officeId: carpi,
    name: 'Carpenteria Metallica Carpigiana S.r.l.',
    sites: [{ comuneCode: C.carpi, name: 'Stabilimento di via dell’Industria' }],
  });
  const created = await carpiMatcher.post('/api/v1/vacancies', {
    employerId: employer.employerId,
    siteId: employer.siteIds[0]!,
    escoOccupationUri: OCCUPATIONS.welder,
    title: 'Saldatore/trice a filo',
    description: 'Saldatura MIG/MAG di carpenteria media.',
    languages: [],
    drivingLicences: ['B'],
    contractType: 'permanent',
    workingTime: 'full_time',
    positions: 2,
    deadline: inDays(30),
    skills: [...required.map((uri) => ({ uri, relevance: 'essential' })), ...optional.map((uri) => ({ uri, relevance: 'optional' }))],
  });
  expect(created.statusCode, created.body).toBe(201);
  vacancyId = created.json().id;

  await worker('barbieri', {
    firstName: 'Giuseppe',
    lastName: 'Barbieri',
    officeId: carpi,
    comune: C.bomporto,
    cigsEnd: '2027-03-31',
    doc: profile({ skills: [...required.slice(0, 5), ...optional.slice(0, 2)], maxKm: 25 }),
  });
  await worker('esposito', {
    firstName: 'Maria',
    lastName: 'Esposito',
    officeId: carpi,
    comune: C.soliera,
    cigsEnd: '2026-12-31',
    doc: profile({ skills: required.slice(0, 2), maxKm: 20 }),
  });
  await worker('ferrari', {
    firstName: 'Luca',
    lastName: 'Ferrari',
    officeId: carpi,
    comune: C.montecreto,
    doc: profile({ skills: required, maxKm: 80 }),
  });
  await worker('dangelo', {
    firstName: 'Nicolò',
    lastName: 'D’Angelo',
    officeId: carpi,
    comune: C.modena,
    doc: profile({ skills: required.slice(0, 4), maxKm: 10 }),
  });
  await worker('rossi', { firstName: 'Anna', lastName: 'Rossi', officeId: carpi, comune: C.carpi, doc: profile({ maxKm: 10 }) });
  await worker('gallo', {
    firstName: 'Chiara',
    lastName: 'Gallo',
    officeId: carpi,
    comune: C.carpi,
    doc: profile({ desired: OCCUPATIONS.welder, availableFrom: inDays(90) }),
  });
  await worker('conti', {
    firstName: 'Emanuele',
    lastName: 'Conti',
    officeId: mirandola,
    comune: C.noviDiModena,
    cigsEnd: '2027-06-30',
    doc: profile({ skills: required.slice(0, 4), maxKm: 30 }),
  });
});
afterAll(async () => {
  await t.close();
  removeFixtureZips();
});

const url = (query = '') => `/api/v1/vacancies/${vacancyId}/candidates${query ? `?${query}` : ''}`;
type Item = {
  worker: { id: string; firstName: string; lastName: string; inScope: boolean; phone: string | null; officeName: string };
  explanation: string;
  reasons: string[];
};
const idsOf = (items: Item[]) => items.map((i) => Object.entries(ids).find(([, id]) => id === i.worker.id)?.[0] ?? i.worker.id);
async function search(agent: Agent, query = '') {
  const res = await agent.get(url(query));
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Item[]; total: number; truncated: boolean; applied: Record<string, unknown> };
}

describe('candidate search: who may call, and bad filters', () => {
  it('answers 401 to anonymous callers', async () => {
    const res = await t.app.inject({ method: 'GET', url: url() });
    expectProblem(res, 401, 'UNAUTHENTICATED');
  });

  it('answers 403 to the front office: registering people is not matching them', async () => {
    const frontoffice = await signIn(t.app, DEMO.frontoffice);
    expectProblem(await frontoffice.get(url()), 403, 'FORBIDDEN');
  });

  it('answers 404 for a vacancy that does not exist', async () => {
    const res = await carpiMatcher.get(`/api/v1/vacancies/${randomUUID()}/candidates`);
    expectProblem(res, 404, 'VACANCY_NOT_FOUND');
  });

  it('refuses a radius that is not a whole number of km between 1 and 200, beside the field', async () => {
    for (const [radius, message] of [
      ['0', 'Il raggio è di almeno 1 km'],
      ['201', 'Il raggio è di al massimo 200 km'],
      ['12.5', 'Indicare un numero intero di km'],
    ] as const) {
      const body = expectProblem(await carpiMatcher.get(url(`radiusKm=${radius}`)), 400, 'VALIDATION_FAILED');
      expect(body.errors).toContainEqual({ path: 'querystring/radiusKm', message });
    }
  });

  it('refuses an unknown comune and an office outside the network', async () => {
    const comune = expectProblem(await carpiMatcher.get(url('comuneCode=999999')), 400, 'VALIDATION_FAILED');
    expect(comune.errors).toContainEqual({
      path: 'querystring/comuneCode',
      message: 'Comune sconosciuto: nessun comune ISTAT con questo codice',
    });
    const office = expectProblem(await carpiMatcher.get(url(`officeId=${randomUUID()}`)), 400, 'VALIDATION_FAILED');
    expect(office.errors).toContainEqual({ path: 'querystring/officeId', message: 'Sede del Centro per l’impiego sconosciuta nella rete' });
  });

  it('refuses more than 100 results per page', async () => {
    const body = expectProblem(await carpiMatcher.get(url('limit=101')), 400, 'VALIDATION_FAILED');
    expect(body.errors).toContainEqual({ path: 'querystring/limit', message: 'Al massimo 100 risultati per pagina' });
  });
});

describe('candidate search: the filters, as a matcher checks them', () => {
  it('by default searches the caller’s office, the vacancy’s required skills and each worker’s own commute', async () => {
    const page = await search(carpiMatcher);
    // Barbieri (5 of 7) above Esposito (2 of 7); Ferrari lives 62 km away but drives up to 80 km;
    // D’Angelo lives 18 km away and commutes 10 at most; Rossi has none of the skills; Gallo wants
    // the occupation; Conti is Mirandola's.
    expect(idsOf(page.items)).toEqual(['ferrari', 'barbieri', 'esposito', 'gallo']);
    expect(page.applied).toMatchObject({ officeIds: [carpi], comuneName: 'Carpi', radiusKm: null, minSkills: 1, sort: 'fit' });
    expect(page.applied.skills).toEqual(required);
  });

  it('explains each result in words', async () => {
    const page = await search(carpiMatcher);
    const byKey = Object.fromEntries(page.items.map((i) => [idsOf([i])[0], i]));
    expect(byKey.barbieri!.explanation).toBe(
      '5 di 7 competenze richieste; 2 di 3 gradite; 13 km da Carpi; CIGS fino al 31/03/2027; disponibile da subito',
    );
    expect(byKey.esposito!.reasons).toEqual([
      '2 di 7 competenze richieste',
      '0 di 3 gradite',
      '7,1 km da Carpi',
      'CIGS fino al 31/12/2026',
      'disponibile da subito',
    ]);
    const [, , , day] = inDays(90).match(/^(\d{4})-(\d{2})-(\d{2})$/) ?? [];
    expect(byKey.gallo!.explanation).toContain('cerca o ha già svolto questa professione');
    expect(byKey.gallo!.explanation).toContain('abita a Carpi');
    expect(byKey.gallo!.explanation).toContain(`disponibile dal ${day}/`);
  });

  it('keeps a worker 13 km away and drops one 62 km away when the radius is 30 km', async () => {
    const page = await search(carpiMatcher, 'radiusKm=30');
    expect(idsOf(page.items)).toEqual(['barbieri', 'dangelo', 'esposito', 'gallo']);
    const narrow = await search(carpiMatcher, 'radiusKm=10');
    expect(idsOf(narrow.items)).toEqual(['esposito', 'gallo']);
  });

  it('measures from another comune when asked', async () => {
    // From Modena: Bomporto 16 km, Soliera 12 km, Carpi 18 km.
    const page = await search(carpiMatcher, `comuneCode=${C.modena}&radiusKm=17`);
    expect(idsOf(page.items)).toEqual(['barbieri', 'dangelo', 'esposito']);
    expect(page.items[0]!.explanation).toContain('16 km da Modena');
    expect(page.items[1]!.explanation).toContain('abita a Modena');
  });

  it('asks for a least number of skills', async () => {
    const page = await search(carpiMatcher, 'minSkills=5');
    expect(idsOf(page.items)).toEqual(['ferrari', 'barbieri', 'gallo']);
  });

  it('searches other skills than the vacancy’s', async () => {
    const page = await search(carpiMatcher, `skill=${encodeURIComponent(required[6]!)}&radiusKm=100`);
    expect(idsOf(page.items)).toEqual(['ferrari', 'gallo']);
    expect(page.items[0]!.reasons[0]).toBe('1 di 1 competenze richieste');
  });

  it('keeps only the workers available by a day', async () => {
    const page = await search(carpiMatcher, `availableBy=${inDays(30)}`);
    expect(idsOf(page.items)).not.toContain('gallo');
    expect(idsOf(page.items)).toContain('barbieri');
  });

  it('puts the CIGS ending soonest first when asked', async () => {
    const page = await search(carpiMatcher, 'sort=cigs_end');
    expect(idsOf(page.items)).toEqual(['esposito', 'barbieri', 'ferrari', 'gallo']);
    expect(page.items[0]!.reasons[0]).toBe('CIGS fino al 31/12/2026');
  });

  it('pages through the results', async () => {
    const first = await search(carpiMatcher, 'limit=2');
    const second = await search(carpiMatcher, 'limit=2&offset=2');
    expect(first.total).toBe(4);
    expect([...idsOf(first.items), ...idsOf(second.items)]).toEqual(['ferrari', 'barbieri', 'esposito', 'gallo']);
  });
});

describe('candidate search: other offices', () => {
  it('shows a job matcher another office’s worker in full when the whole network is searched', async () => {
    const page = await search(carpiMatcher, 'network=true');
    const conti = page.items.find((i) => i.worker.id === ids.conti)!;
    expect(conti.worker).toMatchObject({
      firstName: 'Emanuele',
      lastName: 'Conti',
      inScope: true,
      officeName: expect.stringContaining('Mirandola'),
    });
  });

  it('shows a consultant another office’s worker by initials, without contacts', async () => {
    const page = await search(carpiConsultant, 'network=true');
    const conti = page.items.find((i) => i.worker.id === ids.conti)!;
    expect(conti.worker).toMatchObject({
      firstName: 'E.',
      lastName: 'C.',
      inScope: false,
      phone: null,
      officeName: expect.stringContaining('Mirandola'),
    });
    expect(conti.explanation).toContain('4 di 7 competenze richieste');
    const barbieri = page.items.find((i) => i.worker.id === ids.barbieri)!;
    expect(barbieri.worker).toMatchObject({ firstName: 'Giuseppe', lastName: 'Barbieri', inScope: true });
    expect(barbieri.worker.phone).toMatch(/^\+39/);
  });

  it('searches one named office', async () => {
    const page = await search(carpiMatcher, `officeId=${mirandola}`);
    expect(idsOf(page.items)).toEqual(['conti']);
  });

  it('writes one audit row per page read, naming the workers shown', async () => {
    const before = await t.database.db.selectFrom('audit_log').select('id').where('action', '=', 'vacancy.candidates_read').execute();
    const page = await search(carpiMatcher, 'limit=2&offset=1');
    const rows = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'vacancy.candidates_read')
      .orderBy('id', 'desc')
      .execute();
    expect(rows.length).toBe(before.length + 1);
    expect(rows[0]).toMatchObject({ entity_type: 'vacancy', entity_id: vacancyId });
    expect((rows[0]!.details as { workerIds: string[] }).workerIds).toEqual(page.items.map((i) => i.worker.id));
  });
});

describe('candidate search: a profile edited', () => {
  it('finds a worker as soon as her profile gains the skills (the skill rows follow the document)', async () => {
    expect(idsOf((await search(carpiMatcher)).items)).not.toContain('rossi');
    const edited = await carpiConsultant.patch(`/api/v1/workers/${ids.rossi}/profile`, {
      baseVersion: 1,
      skills: required
        .slice(0, 3)
        .map((uri, i) => ({ id: randomUUID(), escoUri: uri, label: `competenza ${i + 1}`, source: 'declared', keywords: [] })),
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const page = await search(carpiMatcher);
    const rossi = page.items.find((i) => i.worker.id === ids.rossi)!;
    expect(rossi.explanation).toBe('3 di 7 competenze richieste; 0 di 3 gradite; abita a Carpi; disponibile da subito');
  });
});

describe('candidate search: the commute and the first available day follow the profile (migration 0044’s columns)', () => {
  const patch = async (body: Record<string, unknown>) => {
    const current = await carpiConsultant.get(`/api/v1/workers/${ids.barbieri}/profile`);
    expect(current.statusCode, current.body).toBe(200);
    const res = await carpiConsultant.patch(`/api/v1/workers/${ids.barbieri}/profile`, { baseVersion: current.json().version, ...body });
    expect(res.statusCode, res.body).toBe(200);
  };

  it('drops a worker living 13 km away once her longest commute is 10 km, and finds her again when she states none (30 km)', async () => {
    expect(idsOf((await search(carpiMatcher)).items)).toContain('barbieri');
    await patch({ mobility: { means: ['car'], relocate: false, maxKm: 10 } });
    expect(idsOf((await search(carpiMatcher)).items)).not.toContain('barbieri');
    // A radius named by the matcher decides instead of the worker's own commute.
    expect(idsOf((await search(carpiMatcher, 'radiusKm=20')).items)).toContain('barbieri');
    await patch({ mobility: { means: ['car'], relocate: false } });
    const page = await search(carpiMatcher);
    expect(idsOf(page.items)).toContain('barbieri');
    expect(page.items.find((i) => i.worker.id === ids.barbieri)!.explanation).toContain('13 km da Carpi');
  });

  it('leaves out a worker who can start only in two months when the vacancy needs someone within a month', async () => {
    expect(idsOf((await search(carpiMatcher, `availableBy=${inDays(30)}`)).items)).toContain('barbieri');
    await patch({ availability: { workingTimes: [], shifts: [], contractTypes: [], availableFrom: inDays(60) } });
    expect(idsOf((await search(carpiMatcher, `availableBy=${inDays(30)}`)).items)).not.toContain('barbieri');
    const [, , , day] = inDays(60).match(/^(\d{4})-(\d{2})-(\d{2})$/) ?? [];
    const barbieri = (await search(carpiMatcher)).items.find((i) => i.worker.id === ids.barbieri)!;
    expect(barbieri.explanation).toContain(`disponibile dal ${day}/`);
  });
});
