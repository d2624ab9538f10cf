import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escoMiniZips, ESCO_MINI, removeFixtureZips } from '../../../tests/fixtures/taxonomy/esco-fixture.js';
import { createTestDatabase } from '../../../tests/helpers/test-database.js';
import type { Database } from '../db/database.js';
import { DomainError } from '../http/problem.js';
import { importEsco, readEscoZips } from './import/esco-import.js';
import { searchableBatchesChanged } from './searchable-batches.js';
import { createSearchService } from './search.service.js';
import { escoConceptLabels, occupationSkills, skillHierarchy } from './skill-queries.js';
import { networkLabelledUris, networkLabelsByUris, upsertNetworkLabels } from './skill-labels.repository.js';
import { readShippedSkillLabels } from './shipped-skill-labels.js';
import { createTaxonomyRepository } from './taxonomy.repository.js';

const skill = (id: string) => `http://data.europa.eu/esco/skill/${id}`;
const ARC_WELDING = skill('27d26fd6-5795-4f0a-884e-112df7c68314');
const WELDING_EQUIPMENT = skill('2fcd95a4-1f9a-41cf-95a9-4701bde476b4');
const SOLDERING = skill('136596a4-00b5-4ed3-bb6e-717198c1ccbe');
const WELDING_GROUP = skill('24a39c1b-b8cc-4210-8b74-b388a90e8f59');
const LASER_WELDER = 'http://data.europa.eu/esco/occupation/c81af273-1112-4b3f-a2a5-b85b1290ae22';

let database: Database;
let networkId: string;
let otherNetworkId: string;
let coordinatorId: string;
let shippedInDemo = 0;
const zips = escoMiniZips();

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  const { db } = database;
  networkId = (await db.selectFrom('networks').select('id').orderBy('code').executeTakeFirstOrThrow()).id;
  otherNetworkId = (
    await db.insertInto('networks').values({ code: 'RE', name: 'Rete CPI Reggio Emilia' }).returning('id').executeTakeFirstOrThrow()
  ).id;
  coordinatorId = (
    await db.selectFrom('staff_users').select('id').where('email', '=', 'coordinatore@ricolloca.example').executeTakeFirstOrThrow()
  ).id;
  // The demo loads the labels shipped with the product; these tests start from none.
  shippedInDemo = (await networkLabelledUris(db, networkId)).length;
  await db.deleteFrom('taxonomy_network_labels').execute();
  // English only, as the product loads ESCO on first start.
  await importEsco(database, { ...(await readEscoZips([zips.classificationEn, zips.relations])), version: 'v1.1.1' });
  searchableBatchesChanged();
  await upsertNetworkLabels(
    db,
    networkId,
    coordinatorId,
    [{ conceptUri: ARC_WELDING, label: 'saldatura ad arco con elettrodo', alternatives: ['saldatura a elettrodo', 'elettrodo rivestito'] }],
    new Date('2026-11-30T09:15:00Z'),
  );
});
afterAll(async () => {
  await database.close();
  removeFixtureZips();
});

describe('network Italian labels in the skill search', () => {
  const search = () => createSearchService({ db: database.db, repository: createTaxonomyRepository() });

  it('finds a skill by the network’s Italian label and shows it without the English mark', async () => {
    const items = await search().search('skill', { q: 'saldatura ad arco', limit: 10, lang: 'it' }, networkId);
    expect(items[0]).toMatchObject({ id: ARC_WELDING, label: 'saldatura ad arco con elettrodo', labelLanguage: 'it', fallback: false });
  });

  it('finds it by an alternative label, which the line names as the matched one', async () => {
    const items = await search().search('skill', { q: 'elettrodo riv', limit: 10, lang: 'it' }, networkId);
    expect(items.map((i) => i.id)).toContain(ARC_WELDING);
    const arc = items.find((i) => i.id === ARC_WELDING)!;
    expect(arc.matchedLabel).toBe('elettrodo rivestito');
    expect(arc.label).toBe('saldatura ad arco con elettrodo');
  });

  it('keeps a network’s labels to that network', async () => {
    const other = await search().search('skill', { q: 'saldatura ad arco', limit: 10, lang: 'it' }, otherNetworkId);
    expect(other.map((i) => i.label)).not.toContain('saldatura ad arco con elettrodo');
    expect(await search().search('skill', { q: 'elettrodo rivestito', limit: 10, lang: 'it' }, otherNetworkId)).toEqual([]);
    const english = await search().search('skill', { q: 'arc welding', limit: 10, lang: 'it' }, otherNetworkId);
    expect(english.find((i) => i.id === ARC_WELDING)).toMatchObject({ label: 'apply arc welding techniques', fallback: true });
  });

  it('records who entered a label and when', async () => {
    const label = (await networkLabelsByUris(database.db, networkId, [ARC_WELDING])).get(ARC_WELDING);
    expect(label).toMatchObject({ updatedBy: coordinatorId, alternatives: ['saldatura a elettrodo', 'elettrodo rivestito'] });
    expect(label?.updatedAt.toISOString()).toBe('2026-11-30T09:15:00.000Z');
  });
});

