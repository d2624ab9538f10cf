import type { Executor } from '../db/executor.js';
import { createPlacementRepository } from './placement.repository.js';

/** A placement of the demo with its follow-ups, written in bulk. */
export type DemoPlacement = Parameters<ReturnType<typeof createPlacementRepository>['insertBulk']>[1][number];

export function insertDemoPlacements(db: Executor, rows: readonly DemoPlacement[], now: Date): Promise<void> {
  return createPlacementRepository().insertBulk(db, rows, now);
}
