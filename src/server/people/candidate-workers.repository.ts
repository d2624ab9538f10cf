import { sql, type SqlBool } from 'kysely';
import type { Executor } from '../db/executor.js';
import type { WorkerIdsQuery } from './office-selection.repository.js';

/**
 * The people side of the candidate search (matching, issue 12): the workers of some offices of a
 * network (or of all of it) living in some comuni, each with the comune they live in, as a
 * sub-query the profiles' query composes and joins to the distances (indexes
 * workers_office_comune_idx and workers_network_comune_idx, migration 0039); and the page of
 * workers found, by id. The comuni are one array parameter (`= any`), not one parameter each: the
 * search by each worker's own commute passes a few hundred.
 */
export function candidateWorkerPlaces(
  db: Executor,
  p: { networkId: string; officeIds: readonly string[] | null; comuneCodes: readonly string[] | null; in?: readonly WorkerIdsQuery[] },
) {
  let q = db
    .selectFrom('workers as w')
    .select(['w.id as worker_id', 'w.residence_comune_code as comune_code'])
    .where('w.network_id', '=', p.networkId);
  if (p.officeIds) q = q.where('w.office_id', 'in', p.officeIds.length > 0 ? [...p.officeIds] : ['00000000-0000-0000-0000-000000000000']);
  if (p.comuneCodes) q = q.where(sql<SqlBool>`w.residence_comune_code = any(${[...p.comuneCodes]}::text[])`);
  for (const sub of p.in ?? []) q = q.where('w.id', 'in', sub);
  return q;
}

export interface CandidateWorker {
  id: string;
  networkId: string;
  officeId: string;
  firstName: string;
  lastName: string;
  phone: string | null;
  email: string | null;
  residenceComuneCode: string | null;
  /** workers.effective_cigs_end: the worker's own CIGS end, else their case's (migration 0009). */
  cigsEnd: string | null;
}

/** A page of candidates by id, in one query (no N+1). */
export async function candidateWorkersByIds(db: Executor, ids: readonly string[]): Promise<Map<string, CandidateWorker>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('workers')
    .select(['id', 'network_id', 'office_id', 'first_name', 'last_name', 'phone', 'email', 'residence_comune_code', 'effective_cigs_end'])
    .where('id', 'in', unique)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        networkId: r.network_id,
        officeId: r.office_id,
        firstName: r.first_name,
        lastName: r.last_name,
        phone: r.phone,
        email: r.email,
        residenceComuneCode: r.residence_comune_code,
        cigsEnd: r.effective_cigs_end,
      },
    ]),
  );
}
