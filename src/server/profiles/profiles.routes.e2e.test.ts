import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escoMiniZips, removeFixtureZips } from '../../../tests/fixtures/taxonomy/esco-fixture.js';
import { buildWorker, insertWorkers } from '../../../tests/factories/workers.js';
import { DEMO, createTestApp, expectProblem, officeIdByCode, signIn, type Agent, type TestApp } from '../../../tests/helpers/test-app.js';
import { importEsco, readEscoZips } from '../taxonomy/index.js';

const WELDER = 'http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b';
const LASER_WELDER = 'http://data.europa.eu/esco/occupation/c81af273-1112-4b3f-a2a5-b85b1290ae22';
const COOK = 'http://data.europa.eu/esco/occupation/90f75f67-495d-49fa-ab57-2f320e251d7e';
const ARC_WELDING = 'http://data.europa.eu/esco/skill/27d26fd6-5795-4f0a-884e-112df7c68314';
const TROUBLESHOOT = 'http://data.europa.eu/esco/skill/334e3e49-fb02-4051-809a-f06adfdc1c40';

let t: TestApp;
let consultant: Agent;
let coordinator: Agent;
let frontoffice: Agent;
let modenaWorker: string;
let mirandolaWorker: string;

const url = (workerId: string, rest = '') => `/api/v1/workers/${workerId}/profile${rest}`;

beforeAll(async () => {
  t = await createTestApp();
  const zips = escoMiniZips();
  await importEsco(t.database, { ...(await readEscoZips([zips.classificationEn, zips.relations])), version: 'v1.1.1' });
  [consultant, coordinator, frontoffice] = await Promise.all([
    signIn(t.app, DEMO.consultant),
    signIn(t.app, DEMO.coordinator),
    signIn(t.app, DEMO.frontoffice),
  ]);
  const modena = await officeIdByCode(t.database, 'CPI-MO');
  const mirandola = await officeIdByCode(t.database, 'CPI-MI');
  modenaWorker = (
    await insertWorkers(t.database.db, [
      buildWorker({ officeId: modena, firstName: 'Tiziano', lastName: 'Lugli', birthDate: '1975-10-21' }, 4101),
    ])
  )[0]!;
  mirandolaWorker = (
    await insertWorkers(t.database.db, [
      buildWorker({ officeId: mirandola, firstName: 'Annalisa', lastName: 'Golinelli', birthDate: '1983-03-08' }, 4102),
    ])
  )[0]!;
});
afterAll(async () => {
  await t.close();
  removeFixtureZips();
});

async function auditRows(action: string, workerId: string) {
  return t.database.db
    .selectFrom('audit_log')
    .select(['action', 'entity_id', 'actor_label', 'details'])
    .where('action', '=', action)
    .where('entity_id', '=', workerId)
    .execute();
}

