import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Executor } from '../db/executor.js';
import { batches, insertMany, updateMany, type UnnestColumn } from '../db/unnest.js';
import { searchNameOf } from './worker-names.js';

/**
 * What the bulk import of eligible-worker lists (src/server/imports) needs from people's tables:
 * the workers a file names, by codice fiscale, and writes of thousands of them in the caller's
 * transaction (one INSERT/UPDATE … unnest per 5,000 rows). The name search key is the one
 * definition, `searchNameOf`.
 */

/** The columns an import writes; what the file leaves empty is kept as it is, never erased. */
export interface ImportWorkerColumns {
  first_name: string;
  last_name: string;
  birth_date: string | null;
  sex: 'M' | 'F' | null;
  birth_place_code: string | null;
  residence_comune_code: string | null;
  address: string;
  postal_code: string;
  phone: string | null;
  email: string | null;
  cigs_case_id: string | null;
  cigs_end_date: string | null;
}

/** A worker on record, as the importer compares it with a row of the file. */
export interface ImportExistingWorker extends ImportWorkerColumns {
  id: string;
  office_id: string;
  /** Numbers kept beside the one on record (worker_phones), so a re-import adds none twice. */
  other_phones: string[];
  codice_fiscale: string;
}

export type ImportWorkerRow = ImportWorkerColumns & { id: string; codice_fiscale: string };

const COLUMNS: ReadonlyArray<UnnestColumn<ImportWorkerRow>> = [
  { name: 'id', type: 'uuid', value: (r) => r.id },
  { name: 'first_name', type: 'text', value: (r) => r.first_name },
  { name: 'last_name', type: 'text', value: (r) => r.last_name },
  { name: 'search_name', type: 'text', value: (r) => searchNameOf(r.first_name, r.last_name) },
  { name: 'birth_date', type: 'date', value: (r) => r.birth_date },
  { name: 'sex', type: 'text', value: (r) => r.sex },
  { name: 'birth_place_code', type: 'text', value: (r) => r.birth_place_code },
  { name: 'residence_comune_code', type: 'text', value: (r) => r.residence_comune_code },
  { name: 'address', type: 'text', value: (r) => r.address },
  { name: 'postal_code', type: 'text', value: (r) => r.postal_code },
  { name: 'phone', type: 'text', value: (r) => r.phone },
  { name: 'email', type: 'text', value: (r) => r.email },
  { name: 'cigs_case_id', type: 'uuid', value: (r) => r.cigs_case_id },
  { name: 'cigs_end_date', type: 'date', value: (r) => r.cigs_end_date },
];

export async function workersByCodiceFiscale(
  executor: Executor,
  networkId: string,
  codes: readonly string[],
): Promise<Map<string, ImportExistingWorker>> {
  const found = new Map<string, ImportExistingWorker>();
  for (const batch of batches(codes)) {
    const rows = await executor
      .selectFrom('workers')
      .select([
        'id',
        'office_id',
        'codice_fiscale',
        'first_name',
        'last_name',
        'birth_date',
        'sex',
        'birth_place_code',
        'residence_comune_code',
        'address',
        'postal_code',
        'phone',
        'email',
        'cigs_case_id',
        'cigs_end_date',
        sql<string[]>`coalesce((select array_agg(p.phone order by p.phone) from worker_phones p where p.worker_id = workers.id), '{}')`.as(
          'other_phones',
        ),
      ])
      .where('network_id', '=', networkId)
      .where(sql<boolean>`codice_fiscale = any(${batch}::text[])`)
      .execute();
    for (const r of rows) found.set(r.codice_fiscale!, r as ImportExistingWorker);
  }
  return found;
}

/**
 * PGlite has no autovacuum: pages written by an import are never marked all-visible, so counting
 * an office's or a network's workers (the worker list's "1.234 lavoratori") reads every row:
 * 55 ms for 100,000 workers on a loaded machine, 220–300 ms at load 13, six times a second on a
 * busy list page. A vacuum after each batch of a bulk write marks the new pages (15 ms per 1,000
 * rows, 57 ms for the whole 100,000 at once) and the count becomes an index-only scan of 10–12 ms.
 * Outside any transaction (VACUUM cannot run in one); PostgreSQL's autovacuum does this itself.
 */
export async function vacuumWorkers(db: Kysely<DB>) {
  await sql`vacuum workers`.execute(db);
}

