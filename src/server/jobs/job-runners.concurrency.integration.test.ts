import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { sql, type Transaction } from 'kysely';
import { createTestDatabase, onPostgres } from '../../../tests/helpers/test-database.js';
import { openDatabase, type Database } from '../db/database.js';
import type { DB } from '../db/schema.js';
import { createJobRunner, type JobRunner } from './job-runner.js';
import { enqueueJobs } from './job-queue.js';
import { createJobsRepository, type ClaimedJob } from './jobs.repository.js';

// Two instances on one database. On PostgreSQL each runner has its own connection pool, as two
// servers would; on PGlite (one process, one connection) both share the handle and the test
// shows the same guarantees under its serialised execution.

const N = onPostgres() ? 2000 : 300;
const KIND = 'test.reminder';
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const repo = createJobsRepository();
const SURNAMES = ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Barbieri', "D'Angelo"];

let database: Database;
let second: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  await database.execScript(`create table test_outbox (dedupe_key text not null, runner text not null)`);
  if (onPostgres()) {
    const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(database.db);
    const url = new URL(inject('pgAdminUrl')!);
    url.pathname = `/${rows[0]!.name}`;
    second = await openDatabase({ url: url.toString(), poolSize: 10 });
  } else {
    second = database;
  }
});
afterAll(async () => {
  if (second !== database) await second.close();
  await database.close();
});
beforeEach(async () => {
  await database.execScript(`delete from jobs; delete from test_outbox;`);
});

function handler(runner: string, hook?: (trx: Transaction<DB>, job: ClaimedJob) => Promise<void>) {
  return {
    kind: KIND,
    transactional: true as const,
    async run(trx: Transaction<DB>, job: ClaimedJob) {
      await sql`insert into test_outbox (dedupe_key, runner) values (${job.dedupeKey}, ${runner})`.execute(trx);
      await hook?.(trx, job);
    },
  };
}

async function enqueueReminders(n: number) {
  const now = new Date(Date.now() - 1000);
  const jobs = Array.from({ length: n }, (_, i) => ({
    kind: KIND,
    dedupeKey: `reminder:${String(i).padStart(5, '0')}:0`,
    runAt: now,
    payload: { text: `Promemoria per ${SURNAMES[i % SURNAMES.length]}: colloquio al CPI di Carpi` },
  }));
  for (let i = 0; i < jobs.length; i += 500) await enqueueJobs(database.db, jobs.slice(i, i + 500));
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('timed out');
}

async function doneCount() {
  const r = await database.db
    .selectFrom('jobs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('state', '=', 'done')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

async function effects() {
  const { rows } = await sql<{ keys: number; rows: number; max: number }>`
    select count(distinct dedupe_key)::int as keys, count(*)::int as rows,
           coalesce(max(n), 0)::int as max
    from test_outbox, lateral (select count(*) as n from test_outbox o2 where o2.dedupe_key = test_outbox.dedupe_key) c`.execute(
    database.db,
  );
  return rows[0]!;
}

function runner(db: Database, id: string, clock: () => Date = () => new Date()): JobRunner {
  return createJobRunner({
    db: db.db,
    databaseKind: db.kind,
    repository: repo,
    clock,
    log: silent,
    runnerId: id,
    pollMs: 20,
    concurrency: 8,
    leaseMs: 60_000,
  });
}

describe(`two instances on ${onPostgres() ? 'PostgreSQL (two pools)' : 'PGlite'}`, () => {
  it(`drain ${N} reminders together, each recorded exactly once`, async () => {
    await enqueueReminders(N);
    const a = runner(database, 'cpi-mo-1');
    const b = runner(second, 'cpi-ca-1');
    a.register(handler('cpi-mo-1'));
    b.register(handler('cpi-ca-1'));
    const started = Date.now();
    await Promise.all([a.start(), b.start()]);
    await waitFor(async () => (await doneCount()) === N, 120_000);
    const ms = Date.now() - started;
    await Promise.all([a.stop(), b.stop()]);
    console.info(`jobs: ${N} drained by two runners in ${ms} ms (${Math.round((N / ms) * 1000)} jobs/s) on ${database.kind}`);
    expect(await effects()).toEqual({ keys: N, rows: N, max: 1 });
    expect(a.stats.done + b.stats.done).toBe(N);
    // Both took a share: neither waited for the other's locks.
    expect(a.stats.done).toBeGreaterThan(0);
    expect(b.stats.done).toBeGreaterThan(0);
    expect(a.stats.leaseLost + b.stats.leaseLost).toBe(0);
  });

  it('one killed mid-run: its uncommitted reminders roll back, the other takes them after the lease, each recorded once', async () => {
    const n = Math.min(N, 400);
    await enqueueReminders(n);
    let gateOpen: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (gateOpen = resolve));
    let seen = 0;
    let stuck = 0;
    const a = runner(database, 'cpi-mo-1');
    // After 100 reminders, A's transactions hang with their outbox row written but not committed: the moment of the kill.
    a.register(
      handler('cpi-mo-1', async () => {
        if (++seen > 100) {
          stuck++;
          await gate;
        }
      }),
    );
    await a.start();
    // On PGlite a transaction holds the only connection, so one hangs and the others wait behind it.
    const hanging = onPostgres() ? 8 : 1;
    await waitFor(async () => stuck >= hanging, 60_000);
    // The kill: A completes nothing more, its open transactions end without committing.
    a.abandon();
    gateOpen();
    await a.stop();
    const doneByA = await doneCount();
    expect(doneByA).toBeGreaterThanOrEqual(100);
    expect(doneByA).toBeLessThan(n);
    expect((await effects()).rows).toBe(doneByA);
    const running = await database.db.selectFrom('jobs').select('id').where('state', '=', 'running').execute();
    // Claimed by A when it died: at least the hanging ones, at most its concurrency (8) plus one
    // claim that was committing at the moment of the kill; the rest are still queued.
    expect(running.length).toBeGreaterThanOrEqual(hanging);
    expect(running.length).toBeLessThanOrEqual(16);

    // B, on the other instance, sees A's leases expire (its clock is past them) and finishes the rest.
    const b = runner(second, 'cpi-ca-1', () => new Date(Date.now() + 61_000));
    b.register(handler('cpi-ca-1'));
    await b.start();
    await waitFor(async () => (await doneCount()) === n, 120_000);
    await b.stop();
    expect(await effects()).toEqual({ keys: n, rows: n, max: 1 });
    const retaken = await database.db.selectFrom('jobs').select('id').where('attempts', '=', 2).execute();
    expect(retaken.length).toBe(running.length);
  });
});
