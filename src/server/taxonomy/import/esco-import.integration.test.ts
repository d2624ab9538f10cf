import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ESCO_MINI,
  escoMiniZips,
  fixtureFiles,
  removeFixtureZips,
  writeZip,
  zipBytes,
  type Files,
} from '../../../../tests/fixtures/taxonomy/esco-fixture.js';
import { createTestDatabase } from '../../../../tests/helpers/test-database.js';
import type { Database } from '../../db/database.js';
import { DomainError } from '../../http/problem.js';
import { importEsco, readEscoZips, type EscoImportInput } from './esco-import.js';
import type { ImportMode } from './import-run.js';

let database: Database;
const zips = escoMiniZips();

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
  removeFixtureZips();
});

/** Everything an ESCO import writes, counted: what "the previous data is intact" is checked against. */
async function snapshot() {
  const { rows } = await sql<Record<string, number>>`select
      (select count(*) from taxonomy_releases where source = 'esco')::int as releases,
      (select count(*) from taxonomy_concepts c join taxonomy_releases r on r.id = c.release_id where r.source = 'esco')::int as concepts,
      (select count(*) from taxonomy_labels where lang = 'en')::int as labels_en,
      (select count(*) from taxonomy_labels where lang = 'it')::int as labels_it,
      (select count(*) from esco_occupation_skills)::int as relations,
      (select count(*) from esco_collection_members)::int as collections,
      (select count(*) from taxonomy_batches b join taxonomy_releases r on r.id = b.release_id where r.source = 'esco' and b.status = 'active')::int as active_batches,
      (select count(*) from taxonomy_batches where status = 'loading')::int as loading_batches,
      (select coalesce(string_agg(b.id::text, ',' order by b.id), '') from taxonomy_batches b where b.status = 'active') as active_ids`.execute(
    database.db,
  );
  return rows[0]!;
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected the import to be refused');
}

const importZips = async (paths: string[], options: Partial<EscoImportInput> = {}) =>
  importEsco(database, { ...(await readEscoZips(paths)), version: 'v1.1.1', ...options });

describe('ESCO import from the official CSV zips', () => {
  it('loads occupations with their ISCO group, skills with type and reuse level, relations and collections', async () => {
    const report = await importZips([zips.classificationEn, zips.relations], { actorLabel: 'test' });
    expect(report).toMatchObject({
      version: 'v1.1.1',
      lang: 'en',
      occupationSkills: ESCO_MINI.occupationSkills,
      essential: ESCO_MINI.essential,
      current: true,
    });

    const kinds = await database.db
      .selectFrom('taxonomy_concepts')
      .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('kind')
      .execute();
    const byKind = Object.fromEntries(kinds.map((k) => [k.kind, Number(k.n)]));
    expect(byKind).toMatchObject({
      esco_occupation: ESCO_MINI.occupations,
      esco_skill: ESCO_MINI.skills,
      isco_group: ESCO_MINI.iscoGroups,
      esco_skill_group: ESCO_MINI.skillGroups,
    });

    const welder = await database.db
      .selectFrom('taxonomy_concepts')
      .select(['code', 'attributes'])
      .where('uri', '=', ESCO_MINI.welderUri)
      .executeTakeFirstOrThrow();
    expect(welder).toEqual({ code: '7212.3', attributes: { iscoGroup: '7212' } });
    const skill = await database.db
      .selectFrom('taxonomy_concepts')
      .select('attributes')
      .where('kind', '=', 'esco_skill')
      .where('code', '=', '530cb489-d900-46ab-9350-4d50ccd49eea')
      .executeTakeFirstOrThrow();
    expect(skill.attributes).toEqual({ skillType: 'knowledge', reuseLevel: 'cross-sector' });

    const collections = await database.db.selectFrom('esco_collection_members').select('collection').distinct().execute();
    expect(collections.map((c) => c.collection).sort()).toEqual(['digcomp', 'digital', 'green', 'language', 'transversal']);
    const broader = await database.db
      .selectFrom('taxonomy_broader')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(broader.n)).toBeGreaterThan(0);

    const audit = await database.db
      .selectFrom('audit_log')
      .select(['actor_label', 'details'])
      .where('action', '=', 'taxonomy.esco_imported')
      .executeTakeFirstOrThrow();
    expect(audit.actor_label).toBe('test');
    expect(audit.details).toMatchObject({
      version: 'v1.1.1',
      lang: 'en',
      occupationSkills: ESCO_MINI.occupationSkills,
      parts: ['classification:en', 'relations'],
    });
  });

  it('is idempotent: importing the same zips again replaces, never duplicates', async () => {
    const before = await snapshot();
    await importZips([zips.classificationEn, zips.relations]);
    const after = await snapshot();
    expect({ ...after, active_ids: '' }).toEqual({ ...before, active_ids: '' });
    expect(after.active_ids).not.toBe(before.active_ids);
  });

  it('adds the Italian labels of an Italian bundle without touching relations or English labels', async () => {
    const before = await snapshot();
    const relationBatch = await database.db
      .selectFrom('taxonomy_batches')
      .select('id')
      .where('part', '=', 'relations')
      .where('status', '=', 'active')
      .executeTakeFirstOrThrow();
    const report = await importZips([zips.classificationIt], { lang: 'it' });
    expect(report).toMatchObject({ lang: 'it', concepts: 0, occupationSkills: 0 });
    const after = await snapshot();
    expect(after).toMatchObject({ concepts: before.concepts, labels_en: before.labels_en, relations: before.relations });
    expect(after.labels_it).toBeGreaterThan(0);
    const stillThere = await database.db
      .selectFrom('taxonomy_batches')
      .select('status')
      .where('id', '=', relationBatch.id)
      .executeTakeFirstOrThrow();
    expect(stillThere.status).toBe('active');
    const italian = await database.db
      .selectFrom('taxonomy_labels as l')
      .innerJoin('taxonomy_concepts as c', 'c.id', 'l.concept_id')
      .select('l.label')
      .where('c.uri', '=', ESCO_MINI.welderUri)
      .where('l.lang', '=', 'it')
      .where('l.label_type', '=', 'preferred')
      .executeTakeFirstOrThrow();
    expect(italian.label).toBe('saldatore/saldatrice');
  });
});

