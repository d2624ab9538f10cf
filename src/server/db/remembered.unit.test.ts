import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRememberedLookup } from './remembered.js';

const COMUNI = new Map([
  ['I462', 'Sassuolo'],
  ['B819', 'Carpi'],
  ['F257', 'Modena'],
]);

function reader() {
  const asked: string[][] = [];
  return {
    asked,
    read: async (missing: string[]) => {
      asked.push(missing);
      return new Map(missing.flatMap((k) => (COMUNI.has(k) ? [[k, COMUNI.get(k)!] as const] : [])));
    },
  };
}

afterEach(() => vi.useRealTimers());

describe('remembered lookups', () => {
  it('ask only for what is not remembered, per database handle', async () => {
    const lookup = createRememberedLookup<string>();
    const r = reader();
    const handleA = {};
    const handleB = {};
    expect([...(await lookup.lookup(handleA, ['I462', 'B819', 'I462'], r.read))]).toEqual([
      ['I462', 'Sassuolo'],
      ['B819', 'Carpi'],
    ]);
    expect((await lookup.lookup(handleA, ['B819', 'F257'], r.read)).get('F257')).toBe('Modena');
    await lookup.lookup(handleB, ['I462'], r.read);
    expect(r.asked).toEqual([['I462', 'B819'], ['F257'], ['I462']]);
  });

  it('ask again for an unknown key unless told to remember it as unknown', async () => {
    const plain = createRememberedLookup<string>();
    const negative = createRememberedLookup<string>({ rememberUnknown: true });
    const r1 = reader();
    const r2 = reader();
    const handle = {};
    for (let i = 0; i < 3; i++) {
      expect((await plain.lookup(handle, ['Z129'], r1.read)).size).toBe(0);
      expect((await negative.lookup(handle, ['Z129'], r2.read)).size).toBe(0);
    }
    expect(r1.asked).toHaveLength(3);
    expect(r2.asked).toHaveLength(1);
  });

  it('read everything again after forget(), and after keepMs', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-01T09:00:00Z') });
    const lookup = createRememberedLookup<string>({ keepMs: 10_000 });
    const r = reader();
    const handle = {};
    await lookup.lookup(handle, ['F257'], r.read);
    await lookup.lookup(handle, ['F257'], r.read);
    lookup.forget();
    await lookup.lookup(handle, ['F257'], r.read);
    vi.advanceTimersByTime(9_000);
    await lookup.lookup(handle, ['F257'], r.read);
    vi.advanceTimersByTime(2_000);
    await lookup.lookup(handle, ['F257'], r.read);
    expect(r.asked).toEqual([['F257'], ['F257'], ['F257']]);
  });
});
