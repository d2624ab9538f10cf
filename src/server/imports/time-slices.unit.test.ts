import { describe, expect, it } from 'vitest';
import { SLICE_MS, timeSlices } from './time-slices.js';

describe('time slices of an import', () => {
  it('end on the clock, whatever the number of rows checked, and start again after a turn of the event loop', async () => {
    let now = 1_000;
    const slices = timeSlices(SLICE_MS, () => now);
    now += SLICE_MS - 1;
    expect(slices.due()).toBe(false);
    now += 1;
    expect(slices.due()).toBe(true);

    let timerFired = false;
    setImmediate(() => (timerFired = true));
    await slices.yield();
    // The turn let what was waiting run, and the next slice is counted from its end.
    expect(timerFired).toBe(true);
    expect(slices.due()).toBe(false);
    now += SLICE_MS;
    expect(slices.due()).toBe(true);
  });
});
