import type { Kysely } from 'kysely';
import type { DB } from '../../src/server/db/schema.js';
import type { CigsReason } from '../../src/server/db/schema-companies.js';

/** Test factories with overrides: a crisis company with its CIGS case, workers, a programme. */

export async function buildCigsCase(
  db: Kysely<DB>,
  networkId: string,
  o: { reason?: CigsReason; start?: string; end?: string; companyName?: string } = {},
): Promise<{ companyId: string; caseId: string }> {
  const company = await db
    .insertInto('companies')
    .values({ network_id: networkId, name: o.companyName ?? `Ceramiche Test ${Math.random().toString(36).slice(2, 7)}`, contacts: '[]' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const cigs = await db
    .insertInto('cigs_cases')
    .values({
      company_id: company.id,
      reason: o.reason ?? 'cessazione_attivita',
      start_date: o.start ?? '2020-01-01',
      end_date: o.end ?? '2099-12-31',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { companyId: company.id, caseId: cigs.id };
}

/** Inserts `count` workers in one statement; cigsEnd may be a function of the index. */
export async function buildWorkers(
  db: Kysely<DB>,
  o: {
    networkId: string;
    officeId: string;
    caseId: string | null;
    count?: number;
    cigsEnd?: string | null | ((i: number) => string | null);
    lastName?: string;
  },
): Promise<string[]> {
  const count = o.count ?? 1;
  const rows = Array.from({ length: count }, (_, i) => {
    const last = `${o.lastName ?? 'Rossi'}${count > 1 ? ` ${String(i).padStart(4, '0')}` : ''}`;
    return {
      network_id: o.networkId,
      office_id: o.officeId,
      first_name: 'Mario',
      last_name: last,
      search_name: `${last} mario`.toLowerCase(),
      cigs_case_id: o.caseId,
      cigs_end_date: typeof o.cigsEnd === 'function' ? o.cigsEnd(i) : o.cigsEnd === undefined ? '2099-06-30' : o.cigsEnd,
    };
  });
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const inserted = await db
      .insertInto('workers')
      .values(rows.slice(i, i + 1000))
      .returning('id')
      .execute();
    ids.push(...inserted.map((r) => r.id));
  }
  return ids;
}

export async function buildProgramme(
  db: Kysely<DB>,
  o: {
    networkId: string;
    officeIds: string[];
    capacity?: number;
    status?: 'draft' | 'open' | 'closed';
    code?: string;
    eligibleReasons?: string[];
  },
): Promise<string> {
  const p = await db
    .insertInto('programmes')
    .values({
      network_id: o.networkId,
      code: o.code ?? `P-${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
      name: 'Programma di prova',
      starts_on: '2024-01-01',
      capacity: o.capacity ?? 10,
      status: o.status ?? 'open',
      ...(o.eligibleReasons && { eligible_reasons: o.eligibleReasons }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('programme_offices')
    .values(o.officeIds.map((office_id) => ({ programme_id: p.id, office_id })))
    .execute();
  return p.id;
}

export async function networkOf(db: Kysely<DB>, officeId: string): Promise<string> {
  return (await db.selectFrom('offices').select('network_id').where('id', '=', officeId).executeTakeFirstOrThrow()).network_id;
}
