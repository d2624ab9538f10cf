import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { sql, type Insertable, type Selectable } from 'kysely';
import type { Executor } from '../db/executor.js';
import type { ImportApplyLog, ImportCounts, ImportJobsTable, ImportNotice, ImportOutcome } from '../db/schema-imports.js';
import { batches, insertMany } from '../db/unnest.js';

/** The only file that writes SQL on the imports' tables (import_jobs, import_rows, import_layouts, import_settings). */

/**
 * A job without its file: the bytes (up to 40 MB) are read only by the dry run (`fileData`). On
 * PGlite a bytea of 18 MB costs seconds to pass as a parameter or a result, so it also travels
 * as base64 text, which the database encodes and decodes in C.
 */
export type ImportJobRow = Omit<Selectable<ImportJobsTable>, 'file_data'> & { has_file: boolean };

const JOB_COLUMNS = [
  'id',
  'network_id',
  'office_id',
  'kind',
  'status',
  'file_name',
  'file_format',
  'file_size',
  'checksum',
  'source',
  'columns',
  'mapping',
  'options',
  'total_rows',
  'processed_rows',
  'phase',
  'counts',
  'error',
  'created_by',
  'created_at',
  'updated_at',
  'applied_at',
  'notices',
  'purged_at',
  'apply_log',
] as const;
const hasFile = sql<boolean>`file_data is not null`.as('has_file');

/** An uploaded file as it is stored: gzip (`packFile`). */
export interface PackedFile {
  bytes: Buffer;
}

/**
 * The file is stored gzipped, compressed and expanded on libuv's threads. On PGlite a statement
 * runs on the server's thread, and writing an 18 MB list as it came (a 24 MB base64 parameter,
 * then the database's own compression of it) held every request for 1.8–2.5 s on a loaded
 * machine; gzipped it is a fifth of that, and the database does not compress it again. Files stored
 * before are read as they are: no list starts with gzip's magic bytes (CSV is text, XLSX a zip).
 */
export async function packFile(bytes: Buffer): Promise<PackedFile> {
  return { bytes: await gzipAsync(bytes, { level: 6 }) };
}

async function unpackFile(stored: Buffer): Promise<Buffer> {
  return stored[0] === 0x1f && stored[1] === 0x8b ? gunzipAsync(stored) : stored;
}

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** Without a row in import_settings a network keeps import data this many days. */
export const DEFAULT_RETENTION_DAYS = 30;

export interface StoredRow {
  rowNumber: number;
  outcome: ImportOutcome;
  label: string;
  errors: Array<{ field: string; code: string; message: string }>;
  data: unknown;
}

/** What the apply wrote for one row: the record a staged apply is undone from. */
export interface AppliedRow {
  rowNumber: number;
  workerId: string;
  appliedAs: 'created' | 'updated' | 'unchanged';
  /** An updated worker's values before the import (the columns it writes). */
  previous?: Record<string, unknown>;
  addedPhone?: string | null;
}

