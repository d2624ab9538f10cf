import { createGroupedCalls } from '../db/grouped.js';

/**
 * Group commit of audit rows written outside a transaction (the audited reads).
 *
 * A read is answered only once its audit row is committed. Instead of one INSERT and one commit per
 * read, the rows of concurrent requests are written together by the grouped calls of
 * `db/grouped.ts`: when the writer is idle the queued rows are flushed at once (rows recorded in
 * one tick go together); while a flush runs, new rows wait for it to end and then all go in the
 * next one, up to `maxBatch` rows per INSERT. Each caller's promise settles when the flush carrying
 * its row has committed, or rejects with the flush's error. A batch that fails is written again row
 * by row: one row the database refuses does not fail the reads of other people sharing its flush.
 */
export interface AuditBatcher<Row> {
  /** Resolves when `row` is committed; rejects with the error of the write that carried it. */
  add(row: Row): Promise<void>;
  /** Rows waiting or being written now. */
  readonly pending: number;
  /** Waits until every queued row is written; later rows are written at once, one by one. */
  close(): Promise<void>;
}

export interface AuditBatcherOptions {
  /** Rows per INSERT at most (default 500). */
  maxBatch?: number;
}

export function createAuditBatcher<Row>(write: (rows: Row[]) => Promise<void>, options: AuditBatcherOptions = {}): AuditBatcher<Row> {
  const grouped = createGroupedCalls<Row, void>(
    async (rows) => {
      await write(rows);
      return rows.map(() => undefined);
    },
    { maxBatch: options.maxBatch ?? 500, maxInFlight: 1 },
  );
  return {
    add: (row) => grouped.call(row),
    get pending() {
      return grouped.pending;
    },
    close: () => grouped.close(),
  };
}
