import type { RequestContext } from '../auth/index.js';
import { companiesForImport } from '../companies/index.js';
import type { ImportCounts, ImportNotice, ImportOutcome } from '../db/schema-imports.js';
import { workersByCodiceFiscale, type ImportExistingWorker } from '../people/index.js';
import { allComuni } from '../taxonomy/index.js';
import { IMPORT_FIELD_LABELS_IT, type ImportField } from '../../shared/schemas/imports.schema.js';
import { romeToday } from '../../shared/time/rome-date.js';
import { companyRefOf, planCigsCases, type CasePlan } from './cigs-periods.js';
import { defaultStepMode, inSteps, stepSizer, writeInSteps } from '../db/steps.js';
import { SINGLE_TRANSACTION_BATCH_ROWS, STAGED_BATCH_ROWS } from './import-apply.js';
import { cellText, MAX_CELL_CHARS, readRows, type OversizedCell } from './file-reader.js';
import { importErrors } from './imports.errors.js';
import type { ImportJobRow, StoredRow } from './imports.repository.js';
import { MAX_ROWS, type ImportEnv, type ImportScope } from './imports.types.js';
import { COMPANY_UNKNOWN, createRowValidator, type ImportedWorker, type RowError, type ValidatedRow } from './row-validator.js';
import { timeSlices } from './time-slices.js';
import { mergeWorker } from './worker-diff.js';

export const CIGS_PERIOD_MISSING = 'CIGS_PERIOD_MISSING';

/**
 * The dry run: reads the whole file, validates every row, and compares valid rows with the
 * workers already known (by codice fiscale in the network) to say new / update / unchanged.
 * Row results and the normalised values are stored; the apply writes from them. A refused row
 * keeps its cells as the file gave them, for the download sent back to the company or INPS.
 */
