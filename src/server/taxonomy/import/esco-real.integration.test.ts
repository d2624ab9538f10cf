import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/helpers/test-database.js';
import type { Database } from '../../db/database.js';
import { createSearchService } from '../search.service.js';
import { createTaxonomyRepository } from '../taxonomy.repository.js';
import { readRelations } from './esco-bundle.js';
import { escoFiles } from './esco-first-start.js';
import { importEsco, readEscoZips } from './esco-import.js';

/** The one test that imports the real ESCO v1.1.1 bundles shipped in data/reference/esco. */
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('ESCO v1.1.1 as published', () => {
  it('imports every occupation, skill and relation', { timeout: 180_000 }, async () => {
    const files = escoFiles('v1.1.1');
    const bundles = await readEscoZips([files.classification, files.relations]);

    // What the relations file holds…
    const relations = await readRelations('relations', bundles.relations!.bundle);
    expect(relations.occupationSkills).toHaveLength(123_855);
    expect(relations.occupationSkills.filter((r) => r.essential)).toHaveLength(64_946);

    const report = await importEsco(database, { ...bundles, version: 'v1.1.1' });
    const kinds = await database.db
      .selectFrom('taxonomy_concepts')
      .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('kind')
      .execute();
    expect(Object.fromEntries(kinds.map((k) => [k.kind, Number(k.n)]))).toMatchObject({
      esco_occupation: 3_007,
      esco_skill: 13_896,
      isco_group: 619,
      esco_skill_group: 640,
    });

    // …and what is stored: 67 rows (55 essential) name occupation a9e54177-…, which v1.1.1's
    // classification does not contain (it appears only in the relations bundle), so they cannot
    // point at a concept and are reported as skipped.
    expect(report.occupationSkills).toBe(123_855 - 67);
    expect(report.essential).toBe(64_946 - 55);
    const stored = await database.db
      .selectFrom('esco_occupation_skills')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(123_788);

    const search = createSearchService({ db: database.db, repository: createTaxonomyRepository() });
    const welder = await search.search('occupation', { q: 'welder', limit: 5, lang: 'en' });
    expect(welder[0]).toMatchObject({ kind: 'esco_occupation', code: '7212.3', label: 'welder', match: 'exact', detail: 'ISCO 7212' });
  });
});
