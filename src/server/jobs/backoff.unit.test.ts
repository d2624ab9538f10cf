import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF, retryDelayMs } from './backoff.js';

const MINUTE = 60_000;

describe('retry backoff', () => {
  it('doubles the delay with each failed attempt: 30 s, 1 min, 2 min, 4 min … at most an hour', () => {
    const top = (attempt: number) => retryDelayMs(attempt, DEFAULT_BACKOFF, () => 1 - Number.EPSILON);
    expect([1, 2, 3, 4, 5].map(top)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000]);
    expect(top(8)).toBe(60 * MINUTE);
    expect(top(40)).toBe(60 * MINUTE);
  });

  it('keeps at least half the nominal delay and draws the rest at random', () => {
    expect(retryDelayMs(3, DEFAULT_BACKOFF, () => 0)).toBe(60_000);
    expect(retryDelayMs(3, DEFAULT_BACKOFF, () => 0.5)).toBe(90_000);
    // 500 jobs that failed together on their second attempt come back over a whole minute, not at once.
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const delays = Array.from({ length: 500 }, () => retryDelayMs(2, DEFAULT_BACKOFF, random));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(30_000);
    expect(Math.max(...delays)).toBeLessThanOrEqual(60_000);
    expect(new Set(delays.map((d) => Math.floor(d / 5_000))).size).toBeGreaterThanOrEqual(6);
  });

  it('never answers less than zero or more than the cap, even for nonsense attempts', () => {
    for (const attempt of [0, -3, 1, 100]) {
      const d = retryDelayMs(attempt, { baseMs: 1_000, maxMs: 10_000 });
      expect(d).toBeGreaterThanOrEqual(500);
      expect(d).toBeLessThanOrEqual(10_000);
    }
  });
});
