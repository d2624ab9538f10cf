import type { Executor } from '../db/executor.js';
import { createApplicationRepository } from './application.repository.js';

/** An application of the demo, with its state and its log, written in bulk. */
export type DemoApplication = Parameters<ReturnType<typeof createApplicationRepository>['insertBulk']>[1][number];

/** Writes the demo's applications in a few statements (the demo load stays fast); ids in input order. */
export function insertDemoApplications(db: Executor, rows: readonly DemoApplication[], now: Date): Promise<string[]> {
  return createApplicationRepository().insertBulk(db, rows, now);
}
