import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../src/server/db/schema.js';
import { searchNameOf } from '../../src/server/people/index.js';
import { computeCodiceFiscale, type Sex } from '../../src/shared/identity/codice-fiscale.js';

/**
 * Realistic workers for tests: the commonest surnames of Emilia-Romagna (with the particles,
 * apostrophes and accents real registers hold: D'Angelo, De Luca, Dall'Olio, Lo Russo) and
 * common first names (Nicolò, Emanuele, Giuseppe), each with a valid codice fiscale (the check
 * character computed by the shared identity module), a mobile phone and a birth date.
 * A search that works for "Conti" and not for "Barbieri" passes a suite built on tidy names.
 */

/** 40 surnames: the commonest in Emilia-Romagna, with the particles and apostrophes people carry. */
export const SURNAMES = [
  'Rossi',
  'Ferrari',
  'Bianchi',
  'Russo',
  'Romano',
  'Gallo',
  'Costa',
  'Fontana',
  'Conti',
  'Esposito',
  'Barbieri',
  'Benedetti',
  'Ricci',
  'Bruno',
  'Lombardi',
  'Colombo',
  'Moretti',
  'Marchetti',
  'Galli',
  'Montanari',
  'Bertoni',
  'Zanetti',
  'Mazzoni',
  'Rinaldi',
  'Greco',
  'Martini',
  'Mancini',
  'Guidi',
  'Neri',
  'Fabbri',
  'Pellegrini',
  'Gatti',
  'Marini',
  'Bellini',
  "D'Angelo",
  'De Luca',
  "Dall'Olio",
  'Di Stefano',
  'Lo Russo',
  'Vitali',
] as const;

export const FIRST_NAMES: ReadonlyArray<{ name: string; sex: Sex }> = [
  { name: 'Giuseppe', sex: 'M' },
  { name: 'Maria', sex: 'F' },
  { name: 'Emanuele', sex: 'M' },
  { name: 'Anna', sex: 'F' },
  { name: 'Nicolò', sex: 'M' },
  { name: 'Giulia', sex: 'F' },
  { name: 'Marco', sex: 'M' },
  { name: 'Francesca', sex: 'F' },
  { name: 'Luca', sex: 'M' },
  { name: 'Chiara', sex: 'F' },
  { name: 'Andrea', sex: 'M' },
  { name: 'Elena', sex: 'F' },
  { name: 'Francesco', sex: 'M' },
  { name: 'Sara', sex: 'F' },
  { name: 'Alessandro', sex: 'M' },
  { name: 'Laura', sex: 'F' },
  { name: 'Matteo', sex: 'M' },
  { name: 'Paola', sex: 'F' },
  { name: 'Davide', sex: 'M' },
  { name: 'Valentina', sex: 'F' },
  { name: 'Roberto', sex: 'M' },
  { name: 'Lucia', sex: 'F' },
  { name: 'Stefano', sex: 'M' },
  { name: 'Rosa', sex: 'F' },
  { name: 'Antonio', sex: 'M' },
  { name: 'Silvia', sex: 'F' },
  { name: 'Gianluca', sex: 'M' },
  { name: 'Federica', sex: 'F' },
];

/** Modena, Bologna, Carpi, Sassuolo, Reggio nell'Emilia, Napoli, Palermo, Bari: cadastral codes. */
const BIRTH_PLACES = ['F257', 'A944', 'B819', 'I462', 'H223', 'F839', 'G273', 'A662'] as const;

export interface WorkerSeed {
  /** Looked up from the office when not given. */
  networkId?: string;
  officeId?: string;
  firstName: string;
  lastName: string;
  codiceFiscale: string | null;
  birthDate: string | null;
  sex: Sex | null;
  birthPlaceCode: string | null;
  citizenship: string | null;
  residenceComuneCode: string | null;
  address: string;
  /** E.164, as stored. */
  phone: string | null;
  email: string | null;
  cigsCaseId: string | null;
  cigsEndDate: string | null;
}

let sequence = 0;

