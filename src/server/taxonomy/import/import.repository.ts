import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';
import { chunks, insertRows, type BulkColumn } from './bulk-insert.js';
import { forgetReferenceLookups } from '../reference-lookups.repository.js';

/** Rows as the importers produce them; ids are the database's own. */
export interface NewConcept {
  kind: string;
  code: string;
  uri: string | null;
  parentCode: string | null;
  attributes: Record<string, string>;
}

export interface NewLabel {
  conceptId: number;
  searchGroup: string;
  lang: string;
  type: 'preferred' | 'alternative' | 'hidden' | 'code';
  label: string;
  norm: string;
}

export interface NewComune {
  conceptId: number;
  istatCode: string;
  name: string;
  cadastralCode: string;
  provinceCode: string;
  province: string;
  provinceName: string;
  regionCode: string;
  region: string;
  lat: number;
  lon: number;
}

type Pair = [number, number];

const labelColumns = (batchId: number): BulkColumn<NewLabel>[] => [
  { name: 'concept_id', type: 'bigint', value: (r) => r.conceptId },
  { name: 'batch_id', type: 'int', value: () => batchId },
  { name: 'search_group', type: 'text', value: (r) => r.searchGroup },
  { name: 'lang', type: 'text', value: (r) => r.lang },
  { name: 'label_type', type: 'text', value: (r) => r.type },
  { name: 'label', type: 'text', value: (r) => r.label },
  { name: 'norm', type: 'text', value: (r) => r.norm },
];

