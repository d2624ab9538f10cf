import { sql } from 'kysely';
import type { Executor } from '../db/executor.js';
import type { Candidate, LabelType } from './ranking.js';

/** The endpoints that search labels, each over its own partial trigram index (see 0002_taxonomy.sql). */
export const SEARCH_GROUPS = ['occupation', 'skill', 'sector', 'comune', 'education', 'ccnl'] as const;
export type SearchGroup = (typeof SEARCH_GROUPS)[number];

/**
 * The group is written into the SQL as a literal, never as a parameter: the planner can only use
 * a partial index whose predicate it can prove from the query text (for the same reason the
 * trigram queries spell out label_type <> 'code'). It comes from the constant list above, never
 * from a request.
 */
const groupLiteral = (group: SearchGroup) => {
  if (!(SEARCH_GROUPS as readonly string[]).includes(group)) throw new Error(`unknown search group ${group}`);
  return sql.lit(group);
};

/**
 * Only labels of active batches of current releases are searched. The caller fetches those few
 * batch ids first and they go into each query as an array: as a sub-select, the planner would
 * join instead of walking the prefix index in order and stopping at the limit.
 */
const searchable = (batches: readonly number[]) => sql`l.batch_id = any(${[...batches]}::int[])`;

interface CandidateRow {
  concept_id: number;
  label: string;
  norm: string;
  lang: string;
  label_type: LabelType;
  similarity: number | null;
}

const toCandidate = (r: CandidateRow): Candidate => ({
  conceptId: Number(r.concept_id),
  label: r.label,
  norm: r.norm,
  lang: r.lang,
  labelType: r.label_type,
  similarity: r.similarity ?? 0,
});

export interface ConceptRow {
  id: number;
  kind: string;
  code: string;
  uri: string | null;
  attributes: Record<string, string>;
  label_it: string | null;
  label_en: string | null;
  province: string | null;
  region: string | null;
  lat: number | null;
  lon: number | null;
  cadastral_code: string | null;
}

export interface ComuneRow {
  concept_id: number;
  istat_code: string;
  name: string;
  cadastral_code: string;
  province: string;
  region: string;
  lat: number;
  lon: number;
}

