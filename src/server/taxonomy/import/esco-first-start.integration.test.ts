import { copyFileSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ESCO_MINI_DIR, escoMiniZips, removeFixtureZips } from '../../../../tests/fixtures/taxonomy/esco-fixture.js';
import { createTestDatabase } from '../../../../tests/helpers/test-database.js';
import type { Database } from '../../db/database.js';
import { createSourcesService } from '../sources.service.js';
import { createTaxonomyRepository } from '../taxonomy.repository.js';
import { createEscoFirstStart, escoFiles } from './esco-first-start.js';

let database: Database;
let dir: string;
const lines: string[] = [];
const log = {
  info: (_: object, msg: string) => lines.push(msg),
  warn: (_: object, msg: string) => lines.push(msg),
  error: (obj: object, msg: string) => lines.push(`${msg}: ${String((obj as { err?: unknown }).err)}`),
};

beforeAll(async () => {
  database = await createTestDatabase();
  // The shipped layout (data/reference/esco) with the miniature bundles in place of the real ones.
  dir = mkdtempSync(join(tmpdir(), 'esco-first-start-'));
  const zips = escoMiniZips('v1.1.1');
  const target = escoFiles('v1.1.1', dir);
  renameSync(zips.classificationEn, target.classification);
  renameSync(zips.relations, target.relations);
  // The Italian ISCO-08 labels of the miniature's 12 groups (rows of data/reference/esco/esco-v1.1.1-isco-groups-it.csv).
  copyFileSync(new URL('classification-it/ISCOGroups_it.csv', ESCO_MINI_DIR), target.iscoItalian);
});
afterAll(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
  removeFixtureZips();
});

describe('first-start ESCO import', () => {
  it('loads the configured version in the background, with the Italian ISCO-08 labels, logging progress', async () => {
    const job = createEscoFirstStart({ database, log, version: 'v1.1.1', dir });
    const sources = createSourcesService({
      db: database.db,
      repository: createTaxonomyRepository(),
      escoImportRunning: () => job.state() === 'running',
    });
    const running = job.start();
    expect(job.state()).toBe('running');
    expect((await sources.list()).find((s) => s.id === 'esco')!.status).toBe('loading');
    await running;
    expect(lines.filter((l) => /failed/.test(l))).toEqual([]);
    expect(job.state()).toBe('done');
    expect(lines.some((l) => /ESCO v1\.1\.1 loaded in/.test(l))).toBe(true);
    expect(lines.some((l) => /import: labels/.test(l))).toBe(true);

    const esco = (await sources.list()).find((s) => s.id === 'esco')!;
    expect(esco).toMatchObject({ status: 'loaded', version: 'v1.1.1', rows: 4 + 16 });
    expect(esco.attribution).toBe('This service uses the ESCO classification of the European Commission.');
    // Only the ISCO-08 groups have Italian labels until a job centre imports the Italian bundle.
    expect(esco.languages).toEqual(['en', 'it (parziale)']);
    expect(esco.loadedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('does nothing on the next start when the version is loaded', async () => {
    const before = await database.db.selectFrom('taxonomy_batches').select('id').where('status', '=', 'active').execute();
    lines.length = 0;
    const job = createEscoFirstStart({ database, log, version: 'v1.1.1', dir });
    await job.start();
    expect(job.state()).toBe('done');
    const after = await database.db.selectFrom('taxonomy_batches').select('id').where('status', '=', 'active').execute();
    expect(after).toEqual(before);
    expect(lines.filter((l) => /importing/.test(l))).toEqual([]);
  });

  it('skips, with a warning, a version whose files are not shipped', async () => {
    const job = createEscoFirstStart({ database, log, version: 'v7.0.0', dir });
    await job.start();
    expect(job.state()).toBe('skipped');
    expect(lines.some((l) => /v7\.0\.0 is not loaded and its files are missing/.test(l))).toBe(true);
  });
});
