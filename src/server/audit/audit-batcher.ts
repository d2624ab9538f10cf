/**
 * Group commit of audit rows written outside a transaction (the audited reads).
 *
 * A read is answered only once its audit row is committed. Instead of one INSERT and one commit per
 * read, the rows of concurrent requests are queued and written together: when the writer is idle
 * the queued rows are flushed at once (on the next microtask, so the rows recorded in one tick go
 * together); while a flush runs, new rows wait for it to end and then all go in the next one, up to
 * `maxBatch` rows per INSERT. Each caller's promise settles when the flush carrying its row has
 * committed, or rejects with the flush's error.
 *
 * A batch that fails is written again row by row, each row alone: one row the database refuses
 * does not fail the reads of other people that happened to share its flush. When the database
 * itself fails, every row fails again and every waiter gets the error.
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

interface Waiter<Row> {
  row: Row;
  resolve(): void;
  reject(err: unknown): void;
}

export function createAuditBatcher<Row>(write: (rows: Row[]) => Promise<void>, options: AuditBatcherOptions = {}): AuditBatcher<Row> {
  const maxBatch = options.maxBatch ?? 500;
  if (!Number.isInteger(maxBatch) || maxBatch < 1) throw new Error(`maxBatch must be a positive integer, not ${maxBatch}`);
  let queue: Array<Waiter<Row>> = [];
  let inFlight = 0;
  let running: Promise<void> | null = null;
  let closed = false;

  async function flush(batch: Array<Waiter<Row>>) {
    try {
      await write(batch.map((w) => w.row));
      for (const w of batch) w.resolve();
      return;
    } catch (err) {
      if (batch.length === 1) {
        batch[0]!.reject(err);
        return;
      }
    }
    // One refused row must not fail its neighbours: each row again, alone.
    for (const w of batch) {
      try {
        await write([w.row]);
        w.resolve();
      } catch (err) {
        w.reject(err);
      }
    }
  }

  async function loop() {
    // Started on a microtask: rows recorded in the same tick share the first flush.
    await Promise.resolve();
    while (queue.length > 0) {
      const batch = queue.length <= maxBatch ? queue : queue.slice(0, maxBatch);
      queue = queue.length <= maxBatch ? [] : queue.slice(maxBatch);
      inFlight = batch.length;
      await flush(batch);
      inFlight = 0;
    }
    running = null;
  }

  return {
    add(row: Row): Promise<void> {
      if (closed) return write([row]);
      return new Promise<void>((resolve, reject) => {
        queue.push({ row, resolve, reject });
        running ??= loop();
      });
    },

    get pending() {
      return queue.length + inFlight;
    },

    async close() {
      closed = true;
      while (running) await running;
    },
  };
}
