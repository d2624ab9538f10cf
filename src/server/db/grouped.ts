/**
 * Grouped calls: the one mechanism by which the calls of concurrent requests share a statement.
 *
 * Callers hand in one input each and get their own answer; the inputs that arrive together are
 * passed to `run` as one array, so fifty requests in flight cost a few statements instead of fifty.
 * Calls made in the same tick go together (the flush starts on a microtask); while `maxInFlight`
 * flushes run, new calls wait and all go in the next one, up to `maxBatch` inputs each. A caller's
 * promise settles when the flush that carries its input has finished.
 *
 * Freshness is unchanged: a grouped statement starts after every call it carries was made, so no
 * caller gets an answer older than its request. A flush that fails is run again input by input:
 * one input the database refuses does not fail the requests of other people that shared its flush.
 *
 * Used for the audit rows of audited reads (group commit, audit/audit-batcher.ts) and for the reads
 * of single records on hot paths (the worker page, the office).
 */
export interface GroupedCalls<In, Out> {
  call(input: In): Promise<Out>;
  /** Calls waiting or being run now. */
  readonly pending: number;
  /** Waits until every queued call has run; later calls run at once, one by one. */
  close(): Promise<void>;
}

export interface GroupedCallsOptions {
  /** Inputs per flush at most (default 500). */
  maxBatch?: number;
  /** Flushes running at the same time at most (default 1: one after the other). */
  maxInFlight?: number;
}

interface Waiter<In, Out> {
  input: In;
  resolve(value: Out): void;
  reject(err: unknown): void;
}

/** `run` answers one output per input, in the inputs' order. */
export function createGroupedCalls<In, Out>(
  run: (inputs: In[]) => Promise<Out[]>,
  options: GroupedCallsOptions = {},
): GroupedCalls<In, Out> {
  const maxBatch = options.maxBatch ?? 500;
  const maxInFlight = options.maxInFlight ?? 1;
  if (!Number.isInteger(maxBatch) || maxBatch < 1) throw new Error(`maxBatch must be a positive integer, not ${maxBatch}`);
  if (!Number.isInteger(maxInFlight) || maxInFlight < 1) throw new Error(`maxInFlight must be a positive integer, not ${maxInFlight}`);
  let queue: Array<Waiter<In, Out>> = [];
  let carried = 0;
  let flushes = 0;
  let scheduled = false;
  let closed = false;
  const idle: Array<() => void> = [];

  async function runOne(input: In): Promise<Out> {
    const out = await run([input]);
    if (out.length !== 1) throw new Error(`grouped call answered ${out.length} results for 1 input`);
    return out[0]!;
  }

  async function flush(batch: Array<Waiter<In, Out>>) {
    try {
      const out = await run(batch.map((w) => w.input));
      if (out.length !== batch.length) throw new Error(`grouped call answered ${out.length} results for ${batch.length} inputs`);
      batch.forEach((w, i) => w.resolve(out[i]!));
      return;
    } catch (err) {
      if (batch.length === 1) {
        batch[0]!.reject(err);
        return;
      }
    }
    // One refused input must not fail its neighbours: each input again, alone.
    for (const w of batch) {
      try {
        w.resolve(await runOne(w.input));
      } catch (err) {
        w.reject(err);
      }
    }
  }

  function startFlushes() {
    scheduled = false;
    while (queue.length > 0 && flushes < maxInFlight) {
      const batch = queue.length <= maxBatch ? queue : queue.slice(0, maxBatch);
      queue = queue.length <= maxBatch ? [] : queue.slice(maxBatch);
      flushes++;
      carried += batch.length;
      void flush(batch).finally(() => {
        flushes--;
        carried -= batch.length;
        if (queue.length > 0) startFlushes();
        else if (flushes === 0) for (const wake of idle.splice(0)) wake();
      });
    }
  }

  return {
    call(input: In): Promise<Out> {
      if (closed) return runOne(input);
      return new Promise<Out>((resolve, reject) => {
        queue.push({ input, resolve, reject });
        // On a microtask: calls made in the same tick share the flush.
        if (!scheduled && flushes < maxInFlight) {
          scheduled = true;
          queueMicrotask(startFlushes);
        }
      });
    },

    get pending() {
      return queue.length + carried;
    },

    async close() {
      closed = true;
      if (queue.length === 0 && flushes === 0) return;
      await new Promise<void>((resolve) => idle.push(resolve));
    },
  };
}
