import type { SelectQueryBuilder } from 'kysely';
import type { Executor } from '../db/executor.js';
import type { DB } from '../db/schema.js';

/**
 * A sub-query of worker ids another domain owns the rule of (an open enrolment, a delivered
 * service), composed into one statement here: `where('w.id', 'in', …)`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type WorkerIdsQuery = SelectQueryBuilder<DB, any, { worker_id: string }>;

export interface SelectedWorker {
  id: string;
  firstName: string;
  lastName: string;
  codiceFiscale: string | null;
  cigsCaseId: string | null;
}

/**
 * The workers of one office chosen by rules of other domains (workshop invitations: everyone with
 * an open enrolment from one company's CIGS cases; everyone without a service yet), surname first.
 */
export async function officeWorkersWhere(
  db: Executor,
  p: {
    officeId: string;
    cigsCaseIds?: readonly string[];
    in?: readonly WorkerIdsQuery[];
    notIn?: readonly WorkerIdsQuery[];
    limit: number;
  },
): Promise<SelectedWorker[]> {
  if (p.cigsCaseIds && p.cigsCaseIds.length === 0) return [];
  let q = db
    .selectFrom('workers as w')
    .select(['w.id', 'w.first_name', 'w.last_name', 'w.codice_fiscale', 'w.cigs_case_id'])
    .where('w.office_id', '=', p.officeId);
  if (p.cigsCaseIds) q = q.where('w.cigs_case_id', 'in', [...new Set(p.cigsCaseIds)]);
  for (const sub of p.in ?? []) q = q.where('w.id', 'in', sub);
  for (const sub of p.notIn ?? []) q = q.where('w.id', 'not in', sub);
  const rows = await q.orderBy('w.search_name').orderBy('w.id').limit(p.limit).execute();
  return rows.map((r) => ({
    id: r.id,
    firstName: r.first_name,
    lastName: r.last_name,
    codiceFiscale: r.codice_fiscale,
    cigsCaseId: r.cigs_case_id,
  }));
}

/** The CIGS cases of an office's workers (those of `in`, when given), with how many: the companies a selection can name. */
export async function cigsCasesOfOfficeWorkers(
  db: Executor,
  p: { officeId: string; in?: readonly WorkerIdsQuery[] },
): Promise<Map<string, number>> {
  let q = db
    .selectFrom('workers as w')
    .select(['w.cigs_case_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('w.office_id', '=', p.officeId)
    .where('w.cigs_case_id', 'is not', null);
  for (const sub of p.in ?? []) q = q.where('w.id', 'in', sub);
  const rows = await q.groupBy('w.cigs_case_id').execute();
  return new Map(rows.map((r) => [r.cigs_case_id!, Number(r.n)]));
}