describe('bad input is refused with a clear message and the previous data stays intact', () => {
  const damaged = (part: 'classification-en' | 'classification-it' | 'relations', name: string, change: (files: Files) => void) => {
    const files = fixtureFiles(part);
    change(files);
    return writeZip(name, files);
  };
  const replaceInFile = (files: Files, name: string, from: string, to: string) =>
    files.set(name, Buffer.from(files.get(name)!.toString('utf8').replace(from, to)));

  const cases: Array<[string, () => Promise<unknown>, string]> = [
    [
      'a truncated zip',
      async () => {
        const bytes = zipBytes(fixtureFiles('classification-en'));
        return importZips([writeZip('esco-v1.1.1-classification-en-csv.zip', bytes.subarray(0, bytes.length - 200))]);
      },
      'IMPORT_ZIP_UNREADABLE',
    ],
    [
      'wrong CSV headers',
      async () =>
        importZips([
          damaged('classification-en', 'esco.zip', (f) => replaceInFile(f, 'occupations_en.csv', 'conceptUri,iscoGroup', 'uri,isco')),
        ]),
      'IMPORT_WRONG_HEADERS',
    ],
    ['an unknown language asked for', async () => importZips([zips.classificationEn], { lang: 'xx' }), 'IMPORT_UNKNOWN_LANGUAGE'],
    [
      'a bundle in an unknown language',
      async () =>
        importZips([
          damaged('classification-en', 'esco-xx.zip', (f) => {
            for (const [name, bytes] of [...f]) {
              f.delete(name);
              f.set(name.replace('_en.csv', '_xx.csv'), bytes);
            }
          }),
        ]),
      'IMPORT_UNKNOWN_LANGUAGE',
    ],
    [
      'a bundle in another language than the one asked for',
      async () => importZips([zips.classificationEn], { lang: 'it' }),
      'IMPORT_LANGUAGE_MISMATCH',
    ],
    [
      'a Windows-1252 file given as UTF-8',
      async () =>
        importZips([
          damaged('classification-it', 'esco-it.zip', (f) =>
            f.set(
              'occupations_it.csv',
              Buffer.from(f.get('occupations_it.csv')!.toString('utf8').replace('cuoco/cuoca', 'cuoco/cuoca è'), 'latin1'),
            ),
          ),
        ]),
      'IMPORT_NOT_UTF8',
    ],
    [
      'relations of a version whose classification is not loaded',
      async () => importZips([zips.relations], { version: 'v0.0.1-empty' }),
      'IMPORT_CLASSIFICATION_MISSING',
    ],
  ];

  for (const [what, run, code] of cases) {
    it(`refuses ${what}`, async () => {
      const before = await snapshot();
      const err = await refusal(run());
      expect(err.code).toBe(code);
      expect(err.text.it).toContain('I dati già caricati non sono stati modificati.');
      expect(err.text.en.length).toBeGreaterThan(20);
      const after = await snapshot();
      expect({ ...after, releases: 0 }).toEqual({ ...before, releases: 0 });
    });
  }

  it('refuses a label bundle naming concepts the version lacks', async () => {
    const before = await snapshot();
    const other = damaged('classification-it', 'esco-it.zip', (f) => {
      for (const name of ['occupations_it.csv', 'skills_it.csv']) {
        f.set(
          name,
          Buffer.from(
            f.get(name)!.toString('utf8').replaceAll('/esco/occupation/', '/esco/occupation/0').replaceAll('/esco/skill/', '/esco/skill/0'),
          ),
        );
      }
    });
    expect((await refusal(importZips([other], { lang: 'it' }))).code).toBe('IMPORT_VERSION_MISMATCH');
    expect(await snapshot()).toEqual(before);
  });
});

