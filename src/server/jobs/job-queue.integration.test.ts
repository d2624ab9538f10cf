import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql, type Kysely, type Transaction } from 'kysely';
import { createTestDatabase } from '../../../tests/helpers/test-database.js';
import { createFakeClock } from '../../../tests/helpers/test-app.js';
import type { Database } from '../db/database.js';
import type { DB } from '../db/schema.js';
import { createJobRunner, nextSlot, periodicKey, type JobOutcome } from './job-runner.js';
import { cancelJobsForSubject, enqueueJobs } from './job-queue.js';
import { createJobsRepository, type ClaimedJob } from './jobs.repository.js';

// The queue's guarantees on whichever database the run uses (PGlite, or PostgreSQL with
// DATABASE_URL). The effect of a reminder is a row in a test outbox without a unique key, so a
// reminder recorded twice would show as two rows.

let database: Database;
const repo = createJobsRepository();
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const KIND = 'test.reminder';
const MINUTE = 60_000;

/** Meetings as the agenda would hold them: the sequence grows with each change (RFC 5545 SEQUENCE). */
const meetings = [
  { id: 'a1b2c3d4-0000-4000-8000-000000000001', worker: 'Barbieri Emanuele', to: 'emanuele.barbieri@example.it' },
  { id: 'a1b2c3d4-0000-4000-8000-000000000002', worker: 'Esposito Nicolò', to: 'nicolo.esposito@example.it' },
  { id: 'a1b2c3d4-0000-4000-8000-000000000003', worker: "D'Angelo Maria Grazia", to: 'mg.dangelo@example.it' },
];

beforeAll(async () => {
  database = await createTestDatabase();
  await database.execScript(`
    create table test_meetings (id uuid primary key, sequence integer not null, cancelled boolean not null default false);
    create table test_outbox (dedupe_key text not null, to_address text not null, body text not null, runner text not null);`);
});
afterAll(() => database.close());
beforeEach(async () => {
  await database.execScript(`delete from jobs; delete from test_outbox; delete from test_meetings;`);
  for (const m of meetings) await sql`insert into test_meetings (id, sequence) values (${m.id}, 0)`.execute(database.db);
});

/** The reminder handler an agenda would register: re-checks the meeting, then writes the outbox row. */
function reminderHandler(runner: string, opts: { failTimes?: number } = {}) {
  let failures = 0;
  return {
    kind: KIND,
    transactional: true as const,
    async run(trx: Transaction<DB>, job: ClaimedJob): Promise<JobOutcome> {
      if (opts.failTimes && failures < opts.failTimes) {
        failures++;
        throw new Error('421 4.7.0 smtp.provincia.modena.it: troppe connessioni, riprovare più tardi');
      }
      const { rows } = await sql<{ sequence: number; cancelled: boolean }>`
        select sequence, cancelled from test_meetings where id = ${job.subjectId} for share`.execute(trx);
      const meeting = rows[0];
      if (!meeting || meeting.cancelled) return { cancelled: 'incontro annullato' };
      if (meeting.sequence !== job.subjectVersion) return { cancelled: 'incontro spostato: vale il promemoria della nuova data' };
      await sql`insert into test_outbox (dedupe_key, to_address, body, runner)
        values (${job.dedupeKey}, ${String(job.payload.to)}, ${String(job.payload.text)}, ${runner})`.execute(trx);
    },
  };
}

function reminderJobs(at: Date, sequence = 0) {
  return meetings.map((m) => ({
    kind: KIND,
    dedupeKey: `reminder:${m.id}:${sequence}`,
    subjectId: m.id,
    subjectVersion: sequence,
    runAt: at,
    payload: { to: m.to, text: `Promemoria: ${m.worker}, colloquio di orientamento giovedì alle 9:30 al CPI di Modena` },
  }));
}

async function outbox() {
  const { rows } = await sql<{ dedupe_key: string; n: number }>`
    select dedupe_key, count(*)::int as n from test_outbox group by dedupe_key order by dedupe_key`.execute(database.db);
  return rows;
}

