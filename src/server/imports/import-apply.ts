import { isUniqueViolation } from '../db/errors.js';
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { RequestContext } from '../auth/index.js';
import type { Executor } from '../db/executor.js';
import type { CigsReason } from '../db/schema-companies.js';
import type { ImportCounts, ImportJobsTable } from '../db/schema-imports.js';
import { importErrors } from './imports.errors.js';
import { batches, insertMany, updateMany, type UnnestColumn } from './imports.repository.js';
import type { ImportedWorker } from './row-validator.js';
import { mergeWorker, newWorkerColumns, searchName, type WorkerColumns } from './worker-diff.js';
import type { ImportEnv, ImportScope } from './imports.service.js';

type WorkerRow = WorkerColumns & { id: string; codice_fiscale: string };
type EventRow = { workerId: string; officeId: string; details: Record<string, unknown> };

const WORKER_COLUMNS: ReadonlyArray<UnnestColumn<WorkerRow>> = [
  { name: 'id', type: 'uuid', value: (r) => r.id },
  { name: 'first_name', type: 'text', value: (r) => r.first_name },
  { name: 'last_name', type: 'text', value: (r) => r.last_name },
  { name: 'search_name', type: 'text', value: (r) => searchName(r.last_name, r.first_name) },
  { name: 'birth_date', type: 'date', value: (r) => r.birth_date },
  { name: 'sex', type: 'text', value: (r) => r.sex },
  { name: 'birth_place_code', type: 'text', value: (r) => r.birth_place_code },
  { name: 'residence_comune_code', type: 'text', value: (r) => r.residence_comune_code },
  { name: 'address', type: 'text', value: (r) => r.address },
  { name: 'phone', type: 'text', value: (r) => r.phone },
  { name: 'email', type: 'text', value: (r) => r.email },
  { name: 'cigs_case_id', type: 'uuid', value: (r) => r.cigs_case_id },
  { name: 'cigs_end_date', type: 'date', value: (r) => r.cigs_end_date },
];

/**
 * The apply: one transaction for the whole file (all or nothing). Workers are matched again by
 * codice fiscale inside the transaction, so what changed since the dry run is taken into account
 * and a re-import of the same data writes nothing.
 */