/** New workers of one office; `onBatch` is told after each batch (the import's progress bar). */
export async function insertImportedWorkers(
  trx: Executor,
  target: { networkId: string; officeId: string },
  rows: readonly ImportWorkerRow[],
  onBatch?: (written: number) => Promise<void>,
) {
  for (const batch of batches(rows)) {
    await insertMany(
      trx,
      'workers',
      [
        ...COLUMNS,
        { name: 'network_id', type: 'uuid', value: () => target.networkId },
        { name: 'office_id', type: 'uuid', value: () => target.officeId },
        { name: 'codice_fiscale', type: 'text', value: (r) => r.codice_fiscale },
      ],
      batch,
    );
    await onBatch?.(batch.length);
  }
}

export async function updateImportedWorkers(trx: Executor, rows: readonly ImportWorkerRow[], onBatch?: (written: number) => Promise<void>) {
  for (const batch of batches(rows)) {
    await updateMany(trx, 'workers', COLUMNS, batch);
    await onBatch?.(batch.length);
  }
}

/**
 * Numbers a list gives that differ from the one on record: kept beside it (worker_phones), as the
 * hotline keeps a caller's new number, rather than overwriting the number the office uses.
 */
export async function addImportedPhones(
  trx: Executor,
  phones: ReadonlyArray<{ workerId: string; officeId: string; phone: string }>,
  recordedBy: string | null,
  at: Date,
) {
  for (const batch of batches(phones)) {
    await trx
      .insertInto('worker_phones')
      .values(
        batch.map((p) => ({
          worker_id: p.workerId,
          office_id: p.officeId,
          phone: p.phone,
          source: 'import' as const,
          recorded_by: recordedBy,
          recorded_at: at,
        })),
      )
      .onConflict((oc) => oc.columns(['worker_id', 'phone']).doNothing())
      .execute();
  }
}

/** Timeline entries of many workers at once (appendWorkerEvent, in bulk). */
export async function appendWorkerEvents(
  trx: Executor,
  events: ReadonlyArray<{ workerId: string; officeId: string; kind: string; actorId: string | null; details: Record<string, unknown> }>,
) {
  await insertMany(
    trx,
    'worker_events',
    [
      { name: 'worker_id', type: 'uuid', value: (e: (typeof events)[number]) => e.workerId },
      { name: 'office_id', type: 'uuid', value: (e) => e.officeId },
      { name: 'kind', type: 'text', value: (e) => e.kind },
      { name: 'actor_id', type: 'uuid', value: (e) => e.actorId },
      { name: 'details', type: 'jsonb', value: (e) => e.details },
    ],
    events,
  );
}

/**
 * Undo of an import that did not finish (src/server/imports, staged apply on PGlite), in the
 * caller's transaction: workers it created go with their timeline and numbers. A worker someone
 * came to use meanwhile (a consent, a note, an enrolment) makes the delete fail rather than lose it.
 */
export async function removeImportedWorkers(trx: Executor, workerIds: readonly string[]) {
  for (const batch of batches(workerIds)) {
    await sql`delete from worker_events where worker_id = any(${batch}::uuid[])`.execute(trx);
    await sql`delete from worker_phones where worker_id = any(${batch}::uuid[])`.execute(trx);
    await sql`delete from workers where id = any(${batch}::uuid[])`.execute(trx);
  }
}

/** The timeline entries one import wrote for these workers (`details.importId`). */
export async function removeImportEvents(trx: Executor, importId: string, workerIds: readonly string[]) {
  for (const batch of batches(workerIds)) {
    await sql`delete from worker_events where worker_id = any(${batch}::uuid[])
      and kind = 'worker.imported' and details->>'importId' = ${importId}`.execute(trx);
  }
}

/** Numbers an import added beside the one on record (addImportedPhones), taken back. */
export async function removeImportedPhones(trx: Executor, phones: ReadonlyArray<{ workerId: string; phone: string }>) {
  for (const batch of batches(phones)) {
    await sql`delete from worker_phones p using unnest(${batch.map((p) => p.workerId)}::uuid[], ${batch.map((p) => p.phone)}::text[]) as v(worker_id, phone)
      where p.worker_id = v.worker_id and p.phone = v.phone and p.source = 'import'`.execute(trx);
  }
}
