import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escoMiniZips, ESCO_MINI, removeFixtureZips } from '../../../tests/fixtures/taxonomy/esco-fixture.js';
import { networkOf } from '../../../tests/factories/programmes.js';
import { buildCourse, buildProvider } from '../../../tests/factories/training.js';
import { buildWorker, insertWorkers } from '../../../tests/factories/workers.js';
import { DEMO, createTestApp, expectProblem, officeIdByCode, signIn, type Agent, type TestApp } from '../../../tests/helpers/test-app.js';
import { importEsco, readEscoZips } from '../taxonomy/index.js';

// The skill gap on the real world: the worker's profile written through its API, the catalogue of
// the network's training providers, the miniature ESCO. Today is 1 December 2026 in Modena.

const skill = (id: string) => `http://data.europa.eu/esco/skill/${id}`;
const ARC_WELDING = skill('27d26fd6-5795-4f0a-884e-112df7c68314');
const JOIN_METALS = skill('29d762da-1711-4a3c-b424-f0a404f4bf2d');
const WELDING_EQUIPMENT = skill('2fcd95a4-1f9a-41cf-95a9-4701bde476b4');
const SOLDERING = skill('136596a4-00b5-4ed3-bb6e-717198c1ccbe');
const TROUBLESHOOT = skill('334e3e49-fb02-4051-809a-f06adfdc1c40');
const WELDING_TECHNIQUES = skill('530cb489-d900-46ab-9350-4d50ccd49eea');

let t: TestApp;
let consultant: Agent;
let frontoffice: Agent;
let esposito: string;
let carpiWorker: string;
let offered = 0;
const zips = escoMiniZips();
const OUR_PROVIDERS = ['Centro Formazione Emilia Ovest', 'Istituto Formazione Operatori Aziendali'];

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-12-01T09:00:00Z'));
  await importEsco(t.database, { ...(await readEscoZips([zips.classificationEn, zips.relations])), version: 'v1.1.1' });
  const modena = await officeIdByCode(t.database, 'CPI-MO');
  const carpi = await officeIdByCode(t.database, 'CPI-CA');
  let colombo: string;
  [esposito, carpiWorker, colombo] = (await insertWorkers(t.database.db, [
    buildWorker({ officeId: modena, firstName: 'Gennaro', lastName: 'Esposito' }),
    buildWorker({ officeId: carpi, firstName: 'Nicolò', lastName: "D'Angelo" }),
    buildWorker({ officeId: modena, firstName: 'Ilaria', lastName: 'Colombo' }),
  ])) as [string, string, string];
  consultant = await signIn(t.app, DEMO.consultant);
  frontoffice = await signIn(t.app, DEMO.frontoffice);

  // Gennaro solders and troubleshoots: two of the welder's skills, declared at the interview.
  const profile = await consultant.patch(`/api/v1/workers/${esposito}/profile`, {
    baseVersion: 0,
    skills: [
      { id: randomUUID(), escoUri: SOLDERING, label: 'apply soldering techniques', source: 'declared' },
      {
        id: randomUUID(),
        escoUri: TROUBLESHOOT,
        label: 'troubleshoot',
        level: 'intermediate',
        assessedBy: 'consultant',
        source: 'assessed',
      },
    ],
  });
  expect(profile.statusCode, profile.body).toBe(200);

  const networkId = await networkOf(t.database.db, modena);
  const [cfp, ifoa] = [
    await buildProvider(t.database.db, networkId, OUR_PROVIDERS[0]),
    await buildProvider(t.database.db, networkId, OUR_PROVIDERS[1]),
  ];
  await buildCourse(t.database.db, {
    networkId,
    providerId: cfp,
    title: 'Saldatura ad arco e a filo: corso base',
    hours: 120,
    startDate: '2027-01-12',
    endDate: '2027-03-26',
    enrolmentDeadline: '2027-01-08',
    skillUris: [ARC_WELDING, WELDING_EQUIPMENT, JOIN_METALS],
  });
  await buildCourse(t.database.db, {
    networkId,
    providerId: ifoa,
    title: 'Tecnologia dei processi di saldatura',
    hours: 40,
    status: 'draft',
    startDate: '2027-02-01',
    endDate: '2027-02-26',
    skillUris: [WELDING_TECHNIQUES],
  });
  // Full: its only seat went to Ilaria Colombo; a new name goes on the waiting list.
  const evening = await buildCourse(t.database.db, {
    networkId,
    providerId: ifoa,
    title: 'Saldatura ad arco: edizione serale',
    hours: 80,
    seats: 1,
    startDate: '2027-01-18',
    endDate: '2027-04-30',
    skillUris: [ARC_WELDING],
  });
  const seat = await consultant.post(`/api/v1/training/courses/${evening}/enrolments`, { workerId: colombo });
  expect(seat.statusCode, seat.body).toBe(201);
  // Enrolment closed on 25 November, though the course starts in January: not offered.
  await buildCourse(t.database.db, {
    networkId,
    providerId: cfp,
    title: 'Saldatura a filo MIG/MAG: edizione di gennaio',
    hours: 60,
    startDate: '2027-01-20',
    endDate: '2027-03-12',
    enrolmentDeadline: '2026-11-25',
    skillUris: [ARC_WELDING, WELDING_EQUIPMENT, JOIN_METALS, WELDING_TECHNIQUES],
  });
  // Soldering is what Gennaro already has: a course teaching only it closes no gap.
  await buildCourse(t.database.db, {
    networkId,
    providerId: cfp,
    title: 'Brasatura e stagnatura',
    hours: 24,
    startDate: '2027-01-25',
    endDate: '2027-02-05',
    skillUris: [SOLDERING],
  });
});
afterAll(async () => {
  await t.close();
  removeFixtureZips();
});

