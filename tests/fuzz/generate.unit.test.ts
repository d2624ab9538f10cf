import { describe, expect, it } from 'vitest';
import { createRandom, sampleRegex } from './generate.js';

describe('the fuzz generator', () => {
  it('gives the same sequence for the same seed, and another for another seed', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const run = (r: ReturnType<typeof createRandom>) => Array.from({ length: 5 }, () => r.uuid());
    const first = run(a);
    expect(run(b)).toEqual(first);
    expect(run(c)).not.toEqual(first);
    for (const id of first) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('writes strings that match the patterns of the schemas', () => {
    const random = createRandom(7);
    const patterns = [
      '^\\d{4}-\\d{2}-\\d{2}$',
      '^([01]\\d|2[0-3]):[0-5]\\d$',
      '^[A-Z0-9_-]{2,20}$',
      '^(\\d{5})?$',
      '^[A-Z]\\d{3}$',
      '^[A-Za-z0-9_-]{20,100}$',
      "^(?:[A-Za-z0-9_'+\\-]+\\.)*[A-Za-z0-9_'+\\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\\-]*\\.)+[A-Za-z]{2,}$",
      '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))$',
    ];
    for (const pattern of patterns) {
      for (let i = 0; i < 50; i++) expect(sampleRegex(pattern, random)).toMatch(new RegExp(pattern));
    }
  });
});
