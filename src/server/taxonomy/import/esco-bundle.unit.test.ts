import { afterAll, describe, expect, it } from 'vitest';
import { ESCO_MINI, fixtureFiles, removeFixtureZips, writeZip, zipBytes } from '../../../../tests/fixtures/taxonomy/esco-fixture.js';
import { DomainError } from '../../http/problem.js';
import { parseCsv } from './csv-file.js';
import { identifyBundle, readClassification, readRelations } from './esco-bundle.js';
import { readZipBundle } from './zip-bundle.js';

afterAll(() => removeFixtureZips());

async function refusal(promise: Promise<unknown> | (() => unknown)): Promise<DomainError> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('parseCsv', () => {
  it('reads quoted multi-line cells and tells each record’s line', async () => {
    const text = 'conceptUri,altLabels\nhttp://x/1,"a\nb"\nhttp://x/2,c\n';
    const records = await parseCsv('t.csv', Buffer.from(text), { columns: ['conceptUri', 'altLabels'] });
    expect(records.map((r) => r.values)).toEqual([
      { conceptUri: 'http://x/1', altLabels: 'a\nb' },
      { conceptUri: 'http://x/2', altLabels: 'c' },
    ]);
    expect(records[1]!.line).toBe(4);
  });

  it('skips a UTF-8 byte-order mark', async () => {
    const records = await parseCsv('t.csv', Buffer.from('\uFEFFcode,title\n1,a\n'), { columns: ['code'] });
    expect(records[0]!.values.code).toBe('1');
  });

  it('refuses a file without the expected columns, naming them', async () => {
    const err = await refusal(
      parseCsv('occupations_en.csv', Buffer.from('uri,label\nx,y\n'), { columns: ['conceptUri', 'preferredLabel'] }),
    );
    expect(err.code).toBe('IMPORT_WRONG_HEADERS');
    expect(err.text.it).toContain('conceptUri, preferredLabel');
    expect(err.text.it).toContain('non sono stati modificati');
  });

  it('refuses a Windows-1252 file given as UTF-8 instead of reading mojibake', async () => {
    const cp1252 = Buffer.from('code,title\n1,Attivit\xe0 produttive\n', 'latin1');
    const err = await refusal(parseCsv('ateco.csv', cp1252, { columns: ['code'] }));
    expect(err.code).toBe('IMPORT_NOT_UTF8');
    expect(err.text.en).toMatch(/Windows-1252/);
  });

  it('refuses a record with a different number of cells', async () => {
    const err = await refusal(parseCsv('t.csv', Buffer.from('a,b\n1,2\n3\n'), { columns: ['a'] }));
    expect(err.code).toBe('IMPORT_MALFORMED_CSV');
  });
});

describe('identifyBundle', () => {
  it('tells a classification bundle and its language from a relations bundle', () => {
    expect(identifyBundle('x.zip', fixtureFiles('classification-en'))).toEqual({ kind: 'classification', lang: 'en' });
    expect(identifyBundle('x.zip', fixtureFiles('classification-it'))).toEqual({ kind: 'classification', lang: 'it' });
    expect(identifyBundle('x.zip', fixtureFiles('relations'))).toEqual({ kind: 'relations' });
  });

  it('refuses an unknown language and a zip that is not ESCO', async () => {
    const klingon = new Map([['occupations_xx.csv', Buffer.from('')]]);
    expect((await refusal(() => identifyBundle('x.zip', klingon))).code).toBe('IMPORT_UNKNOWN_LANGUAGE');
    expect((await refusal(() => identifyBundle('holiday.zip', new Map([['photo.jpg', Buffer.from('')]])))).code).toBe(
      'IMPORT_NOT_ESCO_BUNDLE',
    );
  });
});

