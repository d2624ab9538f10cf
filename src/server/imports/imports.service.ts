import { createHash } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { RequestContext } from '../auth/index.js';
import type { AuditService } from '../audit/index.js';
import type { DatabaseKind } from '../db/database.js';
import type { DB } from '../db/schema.js';
import type { ImportCounts, ImportJobsTable } from '../db/schema-imports.js';
import type { ImportJob } from '../../shared/schemas/imports.schema.js';
import { DomainError } from '../http/problem.js';
import { cellText, readRows } from './file-reader.js';
import { findHeaderRow, suggestMapping } from './header-mapping.js';
import { importErrors } from './imports.errors.js';
import { createImportsRepository } from './imports.repository.js';
import { createProgressBoard, type ProgressListener } from './import-progress.js';
import { runDryRun, type DryRunRequest } from './import-dry-run.js';
import { runApply } from './import-apply.js';

/** Who an import acts for: the network and office it writes into, and the staff member (null from the CLI). */
export interface ImportScope {
  networkId: string;
  officeId: string;
  userId: string | null;
}

export const MAX_FILE_BYTES = 40 * 1024 * 1024;
export const MAX_ROWS = 200_000;
const SAMPLE_ROWS = 30;

export interface ImportDeps {
  db: Kysely<DB>;
  kind: DatabaseKind;
  audit: AuditService;
  clock: () => Date;
  /** Told of every progress step (the CLI draws its progress bar from it). */
  onProgress?: ProgressListener;
}