export async function runDryRun(env: ImportEnv, ctx: RequestContext, scope: ImportScope, job: ImportJobRow) {
  const { db, repo, board, clock } = env;
  const now = clock();
  const today = romeToday(now);
  const report = (phase: 'reading' | 'validating', processed: number, total: number, force = false) =>
    board.report(job.id, { phase, processed, total }, true, force);

  await report('reading', 0, 100, true);
  const file = await repo.fileData(db, job.id);
  if (!file) throw importErrors.wrongState();
  const { rows, oversized } = await readRows(file, { onProgress: (f) => void report('reading', Math.round(f * 100), 100) });
  const headerRow = Number(job.source.headerRow ?? 0);
  const tooLong = new Map<number, OversizedCell[]>();
  for (const o of oversized) tooLong.set(o.row, [...(tooLong.get(o.row) ?? []), o]);
  const dataRows = rows.slice(headerRow + 1);
  if (dataRows.length === 0) throw importErrors.noRows();
  if (dataRows.length > MAX_ROWS) throw importErrors.tooManyRows(MAX_ROWS);
  const total = dataRows.length;

  const comuni = await allComuni(db);
  const companies = await companiesForImport(db, scope.networkId);
  const validator = createRowValidator(job.mapping as Record<string, ImportField>, {
    now,
    today,
    comuni,
    companies,
    createCompanies: job.options.createCompanies === true,
  });
  await report('validating', 0, total, true);
  // Checking rows is CPU work on the server's one thread: it runs in slices of a few milliseconds
  // with a turn of the event loop between two, so other users' requests are served meanwhile.
  const slices = timeSlices();
  const results: ValidatedRow[] = [];
  for (let i = 0; i < dataRows.length; i++) {
    // Row numbers as the spreadsheet shows them: the header is row headerRow + 1.
    const rowNumber = headerRow + 2 + i;
    const long = tooLong.get(headerRow + 1 + i);
    const checked = validator.validate(dataRows[i]!, rowNumber);
    results.push(long ? withCellsTooLong(checked, long, job.mapping as Record<string, ImportField>, job.columns) : checked);
    if (i % 2000 === 1999) await report('validating', Math.floor((i + 1) / 2), total);
    if (slices.due()) await slices.yield();
  }

  // A company's workers need a CIGS case: one that the list's dates fall in, or one built from them.
  const valid = results.filter((r): r is Extract<ValidatedRow, { ok: true }> => r.ok);
  const plans = planCigsCases(
    valid.map((r) => r.worker),
    companies,
    today,
  );
  const caseless = (w: ImportedWorker) => {
    const ref = companyRefOf(w);
    const plan = ref ? plans.get(ref) : undefined;
    return plan && !plan.existingCaseId && !plan.create ? plan : undefined;
  };

  const existing = await workersByCodiceFiscale(
    db,
    scope.networkId,
    valid.map((r) => r.worker.codiceFiscale),
  );
  const counts: ImportCounts = { new: 0, update: 0, unchanged: 0, error: 0, companiesToCreate: validator.companiesToCreate().size };
  const storedOf = (r: ValidatedRow, i: number): StoredRow => {
    const cells = () => ({ cells: (dataRows[i] ?? []).map(cellText) });
    if (!r.ok) {
      counts.error++;
      return { rowNumber: r.rowNumber, outcome: 'error', label: r.label, errors: r.errors, data: cells() };
    }
    const noCase = caseless(r.worker);
    if (noCase) {
      counts.error++;
      return { rowNumber: r.rowNumber, outcome: 'error', label: r.label, errors: [periodMissingError(noCase)], data: cells() };
    }
    const outcome = outcomeOf(r.worker, existing.get(r.worker.codiceFiscale), plans);
    counts[outcome]++;
    return { rowNumber: r.rowNumber, outcome, label: r.label, errors: [], data: r.worker };
  };
  const stored: StoredRow[] = [];
  for (let i = 0; i < results.length; i++) {
    if (i % 5000 === 4999) void report('validating', Math.floor(total / 2 + (i + 1) / 2), total);
    stored.push(storedOf(results[i]!, i));
    if (slices.due()) await slices.yield();
  }
  await slices.yield();
  const notices = summarise(results, stored, total);

  await report('validating', total, total, true);
  // The rows are the job's own and read only once it is 'validated': on PGlite they are written in
  // short transactions (one of 100,000 rows would hold the only connection for seconds), and the
  // last step switches the job. A failure leaves the job failed; the next check replaces its rows.
  const mode = env.applyMode ?? defaultStepMode(env.kind);
  const batchRows = env.applyBatchRows ?? (mode === 'staged' ? STAGED_BATCH_ROWS : SINGLE_TRANSACTION_BATCH_ROWS);
  await inSteps(
    db,
    mode,
    async (step) => {
      while ((await step((trx) => repo.deleteRows(trx, job.id, batchRows))) > 0);
      await writeInSteps(step, stored, stepSizer(mode === 'staged', batchRows), (trx, part) => repo.insertRows(trx, job.id, part));
      await step(async (trx) => {
        await repo.finishDryRun(trx, job.id, { total, counts, notices }, clock());
        // The dry run reads workers' records to compare them: that read is audited (GDPR art. 30).
        await env.audit.record(trx, ctx, {
          action: 'import.dry_run',
          entityType: 'import_job',
          entityId: job.id,
          officeId: job.office_id,
          details: { ...counts },
        });
      });
    },
    async () => undefined,
  );
}

export const CELL_TOO_LONG = 'CELL_TOO_LONG';

/**
 * A row with a cell over MAX_CELL_CHARS is refused whatever else it holds: the cell was not read
 * (a name or a date is never that long), so the row cannot be trusted. The error names the
 * column as the file heads it; the field is the one the column is mapped to, if any.
 */
function withCellsTooLong(
  row: ValidatedRow,
  cells: readonly OversizedCell[],
  mapping: Record<string, ImportField>,
  columns: ReadonlyArray<{ index: number; header: string }>,
): ValidatedRow {
  const errors: RowError[] = cells.map((c) => {
    const header = columns.find((col) => col.index === c.column)?.header ?? `Colonna ${c.column + 1}`;
    return {
      field: mapping[String(c.column)] ?? `colonna ${c.column + 1}`,
      code: CELL_TOO_LONG,
      message: `Riga ${row.rowNumber}, colonna «${header.slice(0, 80)}» (${c.column + 1}ª): la cella ha ${c.length.toLocaleString('it-IT')} caratteri, oltre il limite di ${MAX_CELL_CHARS.toLocaleString('it-IT')}; la riga non è stata letta.`,
    };
  });
  if (row.ok) return { rowNumber: row.rowNumber, ok: false, errors, label: row.label };
  // "Nome: manca" would be wrong: the name was there, too long to be read.
  const fields = new Set(errors.map((e) => e.field));
  return { ...row, errors: [...errors, ...row.errors.filter((e) => !fields.has(e.field))] };
}

