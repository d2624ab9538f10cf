import { sql } from 'kysely';
import type { Executor } from '../db/executor.js';
import { containsPattern } from '../db/like.js';
import type { CigsReason, CompanyContact } from '../db/schema-companies.js';
import type { CigsCase, CompanySummary } from '../../shared/schemas/companies.schema.js';

export interface CompanyRow {
  id: string;
  network_id: string;
  name: string;
  tax_code: string | null;
  vat_number: string | null;
  ateco_code: string | null;
  address: string;
  postal_code: string;
  comune_code: string | null;
  phone: string;
  email: string;
  pec: string;
  contacts: CompanyContact[];
  notes: string;
}

export interface CompanyValues {
  name?: string;
  taxCode?: string | null;
  vatNumber?: string | null;
  atecoCode?: string | null;
  address?: string;
  postalCode?: string;
  comuneCode?: string | null;
  phone?: string;
  email?: string;
  pec?: string;
  contacts?: CompanyContact[];
  notes?: string;
}

export interface CigsValues {
  reason?: CigsReason;
  authorisationRef?: string;
  startDate?: string;
  endDate?: string;
  workersInvolved?: number | null;
  notes?: string;
}

const companyColumns = {
  name: 'name',
  taxCode: 'tax_code',
  vatNumber: 'vat_number',
  atecoCode: 'ateco_code',
  address: 'address',
  postalCode: 'postal_code',
  comuneCode: 'comune_code',
  phone: 'phone',
  email: 'email',
  pec: 'pec',
  notes: 'notes',
} as const;

const cigsColumns = {
  reason: 'reason',
  authorisationRef: 'authorisation_ref',
  startDate: 'start_date',
  endDate: 'end_date',
  workersInvolved: 'workers_involved',
  notes: 'notes',
} as const;

function toSet(values: object, columns: Record<string, string>): Record<string, unknown> {
  const set: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(columns)) {
    const value = (values as Record<string, unknown>)[key];
    if (value !== undefined) set[column] = value;
  }
  return set;
}

export function createCompanyRepository() {
  return {
    /**
     * The network's companies with their CIGS cases' ids, next end and reasons. The comune's name
     * and the number of workers come from taxonomy and people, merged by the service.
     */
    async list(executor: Executor, networkId: string, q: string | undefined) {
      let query = executor
        .selectFrom('companies as c')
        .select([
          'c.id',
          'c.name',
          'c.tax_code',
          'c.comune_code',
          sql<string[]>`coalesce((select array_agg(cc.id) from cigs_cases cc where cc.company_id = c.id), '{}')`.as('case_ids'),
          sql<string | null>`(select min(cc.end_date)::text from cigs_cases cc where cc.company_id = c.id)`.as('next_end'),
          sql<string[]>`coalesce((select array_agg(distinct cc.reason) from cigs_cases cc where cc.company_id = c.id), '{}')`.as('reasons'),
        ])
        .where('c.network_id', '=', networkId);
      if (q)
        query = query.where((eb) => eb.or([eb(sql`lower(c.name)`, 'like', containsPattern(q)), eb('c.tax_code', '=', q.toUpperCase())]));
      const rows = await query
        .orderBy(sql`lower(c.name)`)
        .limit(500)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        taxCode: r.tax_code,
        comuneCode: r.comune_code,
        caseIds: r.case_ids,
        nextCigsEnd: r.next_end,
        reasons: r.reasons as CompanySummary['reasons'],
      }));
    },

    async findById(executor: Executor, id: string): Promise<CompanyRow | undefined> {
      return executor.selectFrom('companies').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async taxCodeUsed(executor: Executor, networkId: string, taxCode: string, exceptId?: string): Promise<boolean> {
      let q = executor.selectFrom('companies').select('id').where('network_id', '=', networkId).where('tax_code', '=', taxCode);
      if (exceptId) q = q.where('id', '<>', exceptId);
      return (await q.executeTakeFirst()) !== undefined;
    },

    async insert(executor: Executor, networkId: string, values: CompanyValues & { name: string }, now: Date): Promise<string> {
      const row = await executor
        .insertInto('companies')
        .values({
          ...(toSet(values, companyColumns) as { name: string }),
          network_id: networkId,
          contacts: JSON.stringify(values.contacts ?? []),
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async update(executor: Executor, id: string, values: CompanyValues, now: Date): Promise<void> {
      const set: Record<string, unknown> = { ...toSet(values, companyColumns), updated_at: now };
      if (values.contacts !== undefined) set.contacts = JSON.stringify(values.contacts);
      await executor.updateTable('companies').set(set).where('id', '=', id).execute();
    },

    /** A company's CIGS cases, newest first; `workersLinked` is the count people reports per case. */
    async cigsCases(
      executor: Executor,
      companyId: string,
      workersLinked: (caseIds: string[]) => Promise<Map<string, number>>,
    ): Promise<CigsCase[]> {
      const rows = await executor
        .selectFrom('cigs_cases as cc')
        .selectAll('cc')
        .where('cc.company_id', '=', companyId)
        .orderBy('cc.start_date', 'desc')
        .execute();
      const linked = await workersLinked(rows.map((r) => r.id));
      return rows.map((r) => ({
        id: r.id,
        companyId: r.company_id,
        reason: r.reason,
        authorisationRef: r.authorisation_ref,
        startDate: r.start_date,
        endDate: r.end_date,
        workersInvolved: r.workers_involved,
        workersLinked: linked.get(r.id) ?? 0,
        notes: r.notes,
      }));
    },

    async findCigsCase(executor: Executor, id: string) {
      return executor
        .selectFrom('cigs_cases as cc')
        .innerJoin('companies as c', 'c.id', 'cc.company_id')
        .select(['cc.id', 'cc.company_id', 'cc.start_date', 'cc.end_date', 'cc.reason', 'c.network_id'])
        .where('cc.id', '=', id)
        .executeTakeFirst();
    },

    async insertCigsCase(
      executor: Executor,
      companyId: string,
      values: CigsValues & { reason: CigsReason; startDate: string; endDate: string },
      now: Date,
    ) {
      const row = await executor
        .insertInto('cigs_cases')
        .values({
          ...(toSet(values, cigsColumns) as { reason: CigsReason; start_date: string; end_date: string }),
          company_id: companyId,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async updateCigsCase(executor: Executor, id: string, values: CigsValues, now: Date) {
      await executor
        .updateTable('cigs_cases')
        .set({ ...toSet(values, cigsColumns), updated_at: now })
        .where('id', '=', id)
        .execute();
    },

    async caseIdsOfCompany(executor: Executor, companyId: string): Promise<string[]> {
      const rows = await executor.selectFrom('cigs_cases').select('id').where('company_id', '=', companyId).execute();
      return rows.map((r) => r.id);
    },
  };
}

export type CompanyRepository = ReturnType<typeof createCompanyRepository>;
