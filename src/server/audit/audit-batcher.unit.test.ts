import { describe, expect, it } from 'vitest';
import { createAuditBatcher } from './audit-batcher.js';

/** A writer whose every call waits until the test lets it finish (or fail). */
function controlledWriter() {
  const calls: Array<{ rows: string[]; finish(): void; fail(err: Error): void }> = [];
  const waiters: Array<() => void> = [];
  const write = (rows: string[]) =>
    new Promise<void>((resolve, reject) => {
      calls.push({ rows: [...rows], finish: resolve, fail: reject });
      waiters.splice(0).forEach((w) => w());
    });
  /** Resolves when the writer has been called `n` times in all. */
  const called = async (n: number) => {
    while (calls.length < n) await new Promise<void>((r) => waiters.push(r));
    return calls[n - 1]!;
  };
  return { write, calls, called };
}

const settled = async (p: Promise<unknown>) => {
  let done = false;
  p.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((r) => setImmediate(r));
  return done;
};

describe('audit batcher (group commit)', () => {
  it('writes the rows of concurrent reads in one INSERT, in their order, and answers each only after it committed', async () => {
    const writer = controlledWriter();
    const batcher = createAuditBatcher(writer.write);
    const names = ['De Luca Giovanna', "D'Angelo Marco", 'Barbieri Emanuele', 'Rossi Chiara'];
    const done = names.map((n) => batcher.add(n));

    const first = await writer.called(1);
    expect(first.rows).toEqual(names);
    expect(await settled(done[0]!)).toBe(false);
    expect(batcher.pending).toBe(4);
    first.finish();
    await Promise.all(done);
    expect(writer.calls).toHaveLength(1);
    expect(batcher.pending).toBe(0);
  });

  it('queues the rows that arrive during a flush for the next one, whole, in order', async () => {
    const writer = controlledWriter();
    const batcher = createAuditBatcher(writer.write);
    const a = batcher.add('row 1');
    const first = await writer.called(1);
    const later = ['row 2', 'row 3', 'row 4'].map((r) => batcher.add(r));
    // The second flush waits for the first to end.
    await new Promise((r) => setImmediate(r));
    expect(writer.calls).toHaveLength(1);
    first.finish();
    await a;
    const second = await writer.called(2);
    expect(second.rows).toEqual(['row 2', 'row 3', 'row 4']);
    second.finish();
    await Promise.all(later);
  });

  it('caps the rows of one INSERT at maxBatch', async () => {
    const writer = controlledWriter();
    const batcher = createAuditBatcher(writer.write, { maxBatch: 3 });
    const all = Array.from({ length: 7 }, (_, i) => batcher.add(`row ${i + 1}`));
    (await writer.called(1)).finish();
    (await writer.called(2)).finish();
    (await writer.called(3)).finish();
    await Promise.all(all);
    expect(writer.calls.map((c) => c.rows)).toEqual([['row 1', 'row 2', 'row 3'], ['row 4', 'row 5', 'row 6'], ['row 7']]);
  });

  it('rejects every read of a flush the database refuses, and none of them resolves', async () => {
    const refused = new Error('connection terminated');
    const batcher = createAuditBatcher<string>(async () => {
      throw refused;
    });
    const results = await Promise.allSettled(['Barbieri Emanuele', 'De Luca Giovanna', 'Esposito Anna'].map((r) => batcher.add(r)));
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    for (const r of results) expect((r as PromiseRejectedResult).reason).toBe(refused);
  });

  it('a row the database refuses fails its own read only, not the others of its flush', async () => {
    const written: string[] = [];
    const batcher = createAuditBatcher<string>(async (rows) => {
      if (rows.some((r) => r.includes('\u0000'))) throw new Error('unsupported Unicode escape sequence');
      written.push(...rows);
    });
    const results = await Promise.allSettled(['De Luca Giovanna', 'bad\u0000row', "D'Angelo Marco"].map((r) => batcher.add(r)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(written).toEqual(['De Luca Giovanna', "D'Angelo Marco"]);
  });

  it('loses no row and writes none twice under reads arriving at random times, and goes on after a failed flush', async () => {
    const written: string[] = [];
    let calls = 0;
    const batcher = createAuditBatcher<string>(
      async (rows) => {
        calls++;
        await new Promise((r) => setTimeout(r, Math.random() * 3));
        // The third write fails whole: its rows are tried again one by one, and those succeed.
        if (calls === 3 && rows.length > 1) throw new Error('serialization failure');
        written.push(...rows);
      },
      { maxBatch: 20 },
    );
    const rows = Array.from({ length: 400 }, (_, i) => `read ${i}`);
    await Promise.all(
      rows.map(async (r, i) => {
        await new Promise((res) => setTimeout(res, (i % 17) * Math.random()));
        await batcher.add(r);
      }),
    );
    expect(written.slice().sort()).toEqual(rows.slice().sort());
    expect(new Set(written).size).toBe(400);
    // Grouped: far fewer writes than rows.
    expect(calls).toBeLessThan(200);
  });

  it('on close writes the queued rows first, then writes later rows at once', async () => {
    const writer = controlledWriter();
    const batcher = createAuditBatcher(writer.write);
    const queued = batcher.add('before close');
    const closing = batcher.close();
    expect(await settled(closing)).toBe(false);
    (await writer.called(1)).finish();
    await closing;
    await queued;
    const late = batcher.add('after close');
    const direct = await writer.called(2);
    expect(direct.rows).toEqual(['after close']);
    direct.finish();
    await late;
  });
});
