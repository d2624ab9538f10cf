import type { CandidateFacts, CandidateSort } from '../../shared/schemas/matching.schema.js';

/**
 * A reason a candidate fits, as data: the explanation's words are made from these
 * (explanation.ts), in the caller's language, so a ranking never writes text itself.
 */
export type ReasonPart =
  | { kind: 'requiredSkills'; held: number; of: number }
  | { kind: 'optionalSkills'; held: number; of: number }
  | { kind: 'occupation' }
  | { kind: 'distance'; km: number; from: string }
  | { kind: 'cigsEnd'; date: string }
  | { kind: 'availableNow' }
  | { kind: 'availableFrom'; date: string };

export interface RankingContext {
  /** Today in Europe/Rome, 'YYYY-MM-DD': how near a CIGS end is. */
  today: string;
}

/**
 * How the candidates the search found are ordered: facts → score (higher first; ties by worker
 * id, so pages are stable) and the reasons, most telling first. The search decides who fits
 * (the filters, in SQL); a ranking only orders and explains. One ranking per sort option
 * (`CANDIDATE_SORTS`); a later ranking engine implements the same interface.
 */
export interface Ranking {
  id: CandidateSort;
  score(facts: CandidateFacts, context: RankingContext): number;
  reasons(facts: CandidateFacts): ReasonPart[];
}

const DAY_MS = 86_400_000;

/** Days from today to the CIGS end, 0..998 (already ended: 0); 999 when there is none. */
function daysToCigsEnd(facts: CandidateFacts, today: string): number {
  if (!facts.cigsEnd) return 999;
  const days = Math.round((Date.parse(facts.cigsEnd) - Date.parse(today)) / DAY_MS);
  return Math.min(998, Math.max(0, days));
}

/** Required-skill coverage in thousandths (no required skills: the occupation counts as full). */
function coverage(facts: CandidateFacts): number {
  const { held, of } = facts.requiredSkills;
  if (of === 0) return facts.occupationMatch ? 1000 : 0;
  return Math.round((held / of) * 1000);
}

/** 0..2000: nearer is higher, by 100 m up to 200 km. */
function nearness(facts: CandidateFacts): number {
  return facts.distanceKm === null ? 0 : 2000 - Math.min(2000, Math.round(facts.distanceKm * 10));
}

/** The reasons every ranking gives, in the order a matcher reads them. */
export function factReasons(facts: CandidateFacts): ReasonPart[] {
  const parts: ReasonPart[] = [];
  if (facts.requiredSkills.of > 0) parts.push({ kind: 'requiredSkills', ...facts.requiredSkills });
  if (facts.optionalSkills.of > 0) parts.push({ kind: 'optionalSkills', ...facts.optionalSkills });
  if (facts.occupationMatch) parts.push({ kind: 'occupation' });
  if (facts.distanceKm !== null) parts.push({ kind: 'distance', km: facts.distanceKm, from: facts.fromComuneName });
  if (facts.cigsEnd) parts.push({ kind: 'cigsEnd', date: facts.cigsEnd });
  parts.push(facts.availableFrom ? { kind: 'availableFrom', date: facts.availableFrom } : { kind: 'availableNow' });
  return parts;
}

/**
 * «Più adatti» (the default): required-skill coverage, then the wanted or done occupation, then
 * nice-to-have coverage, then distance (nearer first), then the CIGS end (sooner first: the worker
 * who loses the income first). Lexicographic, packed into one integer below 2^53.
 */
export const fitRanking: Ranking = {
  id: 'fit',
  score(facts, { today }) {
    const optional = facts.optionalSkills.of === 0 ? 0 : Math.round((facts.optionalSkills.held / facts.optionalSkills.of) * 100);
    return (
      coverage(facts) * 1e10 +
      (facts.occupationMatch ? 1 : 0) * 1e9 +
      optional * 1e6 +
      nearness(facts) * 1e3 +
      (999 - daysToCigsEnd(facts, today))
    );
  },
  reasons: factReasons,
};

/**
 * «CIGS in scadenza»: the CIGS end first (sooner first, none last), then as «Più adatti»
 * (coverage, then distance). The urgency order of the programme's workers.
 */
export const cigsEndRanking: Ranking = {
  id: 'cigs_end',
  score(facts, { today }) {
    return (999 - daysToCigsEnd(facts, today)) * 1e10 + coverage(facts) * 1e4 + nearness(facts);
  },
  reasons(facts) {
    const parts = factReasons(facts);
    const cigs = parts.findIndex((p) => p.kind === 'cigsEnd');
    return cigs > 0 ? [parts[cigs]!, ...parts.slice(0, cigs), ...parts.slice(cigs + 1)] : parts;
  },
};

export const RANKINGS: Record<CandidateSort, Ranking> = { fit: fitRanking, cigs_end: cigsEndRanking };
