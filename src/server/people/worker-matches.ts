import type { Actor } from '../auth/index.js';
import { canActOnWorker } from '../auth/index.js';
import type { Executor } from '../db/executor.js';
import { officeNamesById } from '../organisation/index.js';
import { normaliseCodiceFiscale } from '../../shared/identity/codice-fiscale.js';
import { normalisePhoneNumber } from '../../shared/identity/phone.js';
import type { DuplicateCandidate } from '../../shared/schemas/people.schema.js';
import { matchingWorkers } from './worker-matches.repository.js';
import { searchNameCandidates } from './worker-names.js';

export interface MatchQuery {
  codiceFiscale?: string | null;
  phone?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  birthDate?: string | null;
}

/** A known worker who may be the person at hand, unmasked: mask it for the actor before showing it. */
export interface WorkerMatch extends Omit<DuplicateCandidate, 'inScope'> {
  networkId: string;
}

/**
 * Candidates for "is this person already known?", across the whole network (a worker moving
 * between offices is still one person): the same codice fiscale; or the same phone (E.164, on record
 * or among the further numbers the worker gave); or the same name under the one search key, in
 * either order and however the name was cut into first and last (searchNameCandidates) — with the
 * same birth date when one is given, since a hotline call often brings only a name and a phone. Strongest match first. The desk, the hotline and the import
 * all call this one check.
 */
export async function findWorkerMatches(db: Executor, networkId: string, query: MatchQuery): Promise<WorkerMatch[]> {
  const cf = query.codiceFiscale ? normaliseCodiceFiscale(query.codiceFiscale) : '';
  const phoneResult = query.phone ? normalisePhoneNumber(query.phone) : undefined;
  const phone = phoneResult?.valid ? phoneResult.e164 : '';
  const names = query.firstName?.trim() || query.lastName?.trim() ? searchNameCandidates(query.firstName ?? '', query.lastName ?? '') : [];
  // A single word is not a name to match on ("Rossi" alone is hundreds of people).
  const fullNames = names.filter((n) => n.includes(' '));
  if (!cf && !phone && fullNames.length === 0) return [];
  const rows = await matchingWorkers(db, networkId, { codiceFiscale: cf, phone, names: fullNames, birthDate: query.birthDate ?? null });
  const offices = await officeNamesById(
    db,
    rows.map((r) => r.office_id),
  );
  const rank = (m: DuplicateCandidate['matchedOn']) =>
    (m.includes('codiceFiscale') ? 4 : 0) + (m.includes('phone') ? 2 : 0) + (m.includes('name') ? 1 : 0);
  return rows
    .map((r) => {
      const matchedOn: DuplicateCandidate['matchedOn'] = [];
      if (cf && r.codice_fiscale === cf) matchedOn.push('codiceFiscale');
      if (phone && (r.phone === phone || r.further_phone)) matchedOn.push('phone');
      if (fullNames.includes(r.search_name) && (!query.birthDate || r.birth_date === query.birthDate)) matchedOn.push('name');
      return {
        id: r.id,
        networkId: r.network_id,
        officeId: r.office_id,
        officeName: offices.get(r.office_id) ?? '',
        firstName: r.first_name,
        lastName: r.last_name,
        codiceFiscale: r.codice_fiscale,
        phone: r.phone,
        birthDate: r.birth_date,
        matchedOn,
      };
    })
    .sort((a, b) => rank(b.matchedOn) - rank(a.matchedOn));
}

/**
 * What the actor may see of a match. A worker followed by an office outside the actor's scope is
 * shown by initials and that office's name only — no codice fiscale, phone or birth date — so the
 * person is not registered twice and the call or the file can be handed over to that office,
 * without disclosing another office's personal data (Reg. UE 2016/679 art. 5(1)(c), minimisation).
 */
export function maskWorkerMatch(actor: Actor, match: WorkerMatch): DuplicateCandidate {
  const inScope = canActOnWorker(actor, { networkId: match.networkId, officeId: match.officeId });
  const initial = (name: string) => (name ? `${[...name.trim()][0]!.toUpperCase()}.` : '');
  return {
    id: match.id,
    officeId: match.officeId,
    officeName: match.officeName,
    firstName: inScope ? match.firstName : initial(match.firstName),
    lastName: inScope ? match.lastName : initial(match.lastName),
    codiceFiscale: inScope ? match.codiceFiscale : null,
    phone: inScope ? match.phone : null,
    birthDate: inScope ? match.birthDate : null,
    inScope,
    matchedOn: match.matchedOn,
  };
}

export interface MaskedCandidateWorker {
  id: string;
  officeId: string;
  firstName: string;
  lastName: string;
  phone: string | null;
  email: string | null;
  inScope: boolean;
}

/**
 * A candidate of the vacancy search as the actor may see them: the same rule as a duplicate
 * match (maskWorkerMatch) — a worker of an office outside the actor's scope by initials only, no
 * phone or e-mail — so the matcher can ask that office to propose them.
 */
export function maskCandidateWorker(
  actor: Actor,
  w: { id: string; networkId: string; officeId: string; firstName: string; lastName: string; phone: string | null; email: string | null },
): MaskedCandidateWorker {
  const masked = maskWorkerMatch(actor, {
    id: w.id,
    networkId: w.networkId,
    officeId: w.officeId,
    officeName: '',
    firstName: w.firstName,
    lastName: w.lastName,
    codiceFiscale: null,
    phone: w.phone,
    birthDate: null,
    matchedOn: [],
  });
  return {
    id: w.id,
    officeId: w.officeId,
    firstName: masked.firstName,
    lastName: masked.lastName,
    phone: masked.phone,
    email: masked.inScope ? w.email : null,
    inScope: masked.inScope,
  };
}