describe.each<ImportMode>(['staged', 'single-transaction'])('a failure half-way (%s)', (mode) => {
  it('leaves nothing behind and the previous data intact', async () => {
    const before = await snapshot();
    const controller = new AbortController();
    const err = await importZips([zips.classificationEn, zips.relations], {
      mode,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'relations') controller.abort();
      },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    const after = await snapshot();
    expect({ ...after, releases: 0 }).toEqual({ ...before, releases: 0 });
    expect(after.loading_batches).toBe(0);
  });
});

describe('staged import', () => {
  it('lets other queries through between its steps', async () => {
    let answeredAt = 0;
    let queried: Promise<unknown> | undefined;
    await importZips([zips.classificationEn, zips.relations], {
      mode: 'staged',
      onProgress: (p) => {
        if (p.phase === 'labels' && !queried)
          queried = database.db
            .selectFrom('offices')
            .select('id')
            .execute()
            .then(() => (answeredAt = performance.now()));
      },
    });
    const finishedAt = performance.now();
    await queried;
    expect(answeredAt).toBeGreaterThan(0);
    expect(answeredAt).toBeLessThan(finishedAt);
  });
});

describe('versions side by side', () => {
  it('imports a new version beside the old one and switches only when asked', async () => {
    await importZips([zips.classificationEn, zips.relations], { version: 'v9.9.9-test', makeCurrent: 'if-none' });
    const releases = await database.db
      .selectFrom('taxonomy_releases')
      .select(['version', 'current'])
      .where('source', '=', 'esco')
      .orderBy('version')
      .execute();
    expect(releases.filter((r) => r.version === 'v1.1.1' || r.version === 'v9.9.9-test')).toEqual([
      { version: 'v1.1.1', current: true },
      { version: 'v9.9.9-test', current: false },
    ]);
    const searchable = async () =>
      (
        await sql<{
          n: number;
        }>`select count(distinct c.release_id)::int as n from taxonomy_labels l join taxonomy_concepts c on c.id = l.concept_id
        where l.search_group = 'occupation' and c.kind = 'esco_occupation' and l.batch_id in (select id from taxonomy_searchable_batches)`.execute(
          database.db,
        )
      ).rows[0]!.n;
    expect(await searchable()).toBe(1);

    await importZips([zips.classificationEn], { version: 'v9.9.9-test', makeCurrent: 'yes' });
    const current = await database.db
      .selectFrom('taxonomy_releases')
      .select('version')
      .where('source', '=', 'esco')
      .where('current', '=', true)
      .executeTakeFirstOrThrow();
    expect(current.version).toBe('v9.9.9-test');
    expect(await searchable()).toBe(1);
  });
});

