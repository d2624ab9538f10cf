import type { Executor } from '../db/executor.js';

/**
 * What programmes and outreach read from people's tables. The sub-query is composed by the
 * caller into one SQL statement (the eligibility filter, the enrolment list's search and sort),
 * joined as `w`; the batch lookup serves a page of rows in one query (no N+1).
 */

/** The worker columns the programme rules and lists need, as a sub-query to join or select from. */
export function workerProgrammeColumns(db: Executor) {
  return db
    .selectFrom('workers')
    .select([
      'id',
      'network_id',
      'office_id',
      'first_name',
      'last_name',
      'codice_fiscale',
      'search_name',
      'cigs_case_id',
      'effective_cigs_start',
      'effective_cigs_end',
    ]);
}

export interface WorkerContact {
  id: string;
  networkId: string;
  officeId: string;
  firstName: string;
  lastName: string;
  phone: string | null;
  email: string | null;
  /** Street and number as typed ("Via Emilia Est 120"). */
  address: string;
  /** CAP, or '' when unknown. */
  postalCode: string;
  /** ISTAT code of the comune of residence, named by taxonomy's comuniByCodes. */
  residenceComuneCode: string | null;
  cigsCaseId: string | null;
  /** workers.effective_cigs_end (migration 0009). */
  cigsEnd: string | null;
  /** With the codice fiscale, what tells two workers of the same name apart on a list. */
  birthDate: string | null;
  codiceFiscale: string | null;
}

/** Names and contact data of a page of workers, for messages, letters and lists of names. */
export async function workerContactsByIds(db: Executor, ids: string[]): Promise<Map<string, WorkerContact>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('workers')
    .select([
      'id',
      'network_id',
      'office_id',
      'first_name',
      'last_name',
      'phone',
      'email',
      'address',
      'postal_code',
      'residence_comune_code',
      'cigs_case_id',
      'effective_cigs_end',
      'birth_date',
      'codice_fiscale',
    ])
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
        address: r.address,
        postalCode: r.postal_code,
        residenceComuneCode: r.residence_comune_code,
        cigsCaseId: r.cigs_case_id,
        cigsEnd: r.effective_cigs_end,
        birthDate: r.birth_date,
        codiceFiscale: r.codice_fiscale,
      },
    ]),
  );
}
