import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../auth/index.js';
import { companiesForImport, createImportedCigsCase, createImportedCompany } from '../companies/index.js';
import { isUniqueViolation } from '../db/errors.js';
import type { ImportCounts } from '../db/schema-imports.js';
import {
  addImportedPhones,
  appendWorkerEvents,
  insertImportedWorkers,
  updateImportedWorkers,
  workersByCodiceFiscale,
  type ImportWorkerRow,
} from '../people/index.js';
import { romeToday } from '../../shared/time/rome-date.js';
import { companyRefOf, planCigsCases } from './cigs-periods.js';
import { importErrors } from './imports.errors.js';
import type { ImportJobRow } from './imports.repository.js';
import type { ImportEnv, ImportScope } from './imports.types.js';
import type { ImportedWorker } from './row-validator.js';
import { mergeWorker, newWorkerColumns } from './worker-diff.js';

type EventRow = { workerId: string; officeId: string; kind: string; actorId: string | null; details: Record<string, unknown> };

/**
 * The apply: one transaction for the whole file (all or nothing), or for its valid rows when the
 * operator chose "importa solo le righe valide". Companies, their CIGS cases and the workers are
 * written through the owners' published functions, inside this one transaction. Workers are
 * matched again by codice fiscale inside it, so what changed since the dry run is taken into
 * account and a re-import of the same data writes nothing.
 */
export async function runApply(env: ImportEnv, ctx: RequestContext, scope: ImportScope, job: ImportJobRow) {
  const { db, repo, board, clock, kind } = env;
  const now = clock();
  const today = romeToday(now);
  // Read before the transaction opens (PGlite is one connection: see docs/ARCHITECTURE.md).
  const stored = await repo.rowsToApply(db, job.id);
  const rows = stored.map((r) => ({ rowNumber: r.row_number, worker: r.data as unknown as ImportedWorker }));
  const refused = job.counts.error ?? 0;
  const total = rows.length;
  const persistInside = kind === 'postgres';
  const report = (processed: number, force = false) => board.report(job.id, { phase: 'applying', processed, total }, persistInside, force);
  await board.report(job.id, { phase: 'applying', processed: 0, total }, true, true);
  const target = { networkId: scope.networkId, officeId: job.office_id };

  try {
    return await db.transaction().execute(async (trx) => {
      // No row lock on the job: progress is written to it from outside this transaction (PostgreSQL),
      // and the conditional 'validated' → 'applying' update already lets only one apply start.
      const companyIds = await createCompanies(
        trx,
        scope.networkId,
        rows.map((r) => r.worker),
        now,
      );
      const workers = rows.map((r) => ({ ...r, worker: withCompanyId(r.worker, companyIds) }));
      const companies = await companiesForImport(trx, scope.networkId);
      const plans = planCigsCases(
        workers.map((r) => r.worker),
        companies,
        today,
      );
      const caseOf = new Map<string, string>();
      for (const plan of plans.values()) {
        if (plan.existingCaseId) caseOf.set(plan.company, plan.existingCaseId);
        else if (plan.create)
          caseOf.set(
            plan.company,
            (await createImportedCigsCase(trx, plan.company, { ...plan.create, workersInvolved: plan.create.workers }, now)).id,
          );
      }
      const existing = await workersByCodiceFiscale(
        trx,
        scope.networkId,
        workers.map((r) => r.worker.codiceFiscale),
      );

      const inserts: ImportWorkerRow[] = [];
      const updates: ImportWorkerRow[] = [];
      const phones: Array<{ workerId: string; officeId: string; phone: string }> = [];
      const events: EventRow[] = [];
      const links: Array<{ rowNumber: number; workerId: string }> = [];
      let unchanged = 0;
      const event = (workerId: string, officeId: string, details: Record<string, unknown>) =>
        events.push({ workerId, officeId, kind: 'worker.imported', actorId: scope.userId, details: { importId: job.id, ...details } });
      for (const { rowNumber, worker } of workers) {
        const ref = companyRefOf(worker);
        const caseId = ref ? (caseOf.get(ref) ?? null) : undefined;
        const found = existing.get(worker.codiceFiscale);
        if (!found) {
          const row = { id: randomUUID(), codice_fiscale: worker.codiceFiscale, ...newWorkerColumns(worker, caseId ?? null) };
          inserts.push(row);
          links.push({ rowNumber, workerId: row.id });
          event(row.id, target.officeId, { rowNumber, outcome: 'created' });
          continue;
        }
        links.push({ rowNumber, workerId: found.id });
        const { next, changed, extraPhone } = mergeWorker(found, worker, caseId);
        if (!changed.length) {
          unchanged++;
          continue;
        }
        if (extraPhone) phones.push({ workerId: found.id, officeId: found.office_id, phone: extraPhone });
        updates.push({ id: found.id, codice_fiscale: worker.codiceFiscale, ...next });
        event(found.id, found.office_id, { rowNumber, outcome: 'updated', fields: changed });
      }

      let done = 0;
      const progress = async (n: number) => {
        done += n;
        await report(done);
      };
      await insertImportedWorkers(trx, target, inserts, progress);
      await updateImportedWorkers(trx, updates, progress);
      await addImportedPhones(trx, phones, ctx.actor?.userId ?? null, now);
      await appendWorkerEvents(trx, events);
      await repo.setRowWorkers(trx, job.id, links);

      const result: ImportCounts = {
        new: inserts.length,
        update: updates.length,
        unchanged,
        error: refused,
        companiesToCreate: companyIds.size,
      };
      await repo.finishApply(trx, job.id, { total: total + refused, counts: result }, clock());
      await env.audit.record(trx, ctx, {
        action: 'import.applied',
        entityType: 'import_job',
        entityId: job.id,
        officeId: target.officeId,
        details: { fileName: job.file_name, checksum: job.checksum, ...result, refused, validOnly: refused > 0 },
      });
      return result;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw importErrors.alreadyApplied(clock());
    throw err;
  }
}

const withCompanyId = (w: ImportedWorker, created: Map<string, string>): ImportedWorker =>
  w.companyKey && created.has(w.companyKey) ? { ...w, companyId: created.get(w.companyKey)!, companyKey: undefined } : w;

/** Creates, once each, the companies an import with "crea le aziende mancanti" names. */
async function createCompanies(
  trx: Parameters<typeof createImportedCompany>[0],
  networkId: string,
  workers: readonly ImportedWorker[],
  now: Date,
): Promise<Map<string, string>> {
  const wanted = new Map<string, { name: string; vatNumber: string | null }>();
  for (const w of workers) {
    if (w.companyKey && !wanted.has(w.companyKey))
      wanted.set(w.companyKey, { name: (w.companyName ?? '').replace(/\s+/g, ' '), vatNumber: w.companyVat ?? null });
  }
  const ids = new Map<string, string>();
  for (const [key, company] of wanted) ids.set(key, await createImportedCompany(trx, networkId, company, now));
  return ids;
}