describe('the labels shipped with the product', () => {
  it('are a few hundred distinct ESCO skills with Italian labels, all loaded into the demo network', async () => {
    const shipped = await readShippedSkillLabels();
    expect(shipped.length).toBeGreaterThanOrEqual(200);
    expect(new Set(shipped.map((l) => l.conceptUri)).size).toBe(shipped.length);
    expect(shipped.every((l) => /^http:\/\/data\.europa\.eu\/esco\/skill\/[0-9a-f-]{36}$/.test(l.conceptUri) && l.label.length > 0)).toBe(
      true,
    );
    expect(shipped.find((l) => l.label === 'condurre il carrello elevatore')?.alternatives).toContain('muletto');
    expect(shippedInDemo).toBe(shipped.length);
  });
});

describe('skills of an occupation', () => {
  it('lists the welder’s essential skills before the optional ones, in Italian where the network has it', async () => {
    const [welder] = await occupationSkills(database.db, { networkId, escoOccupationUris: [ESCO_MINI.welderUri] });
    expect(welder).toMatchObject({ uri: ESCO_MINI.welderUri, label: 'welder', labelLanguage: 'en', iscoGroup: '7212' });
    expect(welder!.skills.filter((s) => s.essential)).toHaveLength(5);
    expect(welder!.skills.filter((s) => !s.essential).map((s) => s.label)).toEqual([
      'apply soldering techniques',
      'perform welding inspection',
    ]);
    expect(welder!.skills.slice(0, 5).every((s) => s.essential)).toBe(true);
    expect(welder!.skills.find((s) => s.uri === ARC_WELDING)).toMatchObject({
      label: 'saldatura ad arco con elettrodo',
      labelLanguage: 'it',
    });
  });

  it('finds every ESCO occupation of an ISCO-08 group, by code prefix', async () => {
    const found = await occupationSkills(database.db, { networkId, iscoCode: '7212' });
    expect(found.map((o) => o.uri).sort()).toEqual([ESCO_MINI.welderUri, LASER_WELDER].sort());
    expect((await occupationSkills(database.db, { networkId, iscoCode: '72' })).map((o) => o.uri)).toContain(LASER_WELDER);
    expect(await occupationSkills(database.db, { networkId, iscoCode: '9' })).toEqual([]);
  });

  it('refuses a CP2011 profession, which ESCO is not linked to', async () => {
    await expect(occupationSkills(database.db, { networkId, cp2011Code: '6.2.1.2.0' })).rejects.toSatisfy(
      (e) => e instanceof DomainError && e.code === 'CP2011_NOT_LINKED',
    );
  });

  it('gives one level up the skill hierarchy: the welding skills share their skill group', async () => {
    const broader = await skillHierarchy(database.db, [ARC_WELDING, WELDING_EQUIPMENT, SOLDERING]);
    expect(broader.get(ARC_WELDING)).toEqual([WELDING_GROUP]);
    expect(broader.get(SOLDERING)).toEqual([WELDING_GROUP]);
  });

  it('prefers ESCO’s own Italian label once the Italian bundle is imported', async () => {
    await importEsco(database, { ...(await readEscoZips([zips.classificationIt])), version: 'v1.1.1', lang: 'it' });
    searchableBatchesChanged();
    const labels = await escoConceptLabels(database.db, networkId, [ARC_WELDING, SOLDERING]);
    expect(labels.get(ARC_WELDING)).toEqual({ uri: ARC_WELDING, label: 'applicare tecniche di saldatura ad arco', labelLanguage: 'it' });
    // The network's label stays searchable.
    const items = await createSearchService({ db: database.db, repository: createTaxonomyRepository() }).search(
      'skill',
      { q: 'elettrodo rivestito', limit: 5, lang: 'it' },
      networkId,
    );
    expect(items[0]).toMatchObject({
      id: ARC_WELDING,
      label: 'applicare tecniche di saldatura ad arco',
      matchedLabel: 'elettrodo rivestito',
    });
  });
});
