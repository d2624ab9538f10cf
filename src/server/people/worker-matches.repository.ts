import { sql } from 'kysely';
import type { Executor } from '../db/executor.js';

export interface MatchKeys {
  /** Normalised codice fiscale, or '' */
  codiceFiscale: string;
  /** E.164, or '' */
  phone: string;
  /** Every search key the name may be stored under (searchNameCandidates); empty for none. */
  names: string[];
  birthDate: string | null;
}

export interface MatchRow {
  id: string;
  network_id: string;
  office_id: string;
  first_name: string;
  last_name: string;
  codice_fiscale: string | null;
  phone: string | null;
  birth_date: string | null;
  search_name: string;
  /** The phone is one of the further numbers the worker gave (worker_phones), not the one on record. */
  further_phone: boolean;
}

/** Workers of the network sharing the codice fiscale, the phone, or the name (and birth date when given). */
export async function matchingWorkers(db: Executor, networkId: string, keys: MatchKeys): Promise<MatchRow[]> {
  return db
    .selectFrom('workers as w')
    .select([
      'w.id',
      'w.network_id',
      'w.office_id',
      'w.first_name',
      'w.last_name',
      'w.codice_fiscale',
      'w.phone',
      'w.birth_date',
      'w.search_name',
    ])
    .select(sql<boolean>`exists (select 1 from worker_phones p where p.worker_id = w.id and p.phone = ${keys.phone})`.as('further_phone'))
    .where('w.network_id', '=', networkId)
    .where((eb) => {
      const any = [];
      if (keys.codiceFiscale) any.push(eb('w.codice_fiscale', '=', keys.codiceFiscale));
      if (keys.phone) {
        any.push(eb('w.phone', '=', keys.phone));
        any.push(eb('w.id', 'in', eb.selectFrom('worker_phones as p').select('p.worker_id').where('p.phone', '=', keys.phone)));
      }
      if (keys.names.length > 0) {
        const byName = eb('w.search_name', 'in', keys.names);
        any.push(keys.birthDate ? eb.and([byName, eb('w.birth_date', '=', keys.birthDate)]) : byName);
      }
      return eb.or(any);
    })
    .orderBy(sql`coalesce(w.codice_fiscale = ${keys.codiceFiscale}, false)`, 'desc')
    .orderBy('w.last_name')
    .limit(20)
    .execute();
}