async function jobStates() {
  return (await database.db.selectFrom('jobs').select(['dedupe_key', 'state', 'attempts']).orderBy('dedupe_key').execute()).map(
    (j) => `${j.dedupe_key} ${j.state} ${j.attempts}`,
  );
}

function runnerOf(db: Kysely<DB>, clock: () => Date, runnerId: string, extra: Partial<Parameters<typeof createJobRunner>[0]> = {}) {
  return createJobRunner({ db, databaseKind: database.kind, repository: repo, clock, log: silent, runnerId, random: () => 0.5, ...extra });
}

describe('enqueue', () => {
  it('keeps one job per idempotency key, however often the same reminder is asked for', async () => {
    const clock = createFakeClock();
    expect(await enqueueJobs(database.db, reminderJobs(clock()))).toHaveLength(3);
    expect(await enqueueJobs(database.db, reminderJobs(clock()))).toEqual([]);
    expect(await database.db.selectFrom('jobs').select('id').execute()).toHaveLength(3);
  });

  it('commits a job with the change that causes it, or not at all', async () => {
    const clock = createFakeClock();
    await expect(
      database.db.transaction().execute(async (trx) => {
        await sql`update test_meetings set sequence = 1 where id = ${meetings[0]!.id}`.execute(trx);
        await enqueueJobs(trx, reminderJobs(clock(), 1).slice(0, 1));
        throw new Error('prenotazione rifiutata: il consulente è già impegnato');
      }),
    ).rejects.toThrow('già impegnato');
    expect(await database.db.selectFrom('jobs').select('id').execute()).toEqual([]);
  });
});

describe('running jobs', () => {
  it('records each reminder once and marks its job done in the same transaction', async () => {
    const clock = createFakeClock();
    await enqueueJobs(database.db, reminderJobs(clock()));
    const runner = runnerOf(database.db, clock, 'cpi-mo-1');
    runner.register(reminderHandler('cpi-mo-1'));
    expect(await runner.drain()).toBe(3);
    expect(await runner.drain()).toBe(0);
    expect(await outbox()).toEqual(meetings.map((m) => ({ dedupe_key: `reminder:${m.id}:0`, n: 1 })));
    expect(await jobStates()).toEqual(meetings.map((m) => `reminder:${m.id}:0 done 1`));
  });

  it('does not run a job before its time', async () => {
    const clock = createFakeClock();
    await enqueueJobs(database.db, reminderJobs(new Date(clock().getTime() + 48 * 60 * MINUTE)));
    const runner = runnerOf(database.db, clock, 'cpi-mo-1');
    runner.register(reminderHandler('cpi-mo-1'));
    expect(await runner.drain()).toBe(0);
    clock.advance(48 * 60 * MINUTE);
    expect(await runner.drain()).toBe(3);
  });

  it('retries a failed send with growing delays, then sends it once', async () => {
    const clock = createFakeClock();
    await enqueueJobs(database.db, reminderJobs(clock()).slice(0, 1));
    const runner = runnerOf(database.db, clock, 'cpi-mo-1');
    runner.register(reminderHandler('cpi-mo-1', { failTimes: 2 }));
    await runner.drain();
    const first = await repo.byKey(database.db, `reminder:${meetings[0]!.id}:0`);
    expect(first).toMatchObject({ state: 'queued', attempts: 1, locked_by: null });
    expect(first!.last_error).toContain('troppe connessioni');
    // Backoff with jitter 0.5: 22.5 s after the first failure, 45 s after the second.
    expect(first!.run_at.getTime() - clock().getTime()).toBe(22_500);
    expect(await runner.drain()).toBe(0);
    clock.advance(22_500);
    await runner.drain();
    const second = await repo.byKey(database.db, `reminder:${meetings[0]!.id}:0`);
    expect(second!.run_at.getTime() - clock().getTime()).toBe(45_000);
    clock.advance(45_000);
    await runner.drain();
    expect(await jobStates()).toEqual([`reminder:${meetings[0]!.id}:0 done 3`]);
    expect(await outbox()).toEqual([{ dedupe_key: `reminder:${meetings[0]!.id}:0`, n: 1 }]);
    expect(runner.stats).toMatchObject({ done: 1, retried: 2, failed: 0 });
  });

  it('ends failed after the last attempt, with the error kept for staff, and nothing sent', async () => {
    const clock = createFakeClock();
    const networkId = (await database.db.selectFrom('networks').select('id').executeTakeFirst())?.id ?? null;
    await enqueueJobs(
      database.db,
      reminderJobs(clock())
        .slice(1, 2)
        .map((j) => ({ ...j, maxAttempts: 2, networkId })),
    );
    const runner = runnerOf(database.db, clock, 'cpi-mo-1');
    runner.register(reminderHandler('cpi-mo-1', { failTimes: 99 }));
    await runner.drain();
    clock.advance(60 * MINUTE);
    await runner.drain();
    clock.advance(24 * 60 * MINUTE);
    expect(await runner.drain()).toBe(0);
    const job = await repo.byKey(database.db, `reminder:${meetings[1]!.id}:0`);
    expect(job).toMatchObject({ state: 'failed', attempts: 2, locked_by: null, locked_until: null });
    expect(job!.finished_at).toEqual(expect.any(Date));
    expect(job!.last_error).toContain('smtp.provincia.modena.it');
    expect(await outbox()).toEqual([]);
    if (networkId) {
      const listed = await repo.list(database.db, { networkId, state: 'failed', limit: 10 });
      expect(listed.map((j) => [j.kind, j.subject_id, j.attempts])).toEqual([[KIND, meetings[1]!.id, 2]]);
    }
  });
});