const gapUrl = (workerId: string, occupation = ESCO_MINI.welderUri) =>
  `/api/v1/workers/${workerId}/skill-gap?occupation=${encodeURIComponent(occupation)}`;

describe('GET /api/v1/workers/:id/skill-gap', () => {
  it('401 without a session', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: gapUrl(esposito) }), 401, 'UNAUTHENTICATED');
  });

  it('403 for the front office, who do not assess skills', async () => {
    expectProblem(await frontoffice.get(gapUrl(esposito)), 403, 'FORBIDDEN');
  });

  it('400 without a valid ESCO occupation', async () => {
    const body = expectProblem(
      await consultant.get(`/api/v1/workers/${esposito}/skill-gap?occupation=saldatore`),
      400,
      'VALIDATION_FAILED',
    );
    expect(body.errors).toEqual([
      {
        path: 'querystring/occupation',
        message: 'Indicare l’URI di un concetto ESCO (http://data.europa.eu/esco/…), o sceglierlo dall’elenco',
      },
    ]);
    expectProblem(await consultant.get(`/api/v1/workers/${esposito}/skill-gap`), 400, 'VALIDATION_FAILED');
  });

  it('404 for a worker of another office, as for one that does not exist', async () => {
    expectProblem(await consultant.get(gapUrl(carpiWorker)), 404, 'WORKER_NOT_FOUND');
    expectProblem(await consultant.get(gapUrl('5f0c2a52-8f7e-4a43-9d43-0d7a5b1f6c11')), 404, 'WORKER_NOT_FOUND');
  });

  it('404 for an occupation the loaded ESCO does not have', async () => {
    const unknown = 'http://data.europa.eu/esco/occupation/00000000-0000-4000-8000-000000000000';
    expectProblem(await consultant.get(gapUrl(esposito, unknown)), 404, 'OCCUPATION_NOT_FOUND');
  });

  it('lists what the welder needs that Gennaro Esposito lacks, the near skills he has, and the courses that close most gaps', async () => {
    const response = await consultant.get(gapUrl(esposito));
    expect(response.statusCode).toBe(200);
    const gap = response.json();
    expect(gap.occupation).toMatchObject({ uri: ESCO_MINI.welderUri, label: 'welder' });
    expect(gap.essentialTotal).toBe(5);
    expect(gap.held.map((s: { uri: string }) => s.uri).sort()).toEqual([SOLDERING, TROUBLESHOOT].sort());
    // In Italian: the demo network holds the labels shipped with the product.
    expect(gap.missingEssential.map((s: { label: string }) => s.label)).toEqual([
      'applicare le tecniche di saldatura ad arco',
      'tecniche di saldatura',
      'unire parti metalliche',
      'usare le attrezzature per saldatura',
    ]);
    expect(gap.missingEssential.every((s: { labelLanguage: string }) => s.labelLanguage === 'it')).toBe(true);
    // Soldering sits in the same ESCO skill group as arc welding: "vicina".
    expect(gap.missingEssential[0].near).toEqual({
      uri: SOLDERING,
      label: 'apply soldering techniques',
      labelLanguage: 'en',
      relation: 'sibling',
    });
    expect(gap.missingEssential.find((s: { uri: string }) => s.uri === WELDING_TECHNIQUES).near).toBeNull();
    expect(gap.missingOptional.map((s: { label: string }) => s.label)).toEqual(['eseguire il controllo delle saldature']);
    // Three gaps beat one, however short; then the shorter course. The full one is offered (its
    // waiting list takes names), the one whose enrolment has closed and the one teaching only what
    // he has are not. (The demo's catalogue may hold welding courses too: only ours are compared.)
    offered = gap.courses.length;
    const titles = gap.courses.map((c: { title: string }) => c.title);
    expect(titles).not.toContain('Saldatura a filo MIG/MAG: edizione di gennaio');
    expect(titles).not.toContain('Brasatura e stagnatura');
    expect(
      gap.courses
        .filter((c: { providerName: string }) => OUR_PROVIDERS.includes(c.providerName))
        .map((c: { title: string; providerName: string; seatsLeft: number; startDate: string; enrolmentOpen: boolean }) => [
          c.title,
          c.providerName,
          c.startDate,
          c.seatsLeft,
          c.enrolmentOpen,
        ]),
    ).toEqual([
      ['Saldatura ad arco e a filo: corso base', 'Centro Formazione Emilia Ovest', '2027-01-12', 12, true],
      ['Tecnologia dei processi di saldatura', 'Istituto Formazione Operatori Aziendali', '2027-02-01', 12, false],
      ['Saldatura ad arco: edizione serale', 'Istituto Formazione Operatori Aziendali', '2027-01-18', 0, true],
    ]);
    expect(gap.courses[0].closes.map((s: { label: string }) => s.label)).toEqual([
      'applicare le tecniche di saldatura ad arco',
      'unire parti metalliche',
      'usare le attrezzature per saldatura',
    ]);
    expect(gap.courses[0].closesEssential).toBe(3);
  });

  it('is in the audit log, under the worker', async () => {
    const { rows } = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_type', 'entity_label', 'details'])
      .where('entity_id', '=', esposito)
      .where('action', '=', 'skill_gap.read')
      .execute()
      .then((rows) => ({ rows }));
    expect(rows.at(-1)).toMatchObject({ entity_type: 'worker', entity_label: 'Esposito Gennaro' });
    expect(rows.at(-1)?.details).toMatchObject({ occupation: ESCO_MINI.welderUri, missingEssential: 4, courses: offered });
  });
});