function periodMissingError(plan: CasePlan): RowError {
  const what = plan.missing.map((f) => IMPORT_FIELD_LABELS_IT[f].toLowerCase()).join(', ');
  return {
    field: plan.missing[0] ?? 'cigsEnd',
    code: CIGS_PERIOD_MISSING,
    message: `Periodo CIGS: l’azienda «${plan.companyName}» non ne ha uno registrato che comprenda queste date e il file non dà ${what} per crearlo.`,
  };
}

function outcomeOf(
  w: ImportedWorker,
  existing: ImportExistingWorker | undefined,
  plans: Map<string, CasePlan>,
): ImportOutcome & ('new' | 'update' | 'unchanged') {
  if (!existing) return 'new';
  if (w.companyKey) return 'update'; // its company is created by this import: the link changes
  const plan = w.companyId ? plans.get(w.companyId) : undefined;
  if (plan?.create) return 'update'; // a new CIGS case is built for it
  const { changed } = mergeWorker(existing, w, plan ? plan.existingCaseId : undefined);
  return changed.length ? 'update' : 'unchanged';
}

/** Below this many rows a repeated problem is left to the rows themselves. */
const NOTICE_MIN_ROWS = 5;

/**
 * File-wide problems said once, instead of on every row: the companies nobody registered
 * ("4 aziende non registrate: …"), the companies without a CIGS period, and a problem shared by
 * most rows (a column of dates in another format, a column mapped to the wrong field).
 */
function summarise(results: readonly ValidatedRow[], stored: readonly StoredRow[], total: number): ImportNotice[] {
  const notices: ImportNotice[] = [];
  const byCompany = (code: string) => {
    const companies = new Map<string, number>();
    let rows = 0;
    stored.forEach((s, i) => {
      if (!s.errors.some((e) => e.code === code)) return;
      const r = results[i]!;
      const name = r.ok ? (r.worker.companyName ?? '') || '—' : (r.companyName ?? '—');
      companies.set(name, (companies.get(name) ?? 0) + 1);
      rows++;
    });
    return { companies, rows };
  };
  const list = (m: Map<string, number>) => [...m].map(([name, n]) => `${name} (${n} ${n === 1 ? 'riga' : 'righe'})`).join(', ');

  const unknown = byCompany(COMPANY_UNKNOWN);
  if (unknown.rows > 0) {
    const n = unknown.companies.size;
    notices.push({
      code: COMPANY_UNKNOWN,
      rows: unknown.rows,
      message: `${n} ${n === 1 ? 'azienda non registrata' : 'aziende non registrate'}: ${list(unknown.companies)}. Registrarle prima o scegliere «crea le aziende mancanti».`,
    });
  }
  const noPeriod = byCompany(CIGS_PERIOD_MISSING);
  if (noPeriod.rows > 0) {
    const n = noPeriod.companies.size;
    notices.push({
      code: CIGS_PERIOD_MISSING,
      rows: noPeriod.rows,
      message: `${n} ${n === 1 ? 'azienda senza' : 'aziende senza'} periodo CIGS: ${list(noPeriod.companies)}. Registrare il periodo CIGS dell’azienda o indicare nel file data di inizio, data di fine e causale.`,
    });
  }
  const shared = new Map<string, { field: string; code: string; rows: number }>();
  for (const s of stored) {
    for (const e of s.errors) {
      if (e.code === COMPANY_UNKNOWN || e.code === CIGS_PERIOD_MISSING) continue;
      const key = `${e.field}:${e.code}`;
      const entry = shared.get(key) ?? { field: e.field, code: e.code, rows: 0 };
      entry.rows++;
      shared.set(key, entry);
    }
  }
  for (const e of shared.values()) {
    if (e.rows < NOTICE_MIN_ROWS || e.rows * 2 < total) continue;
    const label = IMPORT_FIELD_LABELS_IT[e.field as ImportField] ?? e.field;
    notices.push({
      code: e.code,
      rows: e.rows,
      message: `«${label}»: ${e.rows} righe su ${total} con lo stesso problema (${e.code}). Controllare l’associazione della colonna o il suo formato.`,
    });
  }
  return notices;
}
