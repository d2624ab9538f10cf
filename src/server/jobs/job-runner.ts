import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Kysely, Transaction } from 'kysely';
import type { DatabaseKind } from '../db/database.js';
import type { DB } from '../db/schema.js';
import { DEFAULT_BACKOFF, retryDelayMs, type BackoffPolicy } from './backoff.js';
import type { ClaimedJob, JobsRepository } from './jobs.repository.js';

/** What a handler answers: nothing (done), or why the job no longer applies (a cancelled or moved meeting). */
export type JobOutcome = void | { cancelled: string };

/**
 * A handler per kind. `transactional`: the handler records its effect (an outbox row, a notice) on
 * the transaction it is given, and the job becomes done in that same transaction — the effect
 * commits exactly once, whatever kills the process and whichever runner takes the job over.
 * Otherwise the handler does its own work (several short transactions, a call to an SMTP server)
 * and must itself be safe to repeat: see docs/ARCHITECTURE.md, "Background jobs".
 */
export type JobHandler =
  | { kind: string; transactional: true; run(trx: Transaction<DB>, job: ClaimedJob): Promise<JobOutcome> }
  | { kind: string; transactional: false; run(db: Kysely<DB>, job: ClaimedJob): Promise<JobOutcome> }
  | BatchJobHandler;

/**
 * A handler that takes up to `batchSize` jobs of its kind at once (messages: their reads, their
 * outbox rows and their completions are one statement each for the whole batch instead of one per
 * job). It answers each job's outcome, or the Error that makes that job retry, and may give a
 * `commit` that the runner runs in the transaction that completes the batch's jobs (what the
 * handler learned, "sent", is then recorded with the completions in one commit). The handler must
 * be safe to repeat, as a non-transactional one.
 */
export interface BatchJobHandler {
  kind: string;
  transactional: false;
  batchSize: number;
  runBatch(db: Kysely<DB>, jobs: ClaimedJob[]): Promise<BatchResult>;
}

export interface BatchResult {
  outcomes: Map<string, JobOutcome | Error>;
  commit?: (trx: Transaction<DB>) => Promise<void>;
}

function isBatch(handler: JobHandler): handler is BatchJobHandler {
  return 'runBatch' in handler;
}

/** A task that runs every `everyMs`, one run at a time across every instance. */
export interface PeriodicJob {
  kind: string;
  everyMs: number;
  /** First run as soon as the runner starts (default: at the next slot). */
  runAtStart?: boolean;
  run(db: Kysely<DB>): Promise<void>;
}

export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface RunnerOptions {
  db: Kysely<DB>;
  databaseKind: DatabaseKind;
  repository: JobsRepository;
  clock: () => Date;
  log: Logger;
  /** Names this runner in locked_by (an instance, or a test's "runner A"). */
  runnerId?: string;
  /** How often an idle runner looks for due jobs. */
  pollMs?: number;
  /** How long a claimed job is this runner's before another may take it; kept alive while it runs. */
  leaseMs?: number;
  /** Jobs run at once by this runner. */
  concurrency?: number;
  backoff?: BackoffPolicy;
  random?: () => number;
}

export interface RunnerStats {
  done: number;
  cancelled: number;
  retried: number;
  failed: number;
  /** Completions refused because another runner had taken the job after this one's lease expired. */
  leaseLost: number;
}

class LeaseLost extends Error {}

/** The periodic job's key for the slot that starts at `at`: two instances compute the same one. */
export function periodicKey(kind: string, at: Date) {
  return `periodic:${kind}:${at.toISOString()}`;
}

export function nextSlot(now: Date, everyMs: number): Date {
  return new Date((Math.floor(now.getTime() / everyMs) + 1) * everyMs);
}