export async function runApply(env: ImportEnv, ctx: RequestContext, scope: ImportScope, job: Selectable<ImportJobsTable>) {
  const { db, repo, board, clock, kind } = env;
  const todayIso = clock().toISOString().slice(0, 10);
  // Read before the transaction opens (PGlite is one connection: see docs/ARCHITECTURE.md).
  const stored = await repo.rowsToApply(db, job.id);
  const rows = stored.map((r) => ({ rowNumber: r.row_number, worker: r.data as unknown as ImportedWorker }));
  const total = rows.length;
  const persistInside = kind === 'postgres';
  const report = (processed: number, force = false) => board.report(job.id, { phase: 'applying', processed, total }, persistInside, force);
  await board.report(job.id, { phase: 'applying', processed: 0, total }, true, true);

  try {
    const counts = await db.transaction().execute(async (trx) => {
      // No row lock on the job: progress is written to it from outside this transaction (PostgreSQL),
      // and the conditional 'validated' → 'applying' update already lets only one apply start.
      const companyIds = await createCompanies(trx, scope.networkId, rows.map((r) => r.worker));
      const companies = await repo.companies(trx, scope.networkId, todayIso);
      const caseOf = new Map(companies.map((c) => [c.id, c.currentCaseId]));
      const existing = await repo.workersByCodes(trx, scope.networkId, rows.map((r) => r.worker.codiceFiscale));

      const inserts: WorkerRow[] = [];
      const updates: WorkerRow[] = [];
      const events: EventRow[] = [];
      let unchanged = 0;
      for (const { rowNumber, worker } of rows) {
        const companyId = worker.companyId ?? (worker.companyKey ? companyIds.get(worker.companyKey) : undefined);
        const caseId = companyId ? (caseOf.get(companyId) ?? null) : undefined;
        const found = existing.get(worker.codiceFiscale);
        if (!found) {
          const row = { id: randomUUID(), codice_fiscale: worker.codiceFiscale, ...newWorkerColumns(worker, caseId ?? null) };
          inserts.push(row);
          events.push({ workerId: row.id, officeId: scope.officeId, details: { importId: job.id, rowNumber, outcome: 'created' } });
          continue;
        }
        const { next, changed } = mergeWorker(found, worker, caseId);
        if (!changed.length) {
          unchanged++;
          continue;
        }
        updates.push({ id: found.id, codice_fiscale: worker.codiceFiscale, ...next });
        events.push({ workerId: found.id, officeId: found.office_id, details: { importId: job.id, rowNumber, outcome: 'updated', fields: changed } });
      }

      let done = 0;
      for (const batch of batches(inserts)) {
        await insertMany(trx, 'workers', [
          ...WORKER_COLUMNS,
          { name: 'network_id', type: 'uuid', value: () => scope.networkId },
          { name: 'office_id', type: 'uuid', value: () => scope.officeId },
          { name: 'codice_fiscale', type: 'text', value: (r) => r.codice_fiscale },
        ], batch);
        done += batch.length;
        await report(done);
      }
      for (const batch of batches(updates)) {
        await updateMany(trx, 'workers', WORKER_COLUMNS, batch);
        done += batch.length;
        await report(done);
      }
      await insertMany(trx, 'worker_events', [
        { name: 'worker_id', type: 'uuid', value: (e: EventRow) => e.workerId },
        { name: 'office_id', type: 'uuid', value: (e) => e.officeId },
        { name: 'kind', type: 'text', value: () => 'worker.imported' },
        { name: 'actor_id', type: 'uuid', value: () => scope.userId },
        { name: 'details', type: 'jsonb', value: (e) => e.details },
      ], events);

      const result: ImportCounts = { new: inserts.length, update: updates.length, unchanged, error: 0, companiesToCreate: companyIds.size };
      // The file's bytes are dropped once applied (data minimisation); checksum and counts stay.
      await trx
        .updateTable('import_jobs')
        .set({ status: 'applied', phase: '', processed_rows: total, total_rows: total, counts: JSON.stringify(result), applied_at: clock(), file_data: null, updated_at: clock() })
        .where('id', '=', job.id)
        .execute();
      await env.audit.record(trx, ctx, { action: 'import.applied', entityType: 'import_job', entityId: job.id, officeId: scope.officeId, details: { fileName: job.file_name, checksum: job.checksum, ...result } });
      return result;
    });
    return counts;
  } catch (err) {
    if (isUniqueViolation(err)) throw importErrors.alreadyApplied(clock());
    throw err;
  }
}

/** Creates the companies an import with "crea le aziende mancanti" names, with a CIGS case when the rows give one. */
async function createCompanies(trx: Executor, networkId: string, workers: readonly ImportedWorker[]): Promise<Map<string, string>> {
  const wanted = new Map<string, { name: string; vat: string | null; start?: string; end?: string; reason?: CigsReason }>();
  for (const w of workers) {
    if (!w.companyKey) continue;
    const c = wanted.get(w.companyKey) ?? { name: w.companyName ?? '', vat: w.companyVat ?? null };
    if (w.cigsStart && (!c.start || w.cigsStart < c.start)) c.start = w.cigsStart;
    if (w.cigsEnd && (!c.end || w.cigsEnd > c.end)) c.end = w.cigsEnd;
    c.reason ??= w.cigsReason;
    wanted.set(w.companyKey, c);
  }
  const ids = new Map<string, string>();
  for (const [key, c] of wanted) {
    const company = await trx
      .insertInto('companies')
      .values({ network_id: networkId, name: c.name, vat_number: c.vat, tax_code: c.vat, notes: 'Creata da un’importazione di lavoratori.' })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(key, company.id);
    if (c.reason && c.start && c.end) {
      const count = workers.filter((w) => w.companyKey === key).length;
      await trx.insertInto('cigs_cases').values({ company_id: company.id, reason: c.reason, start_date: c.start, end_date: c.end, workers_involved: count }).execute();
    }
  }
  return ids;
}
