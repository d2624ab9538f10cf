import type { Executor } from '../db/executor.js';
import type { ConsentChannel, ConsentPurpose } from '../db/schema-people.js';
import { searchNameOf } from './worker-names.js';

/**
 * Writes of many workers at once with every column given, in the caller's transaction: the demo
 * scenario (about 700 workers, their consents and timeline) loads through these on every first
 * start and in every test database, so they insert in batches. The name search key is the one
 * definition, `searchNameOf`.
 */

export interface BulkWorker {
  id: string;
  networkId: string;
  officeId: string;
  codiceFiscale: string | null;
  firstName: string;
  lastName: string;
  birthDate: string | null;
  sex: 'M' | 'F' | null;
  birthPlaceCode: string | null;
  citizenship: string | null;
  residenceComuneCode: string | null;
  address: string;
  /** CAP, or '' when unknown. */
  postalCode?: string;
  phone: string | null;
  email: string | null;
  cigsCaseId: string | null;
  /** The worker's own CIGS end; the effective period follows from it and the case (migration 0009). */
  cigsEndDate: string | null;
  at: Date;
}

const WORKERS_PER_STATEMENT = 400;
const ROWS_PER_STATEMENT = 800;

export async function insertWorkersBulk(trx: Executor, workers: readonly BulkWorker[]): Promise<void> {
  for (let i = 0; i < workers.length; i += WORKERS_PER_STATEMENT) {
    await trx
      .insertInto('workers')
      .values(
        workers.slice(i, i + WORKERS_PER_STATEMENT).map((w) => ({
          id: w.id,
          network_id: w.networkId,
          office_id: w.officeId,
          codice_fiscale: w.codiceFiscale,
          first_name: w.firstName,
          last_name: w.lastName,
          search_name: searchNameOf(w.firstName, w.lastName),
          birth_date: w.birthDate,
          sex: w.sex,
          birth_place_code: w.birthPlaceCode,
          citizenship: w.citizenship,
          residence_comune_code: w.residenceComuneCode,
          address: w.address,
          postal_code: w.postalCode ?? '',
          phone: w.phone,
          email: w.email,
          cigs_case_id: w.cigsCaseId,
          cigs_end_date: w.cigsEndDate,
          created_at: w.at,
          updated_at: w.at,
        })),
      )
      .execute();
  }
}

export interface BulkConsent {
  workerId: string;
  officeId: string;
  purpose: ConsentPurpose;
  granted: boolean;
  channel: ConsentChannel;
  recordedBy: string | null;
  at: Date;
}

export async function insertConsentsBulk(trx: Executor, consents: readonly BulkConsent[]): Promise<void> {
  for (let i = 0; i < consents.length; i += ROWS_PER_STATEMENT) {
    await trx
      .insertInto('worker_consents')
      .values(
        consents.slice(i, i + ROWS_PER_STATEMENT).map((c) => ({
          worker_id: c.workerId,
          office_id: c.officeId,
          purpose: c.purpose,
          granted: c.granted,
          channel: c.channel,
          recorded_by: c.recordedBy,
          recorded_at: c.at,
          note: '',
        })),
      )
      .execute();
  }
}

/** Timeline entries that happened at a given time (a scenario's history), in bulk. */
export async function appendWorkerEventsAt(
  trx: Executor,
  events: ReadonlyArray<{
    workerId: string;
    officeId: string;
    kind: string;
    actorId: string | null;
    details: Record<string, unknown>;
    at: Date;
  }>,
): Promise<void> {
  for (let i = 0; i < events.length; i += ROWS_PER_STATEMENT) {
    await trx
      .insertInto('worker_events')
      .values(
        events.slice(i, i + ROWS_PER_STATEMENT).map((e) => ({
          worker_id: e.workerId,
          office_id: e.officeId,
          kind: e.kind,
          actor_id: e.actorId,
          details: JSON.stringify(e.details),
          at: e.at,
        })),
      )
      .execute();
  }
}

export interface CaseWorker {
  id: string;
  officeId: string;
  cigsCaseId: string;
  codiceFiscale: string | null;
  firstName: string;
  lastName: string;
  phone: string | null;
  address: string;
  /** The effective CIGS period (migration 0009): the worker's own end, else the case's. */
  cigsStart: string | null;
  cigsEnd: string | null;
}

/** The workers of these CIGS cases with their effective CIGS period, by codice fiscale. */
export async function workersOfCasesWithPeriod(executor: Executor, caseIds: readonly string[]): Promise<CaseWorker[]> {
  if (caseIds.length === 0) return [];
  const rows = await executor
    .selectFrom('workers')
    .select([
      'id',
      'office_id',
      'cigs_case_id',
      'codice_fiscale',
      'first_name',
      'last_name',
      'phone',
      'address',
      'effective_cigs_start',
      'effective_cigs_end',
    ])
    .where('cigs_case_id', 'in', [...caseIds])
    .orderBy('codice_fiscale')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    officeId: r.office_id,
    cigsCaseId: r.cigs_case_id!,
    codiceFiscale: r.codice_fiscale,
    firstName: r.first_name,
    lastName: r.last_name,
    phone: r.phone,
    address: r.address,
    cigsStart: r.effective_cigs_start,
    cigsEnd: r.effective_cigs_end,
  }));
}
