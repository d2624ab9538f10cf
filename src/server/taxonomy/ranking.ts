/**
 * Orders type-ahead candidates: exact before prefix before fuzzy (fuzzy ones by closeness); then a
 * preferred label (or the code) before an alternative one before a hidden spelling; a match at the
 * start of the label before one at the start of a later word; a label in the language asked for
 * first; then the shorter label, the alphabet. One line per concept: its best label.
 */

export type MatchKind = 'exact' | 'prefix' | 'fuzzy';
export type LabelType = 'preferred' | 'alternative' | 'hidden' | 'code';

export interface Candidate {
  conceptId: number;
  label: string;
  norm: string;
  lang: string;
  labelType: LabelType;
  /** pg_trgm similarity to the query, 0..1 (only fuzzy candidates need it). */
  similarity: number;
}

export interface RankedCandidate extends Candidate {
  match: MatchKind;
}

const MATCH_RANK: Record<MatchKind, number> = { exact: 0, prefix: 1, fuzzy: 2 };
const TYPE_RANK: Record<LabelType, number> = { preferred: 0, code: 0, alternative: 1, hidden: 2 };

/** How a normalised label matches a normalised query, and where (0 = start of the label). */
export function classifyMatch(norm: string, query: string): { match: MatchKind; position: 0 | 1 } {
  if (norm === query) return { match: 'exact', position: 0 };
  if (norm.startsWith(query)) return { match: 'prefix', position: 0 };
  if (` ${norm}`.includes(` ${query}`)) return { match: 'prefix', position: 1 };
  return { match: 'fuzzy', position: 1 };
}

export function rankCandidates(candidates: readonly Candidate[], query: string, lang: string, limit: number): RankedCandidate[] {
  const keyed = candidates.map((candidate) => {
    const { match, position } = classifyMatch(candidate.norm, query);
    const key = [
      MATCH_RANK[match],
      // Among typos, closeness decides before the label type: "weldng" is "welding", not "Welsh".
      match === 'fuzzy' ? -candidate.similarity : 0,
      TYPE_RANK[candidate.labelType],
      position,
      candidate.lang === lang || candidate.lang === 'zxx' ? 0 : 1,
      candidate.norm.length,
    ];
    return { candidate: { ...candidate, match }, key };
  });
  keyed.sort((a, b) => {
    for (let i = 0; i < a.key.length; i++) {
      const d = a.key[i]! - b.key[i]!;
      if (d !== 0) return d;
    }
    return a.candidate.norm < b.candidate.norm
      ? -1
      : a.candidate.norm > b.candidate.norm
        ? 1
        : a.candidate.conceptId - b.candidate.conceptId;
  });
  const seen = new Set<number>();
  const ranked: RankedCandidate[] = [];
  for (const { candidate } of keyed) {
    if (seen.has(candidate.conceptId)) continue;
    seen.add(candidate.conceptId);
    ranked.push(candidate);
    if (ranked.length === limit) break;
  }
  return ranked;
}

/** Distinct concepts among candidates: how many results the stages so far can already fill. */
export function distinctConcepts(candidates: readonly Candidate[]): number {
  return new Set(candidates.map((c) => c.conceptId)).size;
}
