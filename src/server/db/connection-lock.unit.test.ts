import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { ConnectionLock } from './pglite-dialect.js';

/**
 * PGlite's one connection shared by requests and an import's steps. A request runs a few queries
 * one after the other (its session, the data, the audit row); an import runs hundreds of short
 * transactions. What a user notices is how many of those transactions their request waits behind.
 */
describe('the PGlite connection lock with background work', () => {
  /** An import: `steps` transactions of `ms` each, counted as they end. */
  function importSteps(lock: ConnectionLock, steps: number, ms: number) {
    const done = { steps: 0 };
    const finished = (async () => {
      for (let i = 0; i < steps; i++) {
        await lock.run(() => sleep(ms), true);
        done.steps++;
      }
    })();
    return { done, finished };
  }

  /** A request: four queries of a millisecond, each sent a moment after the previous one answered. */
  async function request(lock: ConnectionLock) {
    for (let q = 0; q < 4; q++) {
      await lock.run(() => sleep(1));
      await sleep(1);
    }
  }

  it('serves every query of a request before the next step of an import, not one query per step', async () => {
    const lock = new ConnectionLock();
    const work = importSteps(lock, 30, 20);
    await sleep(30);
    const before = work.done.steps;
    await request(lock);
    // At most the step running when the request came in: a FIFO queue put each of the four
    // queries behind a step of its own.
    expect(work.done.steps - before).toBeLessThanOrEqual(1);
    await work.finished;
    expect(work.done.steps).toBe(30);
  });

  it('still lets the import go on while requests keep the connection busy', async () => {
    const lock = new ConnectionLock(5, 100);
    let busy = true;
    // Requests back to back, with no idle moment at all.
    const requests = (async () => {
      while (busy) await lock.run(() => sleep(5));
    })();
    const started = performance.now();
    const work = importSteps(lock, 3, 5);
    await work.finished;
    busy = false;
    await requests;
    // Each step waited its maximum (100 ms) and one request more, not for the requests to stop.
    expect(performance.now() - started).toBeLessThan(3 * (100 + 5 + 5) + 200);
  });

  it('gives the connection to requests in arrival order, background or not', async () => {
    const lock = new ConnectionLock();
    const order: string[] = [];
    const task = (name: string, background = false) =>
      lock.run(async () => {
        order.push(name);
        await sleep(2);
      }, background);
    await Promise.all([task('a'), task('import', true), task('b'), task('c')]);
    expect(order).toEqual(['a', 'b', 'c', 'import']);
  });
});
