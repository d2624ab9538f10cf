import { createHash } from 'node:crypto';
import type { RequestContext } from '../auth/index.js';
import type { ImportCounts } from '../db/schema-imports.js';
import { asBackgroundWork } from '../db/steps.js';
import { DomainError } from '../http/problem.js';
import { officesOfNetwork } from '../organisation/index.js';
import { mappingWarnings, missingRequiredFields, type ImportJob, type ImportRow } from '../../shared/schemas/imports.schema.js';
import { cellText, readRows } from './file-reader.js';
import { findHeaderRow, layoutKey, suggestMapping } from './header-mapping.js';
import { runApply } from './import-apply.js';
import { runDryRun } from './import-dry-run.js';
import { createProgressBoard } from './import-progress.js';
import { importErrors } from './imports.errors.js';
import { createImportsRepository, packFile, type ImportJobRow } from './imports.repository.js';
import type { DryRunRequest, ImportDeps, ImportEnv, ImportScope } from './imports.types.js';
import { refusedRowsCsv, refusedRowsXlsx } from './refused-rows.js';
import { purgedRowMessage } from './purged-messages.js';

const SAMPLE_ROWS = 30;

export function createImportService(deps: ImportDeps) {
  const repo = createImportsRepository();
  const board = createProgressBoard(deps.db, repo, deps.onProgress);
  const running = new Set<Promise<unknown>>();
  const env: ImportEnv = { ...deps, repo, board };

  async function load(scope: ImportScope, id: string) {
    const job = await repo.findJob(deps.db, scope.networkId, id);
    if (!job) throw importErrors.notFound();
    return job;
  }

  function view(job: ImportJobRow): ImportJob {
    const live = board.get(job.id);
    const phase = live?.phase ?? job.phase;
    const processed = live?.processed ?? job.processed_rows;
    const total = live?.total ?? job.total_rows;
    const c = job.counts;
    const counts: ImportCounts = {
      new: c.new ?? 0,
      update: c.update ?? 0,
      unchanged: c.unchanged ?? 0,
      error: c.error ?? 0,
      companiesToCreate: c.companiesToCreate ?? 0,
    };
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
      mappingSource: job.source.mappingSource === 'remembered' ? 'remembered' : 'suggested',
      warnings: mappingWarnings(job.mapping, job.columns),
      notices: job.notices ?? [],
      validOnly: (job.options as { validOnly?: boolean }).validOnly === true,
      purged: job.purged_at !== null,
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
    // On PGlite its statements wait behind other users' requests (pglite-dialect.ts).
    const task = asBackgroundWork(step)
      .catch(async (err: unknown) => {
        const message = err instanceof DomainError ? err.text.it : 'Errore imprevisto durante l’elaborazione: nessun dato è stato scritto.';
        if (!(err instanceof DomainError)) console.error(err);
        await repo.markFailed(deps.db, jobId, message, deps.clock());
      })
      .finally(() => {
        board.done(jobId);
        running.delete(task);
      });
    running.add(task);
  }

  /** The offices new workers may be assigned to: the network's for who works across it, else the current one. */
  async function targetOffices(scope: ImportScope) {
    const offices = await officesOfNetwork(deps.db, scope.networkId);
    return scope.acrossNetwork ? offices : offices.filter((o) => o.id === scope.officeId);
  }

  async function foreground(id: string, step: () => Promise<unknown>) {
    try {
      await step();
    } finally {
      board.done(id);
    }
  }

  const sampleReads = onceEach(10_000);
  const service = {
    async upload(ctx: RequestContext, scope: ImportScope, file: { fileName: string; bytes: Buffer }): Promise<ImportJob> {
      if (file.bytes.length === 0) throw importErrors.emptyFile();
      const checksum = createHash('sha256').update(file.bytes).digest('hex');
      const applied = await repo.appliedAt(deps.db, scope.networkId, checksum);
      if (applied !== undefined) throw importErrors.alreadyApplied(applied ?? deps.clock());
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
        samples: data
          .map((r) => r[index] ?? '')
          .filter((v) => v !== '')
          .slice(0, 3),
      }));
      const headers = columns.map((c) => (header[c.index] ?? '').trim());
      // The mapping chosen last time for this layout (the same set of headers) comes first.
      const layout = layoutKey(headers);
      const remembered = await repo.layout(deps.db, scope.networkId, layout);
      const mapping = remembered ? remembered.mapping : suggestMapping(headers);
      // Compressed before the transaction: PGlite's connection is not held meanwhile.
      const packed = await packFile(file.bytes);
      const job = await deps.db.transaction().execute(async (trx) => {
        const row = await repo.insertJob(
          trx,
          {
            network_id: scope.networkId,
            office_id: scope.officeId,
            status: 'uploaded',
            file_name: file.fileName.slice(0, 255),
            file_format: source.format,
            file_size: file.bytes.length,
            checksum,
            source: JSON.stringify({ ...source, headerRow, layoutKey: layout, mappingSource: remembered ? 'remembered' : 'suggested' }),
            columns: JSON.stringify(columns),
            mapping: JSON.stringify(mapping),
            created_by: scope.userId,
            created_at: deps.clock(),
            updated_at: deps.clock(),
          },
          packed,
        );
        await deps.audit.record(trx, ctx, {
          action: 'import.uploaded',
          entityType: 'import_job',
          entityId: row.id,
          officeId: scope.officeId,
          details: { fileName: row.file_name, checksum, size: row.file_size },
        });
        return row;
      });
      return view(job);
    },

    /**
     * A job with its columns' sample values (names, codici fiscali: personal data until the
     * retention purge). Audited once per account, job and state: the page polls the job while it
     * is checked or applied, and a poll repeats a read of the same values.
     */
    async get(ctx: RequestContext, scope: ImportScope, id: string): Promise<ImportJob> {
      const job = await load(scope, id);
      const shown = view(job);
      const showsPeople = !shown.purged && shown.columns.some((c) => c.samples.length > 0);
      if (showsPeople && sampleReads.firstOf(`${ctx.actor?.userId ?? '-'}:${id}:${job.status}`)) {
        await deps.audit.record(deps.db, ctx, {
          action: 'import.read',
          entityType: 'import_job',
          entityId: id,
          entityLabel: job.file_name,
          officeId: job.office_id,
          details: { status: job.status },
        });
      }
      return shown;
    },

    /** A page of the check's outcome. Audited: each row names a person of the list (GDPR art. 5(2)). */
    async rows(
      ctx: RequestContext,
      scope: ImportScope,
      id: string,
      q: { outcome?: 'new' | 'update' | 'unchanged' | 'error'; page: number; pageSize: number },
    ) {
      const job = await load(scope, id);
      const { total, items } = await repo.rowsPage(deps.db, id, q.outcome, q.page, q.pageSize);
      const purged = job.purged_at !== null;
      await deps.audit.record(deps.db, ctx, {
        action: 'import.rows.read',
        entityType: 'import_job',
        entityId: id,
        officeId: job.office_id,
        details: {
          rows: items.map((r) => r.row_number),
          workerIds: items.flatMap((r) => (r.worker_id ? [r.worker_id] : [])),
          query: { outcome: q.outcome ?? null, page: q.page },
        },
      });
      return {
        total,
        page: q.page,
        pageSize: q.pageSize,
        items: items.map((r): ImportRow => ({
          rowNumber: r.row_number,
          outcome: r.outcome,
          label: r.label,
          // After the purge only the codes are left: their generic text quotes nothing of the file.
          errors: purged
            ? r.error_codes.map((fc) => {
                const [field = '', code = ''] = fc.split(':');
                return { field, code, message: purgedRowMessage(field, code) };
              })
            : r.errors.map((e) => ({ field: e.field, code: e.code ?? '', message: e.message })),
          workerId: r.worker_id,
        })),
      };
    },

    /** The refused rows with an error column, as CSV or XLSX, to send back to whoever sent the list. */
    async refusedRows(ctx: RequestContext, scope: ImportScope, id: string, format: 'csv' | 'xlsx') {
      const job = await load(scope, id);
      if (job.purged_at) throw importErrors.purged();
      if (job.status !== 'validated' && job.status !== 'applied') throw importErrors.notValidated();
      const refused = await repo.refusedRows(deps.db, id);
      // The file carries the refused rows as the list gave them: a download of personal data.
      await deps.audit.record(deps.db, ctx, {
        action: 'import.refused_rows.downloaded',
        entityType: 'import_job',
        entityId: id,
        officeId: job.office_id,
        details: { rows: refused.map((r) => r.row_number), format },
      });
      const table = {
        headers: job.columns.map((c) => c.header),
        rows: refused.map((r) => ({
          rowNumber: r.row_number,
          cells: ((r.data as { cells?: string[] } | null)?.cells ?? []).map(String),
          errors: r.errors.map((e) => e.message),
        })),
      };
      const base = job.file_name.replace(/\.[^.]+$/, '');
      return format === 'xlsx'
        ? {
            fileName: `${base}-righe-rifiutate.xlsx`,
            contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            bytes: await refusedRowsXlsx(table),
          }
        : { fileName: `${base}-righe-rifiutate.csv`, contentType: 'text/csv; charset=utf-8', bytes: refusedRowsCsv(table) };
    },

    async offices(scope: ImportScope) {
      const items = await targetOffices(scope);
      return { items: items.map((o) => ({ id: o.id, code: o.code, name: o.name })), defaultOfficeId: scope.officeId };
    },

    async settings(scope: ImportScope) {
      return { retentionDays: await repo.retentionDays(deps.db, scope.networkId) };
    },

    async updateSettings(ctx: RequestContext, scope: ImportScope, retentionDays: number) {
      await deps.db.transaction().execute(async (trx) => {
        await repo.saveRetentionDays(trx, scope.networkId, retentionDays, scope.userId, deps.clock());
        await deps.audit.record(trx, ctx, {
          action: 'import.settings_changed',
          entityType: 'network',
          entityId: scope.networkId,
          officeId: scope.officeId,
          details: { retentionDays },
        });
      });
      return { retentionDays };
    },

    /** Checks the request, marks the job as validating and returns at once; the work goes on in the background. */
    async startDryRun(ctx: RequestContext, scope: ImportScope, id: string, request: DryRunRequest): Promise<ImportJob> {
      const prepared = await service.prepareDryRun(scope, id, request);
      background(id, () => runDryRun(env, ctx, scope, prepared));
      return view(await load(scope, id));
    },

    async dryRun(ctx: RequestContext, scope: ImportScope, id: string, request: DryRunRequest): Promise<ImportJob> {
      const prepared = await service.prepareDryRun(scope, id, request);
      await foreground(id, () => runDryRun(env, ctx, scope, prepared));
      return view(await load(scope, id));
    },

    async prepareDryRun(scope: ImportScope, id: string, request: DryRunRequest) {
      const job = await load(scope, id);
      if (!['uploaded', 'validated', 'failed'].includes(job.status) || !job.has_file) throw importErrors.wrongState();
      // An apply whose undo could not finish keeps its record until the undo is done (at the next start).
      if (job.apply_log.staged) throw importErrors.wrongState();
      const mapping = request.mapping ?? job.mapping;
      const fields = Object.values(mapping);
      const duplicate = fields.find((f, i) => fields.indexOf(f) !== i);
      if (duplicate) throw importErrors.mappingDuplicate(duplicate);
      const missing = missingRequiredFields(mapping);
      if (missing.length) throw importErrors.mappingIncomplete(missing);
      const officeId = request.officeId ?? job.office_id;
      if (!(await targetOffices(scope)).some((o) => o.id === officeId)) throw importErrors.officeNotAllowed();
      const now = deps.clock();
      const updated = await deps.db.transaction().execute(async (trx) => {
        const row = await repo.startDryRun(
          trx,
          id,
          job.status,
          { mapping, options: { createCompanies: request.createCompanies }, officeId },
          now,
        );
        // Remembered for the next file with the same headers, in this network.
        const layout = job.source.layoutKey;
        if (row && typeof layout === 'string')
          await repo.saveLayout(
            trx,
            scope.networkId,
            layout,
            job.columns.map((c) => c.header),
            mapping,
            scope.userId,
            now,
          );
        return row;
      });
      if (!updated) throw importErrors.wrongState();
      return updated;
    },

    async startApply(
      ctx: RequestContext,
      scope: ImportScope,
      id: string,
      request: { validOnly: boolean } = { validOnly: false },
    ): Promise<ImportJob> {
      const job = await service.prepareApply(scope, id, request);
      background(id, () => runApply(env, ctx, scope, job));
      return view(await load(scope, id));
    },

    async apply(
      ctx: RequestContext,
      scope: ImportScope,
      id: string,
      request: { validOnly: boolean } = { validOnly: false },
    ): Promise<ImportJob> {
      const job = await service.prepareApply(scope, id, request);
      await foreground(id, () => runApply(env, ctx, scope, job));
      return view(await load(scope, id));
    },

    /**
     * All or nothing by default: a dry run with row errors is applied only when the operator
     * asks for the valid rows alone (the refused ones stay to be downloaded and sent back).
     */
    async prepareApply(scope: ImportScope, id: string, request: { validOnly: boolean }) {
      const job = await load(scope, id);
      if (job.status === 'uploaded') throw importErrors.notValidated();
      if (job.status !== 'validated') throw importErrors.wrongState();
      const errors = job.counts.error ?? 0;
      if (errors > 0 && !request.validOnly) throw importErrors.hasRowErrors();
      if (errors > 0 && errors >= job.total_rows) throw importErrors.noValidRows();
      const applied = await repo.appliedAt(deps.db, scope.networkId, job.checksum);
      if (applied !== undefined) throw importErrors.alreadyApplied(applied ?? deps.clock());
      const updated = await repo.startApply(deps.db, id, { ...job.options, validOnly: errors > 0 }, deps.clock());
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

/** Remembers the last `capacity` keys seen; `firstOf(key)` is true the first time a key is seen. */
function onceEach(capacity: number) {
  const seen = new Set<string>();
  return {
    firstOf(key: string): boolean {
      if (seen.has(key)) return false;
      if (seen.size >= capacity) seen.delete(seen.values().next().value!);
      seen.add(key);
      return true;
    },
  };
}
