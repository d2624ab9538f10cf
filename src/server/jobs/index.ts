// What buildApp and the other domains use from jobs: the module (runner and staff list), the
// functions that enqueue and cancel jobs inside the caller's transaction, and the handler types.
export { createJobsModule, registerJobsRoutes, type JobsModule, type JobScheduler } from './jobs.module.js';
export { canReadJobs } from './jobs.policy.js';
export { cancelJobsForSubject, enqueueJobs } from './job-queue.js';
export {
  createJobRunner,
  type BatchJobHandler,
  type BatchResult,
  type JobHandler,
  type JobOutcome,
  type JobRunner,
  type PeriodicJob,
} from './job-runner.js';
export type { ClaimedJob, NewJob } from './jobs.repository.js';
