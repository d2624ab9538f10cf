import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';
import { insertRows, type BulkColumn } from './bulk-insert.js';
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

    /** Makes a loaded batch the one that is read, dropping (with its rows) the one it replaces. */
    async activateBatch(executor: Executor, batchId: number, rowCount: number, now: Date) {
      const batch = await executor
        .selectFrom('taxonomy_batches')
        .select(['release_id', 'part'])
        .where('id', '=', batchId)
        .executeTakeFirstOrThrow();
      await executor
        .deleteFrom('taxonomy_batches')
        .where('release_id', '=', batch.release_id)
        .where('part', '=', batch.part)
        .where('id', '!=', batchId)
        .where('status', '!=', 'loading')
        .execute();
      await executor
        .updateTable('taxonomy_batches')
        .set({ status: 'active', row_count: rowCount, finished_at: now })
        .where('id', '=', batchId)
        .execute();
    },

    /**
     * Removes what a failed import wrote and records why. Only needed where the import was not one
     * transaction (PGlite); concepts it created go too, with everything that hangs on them.
     */
    async abandonBatch(executor: Executor, batchId: number, error: string, now: Date) {
      for (const table of [
        'taxonomy_labels',
        'taxonomy_descriptions',
        'taxonomy_broader',
        'esco_occupation_skills',
        'esco_skill_relations',
      ] as const) {
        await executor.deleteFrom(table).where('batch_id', '=', batchId).execute();
      }
      await executor.deleteFrom('taxonomy_concepts').where('batch_id', '=', batchId).execute();
      await executor
        .updateTable('taxonomy_batches')
        .set({ status: 'failed', error: error.slice(0, 2000), finished_at: now })
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

    /**
     * Rebuilds the word list of the given search groups from their searchable labels. Runs in the
     * transaction that activates a batch, so the words always match what is searched.
     */
    async refreshWords(executor: Executor, groups: readonly string[]) {
      if (groups.length === 0) return;
      await executor
        .deleteFrom('taxonomy_words')
        .where('search_group', 'in', [...groups])
        .execute();
      await sql`insert into taxonomy_words (search_group, word)
        select distinct l.search_group, w.word
          from taxonomy_labels l
          cross join lateral unnest(string_to_array(l.norm, ' ')) as w(word)
         where l.search_group = any(${[...groups]}::text[]) and l.label_type <> 'code' and length(w.word) >= 3
           and l.batch_id in (select id from taxonomy_searchable_batches)`.execute(executor);
    },

    /**
     * After a bulk load: merges the trigram indexes' pending lists (GIN's fast-update buffer is read
     * sequentially by every search until merged, and PGlite has no autovacuum to do it) and refreshes
     * the planner's statistics so the first searches pick the indexes.
     */
    async analyse(executor: Executor) {
      await sql`select gin_clean_pending_list(c.oid::regclass)
        from pg_class c join pg_index i on i.indexrelid = c.oid
        where i.indrelid in ('taxonomy_labels'::regclass, 'taxonomy_words'::regclass) and c.relam = (select oid from pg_am where amname = 'gin')`.execute(
        executor,
      );
      await sql`analyze taxonomy_concepts, taxonomy_labels, taxonomy_words, taxonomy_comuni, taxonomy_batches, taxonomy_releases`.execute(
        executor,
      );
    },
  };
}

export type ImportRepository = ReturnType<typeof createImportRepository>;
