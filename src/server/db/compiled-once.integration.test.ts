import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/helpers/test-database.js';
import type { Database } from './database.js';
import { compiledOnce } from './compiled-once.js';
import type { Executor } from './executor.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  await sql`create table comuni_prova (code text primary key, name text not null)`.execute(database.db);
  await sql`insert into comuni_prova values ('036023', 'Modena'), ('036040', 'Sassuolo'), ('036005', 'Carpi'), ('036013', 'Fiorano Modenese')`.execute(
    database.db,
  );
});
afterAll(() => database.close());

describe('a statement compiled once', () => {
  it('is built once and answers each run with its own value', async () => {
    let builds = 0;
    const names = compiledOnce((db: Executor, codes: readonly string[]) => {
      builds++;
      return db
        .selectFrom(sql<{ code: string; name: string }>`comuni_prova`.as('c'))
        .select(['c.name'])
        .where('c.code', '=', sql<string>`any(${codes}::text[])`)
        .orderBy('c.name');
    });
    expect((await names(database.db, ['036040', '036005'])).map((r) => r.name)).toEqual(['Carpi', 'Sassuolo']);
    expect((await names(database.db, ['036023'])).map((r) => r.name)).toEqual(['Modena']);
    expect((await names(database.db, ['036013', '036023', '036040'])).map((r) => r.name)).toEqual([
      'Fiorano Modenese',
      'Modena',
      'Sassuolo',
    ]);
    expect(await names(database.db, [])).toEqual([]);
    expect(builds).toBe(1);
  });

  it('runs inside the caller’s transaction', async () => {
    const names = compiledOnce((db: Executor, code: string) =>
      db
        .selectFrom(sql<{ code: string; name: string }>`comuni_prova`.as('c'))
        .select(['c.name'])
        .where('c.code', '=', code),
    );
    await database.db.transaction().execute(async (trx) => {
      await sql`update comuni_prova set name = 'Modena (in transazione)' where code = '036023'`.execute(trx);
      expect(await names(trx, '036023')).toEqual([{ name: 'Modena (in transazione)' }]);
      await sql`update comuni_prova set name = 'Modena' where code = '036023'`.execute(trx);
    });
  });

  it('refuses a statement that uses the value twice or not at all', async () => {
    const twice = compiledOnce((db: Executor, code: string) =>
      db
        .selectFrom(sql<{ code: string; name: string }>`comuni_prova`.as('c'))
        .select(['c.name'])
        .where((eb) => eb.or([eb('c.code', '=', code), eb('c.name', '=', code)])),
    );
    await expect(twice(database.db, '036023')).rejects.toThrow(/exactly once/);
    const never = compiledOnce((db: Executor) =>
      db.selectFrom(sql<{ code: string; name: string }>`comuni_prova`.as('c')).select(['c.name']),
    );
    await expect(never(database.db, 'x')).rejects.toThrow(/exactly once/);
  });
});