describe('readClassification', () => {
  it('reads concepts, labels per type, descriptions and collections', async () => {
    const c = await readClassification('en.zip', fixtureFiles('classification-en'), 'en');
    const kinds = c.concepts.reduce<Record<string, number>>((n, x) => ({ ...n, [x.kind]: (n[x.kind] ?? 0) + 1 }), {});
    expect(kinds).toEqual({
      isco_group: ESCO_MINI.iscoGroups,
      esco_occupation: ESCO_MINI.occupations,
      esco_skill: ESCO_MINI.skills,
      esco_skill_group: ESCO_MINI.skillGroups,
    });
    const welder = c.concepts.find((x) => x.uri === ESCO_MINI.welderUri)!;
    expect(welder).toMatchObject({ code: '7212.3', parentCode: '7212', attributes: { iscoGroup: '7212' } });
    const welderLabels = c.labels.filter((l) => l.uri === ESCO_MINI.welderUri);
    expect(welderLabels.filter((l) => l.type === 'preferred').map((l) => l.label)).toEqual(['welder']);
    expect(welderLabels.some((l) => l.type === 'alternative' && l.label === 'boiler welder')).toBe(true);
    // "welder" is also among the alternatives in the file; it is stored once.
    expect(welderLabels.filter((l) => l.norm === 'welder')).toHaveLength(1);
    expect(new Set(c.collections.map((m) => m.collection))).toEqual(new Set(['digital', 'digcomp', 'green', 'transversal', 'language']));
  });

  it('refuses a bundle that lacks one of its files', async () => {
    const files = fixtureFiles('classification-en');
    files.delete('skills_en.csv');
    expect((await refusal(readClassification('en.zip', files, 'en'))).code).toBe('IMPORT_FILE_MISSING');
  });

  it('refuses values that are not ESCO’s', async () => {
    const files = fixtureFiles('classification-en');
    files.set('skills_en.csv', Buffer.from(files.get('skills_en.csv')!.toString('utf8').replace(',skill/competence,', ',superpower,')));
    const err = await refusal(readClassification('en.zip', files, 'en'));
    expect(err.code).toBe('IMPORT_BAD_VALUE');
    expect(err.text.en).toMatch(/skills_en\.csv.*line \d+.*superpower/);
  });
});

describe('readRelations', () => {
  it('reads occupation–skill, skill–skill and broader relations', async () => {
    const r = await readRelations('rel.zip', fixtureFiles('relations'));
    expect(r.occupationSkills).toHaveLength(ESCO_MINI.occupationSkills);
    expect(r.occupationSkills.filter((x) => x.essential)).toHaveLength(ESCO_MINI.essential);
    expect(r.skillSkills.length).toBeGreaterThan(0);
    expect(r.broader.length).toBeGreaterThan(0);
  });
});

describe('readZipBundle', () => {
  it('reads a zip as published', async () => {
    const bundle = await readZipBundle(writeZip('esco-v1.1.1-relations-csv.zip', fixtureFiles('relations')));
    expect([...bundle.keys()].sort()).toEqual([
      'broaderRelationsOccPillar.csv',
      'broaderRelationsSkillPillar.csv',
      'occupationSkillRelations.csv',
      'skillSkillRelations.csv',
    ]);
  });

  it('refuses a truncated download', async () => {
    const bytes = zipBytes(fixtureFiles('relations'));
    const err = await refusal(readZipBundle(writeZip('truncated.zip', bytes.subarray(0, Math.floor(bytes.length * 0.6)))));
    expect(err.code).toBe('IMPORT_ZIP_UNREADABLE');
    expect(err.text.it).toContain('truncated.zip');
  });

  it('refuses a zip whose contents were damaged (checksum)', async () => {
    const files = new Map([['occupationSkillRelations.csv', Buffer.from('occupationUri,relationType,skillType,skillUri\n'.repeat(50))]]);
    const bytes = Buffer.from(zipBytes(files));
    // Flip bytes inside the compressed data, past the 30-byte local header and the name.
    for (let i = 60; i < 70; i++) bytes[i] = bytes[i]! ^ 0xff;
    expect((await refusal(readZipBundle(writeZip('damaged.zip', bytes)))).code).toBe('IMPORT_ZIP_UNREADABLE');
  });

  it('refuses a file that is not a zip at all', async () => {
    expect((await refusal(readZipBundle(writeZip('notes.zip', Buffer.from('just text'))))).code).toBe('IMPORT_ZIP_UNREADABLE');
  });
});
