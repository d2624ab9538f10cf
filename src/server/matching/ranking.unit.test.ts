import { describe, expect, it } from 'vitest';
import type { CandidateFacts } from '../../shared/schemas/matching.schema.js';
import { explanationLine, reasonTexts } from './explanation.js';
import { cigsEndRanking, fitRanking } from './ranking.js';

const facts = (o: Partial<CandidateFacts> = {}): CandidateFacts => ({
  requiredSkills: { held: 5, of: 7 },
  optionalSkills: { held: 2, of: 3 },
  occupationMatch: false,
  distanceKm: 14.2,
  fromComuneName: 'Carpi',
  maxCommuteKm: 25,
  cigsEnd: '2027-03-31',
  availableFrom: null,
  ...o,
});
const today = { today: '2026-12-04' };
const order = (ranking: typeof fitRanking, list: Record<string, CandidateFacts>) =>
  Object.entries(list)
    .sort(([, a], [, b]) => ranking.score(b, today) - ranking.score(a, today))
    .map(([name]) => name);

describe('the «Più adatti» ranking', () => {
  it('puts 5 of 7 required skills above 2 of 7, however near the second lives', () => {
    expect(
      order(fitRanking, { barbieri: facts({ distanceKm: 40 }), esposito: facts({ requiredSkills: { held: 2, of: 7 }, distanceKm: 1 }) }),
    ).toEqual(['barbieri', 'esposito']);
  });

  it('breaks a tie on skills by distance, then by the CIGS ending sooner', () => {
    expect(
      order(fitRanking, {
        far: facts({ distanceKm: 30 }),
        nearLate: facts({ distanceKm: 5, cigsEnd: '2028-01-31' }),
        nearSoon: facts({ distanceKm: 5, cigsEnd: '2027-01-31' }),
      }),
    ).toEqual(['nearSoon', 'nearLate', 'far']);
  });
});

describe('the «CIGS in scadenza» ranking', () => {
  it('puts the CIGS ending soonest first, none last, and says so first', () => {
    const list = {
      none: facts({ cigsEnd: null, requiredSkills: { held: 7, of: 7 } }),
      late: facts({ cigsEnd: '2028-06-30' }),
      soon: facts({ cigsEnd: '2027-01-15', requiredSkills: { held: 1, of: 7 } }),
    };
    expect(order(cigsEndRanking, list)).toEqual(['soon', 'late', 'none']);
    expect(reasonTexts(cigsEndRanking.reasons(list.soon), 'it')[0]).toBe('CIGS fino al 15/01/2027');
  });
});

describe('the explanation', () => {
  it('says why in Italian', () => {
    expect(explanationLine(fitRanking.reasons(facts()), 'it')).toBe(
      '5 di 7 competenze richieste; 2 di 3 gradite; 14 km da Carpi; CIGS fino al 31/03/2027; disponibile da subito',
    );
    expect(explanationLine(fitRanking.reasons(facts({ distanceKm: 7.1, availableFrom: '2027-02-01', cigsEnd: null })), 'it')).toBe(
      '5 di 7 competenze richieste; 2 di 3 gradite; 7,1 km da Carpi; disponibile dal 01/02/2027',
    );
  });

  it('and in English', () => {
    expect(explanationLine(fitRanking.reasons(facts({ occupationMatch: true, distanceKm: 0 })), 'en')).toBe(
      '5 of 7 required skills; 2 of 3 nice-to-have; wants or has done this occupation; lives in Carpi; CIGS until 31/03/2027; available now',
    );
  });

  it('leaves out the skills when the search names none', () => {
    const parts = fitRanking.reasons(
      facts({ requiredSkills: { held: 0, of: 0 }, optionalSkills: { held: 0, of: 0 }, occupationMatch: true }),
    );
    expect(reasonTexts(parts, 'it')).toEqual([
      'cerca o ha già svolto questa professione',
      '14 km da Carpi',
      'CIGS fino al 31/03/2027',
      'disponibile da subito',
    ]);
  });
});