describe('cancelled and moved meetings', () => {
  it('sends no reminder for a cancelled meeting, nor the old one of a moved meeting', async () => {
    const clock = createFakeClock();
    await enqueueJobs(database.db, reminderJobs(clock()));
    const [barbieri, esposito] = meetings;
    // Barbieri's meeting is cancelled: its waiting reminder is cancelled in the same transaction.
    await database.db.transaction().execute(async (trx) => {
      await sql`update test_meetings set cancelled = true where id = ${barbieri!.id}`.execute(trx);
      expect(await cancelJobsForSubject(trx, { subjectId: barbieri!.id, now: clock(), reason: 'annullato dal consulente' })).toBe(1);
    });
    // Esposito's meeting is moved without cancelling the old job (e.g. a job already claimed):
    // the handler sees the newer sequence and sends nothing for the old date.
    await sql`update test_meetings set sequence = 1 where id = ${esposito!.id}`.execute(database.db);
    await enqueueJobs(database.db, reminderJobs(clock(), 1).slice(1, 2));
    const runner = runnerOf(database.db, clock, 'cpi-mo-1');
    runner.register(reminderHandler('cpi-mo-1'));
    await runner.drain();
    expect(await outbox()).toEqual(
      [`reminder:${esposito!.id}:1`, `reminder:${meetings[2]!.id}:0`].sort().map((k) => ({ dedupe_key: k, n: 1 })),
    );
    expect(await jobStates()).toEqual(
      [
        `reminder:${barbieri!.id}:0 cancelled 0`,
        `reminder:${esposito!.id}:0 cancelled 1`,
        `reminder:${esposito!.id}:1 done 1`,
        `reminder:${meetings[2]!.id}:0 done 1`,
      ].sort(),
    );
  });

  it('a move cancels only the reminders made for the older versions', async () => {
    const clock = createFakeClock();
    const [m] = meetings;
    await enqueueJobs(database.db, [...reminderJobs(clock(), 0).slice(0, 1), ...reminderJobs(clock(), 1).slice(0, 1)]);
    expect(await cancelJobsForSubject(database.db, { subjectId: m!.id, belowVersion: 1, now: clock(), reason: 'spostato' })).toBe(1);
    expect(await jobStates()).toEqual([`reminder:${m!.id}:0 cancelled 0`, `reminder:${m!.id}:1 queued 0`]);
  });
});