/**
 * One worker; `index` picks the name (every surname with every first name, in turn), the birth
 * date and the phone, so a list built from 0..n-1 is deterministic and its phones and codici
 * fiscali are unique. Overrides win; the codice fiscale is recomputed from the overridden name,
 * birth date, sex and birth place unless `codiceFiscale` itself is overridden.
 */
export function buildWorker(overrides: Partial<WorkerSeed> = {}, index = sequence++): WorkerSeed {
  const first = FIRST_NAMES[(index + Math.floor(index / SURNAMES.length)) % FIRST_NAMES.length]!;
  const lastName = overrides.lastName ?? SURNAMES[index % SURNAMES.length]!;
  const firstName = overrides.firstName ?? first.name;
  const sex = overrides.sex === undefined ? first.sex : overrides.sex;
  const year = 1962 + (index % 36);
  const month = 1 + (index % 12);
  const day = 1 + ((index * 7) % 28);
  const birthDate =
    overrides.birthDate === undefined ? `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` : overrides.birthDate;
  const birthPlaceCode = overrides.birthPlaceCode === undefined ? BIRTH_PLACES[index % BIRTH_PLACES.length]! : overrides.birthPlaceCode;
  const codiceFiscale =
    overrides.codiceFiscale !== undefined
      ? overrides.codiceFiscale
      : birthDate && sex && birthPlaceCode
        ? computeCodiceFiscale({ surname: lastName, name: firstName, birthDate, sex, birthPlaceCadastralCode: birthPlaceCode })
        : null;
  // Italian mobiles: 3xx prefixes of the real operators, seven digits unique per index.
  const prefix = ['333', '347', '340', '328', '339', '320', '348', '366'][index % 8]!;
  const phone = `+39${prefix}${String(1_000_000 + ((index * 7919) % 9_000_000)).padStart(7, '0')}`;
  return {
    firstName,
    lastName,
    codiceFiscale,
    birthDate,
    sex,
    birthPlaceCode,
    citizenship: 'IT',
    residenceComuneCode: '036023',
    address: `Via Emilia ${1 + (index % 300)}`,
    phone,
    email: null,
    cigsCaseId: null,
    cigsEndDate: '2099-06-30',
    ...overrides,
  };
}

/** `count` workers of one office, indices 0..count-1 (every surname of SURNAMES once per 40). */
export function buildWorkers(count: number, overrides: Partial<WorkerSeed> = {}): WorkerSeed[] {
  return Array.from({ length: count }, (_, i) => buildWorker(overrides, i));
}

/**
 * Inserts the rows in batches with the one name search key of people (`searchNameOf`) and
 * returns their ids in order. A test fixture: it writes the table directly, as a test may.
 */
export async function insertWorkers(db: Kysely<DB> | Transaction<DB>, rows: WorkerSeed[]): Promise<string[]> {
  const networks = new Map<string, string>();
  for (const officeId of new Set(rows.filter((r) => !r.networkId).map((r) => r.officeId))) {
    if (!officeId) throw new Error('insertWorkers: each row needs an officeId');
    const office = await db.selectFrom('offices').select('network_id').where('id', '=', officeId).executeTakeFirstOrThrow();
    networks.set(officeId, office.network_id);
  }
  const values = rows.map((r) => ({
    network_id: r.networkId ?? networks.get(r.officeId!)!,
    office_id: r.officeId!,
    first_name: r.firstName,
    last_name: r.lastName,
    search_name: searchNameOf(r.firstName, r.lastName),
    codice_fiscale: r.codiceFiscale,
    birth_date: r.birthDate,
    sex: r.sex,
    birth_place_code: r.birthPlaceCode,
    citizenship: r.citizenship,
    residence_comune_code: r.residenceComuneCode,
    address: r.address,
    phone: r.phone,
    email: r.email,
    cigs_case_id: r.cigsCaseId,
    cigs_end_date: r.cigsEndDate,
  }));
  const ids: string[] = [];
  for (let i = 0; i < values.length; i += 500) {
    const inserted = await db
      .insertInto('workers')
      .values(values.slice(i, i + 500))
      .returning('id')
      .execute();
    ids.push(...inserted.map((r) => r.id));
  }
  return ids;
}
