import { describe, expect, it } from 'vitest';
import { classifyMatch, rankCandidates, type Candidate } from './ranking.js';

const candidate = (conceptId: number, norm: string, overrides: Partial<Candidate> = {}): Candidate => ({
  conceptId,
  label: norm,
  norm,
  lang: 'it',
  labelType: 'preferred',
  similarity: 0,
  ...overrides,
});

describe('classifyMatch', () => {
  it('tells exact, label prefix, word prefix and fuzzy matches apart', () => {
    expect(classifyMatch('modena', 'modena')).toEqual({ match: 'exact', position: 0 });
    expect(classifyMatch('saldatori e tagliatori a fiamma', 'saldat')).toEqual({ match: 'prefix', position: 0 });
    expect(classifyMatch('fonditori saldatori lattonieri', 'saldat')).toEqual({ match: 'prefix', position: 1 });
    expect(classifyMatch('modena', 'modna')).toEqual({ match: 'fuzzy', position: 1 });
  });

  it('does not take a match inside a word for a prefix', () => {
    expect(classifyMatch('metalmeccanica', 'meccanic').match).toBe('fuzzy');
  });
});

describe('rankCandidates', () => {
  it('puts exact before prefix before fuzzy', () => {
    const ranked = rankCandidates(
      [candidate(3, 'modica', { similarity: 0.3 }), candidate(2, 'modena est'), candidate(1, 'modena')],
      'modena',
      'it',
      10,
    );
    expect(ranked.map((c) => [c.conceptId, c.match])).toEqual([
      [1, 'exact'],
      [2, 'prefix'],
      [3, 'fuzzy'],
    ]);
  });

  it('puts a preferred label before an alternative one, and an alternative before a hidden spelling', () => {
    const ranked = rankCandidates(
      [
        candidate(1, 'welder fitter', { labelType: 'hidden' }),
        candidate(2, 'welder fabricator', { labelType: 'alternative' }),
        candidate(3, 'welders and flamecutters'),
      ],
      'welder',
      'en',
      10,
    );
    expect(ranked.map((c) => c.conceptId)).toEqual([3, 2, 1]);
  });

  it('puts a match at the start of the label before one at a later word, then the shorter label', () => {
    const ranked = rankCandidates(
      [candidate(1, 'specialisti di saldatura'), candidate(2, 'saldatori elettrici e a norme asme'), candidate(3, 'saldatori')],
      'saldat',
      'it',
      10,
    );
    expect(ranked.map((c) => c.conceptId)).toEqual([3, 2, 1]);
  });

  it('prefers the language asked for when all else is equal', () => {
    const ranked = rankCandidates([candidate(1, 'cuoco', { lang: 'it' }), candidate(2, 'cuoco', { lang: 'en' })], 'cuoco', 'en', 10);
    expect(ranked.map((c) => c.conceptId)).toEqual([2, 1]);
  });

  it('orders typos by closeness before label type', () => {
    const ranked = rankCandidates(
      [candidate(1, 'welsh', { similarity: 0.3 }), candidate(2, 'welding', { labelType: 'alternative', similarity: 0.5 })],
      'weldng',
      'en',
      10,
    );
    expect(ranked.map((c) => c.conceptId)).toEqual([2, 1]);
  });

  it('keeps one line per concept, with its best label, and honours the limit', () => {
    const ranked = rankCandidates(
      [
        candidate(1, 'saldatrice', { labelType: 'alternative' }),
        candidate(1, 'saldatore'),
        candidate(2, 'saldatore laser'),
        candidate(3, 'saldatore tig'),
      ],
      'saldatore',
      'it',
      2,
    );
    expect(ranked).toHaveLength(2);
    expect(ranked[0]).toMatchObject({ conceptId: 1, label: 'saldatore', match: 'exact' });
    // Then the shorter of the two other prefixes.
    expect(ranked[1]!.conceptId).toBe(3);
  });
});