describe('a runner that dies', () => {
  it('leaves its claimed jobs to another runner once the lease expires; each reminder is recorded once', async () => {
    const clock = createFakeClock();
    await enqueueJobs(database.db, reminderJobs(clock()));
    // Runner A claims the three and is killed before finishing any (its process is gone).
    const claimed = await repo.claim(database.db, { runner: 'cpi-mo-A', kinds: [KIND], now: clock(), leaseMs: 5 * MINUTE, limit: 10 });
    expect(claimed).toHaveLength(3);
    const b = runnerOf(database.db, clock, 'cpi-mo-B', { leaseMs: 5 * MINUTE });
    b.register(reminderHandler('cpi-mo-B'));
    expect(await b.drain()).toBe(0);
    clock.advance(5 * MINUTE);
    expect(await b.drain()).toBe(3);
    expect(await outbox()).toEqual(meetings.map((m) => ({ dedupe_key: `reminder:${m.id}:0`, n: 1 })));
    expect(await jobStates()).toEqual(meetings.map((m) => `reminder:${m.id}:0 done 2`));
  });

  it('a late runner whose job was taken over cannot commit its effect a second time', async () => {
    const clock = createFakeClock();
    await enqueueJobs(database.db, reminderJobs(clock()).slice(2));
    const [late] = await repo.claim(database.db, { runner: 'cpi-mo-A', kinds: [KIND], now: clock(), leaseMs: MINUTE, limit: 1 });
    clock.advance(2 * MINUTE);
    const b = runnerOf(database.db, clock, 'cpi-mo-B');
    b.register(reminderHandler('cpi-mo-B'));
    expect(await b.drain()).toBe(1);
    // A wakes up and tries to record the same reminder and finish: its transaction is refused.
    const finished = await database.db
      .transaction()
      .execute(async (trx) => {
        await sql`insert into test_outbox (dedupe_key, to_address, body, runner) values (${late!.dedupeKey}, 'x', 'x', 'cpi-mo-A')`.execute(
          trx,
        );
        if (!(await repo.finish(trx, { id: late!.id, runner: 'cpi-mo-A', state: 'done', now: clock() }))) throw new Error('lease lost');
        return true;
      })
      .catch(() => false);
    expect(finished).toBe(false);
    expect(await outbox()).toEqual([{ dedupe_key: late!.dedupeKey, n: 1 }]);
    const rows = await sql<{ runner: string }>`select runner from test_outbox`.execute(database.db);
    expect(rows.rows.map((r) => r.runner)).toEqual(['cpi-mo-B']);
  });

  it('a job that kills its runner on every attempt ends failed instead of looping', async () => {
    const clock = createFakeClock();
    await enqueueJobs(
      database.db,
      reminderJobs(clock())
        .slice(0, 1)
        .map((j) => ({ ...j, maxAttempts: 2 })),
    );
    for (const name of ['A', 'B']) {
      expect(await repo.claim(database.db, { runner: name, kinds: [KIND], now: clock(), leaseMs: MINUTE, limit: 1 })).toHaveLength(1);
      clock.advance(2 * MINUTE);
    }
    const c = runnerOf(database.db, clock, 'C');
    c.register(reminderHandler('C'));
    expect(await c.drain()).toBe(0);
    const job = await repo.byKey(database.db, `reminder:${meetings[0]!.id}:0`);
    expect(job).toMatchObject({ state: 'failed', attempts: 2 });
    expect(job!.last_error).toContain('interrupted during the last attempt');
    expect(await outbox()).toEqual([]);
  });
});