export function createImportService(deps: ImportDeps) {
  const repo = createImportsRepository();
  const board = createProgressBoard(deps.db, deps.onProgress);
  const running = new Set<Promise<unknown>>();
  const env = { ...deps, repo, board };

  async function load(scope: ImportScope, id: string) {
    const job = await deps.db.selectFrom('import_jobs').selectAll().where('id', '=', id).where('network_id', '=', scope.networkId).executeTakeFirst();
    if (!job) throw importErrors.notFound();
    return job;
  }

  function view(job: Selectable<ImportJobsTable>): ImportJob {
    const live = board.get(job.id);
    const phase = live?.phase ?? job.phase;
    const processed = live?.processed ?? job.processed_rows;
    const total = live?.total ?? job.total_rows;
    const c = job.counts;
    const counts: ImportCounts = { new: c.new ?? 0, update: c.update ?? 0, unchanged: c.unchanged ?? 0, error: c.error ?? 0, companiesToCreate: c.companiesToCreate ?? 0 };
    const finished = job.status === 'validated' || job.status === 'applied';
    return {
      id: job.id,
      status: job.status,
      fileName: job.file_name,
      fileFormat: job.file_format,
      fileSize: job.file_size,
      checksum: job.checksum,
      officeId: job.office_id,
      source: job.source,
      columns: job.columns,
      mapping: job.mapping,
      createCompanies: job.options.createCompanies === true,
      progress: { phase, processed, total, percent: finished ? 100 : total > 0 ? Math.min(100, Math.floor((processed / total) * 100)) : 0 },
      totalRows: job.total_rows,
      counts,
      error: job.error,
      createdAt: job.created_at.toISOString(),
      appliedAt: job.applied_at ? job.applied_at.toISOString() : null,
    };
  }

  /** Runs a job step in the background; a failure is recorded on the job, never thrown at nobody. */
  function background(jobId: string, step: () => Promise<unknown>) {
    const task = step()
      .catch(async (err: unknown) => {
        const message = err instanceof DomainError ? err.text.it : 'Errore imprevisto durante l’elaborazione: nessun dato è stato scritto.';
        if (!(err instanceof DomainError)) console.error(err);
        await deps.db.updateTable('import_jobs').set({ status: 'failed', error: message, phase: '', updated_at: deps.clock() }).where('id', '=', jobId).execute();
      })
      .finally(() => {
        board.done(jobId);
        running.delete(task);
      });
    running.add(task);
  }

  const service = {
    async upload(ctx: RequestContext, scope: ImportScope, file: { fileName: string; bytes: Buffer }): Promise<ImportJob> {
      if (file.bytes.length === 0) throw importErrors.emptyFile();
      const checksum = createHash('sha256').update(file.bytes).digest('hex');
      const applied = await deps.db
        .selectFrom('import_jobs')
        .select('applied_at')
        .where('network_id', '=', scope.networkId)
        .where('checksum', '=', checksum)
        .where('status', '=', 'applied')
        .executeTakeFirst();
      if (applied) throw importErrors.alreadyApplied(applied.applied_at ?? deps.clock());
      const { source, rows } = await readRows(file.bytes, { maxRows: SAMPLE_ROWS });
      if (rows.length === 0) throw importErrors.emptyFile();
      const texts = rows.map((r) => r.map(cellText));
      const headerRow = findHeaderRow(texts);
      const header = texts[headerRow]!;
      const data = texts.slice(headerRow + 1);
      if (data.length === 0) throw importErrors.noRows();
      const width = Math.max(header.length, ...data.map((r) => r.length));
      const columns = Array.from({ length: width }, (_, index) => ({
        index,
        header: header[index]?.trim() || `Colonna ${index + 1}`,
        samples: data.map((r) => r[index] ?? '').filter((v) => v !== '').slice(0, 3),
      }));
      const mapping = suggestMapping(columns.map((c) => (header[c.index] ?? '').trim()));
      const job = await deps.db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('import_jobs')
          .values({
            network_id: scope.networkId,
            office_id: scope.officeId,
            status: 'uploaded',
            file_name: file.fileName.slice(0, 255),
            file_format: source.format,
            file_size: file.bytes.length,
            checksum,
            file_data: file.bytes,
            source: JSON.stringify({ ...source, headerRow }),
            columns: JSON.stringify(columns),
            mapping: JSON.stringify(mapping),
            created_by: scope.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await deps.audit.record(trx, ctx, { action: 'import.uploaded', entityType: 'import_job', entityId: row.id, officeId: scope.officeId, details: { fileName: row.file_name, checksum, size: row.file_size } });
        return row;
      });
      return view(job);
    },

    async get(scope: ImportScope, id: string): Promise<ImportJob> {
      return view(await load(scope, id));
    },

    async rows(scope: ImportScope, id: string, q: { outcome?: 'new' | 'update' | 'unchanged' | 'error'; page: number; pageSize: number }) {
      await load(scope, id);
      const { total, items } = await repo.rowsPage(deps.db, id, q.outcome, q.page, q.pageSize);
      return {
        total,
        page: q.page,
        pageSize: q.pageSize,
        items: items.map((r) => ({ rowNumber: r.row_number, outcome: r.outcome, label: r.label, errors: r.errors })),
      };
    },

    /** Checks the request, marks the job as validating and returns at once; the work goes on in the background. */
    async startDryRun(ctx: RequestContext, scope: ImportScope, id: string, request: DryRunRequest): Promise<ImportJob> {
      const prepared = await service.prepareDryRun(scope, id, request);
      background(id, () => runDryRun(env, ctx, scope, prepared));
      return view(await load(scope, id));
    },

    async dryRun(ctx: RequestContext, scope: ImportScope, id: string, request: DryRunRequest): Promise<ImportJob> {
      const prepared = await service.prepareDryRun(scope, id, request);
      try {
        await runDryRun(env, ctx, scope, prepared);
      } finally {
        board.done(id);
      }
      return view(await load(scope, id));
    },

    async prepareDryRun(scope: ImportScope, id: string, request: DryRunRequest) {
      const job = await load(scope, id);
      if (!['uploaded', 'validated', 'failed'].includes(job.status) || !job.file_data) throw importErrors.wrongState();
      const mapping = request.mapping ?? job.mapping;
      const fields = Object.values(mapping);
      const duplicate = fields.find((f, i) => fields.indexOf(f) !== i);
      if (duplicate) throw importErrors.mappingDuplicate(duplicate);
      const missing = (['lastName', 'firstName', 'codiceFiscale'] as const).filter((f) => !fields.includes(f));
      if (missing.length) throw importErrors.mappingIncomplete(missing);
      const updated = await deps.db
        .updateTable('import_jobs')
        .set({ status: 'validating', phase: 'reading', processed_rows: 0, error: null, mapping: JSON.stringify(mapping), options: JSON.stringify({ createCompanies: request.createCompanies }), updated_at: deps.clock() })
        .where('id', '=', id)
        .where('status', '=', job.status)
        .returningAll()
        .executeTakeFirst();
      if (!updated) throw importErrors.wrongState();
      return updated;
    },

    async startApply(ctx: RequestContext, scope: ImportScope, id: string): Promise<ImportJob> {
      const job = await service.prepareApply(scope, id);
      background(id, () => runApply(env, ctx, scope, job));
      return view(await load(scope, id));
    },

    async apply(ctx: RequestContext, scope: ImportScope, id: string): Promise<ImportJob> {
      const job = await service.prepareApply(scope, id);
      try {
        await runApply(env, ctx, scope, job);
      } finally {
        board.done(id);
      }
      return view(await load(scope, id));
    },

    /** All or nothing: only a dry run without a single row error may be applied (see docs/imports.md). */
    async prepareApply(scope: ImportScope, id: string) {
      const job = await load(scope, id);
      if (job.status === 'uploaded') throw importErrors.notValidated();
      if (job.status !== 'validated') throw importErrors.wrongState();
      if ((job.counts.error ?? 0) > 0) throw importErrors.hasRowErrors();
      const applied = await deps.db.selectFrom('import_jobs').select('applied_at').where('network_id', '=', scope.networkId).where('checksum', '=', job.checksum).where('status', '=', 'applied').executeTakeFirst();
      if (applied) throw importErrors.alreadyApplied(applied.applied_at ?? deps.clock());
      const updated = await deps.db
        .updateTable('import_jobs')
        .set({ status: 'applying', phase: 'applying', processed_rows: 0, updated_at: deps.clock() })
        .where('id', '=', id)
        .where('status', '=', 'validated')
        .returningAll()
        .executeTakeFirst();
      if (!updated) throw importErrors.wrongState();
      return updated;
    },

    /** Resolves when no background step is running (the app waits for this before closing). */
    async idle() {
      while (running.size) await Promise.allSettled([...running]);
    },
  };
  return service;
}

export type ImportService = ReturnType<typeof createImportService>;
export type ImportEnv = ImportDeps & { repo: ReturnType<typeof createImportsRepository>; board: ReturnType<typeof createProgressBoard> };
