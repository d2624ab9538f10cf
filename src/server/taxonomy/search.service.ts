import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { ComuneItem, TaxonomyItem, TaxonomyKind, TaxonomySearchQuery } from '../../shared/schemas/taxonomy.schema.js';
import { detailFor } from './detail.js';
import { normaliseLabel } from './normalise.js';
import { distinctConcepts, rankCandidates, type Candidate, type RankedCandidate } from './ranking.js';
import { cachedSearchableBatches } from './searchable-batches.js';
import { networkLabelCandidates, networkLabelsByUris, type LabelledGroup } from './skill-labels.repository.js';
import type { ConceptRow, SearchGroup, TaxonomyRepository } from './taxonomy.repository.js';

/**
 * Type-ahead over one group of classifications, in three stages, each run only while the ones
 * before have not filled the list (the last only when nothing matched exactly):
 * 1. labels starting with the query (a range of the btree index, walked in order);
 * 2. labels with a later word starting with it (trigram index);
 * 3. labels whose words resemble the query's words: each query word is corrected against the
 *    group's vocabulary (typos, and the singular typed where ISTAT titles are plural).
 * Stages 2 and 3 need three characters, the least a trigram index can use.
 */

// Candidates per label type from the prefix stage, and per later stage: enough to fill any list
// after several labels of one concept collapse into one line.
const PREFIX_PER_TYPE = 60;
const LATER_STAGE_ROWS = 120;
const MIN_TRIGRAM_QUERY = 3;
// Corrections kept per query word: the closest few, and none much further than the closest
// ("operaio" → "operai", "operaie", not the thousand labels with "operator").
const CORRECTIONS_PER_WORD = 4;
const CORRECTION_SPREAD = 0.1;

export function createSearchService(deps: { db: Kysely<DB>; repository: TaxonomyRepository }) {
  const { db, repository } = deps;
  const searchableBatches = cachedSearchableBatches(() => repository.searchableBatches(db));

  async function candidates(
    batches: number[],
    group: SearchGroup,
    query: string,
    limit: number,
    networkId: string | null,
  ): Promise<Candidate[]> {
    const found = await repository.labelsStartingWith(db, batches, group, query, Math.max(PREFIX_PER_TYPE, limit * 3));
    // The network's Italian labels are searched as ESCO's own are, from the first stage on.
    if (networkId && isLabelledGroup(group))
      found.push(...(await networkLabelCandidates(db, batches, networkId, group, query, LATER_STAGE_ROWS)));
    if (distinctConcepts(found) >= limit || query.length < MIN_TRIGRAM_QUERY) return found;
    found.push(...(await repository.labelsWithWordStartingWith(db, batches, group, query, LATER_STAGE_ROWS)));
    // Typo suggestions fill a short list, but not after the query named something exactly.
    if (distinctConcepts(found) >= limit || found.some((c) => c.norm === query)) return found;
    found.push(...(await resembling(batches, group, query)));
    return found;
  }

  async function resembling(batches: number[], group: SearchGroup, query: string): Promise<Candidate[]> {
    const words = [...new Set(query.split(' ').filter((w) => w.length >= MIN_TRIGRAM_QUERY))];
    const similar = await repository.similarWords(db, group, words, CORRECTIONS_PER_WORD);
    const alternatives = words
      .map((word) => {
        const options = similar.filter((s) => s.query_word === word);
        const best = Math.max(0, ...options.map((s) => s.similarity));
        return options.filter((s) => s.similarity >= best - CORRECTION_SPREAD).map((s) => s.word);
      })
      // A word with no resemblance anywhere (a stray letter, a word the group never uses) is left out.
      .filter((options) => options.length > 0);
    return repository.labelsWithWords(db, batches, group, query, alternatives, LATER_STAGE_ROWS);
  }

  /**
   * ESCO's own Italian label wins when loaded (the Commission's reviewed translation, the one other
   * Italian systems show); the network's stands in for it when ESCO has none, so the line reads in
   * Italian with no "English" mark. The network's label stays searchable either way.
   */
  async function withNetworkLabels(rows: ConceptRow[], networkId: string | null): Promise<ConceptRow[]> {
    const lacking = rows.filter((r) => r.label_it === null && r.uri !== null);
    if (!networkId || lacking.length === 0) return rows;
    const labels = await networkLabelsByUris(
      db,
      networkId,
      lacking.map((r) => r.uri!),
    );
    return rows.map((r) => (r.label_it === null && r.uri && labels.has(r.uri) ? { ...r, label_it: labels.get(r.uri)!.label } : r));
  }

  return {
    /** networkId: the searcher's network, whose Italian labels of ESCO concepts are searched and shown too. */
    async search(
      group: SearchGroup,
      input: TaxonomySearchQuery,
      networkId: string | null = null,
    ): Promise<Array<TaxonomyItem | ComuneItem>> {
      const query = normaliseLabel(input.q);
      if (!query) return [];
      const batches = await searchableBatches();
      const ranked = rankCandidates(await candidates(batches, group, query, input.limit, networkId), query, input.lang, input.limit);
      const concepts = await repository.conceptsForDisplay(
        db,
        batches,
        ranked.map((c) => c.conceptId),
      );
      const rows = new Map((await withNetworkLabels(concepts, networkId)).map((r) => [r.id, r]));
      return ranked.flatMap((candidate) => {
        const row = rows.get(candidate.conceptId);
        return row ? [toItem(row, candidate, input.lang)] : [];
      });
    },
  };
}

const isLabelledGroup = (group: SearchGroup): group is LabelledGroup => group === 'skill' || group === 'occupation';

export type SearchService = ReturnType<typeof createSearchService>;

/** The stable id of a concept: its ESCO URI, or kind and code for the national classifications. */
export const conceptId = (kind: string, code: string, uri: string | null) => uri ?? `${kind}:${code}`;

export function toItem(row: ConceptRow, match: RankedCandidate, lang: 'it' | 'en'): TaxonomyItem | ComuneItem {
  const kind = row.kind as TaxonomyKind;
  // Italian asked and missing: show English and say so; English asked and missing: Italian is
  // the original of the national classifications, not a fallback.
  const wanted = lang === 'it' ? row.label_it : row.label_en;
  const other = lang === 'it' ? row.label_en : row.label_it;
  const labelLanguage: 'it' | 'en' = wanted !== null ? lang : other !== null ? (lang === 'it' ? 'en' : 'it') : lang;
  const item: TaxonomyItem = {
    id: conceptId(kind, row.code, row.uri),
    kind,
    code: row.code,
    label: wanted ?? other ?? match.label,
    labelLanguage,
    fallback: lang === 'it' && wanted === null && other !== null,
    matchedLabel: match.label,
    match: match.match,
    detail: detailFor(kind, row.attributes, lang),
  };
  if (kind !== 'comune' || row.lat === null) return item;
  return {
    ...item,
    kind: 'comune',
    province: row.province ?? '',
    region: row.region ?? '',
    lat: row.lat,
    lon: row.lon ?? 0,
    cadastralCode: row.cadastral_code ?? '',
  };
}