describe('a batch handler', () => {
  /** Reminders for many meetings: what a morning's run of an office's agenda looks like. */
  const surnames = ['Barbieri', 'Esposito', "D'Angelo", 'Russo', 'Ferrari', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno'];
  function manyReminders(at: Date, n: number) {
    return Array.from({ length: n }, (_, i) => ({
      kind: 'test.batch',
      dedupeKey: `batch:${String(i).padStart(3, '0')}`,
      runAt: at,
      payload: { to: `${surnames[i % surnames.length]!.toLowerCase().replace("'", '')}.${i}@example.it`, n: i },
    }));
  }

  it('takes the jobs of its kind by batches, and records what they did with their completions in one commit', async () => {
    const clock = createFakeClock();
    await enqueueJobs(database.db, manyReminders(clock(), 60));
    const runner = runnerOf(database.db, clock, 'cpi-mo-1');
    const sizes: number[] = [];
    runner.register({
      kind: 'test.batch',
      transactional: false,
      batchSize: 25,
      async runBatch(_db, jobs) {
        sizes.push(jobs.length);
        const outcomes = new Map<string, JobOutcome | Error>();
        for (const job of jobs) {
          const n = Number(job.payload.n);
          // One address refused by the server, one worker who has left the programme meanwhile.
          if (n === 7) outcomes.set(job.id, new Error('550 5.1.1 casella inesistente'));
          else if (n === 8) outcomes.set(job.id, { cancelled: 'lavoratore uscito dal programma' });
          else outcomes.set(job.id, undefined);
        }
        return {
          outcomes,
          commit: async (trx) => {
            for (const job of jobs)
              if (outcomes.get(job.id) === undefined)
                await sql`insert into test_outbox (dedupe_key, to_address, body, runner)
                  values (${job.dedupeKey}, ${String(job.payload.to)}, 'promemoria', 'cpi-mo-1')`.execute(trx);
          },
        };
      },
    });
    expect(await runner.drain()).toBe(60);
    // The drain claims four units at a time; each batch is topped up to 25 of its kind.
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(60);
    expect(Math.max(...sizes)).toBe(25);
    expect((await outbox()).length).toBe(58);
    const states = await jobStates();
    expect(states.filter((s) => s.endsWith('done 1'))).toHaveLength(58);
    expect(states).toContain('batch:007 queued 1');
    expect(states).toContain('batch:008 cancelled 1');
    const retried = await database.db
      .selectFrom('jobs')
      .select(['run_at', 'last_error'])
      .where('dedupe_key', '=', 'batch:007')
      .executeTakeFirstOrThrow();
    expect(retried.last_error).toContain('casella inesistente');
    expect(new Date(retried.run_at).getTime()).toBeGreaterThan(clock().getTime());
  });

  it('a batch whose handler throws retries every job of it, and records nothing of it', async () => {
    const clock = createFakeClock();
    await enqueueJobs(database.db, manyReminders(clock(), 5));
    const runner = runnerOf(database.db, clock, 'cpi-mo-1');
    runner.register({
      kind: 'test.batch',
      transactional: false,
      batchSize: 25,
      async runBatch() {
        throw new Error('connessione al database persa');
      },
    });
    expect(await runner.drain()).toBe(5);
    expect(await outbox()).toEqual([]);
    expect((await jobStates()).every((s) => s.endsWith('queued 1'))).toBe(true);
    expect(runner.stats.retried).toBe(5);
  });

  it('a runner whose lease another runner took does not complete that job, and keeps what the batch recorded', async () => {
    const clock = createFakeClock();
    await enqueueJobs(database.db, manyReminders(clock(), 3));
    const late = runnerOf(database.db, clock, 'cpi-mo-late', { leaseMs: MINUTE });
    const other = runnerOf(database.db, clock, 'cpi-mo-2', { leaseMs: MINUTE });
    const handler = (name: string, pause?: () => Promise<void>) => ({
      kind: 'test.batch',
      transactional: false as const,
      batchSize: 25,
      async runBatch(_db: Kysely<DB>, jobs: ClaimedJob[]) {
        await pause?.();
        return {
          outcomes: new Map<string, JobOutcome | Error>(jobs.map((j) => [j.id, undefined])),
          commit: async (trx: Transaction<DB>) => {
            for (const job of jobs)
              await sql`insert into test_outbox (dedupe_key, to_address, body, runner)
                values (${job.dedupeKey}, ${String(job.payload.to)}, 'promemoria', ${name})`.execute(trx);
          },
        };
      },
    });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    late.register(
      handler('cpi-mo-late', async () => {
        started();
        await held;
      }),
    );
    other.register(handler('cpi-mo-2'));
    const lateDrain = late.drain();
    await running;
    // The late runner stalls past its lease: the other takes the jobs and completes them.
    clock.advance(2 * MINUTE);
    expect(await other.drain()).toBe(3);
    release();
    await lateDrain;
    expect(late.stats.leaseLost).toBe(3);
    expect((await jobStates()).every((s) => s.endsWith('done 2'))).toBe(true);
  });
});

describe('periodic jobs', () => {
  it('two instances starting together make one run per slot, and each run schedules the next once', async () => {
    const clock = createFakeClock(new Date('2026-12-01T16:03:20Z'));
    let runs = 0;
    const make = (id: string) => {
      const r = runnerOf(database.db, clock, id);
      r.registerPeriodic({
        kind: 'test.sweep',
        everyMs: 5 * MINUTE,
        run: async () => {
          runs++;
        },
      });
      return r;
    };
    const a = make('cpi-mo-1');
    const b = make('cpi-mo-2');
    await Promise.all([a.seedPeriodic(), b.seedPeriodic()]);
    const slot = nextSlot(clock(), 5 * MINUTE);
    expect(slot.toISOString()).toBe('2026-12-01T16:05:00.000Z');
    expect(await jobStates()).toEqual([`${periodicKey('test.sweep', slot)} queued 0`]);
    clock.set(new Date('2026-12-01T16:05:01Z'));
    await Promise.all([a.drain(), b.drain()]);
    expect(runs).toBe(1);
    // A restart meanwhile seeds nothing new: the next slot is already waiting.
    await a.seedPeriodic();
    expect(await jobStates()).toEqual([
      `${periodicKey('test.sweep', slot)} done 1`,
      `${periodicKey('test.sweep', new Date('2026-12-01T16:10:00Z'))} queued 0`,
    ]);
  });

  it('a run that fails for good still schedules the next one', async () => {
    const clock = createFakeClock(new Date('2026-12-01T16:00:00Z'));
    const r = runnerOf(database.db, clock, 'cpi-mo-1');
    r.registerPeriodic({
      kind: 'test.sweep',
      everyMs: 5 * MINUTE,
      runAtStart: true,
      run: async () => {
        throw new Error('database di test non raggiungibile');
      },
    });
    await r.seedPeriodic();
    for (let i = 0; i < 3; i++) {
      await r.drain();
      clock.advance(10 * MINUTE);
    }
    const states = await jobStates();
    expect(states[0]).toBe(`${periodicKey('test.sweep', new Date('2026-12-01T16:00:00Z'))} failed 3`);
    expect(states.some((s) => s.endsWith('queued 0'))).toBe(true);
  });
});

describe('a long job', () => {
  it('keeps its lease while its runner works, so no other runner starts it a second time', async () => {
    const clock = () => new Date();
    await enqueueJobs(database.db, [{ kind: 'test.sweep', dedupeKey: 'sweep:long', runAt: new Date(Date.now() - 1000) }]);
    let runs = 0;
    const long = {
      kind: 'test.sweep',
      transactional: false as const,
      async run() {
        runs++;
        // Longer than the lease: only the heartbeat keeps the job this runner's.
        await new Promise((resolve) => setTimeout(resolve, 4500));
      },
    };
    const a = runnerOf(database.db, clock, 'cpi-mo-1', { leaseMs: 3000 });
    const b = runnerOf(database.db, clock, 'cpi-mo-2', { leaseMs: 3000 });
    a.register(long);
    b.register(long);
    const first = a.drain();
    await new Promise((resolve) => setTimeout(resolve, 3800));
    expect(await b.drain()).toBe(0);
    expect(await first).toBe(1);
    expect(runs).toBe(1);
    expect(await jobStates()).toEqual(['sweep:long done 1']);
  });
});