describe('the worker’s profile', () => {
  it('answers 401 without a session', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: url(modenaWorker) }), 401, 'UNAUTHENTICATED');
  });

  it('answers 403 to the front office writing it, which may read it', async () => {
    expectProblem(await frontoffice.patch(url(modenaWorker), { baseVersion: 0, drivingLicences: ['B'] }), 403, 'FORBIDDEN');
    expect((await frontoffice.get(url(modenaWorker))).statusCode).toBe(200);
  });

  it('answers 400 beside the field: an end before the start, an unknown licence, a missing base version', async () => {
    const res = await consultant.patch(url(modenaWorker), {
      baseVersion: 0,
      work: [
        { id: randomUUID(), employer: 'Officine Meccaniche Spilambertesi', jobTitle: 'Tornitore', startDate: '2012-05', endDate: '2010' },
      ],
      drivingLicences: ['Z'],
    });
    const body = expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { path: 'body/work/0/endDate', message: 'La fine non può precedere l’inizio' },
        expect.objectContaining({ path: 'body/drivingLicences/0' }),
      ]),
    );
    const missing = expectProblem(await consultant.put(url(modenaWorker), { summary: 'Tornitore' }), 400, 'VALIDATION_FAILED');
    expect(missing.errors.map((e: { path: string }) => e.path)).toContain('body/baseVersion');
  });

  it('answers 404 to a consultant of another office, and the coordinator of the network reads it', async () => {
    expectProblem(await consultant.get(url(mirandolaWorker)), 404, 'WORKER_NOT_FOUND');
    expectProblem(await consultant.patch(url(mirandolaWorker), { baseVersion: 0, drivingLicences: ['B'] }), 404, 'WORKER_NOT_FOUND');
    expect((await coordinator.get(url(mirandolaWorker))).statusCode).toBe(200);
  });

  it('starts empty, is written by section, audited, and says what is still missing', async () => {
    const empty = await consultant.get(url(modenaWorker));
    expect(empty.json()).toMatchObject({ version: 0, updatedBy: null, completeness: { percent: 0 } });
    expect(await auditRows('worker.profile.read', modenaWorker)).not.toHaveLength(0);

    const res = await consultant.patch(url(modenaWorker), {
      baseVersion: 0,
      education: [{ id: randomUUID(), title: 'Licenza media', titleCode: '20000000', endDate: '1989' }],
      work: [
        {
          id: randomUUID(),
          employer: 'Officine Meccaniche Spilambertesi S.r.l.',
          jobTitle: 'Saldatore a filo',
          escoOccupationUri: WELDER,
          atecoCode: '28.41',
          startDate: '1995-03',
          endDate: '2025-09',
          tasks: 'Saldatura MIG/MAG di telai per macchine utensili',
        },
      ],
      languages: [{ id: randomUUID(), code: 'it', mother: true }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ version: 1, updatedBy: { name: 'Elena Rinaldi' } });
    expect(body.completeness.missing).toEqual(['skills', 'availability', 'mobility', 'desiredOccupations']);
    expect(body.completeness.percent).toBe(43);
    const written = await auditRows('worker.profile.updated', modenaWorker);
    expect(written).toHaveLength(1);
    expect(written[0]!.details).toEqual({ version: 1 });
    expect(written[0]!.actor_label).toContain('Elena Rinaldi');
  });

  it('refuses a write made on an older version with 409 and an Italian message, keeping the other consultant’s work', async () => {
    const current = (await consultant.get(url(modenaWorker))).json().version as number;
    expect(
      (await coordinator.patch(url(modenaWorker), { baseVersion: current, drivingLicences: ['B', 'C', 'CQC_merci'] })).statusCode,
    ).toBe(200);
    const stale = expectProblem(
      await consultant.patch(url(modenaWorker), { baseVersion: current, drivingLicences: ['B'] }),
      409,
      'PROFILE_VERSION_CONFLICT',
    );
    expect(stale.detail).toContain('ricaricare il profilo');
    expect((await consultant.get(url(modenaWorker))).json().document.drivingLicences).toEqual(['B', 'C', 'CQC_merci']);
  });

  it('answers 422 naming the field of an unknown ESCO skill and of a title before the age of ten', async () => {
    const { version } = (await consultant.get(url(modenaWorker))).json();
    const unknown = await consultant.patch(url(modenaWorker), {
      baseVersion: version,
      skills: [
        {
          id: randomUUID(),
          escoUri: 'http://data.europa.eu/esco/skill/ffffffff-0000-4000-8000-000000000000',
          label: 'saldatura TIG',
          source: 'declared',
        },
      ],
    });
    expect(expectProblem(unknown, 422, 'PROFILE_UNKNOWN_REFERENCE').errors).toEqual([
      { path: 'body/skills/0/escoUri', message: 'Competenza ESCO sconosciuta' },
    ]);
    const early = await consultant.request({
      method: 'PATCH',
      url: url(modenaWorker),
      payload: { baseVersion: version, education: [{ id: randomUUID(), title: 'Licenza elementare', endDate: '1980' }] },
      headers: { 'accept-language': 'en' },
    });
    expect(expectProblem(early, 422, 'PROFILE_IMPOSSIBLE_DATE').errors).toEqual([
      { path: 'body/education/0/endDate', message: 'Title obtained before the age of 10 (born in 1975)' },
    ]);
  });

  it('suggests the essential then optional skills of the occupations, marking those the worker has', async () => {
    const { version } = (await consultant.get(url(modenaWorker))).json();
    const saved = await consultant.patch(url(modenaWorker), {
      baseVersion: version,
      skills: [{ id: randomUUID(), escoUri: ARC_WELDING, label: 'apply arc welding techniques', source: 'declared', level: 'advanced' }],
      desiredOccupations: [
        { id: randomUUID(), escoOccupationUri: LASER_WELDER, label: 'Saldatore laser' },
        { id: randomUUID(), escoOccupationUri: COOK, label: 'Aiuto cuoco' },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const res = await consultant.get(url(modenaWorker, '/skill-suggestions'));
    expect(res.statusCode).toBe(200);
    const { occupations } = res.json();
    expect(occupations.map((o: { uri: string; from: string }) => [o.uri, o.from])).toEqual([
      [WELDER, 'work'],
      [LASER_WELDER, 'desired'],
      [COOK, 'desired'],
    ]);
    const welder = occupations[0].skills;
    expect(welder).toHaveLength(7);
    expect(welder.filter((s: { essential: boolean }) => s.essential)).toHaveLength(5);
    expect(welder.findIndex((s: { essential: boolean }) => !s.essential)).toBe(5);
    expect(welder.find((s: { uri: string }) => s.uri === ARC_WELDING)).toMatchObject({ present: true, essential: true });
    // Only the English ESCO bundle is loaded: the network's own Italian label where it wrote one
    // (the labels the product ships), else the English one, said so.
    expect(welder.find((s: { uri: string }) => s.uri === TROUBLESHOOT)).toMatchObject({
      label: 'individuare e risolvere guasti',
      labelLanguage: 'it',
      fallback: false,
      present: false,
    });
    expect(occupations[2].skills).toMatchObject([{ label: 'use cooking techniques', labelLanguage: 'en', fallback: true }]);
  });

  it('shows Italian labels once the Italian ESCO bundle is loaded', async () => {
    const zips = escoMiniZips();
    await importEsco(t.database, { ...(await readEscoZips([zips.classificationIt])), version: 'v1.1.1', lang: 'it' });
    const { occupations } = (await consultant.get(url(modenaWorker, '/skill-suggestions'))).json();
    expect(occupations[0].skills.find((s: { uri: string }) => s.uri === TROUBLESHOOT)).toMatchObject({
      label: 'risolvere problemi',
      labelLanguage: 'it',
      fallback: false,
    });
  });

  it('lists the versions with who and which sections, and reads one whole', async () => {
    const res = await consultant.get(url(modenaWorker, '/versions'));
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{ version: number; createdBy: { name: string }; sections: string[]; reason: string }>;
    expect(items.map((v) => [v.version, v.createdBy.name, v.sections])).toEqual([
      [3, 'Elena Rinaldi', ['skills', 'desiredOccupations']],
      [2, 'Marco Bellini', ['drivingLicences']],
      [1, 'Elena Rinaldi', ['education', 'work', 'languages']],
    ]);
    const first = await consultant.get(url(modenaWorker, '/versions/1'));
    expect(first.json().document.drivingLicences).toEqual([]);
    expect(first.json().document.work[0].employer).toBe('Officine Meccaniche Spilambertesi S.r.l.');
    expectProblem(await consultant.get(url(modenaWorker, '/versions/9')), 404, 'PROFILE_VERSION_NOT_FOUND');
    // A version past what the database counts is a bad address, said beside the field (it answered 500).
    const huge = expectProblem(await consultant.get(url(modenaWorker, '/versions/9007199254740991')), 400, 'VALIDATION_FAILED');
    expect(huge.errors?.[0]?.path).toBe('params/version');
    expect(await auditRows('worker.profile.version.read', modenaWorker)).toHaveLength(1);
    const completeness = await consultant.get(url(modenaWorker, '/completeness'));
    expect(completeness.json()).toEqual({ percent: 57, missing: ['skills', 'availability', 'mobility'] });
  });
});
