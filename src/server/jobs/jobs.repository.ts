import { sql } from 'kysely';
import type { Executor } from '../db/executor.js';
import type { JobState } from '../db/schema.js';

/** A job as a runner holds it after claiming it. */
export interface ClaimedJob {
  id: string;
  kind: string;
  dedupeKey: string;
  payload: Record<string, unknown>;
  subjectId: string | null;
  subjectVersion: number | null;
  networkId: string | null;
  /** This attempt's number, counted when the job was claimed (before anything was sent). */
  attempts: number;
  maxAttempts: number;
  runAt: Date;
}

export interface NewJob {
  kind: string;
  /** The idempotency key: a second job with the same key is not created. */
  dedupeKey: string;
  payload?: Record<string, unknown>;
  runAt: Date;
  subjectId?: string | null;
  subjectVersion?: number | null;
  networkId?: string | null;
  maxAttempts?: number;
}

type ClaimRow = {
  id: string;
  kind: string;
  dedupe_key: string;
  payload: Record<string, unknown>;
  subject_id: string | null;
  subject_version: number | null;
  network_id: string | null;
  attempts: number;
  max_attempts: number;
  run_at: Date;
};

const ERROR_LENGTH = 1000;

function toClaimed(r: ClaimRow): ClaimedJob {
  return {
    id: r.id,
    kind: r.kind,
    dedupeKey: r.dedupe_key,
    payload: r.payload,
    subjectId: r.subject_id,
    subjectVersion: r.subject_version,
    networkId: r.network_id,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    runAt: r.run_at,
  };
}

