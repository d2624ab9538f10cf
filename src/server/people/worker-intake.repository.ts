import type { Executor } from '../db/executor.js';
import { searchNameOf } from './worker-names.js';

/**
 * What the hotline intake and the callback queue need from people's tables. Every write takes the
 * caller's transaction handle, so one call stays one transaction (the worker, the enrolment and the
 * call record commit or roll back together).
 */

export interface WorkerRef {
  id: string;
  networkId: string;
  officeId: string;
  cigsCaseId: string | null;
  firstName: string;
  lastName: string;
  phone: string | null;
  /** workers.effective_cigs_end: the worker's own CIGS end, else their case's (migration 0009). */
  cigsEnd: string | null;
}

const refColumns = ['id', 'network_id', 'office_id', 'cigs_case_id', 'first_name', 'last_name', 'phone', 'effective_cigs_end'] as const;
type RefRow = {
  id: string;
  network_id: string;
  office_id: string;
  cigs_case_id: string | null;
  first_name: string;
  last_name: string;
  phone: string | null;
  effective_cigs_end: string | null;
};
const toRef = (r: RefRow): WorkerRef => ({
  id: r.id,
  networkId: r.network_id,
  officeId: r.office_id,
  cigsCaseId: r.cigs_case_id,
  firstName: r.first_name,
  lastName: r.last_name,
  phone: r.phone,
  cigsEnd: r.effective_cigs_end,
});

/** A page of workers by id, in one query (no N+1): the caller merges them into its rows. */
export async function workerRefsByIds(db: Executor, ids: string[]): Promise<Map<string, WorkerRef>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('workers').select(refColumns).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, toRef(r)]));
}

/** The worker's birth date ('YYYY-MM-DD'), null when not recorded or the worker does not exist (a profile checks its dates against it). */
export async function workerBirthDate(db: Executor, id: string): Promise<string | null> {
  const row = await db.selectFrom('workers').select('birth_date').where('id', '=', id).executeTakeFirst();
  return row?.birth_date ?? null;
}

/** The worker of a network with this (normalised) codice fiscale: it is unique per network. */
export async function workerRefByCodiceFiscale(db: Executor, networkId: string, codiceFiscale: string): Promise<WorkerRef | undefined> {
  const row = await db
    .selectFrom('workers')
    .select(refColumns)
    .where('network_id', '=', networkId)
    .where('codice_fiscale', '=', codiceFiscale)
    .executeTakeFirst();
  return row && toRef(row);
}

export interface NewWorkerValues {
  networkId: string;
  officeId: string;
  firstName: string;
  lastName: string;
  /** E.164 */
  phone: string | null;
  codiceFiscale: string | null;
  birthDate: string | null;
}

/** Creates a worker inside the caller's transaction; the name search key is the one definition (searchNameOf). */
export async function insertWorker(trx: Executor, v: NewWorkerValues): Promise<string> {
  const row = await trx
    .insertInto('workers')
    .values({
      network_id: v.networkId,
      office_id: v.officeId,
      first_name: v.firstName,
      last_name: v.lastName,
      search_name: searchNameOf(v.firstName, v.lastName),
      phone: v.phone,
      codice_fiscale: v.codiceFiscale,
      birth_date: v.birthDate,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Keeps a phone number the worker gave (E.164). A worker with no phone on record gets it as their
 * phone; a different number is kept beside the record in worker_phones, with its date and who took
 * it, never overwriting the record on a caller's say-so. 'known' = already on record.
 */
export async function addWorkerPhone(
  trx: Executor,
  v: { workerId: string; officeId: string; phone: string; source: 'hotline' | 'desk' | 'import'; recordedBy: string | null; at: Date },
): Promise<'known' | 'set' | 'added'> {
  const worker = await trx.selectFrom('workers').select('phone').where('id', '=', v.workerId).executeTakeFirstOrThrow();
  if (worker.phone === v.phone) return 'known';
  if (worker.phone === null) {
    await trx.updateTable('workers').set({ phone: v.phone, updated_at: v.at }).where('id', '=', v.workerId).execute();
    return 'set';
  }
  const inserted = await trx
    .insertInto('worker_phones')
    .values({
      worker_id: v.workerId,
      office_id: v.officeId,
      phone: v.phone,
      source: v.source,
      recorded_by: v.recordedBy,
      recorded_at: v.at,
    })
    .onConflict((oc) => oc.columns(['worker_id', 'phone']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted ? 'added' : 'known';
}

/**
 * The worker columns the callback queue shows and sorts on, as a sub-query the queue's owner
 * joins (`leftJoin(workerQueueColumns(db).as('w'), …)`), so the queue stays one SQL statement
 * ordered by the effective CIGS end.
 */
export function workerQueueColumns(db: Executor) {
  return db.selectFrom('workers').select(['id', 'first_name', 'last_name', 'phone', 'effective_cigs_end']);
}