describe('the activation on PGlite: a short switch between series of short transactions', () => {
  /** Counts the transactions opened through the root handle while `run` goes, by the phase they began in. */
  async function countingTransactions<T>(run: (phase: { now: string }, opened: Map<string, number>) => Promise<T>) {
    const db = database.db as unknown as { transaction: () => { execute: (fn: unknown) => Promise<unknown> } };
    const original = db.transaction;
    const phase = { now: 'start' };
    const opened = new Map<string, number>();
    db.transaction = function (this: unknown) {
      opened.set(phase.now, (opened.get(phase.now) ?? 0) + 1);
      return original.call(database.db);
    };
    try {
      return { result: await run(phase, opened).catch((e: unknown) => e), opened };
    } finally {
      db.transaction = original;
    }
  }
  const searchableOccupationLabels = async () =>
    (
      await sql<{ n: number }>`select count(*)::int as n from taxonomy_labels l join taxonomy_concepts c on c.id = l.concept_id
        join taxonomy_releases r on r.id = c.release_id
        where r.source = 'esco' and l.search_group = 'occupation' and l.batch_id in (select id from taxonomy_searchable_batches)`.execute(
        database.db,
      )
    ).rows[0]!.n;
  const currentVersion = async () =>
    (
      await database.db
        .selectFrom('taxonomy_releases')
        .select('version')
        .where('source', '=', 'esco')
        .where('current', '=', true)
        .executeTakeFirstOrThrow()
    ).version;
  const words = async () =>
    (
      await sql<{ n: number }>`select count(*)::int as n from taxonomy_words where search_group in ('occupation', 'skill')`.execute(
        database.db,
      )
    ).rows[0]!.n;

  it('a failure just before the switch leaves the previous release current and complete, its words included', async () => {
    const current = await currentVersion();
    const before = { snapshot: await snapshot(), searchable: await searchableOccupationLabels(), words: await words() };
    expect(before.searchable).toBeGreaterThan(0);
    const controller = new AbortController();
    let duringLoad: number | undefined;
    const { result } = await countingTransactions((phase) =>
      importZips([zips.classificationEn, zips.relations], {
        version: 'v2.0.0-test',
        makeCurrent: 'yes',
        mode: 'staged',
        signal: controller.signal,
        onProgress: (p) => {
          phase.now = p.phase;
          if (p.phase === 'relations' && duringLoad === undefined) void searchableOccupationLabels().then((n) => (duringLoad = n));
          // Everything is loaded; the next transaction would be the switch.
          if (p.phase === 'activating') controller.abort();
        },
      }),
    );
    expect(result).toBeInstanceOf(Error);
    expect(duringLoad).toBe(before.searchable);
    expect(await currentVersion()).toBe(current);
    expect({ ...(await snapshot()), releases: 0 }).toEqual({ ...before.snapshot, releases: 0 });
    expect(await searchableOccupationLabels()).toBe(before.searchable);
    expect(await words()).toBe(before.words);
  });

  it('after the switch, the replaced rows, the words and the indexes are seen to in many short transactions, and a stop among them keeps the new data', async () => {
    const before = await snapshot();
    const searchable = await searchableOccupationLabels();
    // The same version again (a corrected bundle): its batches replace the active ones.
    const controller = new AbortController();
    let afterSwitch = 0;
    const stopped = await countingTransactions((phase, opened) =>
      importZips([zips.classificationEn, zips.relations], {
        mode: 'staged',
        signal: controller.signal,
        onProgress: (p) => {
          phase.now = p.phase;
          if (p.phase === 'activating') {
            // The switch is the first transaction of this phase; stop among the upkeep after it.
            void (async () => {
              while (afterSwitch < 3) {
                await new Promise((r) => setImmediate(r));
                afterSwitch = (opened.get('activating') ?? 0) - 1;
              }
              controller.abort();
            })();
          }
        },
      }),
    );
    expect(stopped.result).toBeInstanceOf(Error);
    // Switched: the new batches are read, complete, and the replaced ones are not.
    const after = await snapshot();
    expect(after.active_ids).not.toBe(before.active_ids);
    expect(after.active_batches).toBe(before.active_batches);
    expect(after.loading_batches).toBe(0);
    expect(await searchableOccupationLabels()).toBe(searchable);

    // The next import finishes what the stop left: the replaced rows go, nothing is doubled.
    const finished = await countingTransactions((phase) =>
      importZips([zips.classificationEn, zips.relations], {
        mode: 'staged',
        onProgress: (p) => {
          phase.now = p.phase;
        },
      }),
    );
    expect(finished.result).toMatchObject({ version: 'v1.1.1' });
    expect({ ...(await snapshot()), active_ids: '' }).toEqual({ ...before, active_ids: '' });
    expect(await searchableOccupationLabels()).toBe(searchable);
    // One switch, then the purge of the replaced batches, the word list and the indexes step by step.
    expect(finished.opened.get('activating')).toBeGreaterThan(10);
  });
});
