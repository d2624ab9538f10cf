import { sql } from 'kysely';
import type { Executor } from '../db/executor.js';
import { normaliseCodiceFiscale } from '../../shared/identity/codice-fiscale.js';
import { normalisePhoneNumber } from '../../shared/identity/phone.js';
import type { DuplicateCandidate } from '../../shared/schemas/people.schema.js';
import { searchNameOf } from './worker-names.js';

export interface MatchQuery {
  codiceFiscale?: string | null;
  phone?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  birthDate?: string | null;
}

/**
 * Candidates for "is this person already known?", across the whole network (a worker moving
 * between offices is still one person): the same codice fiscale; or the same phone (E.164); or the
 * same normalised name — with the same birth date when one is given, since a hotline call often
 * brings only a name and a phone. Strongest match first.
 */
export async function findWorkerMatches(db: Executor, networkId: string, query: MatchQuery): Promise<DuplicateCandidate[]> {
  const cf = query.codiceFiscale ? normaliseCodiceFiscale(query.codiceFiscale) : '';
  const phoneResult = query.phone ? normalisePhoneNumber(query.phone) : undefined;
  const phone = phoneResult?.valid ? phoneResult.e164 : '';
  const name = query.firstName && query.lastName ? searchNameOf(query.firstName, query.lastName) : '';
  if (!cf && !phone && !name) return [];
  const rows = await db
    .selectFrom('workers as w')
    .innerJoin('offices as o', 'o.id', 'w.office_id')
    .select(['w.id', 'w.first_name', 'w.last_name', 'w.codice_fiscale', 'w.phone', 'w.birth_date', 'w.search_name', 'o.name as office_name'])
    .where('w.network_id', '=', networkId)
    .where((eb) => {
      const any = [];
      if (cf) any.push(eb('w.codice_fiscale', '=', cf));
      if (phone) any.push(eb('w.phone', '=', phone));
      if (name) {
        any.push(query.birthDate ? eb.and([eb('w.search_name', '=', name), eb('w.birth_date', '=', query.birthDate)]) : eb('w.search_name', '=', name));
      }
      return eb.or(any);
    })
    .orderBy(sql`coalesce(w.codice_fiscale = ${cf}, false)`, 'desc')
    .orderBy('w.last_name')
    .limit(20)
    .execute();
  return rows.map((r) => {
    const matchedOn: DuplicateCandidate['matchedOn'] = [];
    if (cf && r.codice_fiscale === cf) matchedOn.push('codiceFiscale');
    if (phone && r.phone === phone) matchedOn.push('phone');
    if (name && r.search_name === name && (!query.birthDate || r.birth_date === query.birthDate)) matchedOn.push('name');
    return {
      id: r.id,
      firstName: r.first_name,
      lastName: r.last_name,
      codiceFiscale: r.codice_fiscale,
      phone: r.phone,
      birthDate: r.birth_date,
      officeName: r.office_name,
      matchedOn,
    };
  });
}
