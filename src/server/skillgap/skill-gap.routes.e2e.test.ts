import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escoMiniZips, ESCO_MINI, removeFixtureZips } from '../../../tests/fixtures/taxonomy/esco-fixture.js';
import { buildWorker, insertWorkers } from '../../../tests/factories/workers.js';
import { DEMO, createTestApp, expectProblem, officeIdByCode, signIn, type Agent, type TestApp } from '../../../tests/helpers/test-app.js';
import { importEsco, readEscoZips } from '../taxonomy/index.js';
import type { CourseOffer } from './skill-gap.js';

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
const zips = escoMiniZips();
const profiles = new Map<string, Set<string>>();
const catalogue: CourseOffer[] = [
  {
    id: 'c-saldatura-base',
    title: 'Saldatura ad arco e a filo: corso base',
    hours: 120,
    startDate: '2099-02-01',
    enrolmentOpen: false,
    skillUris: [ARC_WELDING, WELDING_EQUIPMENT, JOIN_METALS],
  },
  {
    id: 'c-tecnologia',
    title: 'Tecnologia dei processi di saldatura',
    hours: 40,
    startDate: '2099-01-15',
    enrolmentOpen: false,
    skillUris: [WELDING_TECHNIQUES],
  },
  {
    id: 'c-finito',
    title: 'Saldatura TIG (edizione di ottobre)',
    hours: 24,
    startDate: '2020-10-05',
    enrolmentOpen: false,
    skillUris: [ARC_WELDING],
  },
];
const asked: Array<{ networkId: string; skillUris: string[]; from?: string }> = [];

beforeAll(async () => {
  t = await createTestApp({
    skillGapSources: {
      profileSkillUris: async (_db, workerId) => profiles.get(workerId) ?? new Set(),
      coursesTeachingSkills: async (_db, input) => {
        asked.push(input);
        return catalogue.filter((c) => c.skillUris.some((u) => input.skillUris.includes(u)));
      },
    },
  });
  await importEsco(t.database, { ...(await readEscoZips([zips.classificationEn, zips.relations])), version: 'v1.1.1' });
  const modena = await officeIdByCode(t.database, 'CPI-MO');
  const carpi = await officeIdByCode(t.database, 'CPI-CA');
  [esposito, carpiWorker] = (await insertWorkers(t.database.db, [
    buildWorker({ officeId: modena, firstName: 'Gennaro', lastName: 'Esposito' }),
    buildWorker({ officeId: carpi, firstName: 'Nicolò', lastName: "D'Angelo" }),
  ])) as [string, string];
  profiles.set(esposito, new Set([SOLDERING, TROUBLESHOOT]));
  consultant = await signIn(t.app, DEMO.consultant);
  frontoffice = await signIn(t.app, DEMO.frontoffice);
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
    // The course of October has started: left out. Three gaps beat one, however short.
    expect(gap.courses.map((c: { title: string }) => c.title)).toEqual([
      'Saldatura ad arco e a filo: corso base',
      'Tecnologia dei processi di saldatura',
    ]);
    expect(gap.courses[0].closesEssential).toBe(3);
    expect(asked.at(-1)?.skillUris).not.toContain(SOLDERING);
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
    expect(rows.at(-1)?.details).toMatchObject({ occupation: ESCO_MINI.welderUri, missingEssential: 4, courses: 2 });
  });
});
