import { afterEach, describe, expect, it, vi } from 'vitest';
import { PURGE_INTERVAL_MS, startImportPurgeJob } from './import-retention.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('the purge of import data in the server', () => {
  it('runs at start-up, then once a day, and stops when the server closes', async () => {
    vi.useFakeTimers();
    const purge = vi.fn(async () => 2);
    const log = { info: vi.fn(), error: vi.fn() };
    const stop = startImportPurgeJob(purge, log);
    await vi.advanceTimersByTimeAsync(0);
    expect(purge).toHaveBeenCalledTimes(1);
    expect(log.info).toHaveBeenCalledWith({ purged: 2 }, expect.stringContaining('purged'));
    await vi.advanceTimersByTimeAsync(PURGE_INTERVAL_MS - 1000);
    expect(purge).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(purge).toHaveBeenCalledTimes(2);
    stop();
    await vi.advanceTimersByTimeAsync(3 * PURGE_INTERVAL_MS);
    expect(purge).toHaveBeenCalledTimes(2);
  });

  it('logs a failed run and tries again the next day', async () => {
    vi.useFakeTimers();
    const purge = vi.fn().mockRejectedValueOnce(new Error('database unreachable')).mockResolvedValue(0);
    const log = { info: vi.fn(), error: vi.fn() };
    const stop = startImportPurgeJob(purge, log);
    await vi.advanceTimersByTimeAsync(0);
    expect(log.error).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(PURGE_INTERVAL_MS);
    expect(purge).toHaveBeenCalledTimes(2);
    expect(log.info).not.toHaveBeenCalled();
    stop();
  });
});
