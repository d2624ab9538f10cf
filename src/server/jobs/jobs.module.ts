import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import type { DatabaseKind } from '../db/database.js';
import type { DB } from '../db/schema.js';
import { ALREADY_READY, type Readiness } from '../http/readiness.js';
import { createJobRunner, type JobHandler, type Logger, type PeriodicJob } from './job-runner.js';
import { createJobsRepository } from './jobs.repository.js';
import { registerJobListRoutes } from './jobs.routes.js';
import { createJobsService } from './jobs.service.js';

/** Finished jobs are kept this long for the record, then removed by the daily clean-up. */
const KEEP_FINISHED_MS = 30 * 24 * 60 * 60_000;
const DAY_MS = 24 * 60 * 60_000;

/**
 * The durable job queue, wired once. Other modules register a handler per kind (or a periodic
 * job) here, and enqueue with the published `enqueueJobs` inside their own transaction.
 */
export function createJobsModule(deps: {
  db: Kysely<DB>;
  databaseKind: DatabaseKind;
  audit: AuditService;
  clock: () => Date;
  log: Logger;
}) {
  const repository = createJobsRepository();
  const runner = createJobRunner({
    db: deps.db,
    databaseKind: deps.databaseKind,
    repository,
    clock: deps.clock,
    log: deps.log,
    pollMs: Number(process.env.JOBS_POLL_INTERVAL_MS ?? 1000),
  });
  runner.registerPeriodic({
    kind: 'jobs.cleanup',
    everyMs: DAY_MS,
    run: async (db) => {
      await repository.purgeFinished(db, new Date(deps.clock().getTime() - KEEP_FINISHED_MS));
    },
  });
  return {
    runner,
    service: createJobsService({ db: deps.db, repository, audit: deps.audit }),
    register: (handler: JobHandler) => runner.register(handler),
    registerPeriodic: (job: PeriodicJob) => runner.registerPeriodic(job),
  };
}

export type JobsModule = ReturnType<typeof createJobsModule>;

/** What a module needs to hand its background work to the queue. */
export type JobScheduler = Pick<JobsModule, 'register' | 'registerPeriodic'>;

/**
 * The staff's list of jobs, and the runner while the server runs: started when the database is
 * ready, stopped (running jobs finished) on close. `JOBS_RUNNER=off` leaves it stopped: the test
 * suite sets it (vitest.config.ts), and its tests drive runners of their own with a moved clock.
 */
export function registerJobsRoutes(app: FastifyInstance, module: JobsModule, readiness: Readiness = ALREADY_READY) {
  registerJobListRoutes(app, module.service);
  if (process.env.JOBS_RUNNER === 'off') return;
  let closing = false;
  app.addHook('onReady', async () => {
    void readiness.whenReady.then(async () => {
      if (closing) return;
      try {
        await module.runner.start();
      } catch (err) {
        app.log.error({ err }, 'jobs: the runner did not start');
      }
    });
  });
  app.addHook('onClose', async () => {
    closing = true;
    await module.runner.stop();
  });
}