export function createTaxonomyRepository() {
  return {
    async searchableBatches(executor: Executor): Promise<number[]> {
      const rows = await executor.selectFrom('taxonomy_searchable_batches').select('id').execute();
      return rows.map((r) => r.id);
    },

    /**
     * Labels that start with the query, walking the (group, norm) index in order: preferred labels
     * and codes, and the other labels, each capped, so a common prefix ("manag") cannot let the
     * thousands of alternative spellings crowd out the preferred labels.
     */
    async labelsStartingWith(
      executor: Executor,
      batches: readonly number[],
      group: SearchGroup,
      query: string,
      perType: number,
    ): Promise<Candidate[]> {
      const g = groupLiteral(group);
      const pattern = `${query}%`;
      const { rows } = await sql<CandidateRow>`
        (select l.concept_id, l.label, l.norm, l.lang, l.label_type, null::real as similarity
           from taxonomy_labels l
          where l.search_group = ${g} and l.norm like ${pattern} and l.label_type in ('preferred', 'code') and ${searchable(batches)}
          order by l.norm limit ${perType})
        union all
        (select l.concept_id, l.label, l.norm, l.lang, l.label_type, null::real
           from taxonomy_labels l
          where l.search_group = ${g} and l.norm like ${pattern} and l.label_type in ('alternative', 'hidden') and ${searchable(batches)}
          order by l.norm limit ${perType})`.execute(executor);
      return rows.map(toCandidate);
    },

    /** Labels with a later word starting with the query ("saldat" in "Fonditori, saldatori …"), via the trigram index. */
    async labelsWithWordStartingWith(
      executor: Executor,
      batches: readonly number[],
      group: SearchGroup,
      query: string,
      limit: number,
    ): Promise<Candidate[]> {
      const { rows } = await sql<CandidateRow>`
        select l.concept_id, l.label, l.norm, l.lang, l.label_type, null::real as similarity
          from taxonomy_labels l
         where l.search_group = ${groupLiteral(group)} and l.label_type <> 'code' and l.norm like ${`% ${query}%`} and ${searchable(batches)}
         limit ${limit}`.execute(executor);
      return rows.map(toCandidate);
    },

    /**
     * For each query word: the word itself when the group's labels use it, otherwise the words
     * that resemble it (trigram similarity ≥ 0.3: "modna" → "modena", "cuoco" → "cuochi",
     * "weldng" → "welding"), the closest first. Correct words are not compared with thousands of
     * near-spellings ("operate" stays "operate", not "operated", "operator" …).
     */
    async similarWords(executor: Executor, group: SearchGroup, words: readonly string[], perWord: number) {
      if (words.length === 0) return [];
      const g = groupLiteral(group);
      const { rows } = await sql<{ query_word: string; word: string; similarity: number }>`
        select q.word as query_word, v.word, v.similarity
          from unnest(${[...words]}::text[]) as q(word)
          cross join lateral (
            select w.word, 1::real as similarity
              from taxonomy_words w
             where w.search_group = ${g} and w.word = q.word
            union all
            (select w.word, similarity(w.word, q.word)
               from taxonomy_words w
              where w.search_group = ${g} and w.word % q.word
                and not exists (select 1 from taxonomy_words e where e.search_group = ${g} and e.word = q.word)
              order by 2 desc, 1
              limit ${perWord})) v`.execute(executor);
      return rows;
    },

    /**
     * Labels holding, for every query word, one of its corrections; each with its trigram similarity
     * to the query so the closest can be shown first.
     */
    async labelsWithWords(
      executor: Executor,
      batches: readonly number[],
      group: SearchGroup,
      query: string,
      alternatives: ReadonlyArray<readonly string[]>,
      limit: number,
    ): Promise<Candidate[]> {
      if (alternatives.length === 0) return [];
      const conditions = alternatives.map(
        (words) =>
          sql`(${sql.join(
            words.map((w) => sql`l.norm like ${`%${w}%`}`),
            sql` or `,
          )})`,
      );
      const { rows } = await sql<CandidateRow>`
        select l.concept_id, l.label, l.norm, l.lang, l.label_type,
               greatest(similarity(l.norm, ${query}), word_similarity(${query}, l.norm)) as similarity
          from taxonomy_labels l
         where l.search_group = ${groupLiteral(group)} and l.label_type <> 'code' and ${sql.join(conditions, sql` and `)} and ${searchable(batches)}
         limit ${limit}`.execute(executor);
      return rows.map(toCandidate);
    },

    /** What a result line shows: the concept, its preferred labels in Italian and English, and for a comune its place. */
    async conceptsForDisplay(executor: Executor, batches: readonly number[], ids: readonly number[]): Promise<ConceptRow[]> {
      if (ids.length === 0) return [];
      const preferred = (lang: string) => sql<string>`(select p.label from taxonomy_labels p
          where p.concept_id = c.id and p.label_type = 'preferred' and p.lang = ${lang}
            and p.batch_id = any(${[...batches]}::int[]) limit 1)`;
      const { rows } = await sql<ConceptRow>`
        select c.id, c.kind, c.code, c.uri, c.attributes,
               ${preferred('it')} as label_it, ${preferred('en')} as label_en,
               m.province, m.region, m.lat, m.lon, m.cadastral_code
          from taxonomy_concepts c
          left join taxonomy_comuni m on m.concept_id = c.id
         where c.id = any(${[...ids]}::bigint[])`.execute(executor);
      return rows.map((r) => ({ ...r, id: Number(r.id) }));
    },

    /** A comune of the current comuni list by its ISTAT code. */
    async comuneByIstatCode(executor: Executor, istatCode: string): Promise<ComuneRow | undefined> {
      const { rows } = await sql<ComuneRow>`
        select m.concept_id, m.istat_code, m.name, m.cadastral_code, m.province, m.region, m.lat, m.lon
          from taxonomy_comuni m
          join taxonomy_concepts c on c.id = m.concept_id
          join taxonomy_releases r on r.id = c.release_id and r.current
         where m.istat_code = ${istatCode}`.execute(executor);
      return rows[0];
    },

    /** Comuni of the current list whose centroid lies in a latitude/longitude box. */
    async comuniInBox(executor: Executor, box: { minLat: number; maxLat: number; minLon: number; maxLon: number }): Promise<ComuneRow[]> {
      const { rows } = await sql<ComuneRow>`
        select m.concept_id, m.istat_code, m.name, m.cadastral_code, m.province, m.region, m.lat, m.lon
          from taxonomy_comuni m
          join taxonomy_concepts c on c.id = m.concept_id
          join taxonomy_releases r on r.id = c.release_id and r.current
         where m.lat between ${box.minLat} and ${box.maxLat} and m.lon between ${box.minLon} and ${box.maxLon}`.execute(executor);
      return rows;
    },

    /** Every release with its batches, for the sources list. */
    async releases(executor: Executor) {
      return executor
        .selectFrom('taxonomy_releases as r')
        .leftJoin('taxonomy_batches as b', 'b.release_id', 'r.id')
        .select(['r.id', 'r.source', 'r.version', 'r.current', 'b.part', 'b.status', 'b.row_count', 'b.finished_at'])
        .orderBy('r.id')
        .execute();
    },

    /** Concepts of a release by kind (ESCO: occupations and skills). */
    async conceptCounts(executor: Executor, releaseId: number): Promise<Record<string, number>> {
      const rows = await executor
        .selectFrom('taxonomy_concepts')
        .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
        .where('release_id', '=', releaseId)
        .groupBy('kind')
        .execute();
      return Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
    },
  };
}

export type TaxonomyRepository = ReturnType<typeof createTaxonomyRepository>;