export function createJobRunner(options: RunnerOptions) {
  const { db, repository: repo, clock, log } = options;
  const runnerId = options.runnerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const pollMs = options.pollMs ?? 1000;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const concurrency = options.concurrency ?? 4;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const random = options.random ?? Math.random;

  const handlers = new Map<string, JobHandler & { onFinish?: (trx: Transaction<DB>) => Promise<void> }>();
  const periodic: PeriodicJob[] = [];
  const stats: RunnerStats = { done: 0, cancelled: 0, retried: 0, failed: 0, leaseLost: 0 };
  const inFlight = new Set<Promise<void>>();
  let alive = true;
  let started = false;
  let stopped = false;
  let wake: (() => void) | null = null;
  let loopDone: Promise<void> = Promise.resolve();

  function register(handler: JobHandler, onFinish?: (trx: Transaction<DB>) => Promise<void>) {
    if (handlers.has(handler.kind)) throw new Error(`job kind ${handler.kind} registered twice`);
    handlers.set(handler.kind, { ...handler, onFinish });
  }

  function registerPeriodic(job: PeriodicJob) {
    if (!(job.everyMs > 0)) throw new Error(`periodic job ${job.kind} needs a positive interval`);
    periodic.push(job);
    // The next slot is enqueued in the transaction that ends this one (done or failed for good),
    // so the chain of runs never breaks and two instances never double it (same slot key).
    register(
      {
        kind: job.kind,
        transactional: false,
        run: async (handle) => {
          await job.run(handle);
        },
      },
      async (trx) => {
        const at = nextSlot(clock(), job.everyMs);
        await repo.enqueue(trx, [{ kind: job.kind, dedupeKey: periodicKey(job.kind, at), runAt: at, maxAttempts: 3 }]);
      },
    );
  }

  async function seedPeriodic() {
    for (const job of periodic) {
      const now = clock();
      const at = job.runAtStart ? new Date(Math.floor(now.getTime() / job.everyMs) * job.everyMs) : nextSlot(now, job.everyMs);
      await repo.seedPeriodic(db, { kind: job.kind, dedupeKey: periodicKey(job.kind, at), runAt: at, maxAttempts: 3 });
    }
  }

  async function claim(limit: number, kinds = [...handlers.keys()]): Promise<ClaimedJob[]> {
    const now = clock();
    await repo.failExhaustedLeases(db, now);
    return repo.claim(db, { runner: runnerId, kinds, now, leaseMs, limit });
  }

  /**
   * Claims up to `free` units of work: a job, or a batch of one batch handler's kind (the jobs of
   * that kind the claim found, topped up to its batch size by a second claim of that kind alone).
   */
  async function claimUnits(free: number): Promise<ClaimedJob[][]> {
    const units: ClaimedJob[][] = [];
    const batches = new Map<string, ClaimedJob[]>();
    for (const job of await claim(free)) {
      if (!isBatch(handlers.get(job.kind)!)) {
        units.push([job]);
        continue;
      }
      const batch = batches.get(job.kind);
      if (batch) batch.push(job);
      else {
        batches.set(job.kind, [job]);
        units.push(batches.get(job.kind)!);
      }
    }
    for (const [kind, batch] of batches) {
      const size = (handlers.get(kind) as BatchJobHandler).batchSize;
      if (batch.length < size) batch.push(...(await claim(size - batch.length, [kind])));
    }
    return units;
  }

  /** Keeps the leases of the jobs a runner works on while it is alive; returns the stop. */
  function keepLeases(jobs: ClaimedJob[]): () => void {
    const heartbeat = setInterval(
      () => {
        if (!alive) return;
        const until = new Date(clock().getTime() + leaseMs);
        for (const job of jobs) void repo.extendLease(db, { id: job.id, runner: runnerId, until }).catch(() => undefined);
      },
      Math.max(1000, leaseMs / 3),
    );
    heartbeat.unref();
    return () => clearInterval(heartbeat);
  }

  /** A failed attempt, in `trx`: queued again after its backoff, or failed for good (visible to staff). */
  async function recordFailure(trx: Transaction<DB>, job: ClaimedJob, err: unknown): Promise<'failed' | 'retried' | null> {
    const final = job.attempts >= job.maxAttempts;
    const now = clock();
    const retryAt = final ? null : new Date(now.getTime() + retryDelayMs(job.attempts, backoff, random));
    const message = err instanceof Error ? err.message : String(err);
    if (!(await repo.fail(trx, { id: job.id, runner: runnerId, error: message, now, retryAt }))) return null;
    if (final) await handlers.get(job.kind)!.onFinish?.(trx);
    log[final ? 'error' : 'warn'](
      { jobId: job.id, kind: job.kind, attempt: job.attempts, err: message },
      final ? 'job failed' : 'job retried',
    );
    return final ? 'failed' : 'retried';
  }

  async function execute(job: ClaimedJob): Promise<void> {
    // A turn of the event loop before each job: on PGlite a drain's statements resolve without
    // one, and the requests waiting on the connection would otherwise wait for the whole drain.
    await nextTurn();
    const entry = handlers.get(job.kind)!;
    const stopLeases = keepLeases([job]);
    const finish = async (trx: Transaction<DB>, outcome: JobOutcome) => {
      if (!alive) throw new LeaseLost('runner stopped hard');
      const state = outcome && 'cancelled' in outcome ? 'cancelled' : 'done';
      const note = outcome && 'cancelled' in outcome ? outcome.cancelled : undefined;
      if (!(await repo.finish(trx, { id: job.id, runner: runnerId, state, now: clock(), note }))) throw new LeaseLost(job.id);
      await entry.onFinish?.(trx);
      stats[state === 'done' ? 'done' : 'cancelled']++;
    };
    try {
      if (entry.transactional) {
        await db.transaction().execute(async (trx) => finish(trx, await entry.run(trx, job)));
      } else if (!isBatch(entry)) {
        const outcome = await entry.run(db, job);
        await db.transaction().execute((trx) => finish(trx, outcome));
      }
    } catch (err) {
      if (err instanceof LeaseLost || !alive) {
        if (alive) {
          stats.leaseLost++;
          log.warn(
            { jobId: job.id, kind: job.kind },
            'job taken over by another runner after its lease expired: its effect was rolled back',
          );
        }
        return;
      }
      try {
        const counted = await db.transaction().execute((trx) => recordFailure(trx, job, err));
        if (counted) stats[counted]++;
      } catch (failErr) {
        // The lease will expire and the job be taken again.
        log.error({ jobId: job.id, err: failErr }, 'job failure could not be recorded');
      }
    } finally {
      stopLeases();
    }
  }

  /**
   * A batch: the handler works on all its jobs, then one transaction runs its commit and records
   * every job's completion or failure. A job whose lease another runner took meanwhile is left to
   * that runner (which finds what the commit recorded and does not repeat it).
   */
  async function executeBatch(entry: BatchJobHandler, jobs: ClaimedJob[]): Promise<void> {
    await nextTurn();
    const stopLeases = keepLeases(jobs);
    try {
      let result: BatchResult;
      try {
        result = await entry.runBatch(db, jobs);
      } catch (err) {
        const error = err instanceof Error ? err : new Error(String(err));
        result = { outcomes: new Map(jobs.map((j) => [j.id, error])) };
      }
      if (!alive) return;
      const tally = { done: 0, cancelled: 0, retried: 0, failed: 0, leaseLost: 0 };
      await db.transaction().execute(async (trx) => {
        await result.commit?.(trx);
        for (const job of jobs) {
          const outcome = result.outcomes.has(job.id)
            ? result.outcomes.get(job.id)
            : new Error('the batch handler gave no outcome for this job');
          if (outcome instanceof Error) {
            const counted = await recordFailure(trx, job, outcome);
            tally[counted ?? 'leaseLost']++;
            continue;
          }
          const state = outcome && 'cancelled' in outcome ? 'cancelled' : 'done';
          const note = outcome && 'cancelled' in outcome ? outcome.cancelled : undefined;
          if (await repo.finish(trx, { id: job.id, runner: runnerId, state, now: clock(), note })) {
            await handlers.get(job.kind)!.onFinish?.(trx);
            tally[state]++;
          } else tally.leaseLost++;
        }
      });
      for (const key of Object.keys(tally) as (keyof RunnerStats)[]) stats[key] += tally[key];
      if (tally.leaseLost)
        log.warn({ kind: entry.kind, jobs: tally.leaseLost }, 'jobs taken over by another runner after their lease expired');
    } catch (err) {
      // Nothing of the batch was recorded: the leases expire and the jobs are taken again, and the
      // handler finds what it had begun (messages 'sending': not sent twice).
      log.error({ kind: entry.kind, jobs: jobs.length, err }, 'jobs: batch completion could not be recorded');
    } finally {
      stopLeases();
    }
  }

  function run(unit: ClaimedJob[]): Promise<void> {
    const entry = handlers.get(unit[0]!.kind)!;
    return isBatch(entry) ? executeBatch(entry, unit) : execute(unit[0]!);
  }

  function launch(unit: ClaimedJob[]) {
    const p: Promise<void> = run(unit).finally(() => {
      inFlight.delete(p);
      wake?.();
    });
    inFlight.add(p);
  }

  function pause(ms: number) {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });
  }

  async function loop() {
    while (!stopped) {
      await nextTurn();
      const free = concurrency - inFlight.size;
      if (free > 0) {
        try {
          const units = await claimUnits(free);
          for (const unit of units) launch(unit);
          // Work found means more may be due: look again as soon as a slot is free.
          if (units.length && inFlight.size < concurrency) continue;
        } catch (err) {
          log.error({ err }, 'jobs: claim failed');
        }
      }
      if (!stopped) await pause(pollMs);
    }
  }

  return {
    runnerId,
    stats,
    register: (handler: JobHandler) => register(handler),
    registerPeriodic,
    kinds: () => [...handlers.keys()],

    /** Starts polling. On PGlite the previous process's leases end now: it is gone, or it would hold the data directory. */
    async start() {
      if (started) return;
      started = true;
      if (options.databaseKind === 'pglite') {
        const released = await repo.expireAllLeases(db, clock());
        if (released) log.info({ released }, 'jobs: taken back from the previous run');
      }
      await seedPeriodic();
      loopDone = loop();
    },

    /** Stops taking jobs and waits for the running ones to end (they complete or retry as usual). */
    async stop() {
      stopped = true;
      wake?.();
      await loopDone;
      await Promise.allSettled([...inFlight]);
    },

    /**
     * Stops as a killed process would: nothing it runs is completed or failed any more (its
     * effects, recorded in a job's transaction, roll back with it), and its leases are left to expire.
     */
    abandon() {
      alive = false;
      stopped = true;
      wake?.();
    },

    /** Runs due jobs until none is left (tests, the CLI): claims `concurrency` units at a time and waits for them. */
    async drain(): Promise<number> {
      let total = 0;
      for (;;) {
        const units = await claimUnits(concurrency);
        if (!units.length) return total;
        await Promise.all(units.map(run));
        total += units.reduce((n, unit) => n + unit.length, 0);
      }
    },

    /** Seeds the periodic jobs without starting the loop (tests). */
    seedPeriodic,
  };
}

export type JobRunner = ReturnType<typeof createJobRunner>;
