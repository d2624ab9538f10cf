import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ESCO_MINI, escoMiniZips, fixtureFiles, removeFixtureZips } from '../../../tests/fixtures/taxonomy/esco-fixture.js';
import { DEMO, createTestApp, expectProblem, signIn, type Agent, type TestApp } from '../../../tests/helpers/test-app.js';
import { importEsco, readEscoZips } from './import/esco-import.js';

let t: TestApp;
let staff: Agent;

beforeAll(async () => {
  t = await createTestApp();
  // The smallest role: reference data is for every member of staff.
  staff = await signIn(t.app, DEMO.frontoffice);
  // What the first-start step loads: the English bundle, the relations, the Italian ISCO-08 labels.
  const zips = escoMiniZips();
  await importEsco(t.database, { ...(await readEscoZips([zips.classificationEn, zips.relations])), version: 'v1.1.1' });
  const isco = fixtureFiles('classification-it').get('ISCOGroups_it.csv')!;
  await importEsco(t.database, {
    version: 'v1.1.1',
    classification: { name: 'ISCOGroups_it.csv', bundle: new Map([['ISCOGroups_it.csv', isco]]), partial: true },
  });
});
afterAll(async () => {
  await t.close();
  removeFixtureZips();
});

const SEARCHES = ['occupations', 'skills', 'sectors', 'comuni', 'education', 'ccnl'];
const search = async (kind: string, q: string, extra = '') => {
  const res = await staff.get(`/api/v1/taxonomy/${kind}?q=${encodeURIComponent(q)}${extra}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as Array<Record<string, unknown>>;
};

describe('access and validation', () => {
  const urls = [
    ...SEARCHES.map((kind) => `/api/v1/taxonomy/${kind}?q=mod`),
    '/api/v1/taxonomy/comuni/036023/nearby?radiusKm=10',
    '/api/v1/taxonomy/distance?from=036023&to=036005',
    '/api/v1/taxonomy/sources',
  ];

  it('answers 401 to anyone not signed in', async () => {
    for (const url of urls) expectProblem(await t.app.inject({ method: 'GET', url }), 401, 'UNAUTHENTICATED');
  });

  it('lets every signed-in role read (there is no 403: reference data holds nothing personal)', async () => {
    for (const email of Object.values(DEMO)) {
      const agent = await signIn(t.app, email);
      expect((await agent.get('/api/v1/taxonomy/comuni?q=modena')).statusCode).toBe(200);
    }
  });

  it('refuses bad parameters with 400', async () => {
    const bad = [
      ...SEARCHES.map((kind) => `/api/v1/taxonomy/${kind}?q=m`),
      '/api/v1/taxonomy/occupations',
      '/api/v1/taxonomy/occupations?q=%20%20m%20',
      '/api/v1/taxonomy/occupations?q=saldat&limit=0',
      '/api/v1/taxonomy/occupations?q=saldat&limit=51',
      '/api/v1/taxonomy/occupations?q=saldat&lang=de',
      '/api/v1/taxonomy/occupations?q=saldat&unknown=1',
      `/api/v1/taxonomy/occupations?q=${'a'.repeat(101)}`,
      '/api/v1/taxonomy/comuni/036023/nearby',
      '/api/v1/taxonomy/comuni/036023/nearby?radiusKm=0',
      '/api/v1/taxonomy/comuni/036023/nearby?radiusKm=201',
      '/api/v1/taxonomy/comuni/MODENA/nearby?radiusKm=10',
      '/api/v1/taxonomy/distance?from=036023',
      '/api/v1/taxonomy/distance?from=36023&to=036005',
    ];
    for (const url of bad) expectProblem(await staff.get(url), 400, 'VALIDATION_FAILED');
  });

  it('answers 404 for a comune code nobody has', async () => {
    expectProblem(await staff.get('/api/v1/taxonomy/comuni/999999/nearby?radiusKm=10'), 404, 'COMUNE_NOT_FOUND');
    expectProblem(await staff.get('/api/v1/taxonomy/distance?from=036023&to=999999'), 404, 'COMUNE_NOT_FOUND');
  });

  it('answers an empty list, not an error, when nothing matches', async () => {
    expect(await search('occupations', 'zzqxqzzqx')).toEqual([]);
    expect(await search('comuni', '!!')).toEqual([]);
  });
});

describe('type-ahead searches', () => {
  it('finds saldatori from "saldat": CP2011 and the Italian ISCO group label', async () => {
    const items = await search('occupations', 'saldat');
    expect(items[0]).toMatchObject({ match: 'prefix', labelLanguage: 'it', fallback: false });
    expect(items.map((i) => i.label)).toContain('Saldatori e tagliatori a fiamma');
    expect(items.find((i) => i.kind === 'cp2011' && i.code === '6.2.1.2.0')).toMatchObject({ detail: 'CP2011 · unità professionale' });
  });

  it('finds Modena from the typo "modna"', async () => {
    const [first] = await search('comuni', 'modna');
    expect(first).toMatchObject({
      kind: 'comune',
      code: '036023',
      label: 'Modena',
      match: 'fuzzy',
      province: 'MO',
      region: 'Emilia-Romagna',
      cadastralCode: 'F257',
    });
  });

  it('finds Sassuolo exactly, with its place', async () => {
    const [first] = await search('comuni', 'Sassuolo');
    expect(first).toMatchObject({
      id: 'comune:036040',
      code: '036040',
      label: 'Sassuolo',
      matchedLabel: 'Sassuolo',
      match: 'exact',
      detail: 'MO',
      province: 'MO',
      cadastralCode: 'I462',
    });
    expect(first!.lat).toBeCloseTo(44.533, 2);
    expect(first!.lon).toBeCloseTo(10.778, 2);
  });

  it('finds the metalworkers’ agreements from "metalmeccanic", C011 among them', async () => {
    const items = await search('ccnl', 'metalmeccanic', '&limit=50');
    expect(items.length).toBeGreaterThan(10);
    expect(items.every((i) => i.kind === 'ccnl' && i.match === 'prefix')).toBe(true);
    expect(items.map((i) => i.code)).toContain('C011');
    expect((await search('ccnl', 'C011'))[0]).toMatchObject({ code: 'C011', match: 'exact', matchedLabel: 'C011', detail: 'MECCANICI' });
  });

  it('finds the ESCO welder in English, and marks the English fallback when Italian is asked', async () => {
    const [en] = await search('occupations', 'welder', '&lang=en');
    expect(en).toMatchObject({
      id: ESCO_MINI.welderUri,
      kind: 'esco_occupation',
      code: '7212.3',
      label: 'welder',
      labelLanguage: 'en',
      fallback: false,
      match: 'exact',
      detail: 'ISCO 7212',
    });
    const [it] = await search('occupations', 'welder', '&lang=it');
    expect(it).toMatchObject({ id: ESCO_MINI.welderUri, label: 'welder', labelLanguage: 'en', fallback: true });
    // The ISCO group has an Italian label: shown in Italian, found through its English one.
    const group = (await search('occupations', 'welders', '&lang=it')).find((i) => i.kind === 'isco_group');
    expect(group).toMatchObject({
      code: '7212',
      label: 'Saldatori e tagliatori a fiamma',
      labelLanguage: 'it',
      fallback: false,
      matchedLabel: 'Welders and flamecutters',
    });
  });

  it('shows Italian ESCO labels once the Italian bundle is imported', async () => {
    const zips = escoMiniZips();
    await importEsco(t.database, { ...(await readEscoZips([zips.classificationIt])), version: 'v1.1.1', lang: 'it' });
    const [it] = await search('occupations', 'welder', '&lang=it');
    expect(it).toMatchObject({
      id: ESCO_MINI.welderUri,
      label: 'saldatore/saldatrice',
      labelLanguage: 'it',
      fallback: false,
      matchedLabel: 'welder',
    });
    const [saldatore] = await search('occupations', 'saldatore');
    expect(saldatore).toMatchObject({ id: ESCO_MINI.welderUri, match: 'exact' });
  });

  it('ignores accents and case: "citta" and "CITTÀ" give the same list', async () => {
    const plain = await search('comuni', 'citta');
    const accented = await search('comuni', 'CITTÀ');
    expect(plain.length).toBeGreaterThan(3);
    expect(accented).toEqual(plain);
    expect(plain.map((i) => i.label)).toContain('Città di Castello');
  });

  it('ranks exact before prefix before fuzzy', async () => {
    const items = await search('comuni', 'bologna', '&limit=20');
    expect(items[0]).toMatchObject({ label: 'Bologna', match: 'exact' });
    const order = { exact: 0, prefix: 1, fuzzy: 2 };
    const ranks = items.map((i) => order[i.match as keyof typeof order]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(ranks).toContain(1);
    expect((await search('comuni', 'bolgna'))[0]).toMatchObject({ label: 'Bologna', match: 'fuzzy' });
  });

  it('searches skills, sectors and education', async () => {
    const skills = await search('skills', 'welding', '&lang=en');
    // "welding" is an alternative label of "join metals": exact matches come first, then prefixes.
    expect(skills[0]).toMatchObject({ kind: 'esco_skill', matchedLabel: 'welding', match: 'exact', detail: 'skill/competence' });
    expect(skills.map((i) => i.label)).toContain('join metals');
    expect(skills.find((i) => i.label === 'welding techniques')).toMatchObject({ match: 'prefix', detail: 'knowledge' });
    const sectors = await search('sectors', '25.11');
    expect(sectors.slice(0, 2).map((i) => [i.kind, i.code, i.match])).toEqual([
      ['ateco2025', '25.11', 'exact'],
      ['ateco2007', '25.11', 'exact'],
    ]);
    const english = await search('sectors', 'manufacture of metal structures', '&lang=en');
    expect(english[0]).toMatchObject({ kind: 'ateco2025', labelLanguage: 'en' });
    expect((await search('education', 'eqf 4'))[0]).toMatchObject({ kind: 'eqf', code: '4', label: 'Livello EQF 4' });
    expect((await search('education', 'licenza media'))[0]).toMatchObject({ kind: 'education', code: '20000000', match: 'exact' });
  });

  it('honours the limit', async () => {
    expect(await search('comuni', 'san', '&limit=3')).toHaveLength(3);
    expect(await search('comuni', 'san')).toHaveLength(10);
    expect(await search('comuni', 'san', '&limit=50')).toHaveLength(50);
  });
});

describe('distances between comuni', () => {
  it('gives the great-circle distance between centroids', async () => {
    const carpi = (await staff.get('/api/v1/taxonomy/distance?from=036023&to=036005')).json();
    expect(carpi.from).toMatchObject({ code: '036023', label: 'Modena' });
    expect(carpi.to).toMatchObject({ code: '036005', label: 'Carpi', province: 'MO' });
    expect(carpi.distanceKm).toBe(17.6);
    const bologna = (await staff.get('/api/v1/taxonomy/distance?from=036023&to=037006')).json();
    expect(bologna.distanceKm).toBeGreaterThan(36);
    expect(bologna.distanceKm).toBeLessThan(40);
  });

  it('lists the comuni within a radius, nearest first, the origin itself at 0 km', async () => {
    const body = (await staff.get('/api/v1/taxonomy/comuni/036023/nearby?radiusKm=20')).json();
    expect(body.origin).toMatchObject({ code: '036023', label: 'Modena' });
    const items = body.items as Array<{ code: string; label: string; distanceKm: number }>;
    expect(items[0]).toMatchObject({ code: '036023', distanceKm: 0 });
    const distances = items.map((i) => i.distanceKm);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(distances.every((d) => d <= 20)).toBe(true);
    const names = items.map((i) => i.label);
    expect(names).toEqual(expect.arrayContaining(['Carpi', 'Sassuolo', 'Formigine']));
    expect(names).not.toContain('Bologna');
    const wide = (await staff.get('/api/v1/taxonomy/comuni/036023/nearby?radiusKm=40')).json();
    expect(wide.items.map((i: { label: string }) => i.label)).toContain('Bologna');
  });
});

describe('data sources', () => {
  it('lists every source with version, licence, attribution, rows and load state', async () => {
    const res = await staff.get('/api/v1/taxonomy/sources');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<Record<string, unknown>>;
    const byId = Object.fromEntries(items.map((i) => [i.id, i]));
    expect(byId.esco).toMatchObject({
      version: 'v1.1.1',
      status: 'loaded',
      rows: ESCO_MINI.occupations + ESCO_MINI.skills,
      attribution: 'This service uses the ESCO classification of the European Commission.',
    });
    expect(byId['istat-cp2011']).toMatchObject({ status: 'loaded', rows: 1_486, attribution: expect.stringContaining('ISTAT') });
    expect(byId['openpolis-comuni']).toMatchObject({ status: 'loaded', rows: 7_899, licence: expect.stringContaining('CC BY 4.0') });
    expect(byId['cnel-ccnl']).toMatchObject({ status: 'loaded', rows: 1_008 });
    for (const id of [
      'istat-ateco-2025',
      'istat-ateco-2007',
      'istat-titoli-studio',
      'europass-eqf',
      'europass-countries',
      'europass-nationalities',
      'europass-languages',
    ]) {
      expect(byId[id]).toMatchObject({ status: 'loaded' });
      expect(byId[id]!.loadedAt).toEqual(expect.any(String));
    }
  });
});
