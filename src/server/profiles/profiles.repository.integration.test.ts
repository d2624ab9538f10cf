import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import type { DomainError } from '../http/problem.js';
import { importEsco, readEscoZips } from '../taxonomy/index.js';
import { escoMiniZips, removeFixtureZips } from '../../../tests/fixtures/taxonomy/esco-fixture.js';
import { createTestDatabase } from '../../../tests/helpers/test-database.js';
import { buildWorker, insertWorkers } from '../../../tests/factories/workers.js';
import type { ProfileDocument } from '../../shared/schemas/profiles.schema.js';
import { addProfileSkills, applyProfileChanges, getProfile, profileSkillUris } from './index.js';
import { listProfileVersions, readProfileVersion } from './profile.repository.js';

const SKILL = {
  arcWelding: 'http://data.europa.eu/esco/skill/27d26fd6-5795-4f0a-884e-112df7c68314',
  joinMetals: 'http://data.europa.eu/esco/skill/29d762da-1711-4a3c-b424-f0a404f4bf2d',
  troubleshoot: 'http://data.europa.eu/esco/skill/334e3e49-fb02-4051-809a-f06adfdc1c40',
};
const WELDER = 'http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b';

let database: Database;
let officeId: string;
let networkId: string;
let consultantId: string;
let coordinatorId: string;

async function newWorker(firstName: string, lastName: string, birthDate = '1978-04-12') {
  const [id] = await insertWorkers(database.db, [buildWorker({ officeId, firstName, lastName, birthDate })]);
  return id!;
}

async function change(workerId: string, baseVersion: number | null, fn: (d: ProfileDocument) => ProfileDocument, actorId = consultantId) {
  return database.db
    .transaction()
    .execute((tx) => applyProfileChanges(tx, { workerId, officeId, networkId, baseVersion, actorId, reason: 'edit', change: fn }));
}

async function failure(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected the change to fail');
}

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  const zips = escoMiniZips();
  await importEsco(database, { ...(await readEscoZips([zips.classificationEn, zips.relations])), version: 'v1.1.1' });
  const office = await database.db
    .selectFrom('offices')
    .select(['id', 'network_id'])
    .where('code', '=', 'CPI-SA')
    .executeTakeFirstOrThrow();
  officeId = office.id;
  networkId = office.network_id;
  const staff = await database.db.selectFrom('staff_users').select(['id', 'email']).execute();
  consultantId = staff.find((s) => s.email === 'orientatrice@ricolloca.example')!.id;
  coordinatorId = staff.find((s) => s.email === 'coordinatore@ricolloca.example')!.id;
});
afterAll(async () => {
  await database.close();
  removeFixtureZips();
});

