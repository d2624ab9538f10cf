import { describe, expect, it } from 'vitest';
import { cachedSearchableBatches, searchableBatchesChanged } from './searchable-batches.js';

describe('cachedSearchableBatches', () => {
  it('asks the database again after a second, or at once when an import in this process finished', async () => {
    let now = 0;
    let loads = 0;
    const batches = cachedSearchableBatches(
      async () => [++loads],
      () => now,
    );
    expect(await batches()).toEqual([1]);
    now = 999;
    expect(await batches()).toEqual([1]);
    now = 1_000;
    expect(await batches()).toEqual([2]);
    searchableBatchesChanged();
    expect(await batches()).toEqual([3]);
    expect(await batches()).toEqual([3]);
  });
});
