import type { Selectable } from 'kysely';
import type { RequestContext } from '../auth/index.js';
import type { ImportCounts, ImportJobsTable, ImportOutcome } from '../db/schema-imports.js';
import type { ImportField } from '../../shared/schemas/imports.schema.js';
import { readRows } from './file-reader.js';
import { importErrors } from './imports.errors.js';
import { createRowValidator, type ImportedWorker } from './row-validator.js';
import { mergeWorker } from './worker-diff.js';
import { MAX_ROWS, type ImportEnv, type ImportScope } from './imports.service.js';

export interface DryRunRequest {
  mapping?: Record<string, ImportField>;
  createCompanies: boolean;
}

/**
 * The dry run: reads the whole file, validates every row, and compares valid rows with the
 * workers already known (by codice fiscale in the network) to say new / update / unchanged.
 * Row results and the normalised values are stored; the apply writes from them.
 */
export async function runDryRun(env: ImportEnv, ctx: RequestContext, scope: ImportScope, job: Selectable<ImportJobsTable>) {
  const { db, repo, board, clock } = env;
  const today = clock();
  const todayIso = today.toISOString().slice(0, 10);
  const report = (phase: 'reading' | 'validating', processed: number, total: number, force = false) =>
    board.report(job.id, { phase, processed, total }, true, force);

  await report('reading', 0, 100, true);
  const { rows } = await readRows(job.file_data!, { onProgress: (f) => void report('reading', Math.round(f * 100), 100) });
  const headerRow = Number(job.source.headerRow ?? 0);
  const dataRows = rows.slice(headerRow + 1);
  if (dataRows.length === 0) throw importErrors.noRows();
  if (dataRows.length > MAX_ROWS) throw importErrors.tooManyRows(MAX_ROWS);
  const total = dataRows.length;

  const [comuni, companies] = [await repo.comuni(db), await repo.companies(db, scope.networkId, todayIso)];
  const caseOf = new Map(companies.map((c) => [c.id, c.currentCaseId]));
  const validator = createRowValidator(job.mapping as Record<string, ImportField>, {
    today,
    comuni,
    companies,
    createCompanies: job.options.createCompanies === true,
  });
  await report('validating', 0, total, true);
  const results = [];
  for (let i = 0; i < dataRows.length; i++) {
    // Row numbers as the spreadsheet shows them: the header is row headerRow + 1.
    results.push(validator.validate(dataRows[i]!, headerRow + 2 + i));
    if (i % 2000 === 1999) await report('validating', Math.floor((i + 1) / 2), total);
  }

  const valid = results.filter((r): r is Extract<typeof r, { ok: true }> => r.ok);
  const existing = await repo.workersByCodes(db, scope.networkId, valid.map((r) => r.worker.codiceFiscale));
  const counts: ImportCounts = { new: 0, update: 0, unchanged: 0, error: 0, companiesToCreate: validator.companiesToCreate().size };
  const stored = results.map((r, i) => {
    if (i % 5000 === 4999) void report('validating', Math.floor(total / 2 + (i + 1) / 2), total);
    if (!r.ok) {
      counts.error++;
      return { rowNumber: r.rowNumber, outcome: 'error' as ImportOutcome, label: r.label, errors: r.errors, data: null };
    }
    const outcome = outcomeOf(r.worker, existing.get(r.worker.codiceFiscale), caseOf);
    counts[outcome]++;
    return { rowNumber: r.rowNumber, outcome, label: r.label, errors: [], data: r.worker };
  });

  await report('validating', total, total, true);
  await db.transaction().execute(async (trx) => {
    await repo.replaceRows(trx, job.id, stored);
    await trx
      .updateTable('import_jobs')
      .set({ status: 'validated', phase: '', total_rows: total, processed_rows: total, counts: JSON.stringify(counts), updated_at: clock() })
      .where('id', '=', job.id)
      .execute();
    // The dry run reads workers' records to compare them: that read is audited (GDPR art. 30).
    await env.audit.record(trx, ctx, { action: 'import.dry_run', entityType: 'import_job', entityId: job.id, officeId: scope.officeId, details: { ...counts } });
  });
}

function outcomeOf(
  w: ImportedWorker,
  existing: Parameters<typeof mergeWorker>[0] | undefined,
  caseOf: Map<string, string | null>,
): 'new' | 'update' | 'unchanged' {
  if (!existing) return 'new';
  if (w.companyKey) return 'update'; // its company is created by this import: the link changes
  const { changed } = mergeWorker(existing, w, w.companyId ? caseOf.get(w.companyId) : undefined);
  return changed.length ? 'update' : 'unchanged';
}
