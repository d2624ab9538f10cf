import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/helpers/test-database.js';
import type { Database } from '../../db/database.js';
import { migrate } from '../../db/migrate.js';
import { loadReferenceData, REFERENCE_SETS } from './reference-loader.js';
import { ccnlSet } from './place-and-contract-sets.js';
import { REFERENCE_DIR } from './reference-set.js';

let database: Database;
let dir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  dir = mkdtempSync(join(tmpdir(), 'reference-'));
  cpSync(REFERENCE_DIR, dir, { recursive: true, filter: (src) => !src.endsWith('.zip') });
});
afterAll(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

async function counts() {
  const rows = await database.db
    .selectFrom('taxonomy_concepts as c')
    .innerJoin('taxonomy_releases as r', 'r.id', 'c.release_id')
    .select(['c.kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('r.current', '=', true)
    .groupBy('c.kind')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
}

describe('reference data loaded with the migrations', () => {
  it('is in every migrated database, complete', async () => {
    expect(await counts()).toMatchObject({
      comune: 7_899,
      cp2011: 1_486,
      ateco2025: 3_156,
      ateco2007: 3_157,
      education: 1_389,
      eqf: 8,
      country: 198,
      nationality: 198,
      language: 164,
      ccnl: 1_008,
    });
    const modena = await database.db.selectFrom('taxonomy_comuni').selectAll().where('istat_code', '=', '036023').executeTakeFirstOrThrow();
    expect(modena).toMatchObject({ name: 'Modena', cadastral_code: 'F257', province: 'MO', region: 'Emilia-Romagna' });
    const definitions = await database.db
      .selectFrom('taxonomy_descriptions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(definitions.n)).toBeGreaterThan(1_400);
  });

  it('costs next to nothing on a re-run, and changes nothing', async () => {
    const before = await database.db.selectFrom('taxonomy_batches').select('id').where('status', '=', 'active').orderBy('id').execute();
    const started = performance.now();
    const report = await migrate(database);
    expect(report.data).toEqual([]);
    expect(performance.now() - started).toBeLessThan(5_000);
    const after = await database.db.selectFrom('taxonomy_batches').select('id').where('status', '=', 'active').orderBy('id').execute();
    expect(after).toEqual(before);
  });

  it('reloads a set whose file changed, replacing its rows in one go', async () => {
    const file = join(dir, ccnlSet.files[0]!);
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace(/^C011,[^\n]*\n/m, '') + 'ZZ01,CCNL di prova per il test,PROVA,false,2030-12-31\n');
    const report = await loadReferenceData(database, { dir });
    expect(report.filter((r) => r.status === 'loaded').map((r) => r.source)).toEqual(['cnel-ccnl']);
    const codes = await database.db
      .selectFrom('taxonomy_concepts')
      .select('code')
      .where('kind', '=', 'ccnl')
      .where('code', 'in', ['C011', 'ZZ01'])
      .execute();
    expect(codes.map((c) => c.code)).toEqual(['ZZ01']);
    const words = await database.db
      .selectFrom('taxonomy_words')
      .select('word')
      .where('search_group', '=', 'ccnl')
      .where('word', '=', 'prova')
      .execute();
    expect(words).toHaveLength(1);
    writeFileSync(file, original);
    await loadReferenceData(database, { dir });
    expect((await counts()).ccnl).toBe(1_008);
  });

  it('refuses a broken file and keeps the data it had', async () => {
    const file = join(dir, ccnlSet.files[0]!);
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('code,title,sector', 'codice,titolo,settore'));
    const before = await counts();
    await expect(loadReferenceData(database, { dir, sets: REFERENCE_SETS })).rejects.toMatchObject({ code: 'IMPORT_WRONG_HEADERS' });
    expect(await counts()).toEqual(before);
    writeFileSync(file, original);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from taxonomy_batches where status = 'loading'`.execute(
      database.db,
    );
    expect(rows[0]!.n).toBe(0);
  });
});