export function createImportsRepository() {
  return {
    async findJob(executor: Executor, networkId: string, id: string): Promise<ImportJobRow | undefined> {
      return executor
        .selectFrom('import_jobs')
        .select([...JOB_COLUMNS, hasFile])
        .where('id', '=', id)
        .where('network_id', '=', networkId)
        .executeTakeFirst();
    },

    /** The uploaded file's bytes (null once applied or purged). */
    async fileData(executor: Executor, id: string): Promise<Buffer | null> {
      const row = await executor
        .selectFrom('import_jobs')
        .select(sql<string | null>`encode(file_data, 'base64')`.as('data'))
        .where('id', '=', id)
        .executeTakeFirst();
      return row?.data ? unpackFile(Buffer.from(row.data, 'base64')) : null;
    },

    /** When this file (by checksum) was applied in the network, if it was. */
    async appliedAt(executor: Executor, networkId: string, checksum: string): Promise<Date | null | undefined> {
      const row = await executor
        .selectFrom('import_jobs')
        .select('applied_at')
        .where('network_id', '=', networkId)
        .where('checksum', '=', checksum)
        .where('status', '=', 'applied')
        .executeTakeFirst();
      return row ? row.applied_at : undefined;
    },

    async insertJob(executor: Executor, values: Omit<Insertable<ImportJobsTable>, 'file_data'>, file: PackedFile): Promise<ImportJobRow> {
      return executor
        .insertInto('import_jobs')
        .values({ ...values, file_data: sql<Buffer>`decode(${file.bytes.toString('base64')}, 'base64')` })
        .returning([...JOB_COLUMNS, hasFile])
        .executeTakeFirstOrThrow();
    },

    async markFailed(executor: Executor, id: string, message: string, now: Date) {
      await executor
        .updateTable('import_jobs')
        .set({ status: 'failed', error: message, phase: '', updated_at: now })
        .where('id', '=', id)
        .execute();
    },

    /** Moves the job from `fromStatus` to 'validating' with the chosen mapping; undefined when another request moved it first. */
    async startDryRun(
      executor: Executor,
      id: string,
      fromStatus: ImportJobRow['status'],
      values: { mapping: Record<string, string>; options: Record<string, unknown>; officeId: string },
      now: Date,
    ): Promise<ImportJobRow | undefined> {
      return executor
        .updateTable('import_jobs')
        .set({
          status: 'validating',
          phase: 'reading',
          processed_rows: 0,
          error: null,
          mapping: JSON.stringify(values.mapping),
          options: JSON.stringify(values.options),
          office_id: values.officeId,
          updated_at: now,
        })
        .where('id', '=', id)
        .where('status', '=', fromStatus)
        .returning([...JOB_COLUMNS, hasFile])
        .executeTakeFirst();
    },

    async startApply(executor: Executor, id: string, options: Record<string, unknown>, now: Date): Promise<ImportJobRow | undefined> {
      return executor
        .updateTable('import_jobs')
        .set({ status: 'applying', phase: 'applying', processed_rows: 0, options: JSON.stringify(options), updated_at: now })
        .where('id', '=', id)
        .where('status', '=', 'validated')
        .returning([...JOB_COLUMNS, hasFile])
        .executeTakeFirst();
    },

    async finishDryRun(
      executor: Executor,
      id: string,
      result: { total: number; counts: ImportCounts; notices: ImportNotice[] },
      now: Date,
    ) {
      await executor
        .updateTable('import_jobs')
        .set({
          status: 'validated',
          phase: '',
          total_rows: result.total,
          processed_rows: result.total,
          counts: JSON.stringify(result.counts),
          notices: JSON.stringify(result.notices),
          updated_at: now,
        })
        .where('id', '=', id)
        .execute();
    },

    /** The file's bytes are dropped once applied (data minimisation); checksum and counts stay. */
    async finishApply(executor: Executor, id: string, result: { total: number; counts: ImportCounts }, now: Date) {
      await executor
        .updateTable('import_jobs')
        .set({
          status: 'applied',
          phase: '',
          processed_rows: result.total,
          counts: JSON.stringify(result.counts),
          applied_at: now,
          file_data: null,
          apply_log: '{}',
          updated_at: now,
        })
        .where('id', '=', id)
        .execute();
    },

    /** What a staged apply created before its switch (companies, CIGS cases), to undo it if it does not finish. */
    async saveApplyLog(executor: Executor, id: string, log: ImportApplyLog) {
      await executor
        .updateTable('import_jobs')
        .set({ apply_log: JSON.stringify(log) })
        .where('id', '=', id)
        .execute();
    },

    /** Jobs a stop (or an undo that failed) left half-applied by a staged apply (PGlite): their writes are to be undone. */
    async stagedApplying(executor: Executor, staleBefore?: Date) {
      let query = executor
        .selectFrom('import_jobs')
        .select(['id', 'apply_log'])
        .where('status', 'in', ['applying', 'failed'])
        .where(sql<boolean>`apply_log->>'staged' = 'true'`);
      if (staleBefore) query = query.where((eb) => eb.or([eb('status', '=', 'failed'), eb('updated_at', '<', staleBefore)]));
      return query.execute();
    },

    async applyLog(executor: Executor, id: string): Promise<ImportApplyLog> {
      const row = await executor.selectFrom('import_jobs').select('apply_log').where('id', '=', id).executeTakeFirst();
      return row?.apply_log ?? {};
    },

    /** Links each applied row to its worker and records what was done, in the batch's transaction. */
    async recordApplied(executor: Executor, jobId: string, rows: readonly AppliedRow[]) {
      for (const batch of batches(rows)) {
        await sql`update import_rows r set worker_id = v.worker_id, applied_as = v.applied_as, previous = v.previous, added_phone = v.added_phone
          from unnest(${batch.map((l) => l.rowNumber)}::int[], ${batch.map((l) => l.workerId)}::uuid[], ${batch.map((l) => l.appliedAs)}::text[],
            ${batch.map((l) => (l.previous ? JSON.stringify(l.previous) : null))}::jsonb[], ${batch.map((l) => l.addedPhone ?? null)}::text[])
            as v(row_number, worker_id, applied_as, previous, added_phone)
          where r.job_id = ${jobId} and r.row_number = v.row_number`.execute(executor);
      }
    },

    /** The next rows a staged apply wrote and has not undone yet. */
    async appliedRows(executor: Executor, jobId: string, limit: number) {
      return executor
        .selectFrom('import_rows')
        .select(['row_number', 'worker_id', 'applied_as', 'previous', 'added_phone'])
        .where('job_id', '=', jobId)
        .where('applied_as', 'is not', null)
        .orderBy('row_number')
        .limit(limit)
        .execute();
    },

    async clearApplied(executor: Executor, jobId: string, rowNumbers: readonly number[]) {
      await sql`update import_rows set worker_id = null, applied_as = null, previous = null, added_phone = null
        where job_id = ${jobId} and row_number = any(${rowNumbers}::int[])`.execute(executor);
    },

    async writeProgress(executor: Executor, id: string, progress: { phase: string; processed: number; total: number }, now: Date) {
      await executor
        .updateTable('import_jobs')
        .set({ phase: progress.phase, processed_rows: progress.processed, total_rows: progress.total, updated_at: now })
        .where('id', '=', id)
        .execute();
    },

    /** Jobs left running by a server that stopped: all of them, or those not moved since `staleBefore`. */
    async failRunning(executor: Executor, message: string, now: Date, staleBefore?: Date): Promise<number> {
      let query = executor
        .updateTable('import_jobs')
        .set({ status: 'failed', phase: '', error: message, updated_at: now })
        .where('status', 'in', ['validating', 'applying']);
      if (staleBefore) query = query.where('updated_at', '<', staleBefore);
      const result = await query.executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    /** Deletes up to `limit` rows of a job's previous check; the number deleted (0 when none are left). */
    async deleteRows(executor: Executor, jobId: string, limit: number): Promise<number> {
      const result = await sql`delete from import_rows where job_id = ${jobId}
        and row_number in (select row_number from import_rows where job_id = ${jobId} order by row_number limit ${limit})`.execute(
        executor,
      );
      return Number(result.numAffectedRows ?? 0);
    },

    async insertRows(executor: Executor, jobId: string, rows: readonly StoredRow[]) {
      await insertMany(
        executor,
        'import_rows',
        [
          { name: 'job_id', type: 'uuid', value: () => jobId },
          { name: 'row_number', type: 'int', value: (r: StoredRow) => r.rowNumber },
          { name: 'outcome', type: 'text', value: (r) => r.outcome },
          { name: 'label', type: 'text', value: (r) => r.label },
          { name: 'errors', type: 'jsonb', value: (r) => r.errors },
          { name: 'data', type: 'jsonb', value: (r) => r.data },
        ],
        rows,
      );
      // Error codes as "field:CODE": what is left of a refused row once its personal data is purged.
      const refused = rows.filter((r) => r.errors.length > 0);
      for (const batch of batches(refused)) {
        const numbers = batch.map((r) => r.rowNumber);
        const codes = batch.map((r) => r.errors.map((e) => `${e.field}:${e.code}`).join(' '));
        await sql`update import_rows r set error_codes = string_to_array(v.codes, ' ')
          from unnest(${numbers}::int[], ${codes}::text[]) as v(row_number, codes)
          where r.job_id = ${jobId} and r.row_number = v.row_number`.execute(executor);
      }
    },

    async rowsPage(executor: Executor, jobId: string, outcome: ImportOutcome | undefined, page: number, pageSize: number) {
      let q = executor.selectFrom('import_rows').where('job_id', '=', jobId);
      if (outcome) q = q.where('outcome', '=', outcome);
      const [{ total }] = (await q.select((eb) => eb.fn.countAll<number>().as('total')).execute()) as [{ total: number }];
      const items = await q
        .select(['row_number', 'outcome', 'label', 'errors', 'error_codes', 'worker_id'])
        .orderBy('row_number')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute();
      return { total: Number(total), items };
    },

    /** The rows to apply, a page at a time (one statement of 100,000 rows would hold PGlite for seconds). */
    async rowsToApply(executor: Executor, jobId: string, afterRow: number, limit: number) {
      return executor
        .selectFrom('import_rows')
        .select(['row_number', 'data'])
        .where('job_id', '=', jobId)
        .where('outcome', '!=', 'error')
        .where('row_number', '>', afterRow)
        .orderBy('row_number')
        .limit(limit)
        .execute();
    },

    async refusedRows(executor: Executor, jobId: string) {
      return executor
        .selectFrom('import_rows')
        .select(['row_number', 'data', 'errors'])
        .where('job_id', '=', jobId)
        .where('outcome', '=', 'error')
        .orderBy('row_number')
        .execute();
    },

    /** Links each applied row to the worker it created, updated or found unchanged. */
    async setRowWorkers(executor: Executor, jobId: string, links: ReadonlyArray<{ rowNumber: number; workerId: string }>) {
      for (const batch of batches(links)) {
        await sql`update import_rows r set worker_id = v.worker_id
          from unnest(${batch.map((l) => l.rowNumber)}::int[], ${batch.map((l) => l.workerId)}::uuid[]) as v(row_number, worker_id)
          where r.job_id = ${jobId} and r.row_number = v.row_number`.execute(executor);
      }
    },

    async layout(executor: Executor, networkId: string, layoutKey: string) {
      return executor
        .selectFrom('import_layouts')
        .select(['mapping'])
        .where('network_id', '=', networkId)
        .where('layout_key', '=', layoutKey)
        .executeTakeFirst();
    },

    async saveLayout(
      executor: Executor,
      networkId: string,
      layoutKey: string,
      headers: string[],
      mapping: Record<string, string>,
      userId: string | null,
      now: Date,
    ) {
      await executor
        .insertInto('import_layouts')
        .values({
          network_id: networkId,
          layout_key: layoutKey,
          headers: JSON.stringify(headers),
          mapping: JSON.stringify(mapping),
          updated_by: userId,
          updated_at: now,
        })
        .onConflict((oc) =>
          oc
            .columns(['network_id', 'layout_key'])
            .doUpdateSet({ mapping: JSON.stringify(mapping), headers: JSON.stringify(headers), updated_by: userId, updated_at: now }),
        )
        .execute();
    },

    async retentionDays(executor: Executor, networkId: string): Promise<number> {
      const row = await executor
        .selectFrom('import_settings')
        .select('retention_days')
        .where('network_id', '=', networkId)
        .executeTakeFirst();
      return row?.retention_days ?? DEFAULT_RETENTION_DAYS;
    },

    async saveRetentionDays(executor: Executor, networkId: string, days: number, userId: string | null, now: Date) {
      await executor
        .insertInto('import_settings')
        .values({ network_id: networkId, retention_days: days, updated_by: userId, updated_at: now })
        .onConflict((oc) => oc.column('network_id').doUpdateSet({ retention_days: days, updated_by: userId, updated_at: now }))
        .execute();
    },

    /**
     * Purges the personal data of every import older than its network's retention period
     * (counted from the apply, else the upload): the file, the rows' values, names and messages
     * (which quote the file), the sample values of the columns. What stays shows the outcome:
     * row numbers, outcomes, error codes, the workers' ids, the counts. Running jobs are left alone.
     */
    async purgeExpired(executor: Executor, now: Date): Promise<number> {
      const expired = await executor
        .selectFrom('import_jobs as j')
        .leftJoin('import_settings as s', 's.network_id', 'j.network_id')
        .select('j.id')
        .where('j.purged_at', 'is', null)
        .where('j.status', 'not in', ['validating', 'applying'])
        .where(
          sql<boolean>`coalesce(j.applied_at, j.created_at) < ${now}::timestamptz - make_interval(days => coalesce(s.retention_days, ${DEFAULT_RETENTION_DAYS}))`,
        )
        .execute();
      if (expired.length === 0) return 0;
      const ids = expired.map((e) => e.id);
      for (const batch of batches(ids, 500)) {
        await executor
          .updateTable('import_rows')
          .set({ data: null, label: '', errors: '[]', previous: null, added_phone: null })
          .where('job_id', 'in', batch)
          .execute();
        await executor
          .updateTable('import_jobs')
          .set({
            file_data: null,
            columns: sql<string>`(select coalesce(jsonb_agg(jsonb_set(c, '{samples}', '[]'::jsonb) order by ord), '[]'::jsonb) from jsonb_array_elements(columns) with ordinality as t(c, ord))`,
            purged_at: now,
            updated_at: now,
          })
          .where('id', 'in', batch)
          .execute();
      }
      return ids.length;
    },
  };
}

export type ImportsRepository = ReturnType<typeof createImportsRepository>;
