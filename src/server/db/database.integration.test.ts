import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase, UNPREPARED, type Database } from './database.js';
import { createTestDatabase, onPostgres } from '../../../tests/helpers/test-database.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe(`change notifications on ${onPostgres() ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('delivers what a committed transaction announces, and nothing of a rolled-back one', async () => {
    const heard: string[] = [];
    const live: boolean[] = [];
    const stop = await database.listen('ricolloca_probe', { onNotify: (p) => heard.push(p), onLive: (l) => live.push(l) });
    expect(live).toEqual([true]);

    await expect(
      database.db.transaction().execute(async (trx) => {
        await sql`select pg_notify('ricolloca_probe', 'rolled back')`.execute(trx);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await database.db.transaction().execute(async (trx) => {
      await sql`select pg_notify('ricolloca_probe', 'committed')`.execute(trx);
    });
    await vi.waitFor(() => expect(heard).toEqual(['committed']));

    await stop();
    expect(live).toEqual([true, false]);
    await sql`select pg_notify('ricolloca_probe', 'after stop')`.execute(database.db);
    await new Promise((r) => setTimeout(r, 100));
    expect(heard).toEqual(['committed']);
  });

  it('announces an ended session and a change of the account behind a session', async () => {
    const heard: string[] = [];
    const stop = await database.listen('ricolloca_session_changed', { onNotify: (p) => heard.push(p), onLive: () => undefined });
    const user = await database.db
      .insertInto('staff_users')
      .values({ email: 'notify.probe@ricolloca.example', full_name: 'Probe', preferred_language: 'it' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const expiresAt = new Date(Date.now() + 3_600_000);
    await database.db
      .insertInto('sessions')
      .values({ token_hash: 'probe-1', user_id: user.id, office_id: null, csrf_token: 'x', expires_at: expiresAt })
      .execute();
    const row = await database.db.selectFrom('sessions').select('account').where('token_hash', '=', 'probe-1').executeTakeFirstOrThrow();
    expect(row.account).toMatchObject({ email: 'notify.probe@ricolloca.example', fullName: 'Probe', disabled: false, assignments: [] });

    await database.db.updateTable('staff_users').set({ full_name: 'Probe Renamed' }).where('id', '=', user.id).execute();
    await vi.waitFor(() => expect(heard).toEqual(['probe-1']));
    expect(
      (await database.db.selectFrom('sessions').select('account').where('token_hash', '=', 'probe-1').executeTakeFirstOrThrow()).account
        .fullName,
    ).toBe('Probe Renamed');

    // Sliding the idle expiry is not a change anyone needs to hear of.
    await database.db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(), expires_at: expiresAt })
      .where('token_hash', '=', 'probe-1')
      .execute();
    await database.db.deleteFrom('sessions').where('token_hash', '=', 'probe-1').execute();
    await vi.waitFor(() => expect(heard).toEqual(['probe-1', 'probe-1']));
    await stop();
  });
});

// Only a server connection can drop; PGlite runs in this process.
if (onPostgres()) {
  describe('change notifications on PostgreSQL, when the connection drops', () => {
    it('says so at once, re-subscribes, and delivers again', async () => {
      const heard: string[] = [];
      const live: boolean[] = [];
      const stop = await database.listen('ricolloca_probe_drop', { onNotify: (p) => heard.push(p), onLive: (l) => live.push(l) });
      await sql`select pg_terminate_backend(pid) from pg_stat_activity
                where application_name = 'ricolloca-listen' and datname = current_database() and query like 'listen ricolloca_probe_drop%'`.execute(
        database.db,
      );
      await vi.waitFor(() => expect(live).toEqual([true, false, true]), { timeout: 5000 });
      await sql`select pg_notify('ricolloca_probe_drop', 'after reconnect')`.execute(database.db);
      await vi.waitFor(() => expect(heard).toEqual(['after reconnect']));
      await stop();
    });
  });
}

if (onPostgres()) {
  describe('prepared statements on PostgreSQL', () => {
    it('prepares a query the second time it runs, once per connection, and leaves one-off queries unnamed', async () => {
      // One transaction holds one connection, so pg_prepared_statements shows what it holds.
      await database.db.transaction().execute(async (t) => {
        const prepared = async () =>
          (
            await sql<{ statement: string }>`select statement from pg_prepared_statements where name like 'ricolloca_%'`.execute(t)
          ).rows.map((r) => r.statement);
        const probe = async (name: string) =>
          (await sql<{ greeting: string }>`select 'ciao ' || ${name}::text as greeting`.execute(t)).rows;
        expect(await probe('Anna')).toEqual([{ greeting: 'ciao Anna' }]);
        expect((await prepared()).filter((s) => s.includes("'ciao '"))).toEqual([]);
        expect(await probe('Bruno')).toEqual([{ greeting: 'ciao Bruno' }]);
        expect(await probe('Carla')).toEqual([{ greeting: 'ciao Carla' }]);
        expect((await prepared()).filter((s) => s.includes("'ciao '"))).toHaveLength(1);

        const many = Array.from({ length: 150 }, (_, i) => `CODE-${i}`);
        await t.selectFrom('offices').select('code').where('code', 'in', many).execute();
        await t.selectFrom('offices').select('code').where('code', 'in', many).execute();
        expect((await prepared()).filter((s) => s.includes('"code" in ('))).toEqual([]);

        // A text that asks to be planned with its values each time (the candidate search) is never prepared.
        const planned = async (name: string) =>
          (await sql<{ greeting: string }>`${sql.raw(UNPREPARED)} select 'salve ' || ${name}::text as greeting`.execute(t)).rows;
        for (const name of ['Anna', 'Bruno', 'Carla']) expect(await planned(name)).toEqual([{ greeting: `salve ${name}` }]);
        expect((await prepared()).filter((s) => s.includes("'salve '"))).toEqual([]);
      });
    });
  });
}

describe('PGlite data directory', () => {
  it('is usable at once while it opens, is locked against a second opening, and takes over a stale lock', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'ricolloca-lock-'));
    const dataDir = join(parent, 'pgdata');
    try {
      const first = await openDatabase({ dataDir, background: true });
      // Handed out before the (slow) initialisation of a new directory: statements wait for it.
      const { rows } = await sql<{ answer: number }>`select 6 * 7 as answer`.execute(first.db);
      expect(rows).toEqual([{ answer: 42 }]);
      expect(readFileSync(`${dataDir}.lock`, 'utf8')).toBe(String(process.pid));

      await expect(openDatabase({ dataDir })).rejects.toThrow(`is in use by the Ricolloca process ${process.pid}`);
      await first.close();
      expect(existsSync(`${dataDir}.lock`)).toBe(false);

      // A lock left by a process that no longer exists (killed, say) does not keep the data out of reach.
      writeFileSync(`${dataDir}.lock`, '4194303');
      const again = await openDatabase({ dataDir });
      expect((await sql<{ answer: number }>`select 1 as answer`.execute(again.db)).rows).toEqual([{ answer: 1 }]);
      expect(readFileSync(`${dataDir}.lock`, 'utf8')).toBe(String(process.pid));
      await again.close();
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  }, 60_000);
});
