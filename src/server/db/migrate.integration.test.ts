import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.js';
import { migrate, readMigrations } from './migrate.js';
import { createTestDatabase, onPostgres } from '../../../tests/helpers/test-database.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe(`migrations on ${onPostgres() ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('has applied every numbered migration once, and re-running applies nothing', async () => {
    const applied = await database.db.selectFrom('schema_migrations').select(['version', 'name']).orderBy('version').execute();
    expect(applied.map((m) => m.version)).toEqual(readMigrations().map((m) => m.version));
    const again = await migrate(database);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toBe(applied.length);
  });

  it('refuses to run when an applied migration file was edited afterwards', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ricolloca-migrations-'));
    for (const m of readMigrations()) writeFileSync(join(dir, `${String(m.version).padStart(4, '0')}_${m.name}.sql`), m.script);
    const first = readMigrations()[0]!;
    writeFileSync(join(dir, `0001_${first.name}.sql`), `${first.script}\n-- edited`);
    await expect(migrate(database, dir)).rejects.toThrow(/was changed after it was applied/);
  });

  it('applies a new migration in one transaction, and a failing one leaves nothing behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ricolloca-migrations-'));
    for (const m of readMigrations()) writeFileSync(join(dir, `${String(m.version).padStart(4, '0')}_${m.name}.sql`), m.script);
    writeFileSync(join(dir, '9998_ok.sql'), 'create table migration_probe (id int primary key);');
    writeFileSync(join(dir, '9999_broken.sql'), 'create table migration_probe_two (id int); select * from no_such_table;');
    await expect(migrate(database, dir)).rejects.toThrow(/no_such_table/);
    const tables = await sql<{
      name: string;
    }>`select table_name as name from information_schema.tables where table_name like 'migration_probe%' order by 1`.execute(database.db);
    expect(tables.rows.map((r) => r.name)).toEqual(['migration_probe']);
    const versions = await database.db.selectFrom('schema_migrations').select('version').where('version', '>', 9000).execute();
    expect(versions.map((v) => v.version)).toEqual([9998]);
  });

  it('returns the same JavaScript values on both databases: UTC timestamps, dates as text, counts as numbers', async () => {
    const row = await sql<{ at: Date; day: string; n: number; big: number; amount: number; zone: string }>`
      select timestamptz '2026-03-29 01:30:00+01' as at,
             date '2026-12-31' as day,
             count(*) as n,
             9007199254740991::bigint as big,
             12.5::numeric as amount,
             current_setting('TimeZone') as zone
      from offices`.execute(database.db);
    const r = row.rows[0]!;
    expect(r.at).toBeInstanceOf(Date);
    expect(r.at.toISOString()).toBe('2026-03-29T00:30:00.000Z');
    expect(r.day).toBe('2026-12-31');
    expect(typeof r.n).toBe('number');
    expect(r.big).toBe(Number.MAX_SAFE_INTEGER);
    expect(r.amount).toBe(12.5);
    expect(r.zone).toBe('UTC');
  });

  it('enforces the constraints the domain relies on', async () => {
    const network = await database.db.insertInto('networks').values({ code: 'T1', name: 'Test' }).returning('id').executeTakeFirstOrThrow();
    await database.db.insertInto('offices').values({ network_id: network.id, code: 'T-1', name: 'Uno', opening_hours: '[]' }).execute();
    await expect(
      database.db.insertInto('offices').values({ network_id: network.id, code: 'T-1', name: 'Due', opening_hours: '[]' }).execute(),
    ).rejects.toMatchObject({ code: '23505' });
    await database.db.insertInto('staff_users').values({ email: 'Case@Example.it', full_name: 'A' }).execute();
    await expect(
      database.db.insertInto('staff_users').values({ email: 'case@example.it', full_name: 'B' }).execute(),
    ).rejects.toMatchObject({ code: '23505' });
    const user = await database.db.selectFrom('staff_users').select('id').where('email', '=', 'Case@Example.it').executeTakeFirstOrThrow();
    const office = await database.db.selectFrom('offices').select('id').where('code', '=', 'T-1').executeTakeFirstOrThrow();
    await expect(
      database.db
        .insertInto('staff_roles')
        .values({ user_id: user.id, office_id: office.id, role: 'root' as never })
        .execute(),
    ).rejects.toMatchObject({ code: '23514' });
  });
});
