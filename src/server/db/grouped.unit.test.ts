import { describe, expect, it } from 'vitest';
import { createGroupedCalls } from './grouped.js';

/** A fake statement: records each batch it was given and answers when released. */
function recorder(answer: (input: string) => string = (s) => s.toUpperCase()) {
  const batches: string[][] = [];
  const releases: Array<() => void> = [];
  return {
    batches,
    release: () => releases.shift()?.(),
    run: async (inputs: string[]) => {
      batches.push([...inputs]);
      await new Promise<void>((resolve) => releases.push(resolve));
      return inputs.map(answer);
    },
  };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('grouped calls', () => {
  it('answers each caller with its own result, the calls of one tick in one statement', async () => {
    const r = recorder();
    const grouped = createGroupedCalls(r.run);
    const answers = ['Barbieri', "D'Angelo", 'Esposito'].map((n) => grouped.call(n));
    await tick();
    expect(r.batches).toEqual([['Barbieri', "D'Angelo", 'Esposito']]);
    r.release();
    expect(await Promise.all(answers)).toEqual(['BARBIERI', "D'ANGELO", 'ESPOSITO']);
    expect(grouped.pending).toBe(0);
  });

  it('keeps later calls for the next statement while one runs, then runs them together', async () => {
    const r = recorder();
    const grouped = createGroupedCalls(r.run);
    const first = grouped.call('Rossi');
    await tick();
    const later = ['Bianchi', 'Ferrari', 'Russo'].map((n) => grouped.call(n));
    await tick();
    expect(r.batches).toEqual([['Rossi']]);
    expect(grouped.pending).toBe(4);
    r.release();
    await first;
    await tick();
    expect(r.batches).toEqual([['Rossi'], ['Bianchi', 'Ferrari', 'Russo']]);
    r.release();
    expect(await Promise.all(later)).toEqual(['BIANCHI', 'FERRARI', 'RUSSO']);
  });

  it('runs up to maxInFlight statements side by side, never more', async () => {
    const r = recorder();
    const grouped = createGroupedCalls(r.run, { maxInFlight: 2 });
    const a = grouped.call('Conti');
    await tick();
    const b = grouped.call('Greco');
    await tick();
    const c = [grouped.call('Marino'), grouped.call('Gallo')];
    await tick();
    expect(r.batches).toEqual([['Conti'], ['Greco']]);
    r.release();
    r.release();
    await Promise.all([a, b]);
    await tick();
    expect(r.batches[2]).toEqual(['Marino', 'Gallo']);
    r.release();
    expect(await Promise.all(c)).toEqual(['MARINO', 'GALLO']);
  });

  it('splits at maxBatch inputs per statement', async () => {
    const seen: number[] = [];
    const grouped = createGroupedCalls(
      async (inputs: number[]) => {
        seen.push(inputs.length);
        return inputs.map((n) => n * 2);
      },
      { maxBatch: 3 },
    );
    const all = await Promise.all(Array.from({ length: 8 }, (_, i) => grouped.call(i)));
    expect(all).toEqual([0, 2, 4, 6, 8, 10, 12, 14]);
    expect(seen).toEqual([3, 3, 2]);
  });

  it('runs a failed statement again input by input, so one refused input fails only its caller', async () => {
    const grouped = createGroupedCalls(async (inputs: string[]) => {
      if (inputs.some((s) => s.includes('\u0000'))) throw new Error('invalid byte sequence');
      return inputs.map((s) => s.length);
    });
    const results = await Promise.allSettled(['De Luca', 'bad\u0000name', 'Colombo'].map((s) => grouped.call(s)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(results[0]).toMatchObject({ value: 7 });
    expect(results[1]).toMatchObject({ reason: new Error('invalid byte sequence') });
  });

  it('refuses an answer of the wrong length instead of handing out shifted results', async () => {
    const grouped = createGroupedCalls(async (inputs: string[]) => inputs.slice(1));
    await expect(grouped.call('Fontana')).rejects.toThrow(/0 results for 1 input/);
  });

  it('close waits for the queued calls; later calls run at once', async () => {
    const r = recorder();
    const grouped = createGroupedCalls(r.run);
    const queued = grouped.call('Santoro');
    const closing = grouped.close();
    await tick();
    r.release();
    await closing;
    expect(await queued).toBe('SANTORO');
    const after = grouped.call('Mariani');
    await tick();
    r.release();
    expect(await after).toBe('MARIANI');
    expect(r.batches).toEqual([['Santoro'], ['Mariani']]);
  });
});