/** The only code that names the jobs table. */
export function createJobsRepository() {
  return {
    /** Inserts the jobs whose key is new; returns the ids of those created (a repeated key keeps the first job). */
    async enqueue(db: Executor, jobs: NewJob[]): Promise<string[]> {
      if (!jobs.length) return [];
      const rows = await db
        .insertInto('jobs')
        .values(
          jobs.map((j) => ({
            kind: j.kind,
            dedupe_key: j.dedupeKey,
            payload: JSON.stringify(j.payload ?? {}),
            run_at: j.runAt,
            subject_id: j.subjectId ?? null,
            subject_version: j.subjectVersion ?? null,
            network_id: j.networkId ?? null,
            ...(j.maxAttempts ? { max_attempts: j.maxAttempts } : {}),
          })),
        )
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .returning('id')
        .execute();
      return rows.map((r) => r.id);
    },

    /**
     * Enqueues a periodic job's first run unless one of its kind is already waiting or running
     * (two instances starting together compute the same slot key, so they still make one).
     */
    async seedPeriodic(db: Executor, job: NewJob): Promise<boolean> {
      const result = await sql<{ id: string }>`
        insert into jobs (kind, dedupe_key, payload, run_at, max_attempts)
        select ${job.kind}, ${job.dedupeKey}, '{}'::jsonb, ${job.runAt}, ${job.maxAttempts ?? 3}
        where not exists (select 1 from jobs where kind = ${job.kind} and state in ('queued', 'running'))
        on conflict (dedupe_key) do nothing
        returning id`.execute(db);
      return result.rows.length > 0;
    },

    /**
     * Takes up to `limit` due jobs of the given kinds for `runner`: queued ones whose time has
     * come, and running ones whose lease expired (their runner died). One statement, so on PGlite
     * the connection is held for the claim only; FOR UPDATE SKIP LOCKED lets concurrent runners on
     * PostgreSQL take disjoint jobs without waiting for each other. The attempt is counted here.
     */
    async claim(db: Executor, p: { runner: string; kinds: string[]; now: Date; leaseMs: number; limit: number }): Promise<ClaimedJob[]> {
      if (!p.kinds.length || p.limit <= 0) return [];
      const until = new Date(p.now.getTime() + p.leaseMs);
      // The due jobs and the expired leases are read apart, each down its own partial index in
      // its own order: one `or` of the two made every claim sort all the due jobs to take the
      // first few (10,000 reminders: 84 claims/s at the start, 15/s half-way).
      const result = await sql<ClaimRow>`
        with due as (
          select id, run_at as at from jobs
          where state = 'queued' and run_at <= ${p.now} and kind = any(${p.kinds}::text[])
          order by run_at
          limit ${p.limit}
          for update skip locked
        ), expired as (
          select id, locked_until as at from jobs
          where state = 'running' and locked_until <= ${p.now} and attempts < max_attempts and kind = any(${p.kinds}::text[])
          order by locked_until
          limit ${p.limit}
          for update skip locked
        )
        update jobs set state = 'running', attempts = attempts + 1, locked_by = ${p.runner}, locked_until = ${until}
        where id in (select id from (select id, at from due union all select id, at from expired) candidates order by at limit ${p.limit})
        returning id, kind, dedupe_key, payload, subject_id, subject_version, network_id, attempts, max_attempts, run_at`.execute(db);
      return result.rows.map(toClaimed).sort((a, b) => a.runAt.getTime() - b.runAt.getTime());
    },

    /**
     * Marks the job done (or cancelled), only while `runner` still holds it: a runner whose lease
     * expired and whose job another runner took gets false, and must roll back the effect it
     * recorded in the same transaction.
     */
    async finish(db: Executor, p: { id: string; runner: string; state: 'done' | 'cancelled'; now: Date; note?: string }): Promise<boolean> {
      const result = await db
        .updateTable('jobs')
        .set({ state: p.state, finished_at: p.now, locked_by: null, locked_until: null, last_error: p.note ?? null })
        .where('id', '=', p.id)
        .where('state', '=', 'running')
        .where('locked_by', '=', p.runner)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** A failed attempt: queued again at `retryAt`, or failed for good (visible to staff) when `retryAt` is null. */
    async fail(db: Executor, p: { id: string; runner: string; error: string; now: Date; retryAt: Date | null }): Promise<boolean> {
      const result = await db
        .updateTable('jobs')
        .set({
          state: p.retryAt ? 'queued' : 'failed',
          run_at: p.retryAt ?? p.now,
          finished_at: p.retryAt ? null : p.now,
          locked_by: null,
          locked_until: null,
          last_error: p.error.slice(0, ERROR_LENGTH),
        })
        .where('id', '=', p.id)
        .where('state', '=', 'running')
        .where('locked_by', '=', p.runner)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Keeps a long job's lease while its runner is alive. */
    async extendLease(db: Executor, p: { id: string; runner: string; until: Date }): Promise<boolean> {
      const result = await db
        .updateTable('jobs')
        .set({ locked_until: p.until })
        .where('id', '=', p.id)
        .where('state', '=', 'running')
        .where('locked_by', '=', p.runner)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /**
     * Running jobs whose lease expired on their last attempt: failed for good instead of tried
     * again (a handler that kills its process every time must not loop forever).
     */
    async failExhaustedLeases(db: Executor, now: Date): Promise<number> {
      const result = await db
        .updateTable('jobs')
        .set({
          state: 'failed',
          finished_at: now,
          locked_by: null,
          locked_until: null,
          last_error: sql`coalesce(last_error || ' — ', '') || 'interrotto durante l''ultimo tentativo / interrupted during the last attempt'`,
        })
        .where('state', '=', 'running')
        .where('locked_until', '<=', now)
        .whereRef('attempts', '>=', 'max_attempts')
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    /**
     * PGlite only (one process holds the data directory): every running job belongs to a process
     * that is gone, so its lease is over now rather than when it would have expired.
     */
    async expireAllLeases(db: Executor, now: Date): Promise<number> {
      const result = await db
        .updateTable('jobs')
        .set({ locked_until: now })
        .where('state', '=', 'running')
        .where('locked_until', '>', now)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    /**
     * Cancels the waiting jobs about `subjectId` (of `kinds`, or every kind): a cancelled or moved
     * meeting's reminders. Call it in the transaction that cancels or moves the subject. With
     * `belowVersion`, only the jobs made for an older version (a move keeps the new reminders).
     */
    async cancelForSubject(db: Executor, p: { subjectId: string; kinds?: string[]; belowVersion?: number; now: Date; reason: string }) {
      let q = db
        .updateTable('jobs')
        .set({ state: 'cancelled', finished_at: p.now, last_error: p.reason.slice(0, ERROR_LENGTH) })
        .where('subject_id', '=', p.subjectId)
        .where('state', '=', 'queued');
      if (p.kinds?.length) q = q.where('kind', 'in', p.kinds);
      if (p.belowVersion !== undefined) q = q.where('subject_version', '<', p.belowVersion);
      const result = await q.executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    /** Jobs in `state` that the network's staff see (the network's, and the system's own), newest first. */
    async list(db: Executor, p: { networkId: string; state: JobState; kind?: string; limit: number; before?: Date }) {
      let q = db
        .selectFrom('jobs')
        .select([
          'id',
          'kind',
          'subject_id',
          'subject_version',
          'state',
          'attempts',
          'max_attempts',
          'last_error',
          'run_at',
          'created_at',
          'finished_at',
        ])
        .where('state', '=', p.state)
        .where((eb) => eb.or([eb('network_id', '=', p.networkId), eb('network_id', 'is', null)]));
      if (p.kind) q = q.where('kind', '=', p.kind);
      if (p.before) q = q.where(sql<Date>`coalesce(finished_at, run_at)`, '<', p.before);
      return q
        .orderBy(sql`coalesce(finished_at, run_at)`, 'desc')
        .orderBy('id')
        .limit(p.limit)
        .execute();
    },

    /** A job's row as tests and the CLI look at it. */
    async byKey(db: Executor, dedupeKey: string) {
      return db.selectFrom('jobs').selectAll().where('dedupe_key', '=', dedupeKey).executeTakeFirst();
    },

    /** Finished jobs older than `before` are removed (the queue is not an archive: the effects are). */
    async purgeFinished(db: Executor, before: Date): Promise<number> {
      const result = await db
        .deleteFrom('jobs')
        .where('state', 'in', ['done', 'cancelled'])
        .where('finished_at', '<', before)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

export type JobsRepository = ReturnType<typeof createJobsRepository>;
