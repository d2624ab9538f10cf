import { sql, type RawBuilder } from 'kysely';
import type { WorkerColumns } from './worker-diff.js';
import type { Executor } from '../db/executor.js';
import type { ImportOutcome } from '../db/schema-imports.js';
import type { CompanyRef, ComuneRef } from './row-validator.js';

/** Rows per statement: every column travels as one array parameter (unnest), so this only bounds memory. */
export const BATCH_ROWS = 5_000;

export interface UnnestColumn<R> {
  name: string;
  type: 'text' | 'uuid' | 'date' | 'int' | 'jsonb';
  value: (row: R) => unknown;
}

export function batches<T>(rows: readonly T[], size = BATCH_ROWS): T[][] {
  const out: T[][] = [];
  for (let at = 0; at < rows.length; at += size) out.push(rows.slice(at, at + size));
  return out;
}

function arrays<R>(columns: ReadonlyArray<UnnestColumn<R>>, rows: readonly R[]): RawBuilder<unknown>[] {
  return columns.map((c) => {
    const values = rows.map((r) => {
      const v = c.value(r);
      return c.type === 'jsonb' && v !== null && v !== undefined ? JSON.stringify(v) : (v ?? null);
    });
    return sql`${values}::${sql.raw(c.type)}[]`;
  });
}

/** Multi-row INSERT … SELECT FROM unnest(…): one statement per batch, the same on PostgreSQL and PGlite. */
export async function insertMany<R>(executor: Executor, table: string, columns: ReadonlyArray<UnnestColumn<R>>, rows: readonly R[]) {
  for (const batch of batches(rows)) {
    const names = sql.join(columns.map((c) => sql.ref(c.name)));
    await sql`insert into ${sql.table(table)} (${names}) select * from unnest(${sql.join(arrays(columns, batch))})`.execute(executor);
  }
}

/** UPDATE … FROM unnest(…) keyed by the first column (id). */
export async function updateMany<R>(executor: Executor, table: string, columns: ReadonlyArray<UnnestColumn<R>>, rows: readonly R[]) {
  const [key, ...rest] = columns;
  for (const batch of batches(rows)) {
    const sets = sql.join(rest.map((c) => sql`${sql.ref(c.name)} = v.${sql.ref(c.name)}`));
    const names = sql.join(columns.map((c) => sql.ref(c.name)));
    await sql`update ${sql.table(table)} as t set ${sets}, updated_at = now()
      from unnest(${sql.join(arrays(columns, batch))}) as v(${names})
      where t.${sql.ref(key!.name)} = v.${sql.ref(key!.name)}`.execute(executor);
  }
}

/** A worker already on record, as the importer compares it with a row of the file. */
export interface ExistingWorker extends WorkerColumns {
  id: string;
  office_id: string;
  codice_fiscale: string;
}

export interface CompanyWithCase extends CompanyRef {
  currentCaseId: string | null;
}

export function createImportsRepository() {
  return {
    async comuni(executor: Executor): Promise<ComuneRef[]> {
      const rows = await executor.selectFrom('taxonomy_comuni').select(['istat_code', 'name', 'province']).execute();
      return rows.map((r) => ({ istatCode: r.istat_code, name: r.name, province: r.province }));
    },

    /**
     * Companies of the network with their current CIGS case: the one running on `today`, else the
     * one that ended last (a list sent after the end date still belongs to that episode).
     */
    async companies(executor: Executor, networkId: string, today: string): Promise<CompanyWithCase[]> {
      const companies = await executor
        .selectFrom('companies')
        .select(['id', 'name', 'vat_number', 'tax_code'])
        .where('network_id', '=', networkId)
        .execute();
      const cases = companies.length
        ? await executor
            .selectFrom('cigs_cases')
            .select(['id', 'company_id', 'start_date', 'end_date'])
            .where('company_id', 'in', companies.map((c) => c.id))
            .execute()
        : [];
      const current = new Map<string, { id: string; running: boolean; end: string }>();
      for (const c of cases) {
        const running = c.start_date <= today && c.end_date >= today;
        const prev = current.get(c.company_id);
        if (!prev || (running && !prev.running) || (running === prev.running && c.end_date > prev.end)) {
          current.set(c.company_id, { id: c.id, running, end: c.end_date });
        }
      }
      return companies.map((c) => ({
        id: c.id,
        name: c.name,
        vatNumber: c.vat_number,
        taxCode: c.tax_code,
        currentCaseId: current.get(c.id)?.id ?? null,
      }));
    },

    async workersByCodes(executor: Executor, networkId: string, codes: readonly string[]): Promise<Map<string, ExistingWorker>> {
      const found = new Map<string, ExistingWorker>();
      for (const batch of batches(codes)) {
        const rows = await executor
          .selectFrom('workers')
          .select(['id', 'office_id', 'codice_fiscale', 'first_name', 'last_name', 'birth_date', 'sex', 'birth_place_code', 'residence_comune_code', 'address', 'phone', 'email', 'cigs_case_id', 'cigs_end_date'])
          .where('network_id', '=', networkId)
          .where(sql<boolean>`codice_fiscale = any(${batch}::text[])`)
          .execute();
        for (const r of rows) found.set(r.codice_fiscale!, r as ExistingWorker);
      }
      return found;
    },

    async replaceRows(
      executor: Executor,
      jobId: string,
      rows: ReadonlyArray<{ rowNumber: number; outcome: ImportOutcome; label: string; errors: unknown[]; data: unknown }>,
    ) {
      await executor.deleteFrom('import_rows').where('job_id', '=', jobId).execute();
      await insertMany(executor, 'import_rows', [
        { name: 'job_id', type: 'uuid', value: () => jobId },
        { name: 'row_number', type: 'int', value: (r) => r.rowNumber },
        { name: 'outcome', type: 'text', value: (r) => r.outcome },
        { name: 'label', type: 'text', value: (r) => r.label },
        { name: 'errors', type: 'jsonb', value: (r) => r.errors },
        { name: 'data', type: 'jsonb', value: (r) => r.data },
      ], rows);
    },

    async rowsPage(executor: Executor, jobId: string, outcome: ImportOutcome | undefined, page: number, pageSize: number) {
      let q = executor.selectFrom('import_rows').where('job_id', '=', jobId);
      if (outcome) q = q.where('outcome', '=', outcome);
      const [{ total }] = (await q.select((eb) => eb.fn.countAll<number>().as('total')).execute()) as [{ total: number }];
      const items = await q
        .select(['row_number', 'outcome', 'label', 'errors'])
        .orderBy('row_number')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute();
      return { total: Number(total), items };
    },

    async rowsToApply(executor: Executor, jobId: string) {
      return executor
        .selectFrom('import_rows')
        .select(['row_number', 'data'])
        .where('job_id', '=', jobId)
        .where('outcome', '!=', 'error')
        .orderBy('row_number')
        .execute();
    },
  };
}

export type ImportsRepository = ReturnType<typeof createImportsRepository>;