/** Writes of the importers: releases, batches and the rows each batch owns. */
export function createImportRepository() {
  return {
    async ensureRelease(executor: Executor, source: string, version: string) {
      await executor
        .insertInto('taxonomy_releases')
        .values({ source, version })
        .onConflict((oc) => oc.columns(['source', 'version']).doNothing())
        .execute();
      return executor
        .selectFrom('taxonomy_releases')
        .select(['id', 'current'])
        .where('source', '=', source)
        .where('version', '=', version)
        .executeTakeFirstOrThrow();
    },

    async findRelease(executor: Executor, source: string, version: string): Promise<{ id: number } | undefined> {
      return executor
        .selectFrom('taxonomy_releases')
        .select('id')
        .where('source', '=', source)
        .where('version', '=', version)
        .executeTakeFirst();
    },

    /** The parts (classification:<lang>, relations, …) of a release whose batch is active. */
    async activeParts(executor: Executor, source: string, version: string): Promise<Set<string>> {
      const rows = await executor
        .selectFrom('taxonomy_batches as b')
        .innerJoin('taxonomy_releases as r', 'r.id', 'b.release_id')
        .select('b.part')
        .where('r.source', '=', source)
        .where('r.version', '=', version)
        .where('b.status', '=', 'active')
        .execute();
      return new Set(rows.map((r) => r.part));
    },

    async hasCurrentRelease(executor: Executor, source: string): Promise<boolean> {
      const row = await executor
        .selectFrom('taxonomy_releases')
        .select('id')
        .where('source', '=', source)
        .where('current', '=', true)
        .executeTakeFirst();
      return row !== undefined;
    },

    async makeCurrent(executor: Executor, releaseId: number, source: string) {
      await executor
        .updateTable('taxonomy_releases')
        .set({ current: false })
        .where('source', '=', source)
        .where('id', '!=', releaseId)
        .execute();
      await executor.updateTable('taxonomy_releases').set({ current: true }).where('id', '=', releaseId).execute();
      forgetReferenceLookups();
    },

    async activeBatch(executor: Executor, releaseId: number, part: string) {
      return executor
        .selectFrom('taxonomy_batches')
        .select(['id', 'checksum', 'row_count'])
        .where('release_id', '=', releaseId)
        .where('part', '=', part)
        .where('status', '=', 'active')
        .executeTakeFirst();
    },

    async loadingBatches(executor: Executor, releaseId?: number) {
      let query = executor.selectFrom('taxonomy_batches').select(['id', 'release_id', 'part']).where('status', '=', 'loading');
      if (releaseId !== undefined) query = query.where('release_id', '=', releaseId);
      return query.execute();
    },

    async startBatch(executor: Executor, releaseId: number, part: string, checksum: string): Promise<number> {
      const row = await executor
        .insertInto('taxonomy_batches')
        .values({ release_id: releaseId, part, status: 'loading', checksum })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    /**
     * Makes a loaded batch the one that is read. The batch it replaces (same release and part) is
     * dropped with its rows ('delete', one statement: the small reference sets), or only taken out
     * of what is read ('retire': marked failed, its ids returned), so that the switch stays one
     * short transaction and the rows go afterwards in steps of their own (`purgeBatchRows`).
     */
    async activateBatch(
      executor: Executor,
      batchId: number,
      rowCount: number,
      now: Date,
      replaced: 'delete' | 'retire' = 'delete',
    ): Promise<number[]> {
      const batch = await executor
        .selectFrom('taxonomy_batches')
        .select(['release_id', 'part'])
        .where('id', '=', batchId)
        .executeTakeFirstOrThrow();
      const others = executor
        .selectFrom('taxonomy_batches')
        .select('id')
        .where('release_id', '=', batch.release_id)
        .where('part', '=', batch.part)
        .where('id', '!=', batchId)
        .where('status', '!=', 'loading');
      let retired: number[] = [];
      if (replaced === 'delete') {
        await executor
          .deleteFrom('taxonomy_batches')
          .where('id', 'in', () => others)
          .execute();
      } else {
        const rows = await executor
          .updateTable('taxonomy_batches')
          .set({ status: 'failed', error: `replaced by batch ${batchId}`, finished_at: now })
          .where('id', 'in', () => others)
          .returning('id')
          .execute();
        retired = rows.map((r) => r.id);
      }
      await executor
        .updateTable('taxonomy_batches')
        .set({ status: 'active', row_count: rowCount, finished_at: now })
        .where('id', '=', batchId)
        .execute();
      return retired;
    },

    /**
     * Deletes up to `limit` rows a batch owns in one of its tables ('concepts': the concepts it
     * created, with what hangs on them); returns how many went, 0 when none is left. A chunk at a
     * time, so that on PGlite no transaction holds the only connection for long.
     */
    async purgeBatchRows(executor: Executor, table: BatchTable | 'concepts', batchId: number, limit: number): Promise<number> {
      const name = table === 'concepts' ? 'taxonomy_concepts' : table;
      const result = await sql`delete from ${sql.table(name)} where ctid = any(array(
          select ctid from ${sql.table(name)} where batch_id = ${batchId} limit ${limit}))`.execute(executor);
      return Number(result.numAffectedRows ?? 0);
    },

    /** A batch whose rows are gone: dropped, or kept as failed with the reason. */
    async closeBatch(executor: Executor, batchId: number, outcome: { drop: true } | { error: string; now: Date }) {
      if ('drop' in outcome) await executor.deleteFrom('taxonomy_batches').where('id', '=', batchId).execute();
      else
        await executor
          .updateTable('taxonomy_batches')
          .set({ status: 'failed', error: outcome.error.slice(0, 2000), finished_at: outcome.now })
          .where('id', '=', batchId)
          .execute();
    },

    async deleteReleaseIfEmpty(executor: Executor, releaseId: number) {
      await executor
        .deleteFrom('taxonomy_releases')
        .where('id', '=', releaseId)
        .where((eb) => eb.not(eb.exists(eb.selectFrom('taxonomy_concepts').select('id').where('release_id', '=', releaseId))))
        .execute();
    },

    async conceptCount(executor: Executor, releaseId: number): Promise<number> {
      const row = await executor
        .selectFrom('taxonomy_concepts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('release_id', '=', releaseId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async deleteConcepts(executor: Executor, releaseId: number) {
      await executor.deleteFrom('taxonomy_concepts').where('release_id', '=', releaseId).execute();
    },

    async insertConcepts(executor: Executor, releaseId: number, batchId: number, rows: readonly NewConcept[]) {
      await insertRows(
        executor,
        'taxonomy_concepts',
        [
          { name: 'release_id', type: 'int', value: () => releaseId },
          { name: 'batch_id', type: 'int', value: () => batchId },
          { name: 'kind', type: 'text', value: (r) => r.kind },
          { name: 'code', type: 'text', value: (r) => r.code },
          { name: 'uri', type: 'text', value: (r) => r.uri },
          { name: 'parent_code', type: 'text', value: (r) => r.parentCode },
          { name: 'attributes', type: 'jsonb', value: (r) => r.attributes },
        ],
        rows,
        'do nothing',
      );
    },

    /** Concept ids of a release keyed by URI (ESCO) or by "kind:code" (everything else). */
    async conceptIds(executor: Executor, releaseId: number): Promise<Map<string, number>> {
      const rows = await executor
        .selectFrom('taxonomy_concepts')
        .select(['id', 'kind', 'code', 'uri'])
        .where('release_id', '=', releaseId)
        .execute();
      const ids = new Map<string, number>();
      for (const row of rows) ids.set(row.uri ?? `${row.kind}:${row.code}`, row.id);
      return ids;
    },

    insertLabels: (executor: Executor, batchId: number, rows: readonly NewLabel[]) =>
      insertRows(executor, 'taxonomy_labels', labelColumns(batchId), rows),

    insertDescriptions: (executor: Executor, batchId: number, rows: ReadonlyArray<{ conceptId: number; lang: string; text: string }>) =>
      insertRows(
        executor,
        'taxonomy_descriptions',
        [
          { name: 'concept_id', type: 'bigint', value: (r) => r.conceptId },
          { name: 'batch_id', type: 'int', value: () => batchId },
          { name: 'lang', type: 'text', value: (r) => r.lang },
          { name: 'description', type: 'text', value: (r) => r.text },
        ],
        rows,
      ),

    insertComuni: (executor: Executor, rows: readonly NewComune[]) =>
      insertRows(
        executor,
        'taxonomy_comuni',
        [
          { name: 'concept_id', type: 'bigint', value: (r) => r.conceptId },
          { name: 'istat_code', type: 'text', value: (r) => r.istatCode },
          { name: 'name', type: 'text', value: (r) => r.name },
          { name: 'cadastral_code', type: 'text', value: (r) => r.cadastralCode },
          { name: 'province_code', type: 'text', value: (r) => r.provinceCode },
          { name: 'province', type: 'text', value: (r) => r.province },
          { name: 'province_name', type: 'text', value: (r) => r.provinceName },
          { name: 'region_code', type: 'text', value: (r) => r.regionCode },
          { name: 'region', type: 'text', value: (r) => r.region },
          { name: 'lat', type: 'float8', value: (r) => r.lat },
          { name: 'lon', type: 'float8', value: (r) => r.lon },
        ],
        rows,
      ),

    insertBroader: (executor: Executor, batchId: number, pairs: readonly Pair[]) =>
      insertRows(
        executor,
        'taxonomy_broader',
        [
          { name: 'batch_id', type: 'int', value: () => batchId },
          { name: 'concept_id', type: 'bigint', value: (p) => p[0] },
          { name: 'broader_id', type: 'bigint', value: (p) => p[1] },
        ],
        pairs,
        'do nothing',
      ),

    insertOccupationSkills: (
      executor: Executor,
      batchId: number,
      rows: ReadonlyArray<{ occupationId: number; skillId: number; essential: boolean }>,
    ) =>
      insertRows(
        executor,
        'esco_occupation_skills',
        [
          { name: 'batch_id', type: 'int', value: () => batchId },
          { name: 'occupation_id', type: 'bigint', value: (r) => r.occupationId },
          { name: 'skill_id', type: 'bigint', value: (r) => r.skillId },
          { name: 'essential', type: 'boolean', value: (r) => r.essential },
        ],
        rows,
        'do nothing',
      ),

    insertSkillRelations: (
      executor: Executor,
      batchId: number,
      rows: ReadonlyArray<{ skillId: number; relatedId: number; essential: boolean }>,
    ) =>
      insertRows(
        executor,
        'esco_skill_relations',
        [
          { name: 'batch_id', type: 'int', value: () => batchId },
          { name: 'skill_id', type: 'bigint', value: (r) => r.skillId },
          { name: 'related_skill_id', type: 'bigint', value: (r) => r.relatedId },
          { name: 'essential', type: 'boolean', value: (r) => r.essential },
        ],
        rows,
        'do nothing',
      ),

    insertCollectionMembers: (executor: Executor, rows: ReadonlyArray<{ conceptId: number; collection: string }>) =>
      insertRows(
        executor,
        'esco_collection_members',
        [
          { name: 'concept_id', type: 'bigint', value: (r) => r.conceptId },
          { name: 'collection', type: 'text', value: (r) => r.collection },
        ],
        rows,
        'do nothing',
      ),

    /** Rebuilds the word list of the given search groups from their searchable labels, with one executor. */
    refreshWords: (executor: Executor, groups: readonly string[]) => refreshWordsInSteps((fn) => fn(executor), groups),

    /** The same in short steps (each one statement of a few thousand rows): see refreshWordsInSteps. */
    refreshWordsInSteps: (run: Run, groups: readonly string[]) => refreshWordsInSteps(run, groups),

    /**
     * After a bulk load: merges the trigram indexes' pending lists (GIN's fast-update buffer is read
     * sequentially by every search until merged, and PGlite has no autovacuum to do it) and refreshes
     * the planner's statistics so the first searches pick the indexes. One index or one table per
     * step: together they held PGlite's only connection for seconds.
     */
    async analyse(run: Run | Executor) {
      const step: Run = typeof run === 'function' ? run : (fn) => fn(run);
      await cleanPendingLists(step, ['taxonomy_labels', 'taxonomy_words']);
      for (const table of ANALYSED_TABLES) await step((executor) => sql`analyze ${sql.table(table)}`.execute(executor));
    },

    /**
     * Merges the trigram indexes' pending lists, one index per step. Called after every step of
     * labels on PGlite: left alone, the list grows to 4 MB (about 13,000 labels) and the insert that
     * overflows it merges it all at once, holding the only connection for seconds.
     */
    cleanPendingLists: (run: Run, tables: ReadonlyArray<'taxonomy_labels' | 'taxonomy_words'>) => cleanPendingLists(run, tables),
  };
}

async function cleanPendingLists(run: Run, tables: ReadonlyArray<'taxonomy_labels' | 'taxonomy_words'>) {
  const indexes = await run(async (executor) => {
    const { rows } = await sql<{ name: string }>`select c.oid::regclass::text as name
      from pg_class c join pg_index i on i.indexrelid = c.oid
      where i.indrelid = any(${[...tables]}::regclass[]) and c.relam = (select oid from pg_am where amname = 'gin')
      order by 1`.execute(executor);
    return rows.map((r) => r.name);
  });
  for (const index of indexes) await run((executor) => sql`select gin_clean_pending_list(${index}::regclass)`.execute(executor));
}

/** Runs one short unit of work: a step of an import (its own transaction on PGlite), or a statement on one executor. */
export type Run = <T>(fn: (executor: Executor) => Promise<T>) => Promise<T>;

/** Tables whose rows belong to a batch (batch_id), purged with it. */
export const BATCH_TABLES = [
  'taxonomy_labels',
  'taxonomy_descriptions',
  'taxonomy_broader',
  'esco_occupation_skills',
  'esco_skill_relations',
] as const;
export type BatchTable = (typeof BATCH_TABLES)[number];

const ANALYSED_TABLES = [
  'taxonomy_concepts',
  'taxonomy_labels',
  'taxonomy_words',
  'taxonomy_comuni',
  'taxonomy_batches',
  'taxonomy_releases',
] as const;

/**
 * The words typo tolerance corrects a query against: those of three characters or more in a
 * searchable label's normalised text (codes excluded). The one definition of that rule.
 */
export function labelWords(norm: string): string[] {
  return norm.split(' ').filter((w) => [...w].length >= 3);
}

const NORMS_PER_READ = 5_000;
const WORDS_PER_WRITE = 1_000;

/**
 * The word list of each group becomes the words of its searchable labels: the labels are read a
 * page at a time (in the order of the group's prefix index), the words gathered here, and only
 * the difference with the list on record is written, a few thousand words per statement. Until
 * the last step the list is partly the old one: typo tolerance then suggests the words of the
 * previous labels, which is what it did before the import anyway.
 */
async function refreshWordsInSteps(run: Run, groups: readonly string[]) {
  for (const group of groups) {
    const wanted = new Set<string>();
    for (let after: string | null = null; ;) {
      const last: string | null = after;
      const norms = await run(async (executor) => {
        let query = executor
          .selectFrom('taxonomy_labels')
          .select('norm')
          .where('search_group', '=', group)
          .where('label_type', '<>', 'code')
          .where('batch_id', 'in', (eb) => eb.selectFrom('taxonomy_searchable_batches').select('id'));
        if (last !== null) query = query.where('norm', '>', last);
        const rows = await query.orderBy('norm').limit(NORMS_PER_READ).execute();
        return rows.map((r) => r.norm);
      });
      for (const norm of norms) for (const word of labelWords(norm)) wanted.add(word);
      if (norms.length < NORMS_PER_READ) break;
      after = norms[norms.length - 1]!;
    }
    const onRecord = await run(async (executor) => {
      const rows = await executor.selectFrom('taxonomy_words').select('word').where('search_group', '=', group).execute();
      return new Set(rows.map((r) => r.word));
    });
    const added = [...wanted].filter((w) => !onRecord.has(w));
    const removed = [...onRecord].filter((w) => !wanted.has(w));
    for (const part of chunks(added, WORDS_PER_WRITE)) {
      await run((executor) =>
        sql`insert into taxonomy_words (search_group, word) select ${group}, w from unnest(${part}::text[]) as w
          on conflict do nothing`.execute(executor),
      );
    }
    for (const part of chunks(removed, WORDS_PER_WRITE)) {
      await run((executor) =>
        sql`delete from taxonomy_words where search_group = ${group} and word = any(${part}::text[])`.execute(executor),
      );
    }
  }
}

export type ImportRepository = ReturnType<typeof createImportRepository>;