describe('the profile and its versions', () => {
  it('is empty at version 0 before anyone writes it', async () => {
    const workerId = await newWorker('Loredana', 'Bertacchini');
    expect(await getProfile(database.db, workerId)).toMatchObject({ version: 0, updatedAt: null, updatedBy: null });
    expect((await getProfile(database.db, workerId)).document.skills).toEqual([]);
  });

  it('keeps every version whole, with who wrote it and which entries it added, changed and removed', async () => {
    const workerId = await newWorker('Massimo', 'Ferrarini');
    const workId = randomUUID();
    const first = await change(workerId, 0, (d) => ({
      ...d,
      work: [
        {
          id: workId,
          employer: 'Ceramiche Sassolesi S.p.A.',
          jobTitle: 'Saldatore di carpenteria',
          escoOccupationUri: WELDER,
          atecoCode: '23.31',
          startDate: '2004-09',
          endDate: '2025-06',
          highlights: [],
        },
      ],
      skills: [{ id: randomUUID(), escoUri: SKILL.arcWelding, label: 'apply arc welding techniques', source: 'declared', keywords: [] }],
    }));
    expect(first.version).toBe(1);

    const second = await change(
      workerId,
      1,
      (d) => ({ ...d, work: d.work.map((w) => ({ ...w, tasks: 'Saldatura a filo continuo dei telai dei forni' })), skills: [] }),
      coordinatorId,
    );
    expect(second.version).toBe(2);

    const current = await getProfile(database.db, workerId);
    expect(current).toMatchObject({ version: 2, updatedBy: coordinatorId });
    expect(current.document.work[0]!.tasks).toBe('Saldatura a filo continuo dei telai dei forni');

    const versions = await listProfileVersions(database.db, workerId, 50);
    expect(versions.map((v) => [v.version, v.createdBy, v.changes.sections])).toEqual([
      [2, coordinatorId, ['work', 'skills']],
      [1, consultantId, ['work', 'skills']],
    ]);
    expect(versions[0]!.changes.changed).toEqual({ work: [workId] });
    expect(Object.keys(versions[0]!.changes.removed)).toEqual(['skills']);
    expect(versions[1]!.changes.added.work).toEqual([workId]);
    const v1 = await readProfileVersion(database.db, workerId, 1);
    expect(v1!.document.skills.map((s) => s.label)).toEqual(['apply arc welding techniques']);
    expect(v1!.document.work[0]!.tasks).toBeUndefined();
  });

  it('writes no version for a change that changes nothing', async () => {
    const workerId = await newWorker('Ornella', 'Guidetti');
    await change(workerId, 0, (d) => ({ ...d, summary: 'Magazziniera con patentino per il carrello elevatore' }));
    const again = await change(workerId, 1, (d) => ({ ...d }));
    expect(again.version).toBe(1);
    expect(await listProfileVersions(database.db, workerId, 50)).toHaveLength(1);
  });

  it('refuses a change based on a version someone else has replaced, in Italian, and saves nothing', async () => {
    const workerId = await newWorker('Graziano', 'Montorsi');
    await change(workerId, 0, (d) => ({ ...d, summary: 'Manutentore meccanico' }));
    // Two consultants opened version 1; the first saves.
    await change(workerId, 1, (d) => ({ ...d, drivingLicences: ['B', 'C'] }));
    const stale = await failure(change(workerId, 1, (d) => ({ ...d, summary: 'Manutentore elettromeccanico' }), coordinatorId));
    expect(stale).toMatchObject({ code: 'PROFILE_VERSION_CONFLICT', status: 409 });
    expect(stale.text.it).toContain('modificato da un’altra persona');
    const now = await getProfile(database.db, workerId);
    expect(now.version).toBe(2);
    expect(now.document.summary).toBe('Manutentore meccanico');
    expect(now.document.drivingLicences).toEqual(['B', 'C']);
  });

  it('lets exactly one of two simultaneous first writes through', async () => {
    const workerId = await newWorker('Cinzia', 'Malagoli');
    const results = await Promise.allSettled([
      change(workerId, 0, (d) => ({ ...d, summary: 'Operaia addetta al confezionamento' })),
      change(workerId, 0, (d) => ({ ...d, summary: 'Addetta al controllo qualità' }), coordinatorId),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: 'PROFILE_VERSION_CONFLICT' });
    expect(await listProfileVersions(database.db, workerId, 50)).toHaveLength(1);
  });

  it('names the field of an end before the start, and of a title obtained before the age of ten', async () => {
    const workerId = await newWorker('Ivano', 'Corradini', '1980-02-03');
    const badEnd = await failure(
      change(workerId, 0, (d) => ({
        ...d,
        certificates: [{ id: randomUUID(), name: 'Patentino per carrellisti', issuedOn: '2020-05', expiresOn: '2019-05' }],
      })),
    );
    expect(badEnd).toMatchObject({ code: 'PROFILE_INVALID', status: 422 });
    expect(badEnd.extra.errors).toEqual([{ path: 'body/certificates/0/expiresOn', message: 'La scadenza non può precedere il rilascio' }]);

    const early = await failure(
      change(workerId, 0, (d) => ({
        ...d,
        education: [{ id: randomUUID(), title: 'Licenza media', titleCode: '20000000', endDate: '1985', courses: [] }],
      })),
    );
    expect(early).toMatchObject({ code: 'PROFILE_IMPOSSIBLE_DATE', status: 422 });
    expect(early.extra.errors).toEqual([
      { path: 'body/education/0/endDate', message: 'Titolo ottenuto prima dei 10 anni (anno di nascita 1980)' },
    ]);
    expect((await getProfile(database.db, workerId)).version).toBe(0);
  });

  it('refuses ESCO URIs, ISTAT titles and ATECO and CP2011 codes the classifications do not know', async () => {
    const workerId = await newWorker('Rossella', 'Vaccari');
    const unknown = await failure(
      change(workerId, 0, (d) => ({
        ...d,
        education: [{ id: randomUUID(), title: 'Diploma di perito', titleCode: '99999999', endDate: '1998', courses: [] }],
        work: [
          {
            id: randomUUID(),
            employer: 'Maglificio Carpigiano S.r.l.',
            jobTitle: 'Tessitrice',
            atecoCode: '99.99.99',
            cp2011Code: '6.5.3.3.1',
            startDate: '1999-01',
            highlights: [],
          },
        ],
        skills: [
          { id: randomUUID(), escoUri: SKILL.joinMetals, label: 'join metals', source: 'declared', keywords: [] },
          {
            id: randomUUID(),
            escoUri: 'http://data.europa.eu/esco/skill/00000000-0000-0000-0000-000000000000',
            label: 'tessitura',
            source: 'declared',
            keywords: [],
          },
        ],
      })),
    );
    expect(unknown).toMatchObject({ code: 'PROFILE_UNKNOWN_REFERENCE', status: 422 });
    expect(unknown.extra.errors!.map((e) => e.path)).toEqual([
      'body/education/0/titleCode',
      'body/work/0/atecoCode',
      'body/skills/1/escoUri',
    ]);
    expect(unknown.extra.errors![2]!.message).toBe('Competenza ESCO sconosciuta');
  });

  it('adds a course’s skills once, raising a lower level, on whatever version is current', async () => {
    const workerId = await newWorker('Daniele', 'Barbolini');
    await change(workerId, 0, (d) => ({
      ...d,
      skills: [
        {
          id: randomUUID(),
          escoUri: SKILL.arcWelding,
          label: 'apply arc welding techniques',
          level: 'basic',
          source: 'declared',
          keywords: [],
        },
        { id: randomUUID(), label: 'Lettura del disegno tecnico', level: 'advanced', source: 'declared', keywords: [] },
      ],
    }));
    const courseId = randomUUID();
    const result = await database.db.transaction().execute((tx) =>
      addProfileSkills(tx, {
        workerId,
        officeId,
        networkId,
        actorId: null,
        skills: [
          {
            escoUri: SKILL.arcWelding,
            label: 'apply arc welding techniques',
            level: 'intermediate',
            source: 'course',
            courseId,
            keywords: [],
          },
          { escoUri: SKILL.troubleshoot, label: 'troubleshoot', level: 'basic', source: 'course', courseId, keywords: [] },
          { label: 'lettura del disegno tecnico', level: 'basic', source: 'course', courseId, keywords: [] },
        ],
      }),
    );
    expect(result.version).toBe(2);
    expect(result.document.skills.map((s) => [s.label, s.level, s.source])).toEqual([
      ['apply arc welding techniques', 'intermediate', 'declared'],
      ['Lettura del disegno tecnico', 'advanced', 'declared'],
      ['troubleshoot', 'basic', 'course'],
    ]);
    expect([...(await profileSkillUris(database.db, workerId))].sort()).toEqual([SKILL.arcWelding, SKILL.troubleshoot].sort());
    const [latest] = await listProfileVersions(database.db, workerId, 1);
    expect(latest!.reason).toBe('course');
  });
});
