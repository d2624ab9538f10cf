import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * The longest stretch of an import's CPU work (checking rows, comparing them with the records)
 * between two turns of the event loop. Requests arriving meanwhile wait at most this long for the
 * server's thread, plus their own work; 100,000 rows cost about 10–30 s of checks on two cores, so
 * a slice keeps every read of other users well under the 1 s target.
 */
export const SLICE_MS = 15;

/**
 * Cuts a loop into slices of time rather than of rows: the cost of a row varies tenfold with what
 * the file holds (a phone number, a comune to look up, a name to split) and with the load of the
 * machine, so "every N rows" is either too often on a quiet machine or far too seldom on a busy one.
 *
 *     const slices = timeSlices();
 *     for (const row of rows) { check(row); if (slices.due()) await slices.yield(); }
 */
export function timeSlices(sliceMs = SLICE_MS, now: () => number = () => performance.now()) {
  let since = now();
  return {
    /** Whether the current slice has run its time (cheap: call it after every row). */
    due: () => now() - since >= sliceMs,
    /** A turn of the event loop: timers, I/O and the requests queued meanwhile go first. */
    async yield() {
      await nextTurn();
      since = now();
    },
  };
}
