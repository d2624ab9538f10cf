/**
 * Cadastral codes ("codici catastali", also called Belfiore or national codes): the four
 * characters in positions 12-15 of a natural person's codice fiscale that name the place
 * of birth (D.M. 23/12/1976, D.P.R. 605/1973 art. 1).
 *
 * - Italian comuni use a letter from A to M followed by three digits (A001 Abano Terme
 *   onwards; codes are never reused, so ceased comuni keep theirs).
 * - Foreign states and territories use "Z" followed by three digits (Z404 = United
 *   States). The hundreds digit roughly follows the continent (Z1xx Europe, Z2xx Asia,
 *   Z3xx Africa, Z4xx/Z5xx North and Central America, Z6xx South America, Z7xx
 *   Oceania), with exceptions such as Z161 (Palestine) and Z907 (South Sudan).
 *
 * This module holds only the lookup API. The data lives outside the code
 * (data/reference/foreign-countries-cadastral.csv, provenance in
 * data/reference/PROVENANCE.md) so that it can be refreshed without a code change, and
 * so that browser bundles do not carry it unless they ask for it.
 */

export type CadastralPlace =
  | {
      readonly kind: 'comune';
      readonly code: string;
      readonly name: string;
      /** Two-letter province abbreviation ("sigla"), when known. */
      readonly province?: string;
    }
  | {
      readonly kind: 'country';
      readonly code: string;
      /** Italian name, as used on Italian civil-status and tax documents. */
      readonly name: string;
      /** ISO 3166-1 alpha-2; absent where ISO assigns none (e.g. Kosovo). */
      readonly isoAlpha2?: string;
    };

/** Resolves a cadastral code (upper-case, de-omocodified) to a place, if known. */
export type PlaceLookup = (cadastralCode: string) => CadastralPlace | undefined;

/**
 * Loads reference places from wherever the host keeps them (file system on the server,
 * a fetched asset in the browser, a fixture in tests). Kept as a type so that this
 * module stays free of I/O.
 */
export type CadastralDataLoader = () => Promise<readonly CadastralPlace[]>;

/** Repository-relative path of the foreign-countries table. */
export const FOREIGN_COUNTRIES_CSV_PATH = 'data/reference/foreign-countries-cadastral.csv';

const CADASTRAL_CODE = /^[A-MZ]\d{3}$/;
const FOREIGN_CODE = /^Z\d{3}$/;

/**
 * True when the string has the shape of a cadastral code in use: A-M for comuni, Z for
 * foreign places, and never "000" (numbering starts at 001).
 */
export function isCadastralCodeShape(code: string): boolean {
  return CADASTRAL_CODE.test(code) && !code.endsWith('000');
}

/** True for the "Z" codes reserved to foreign states and territories. */
export function isForeignCadastralCode(code: string): boolean {
  return FOREIGN_CODE.test(code) && !code.endsWith('000');
}

/**
 * Builds a lookup over the given places. Duplicate codes are a data error, not
 * something to resolve silently, so they throw.
 */
export function createPlaceLookup(places: Iterable<CadastralPlace>): PlaceLookup {
  const byCode = new Map<string, CadastralPlace>();
  for (const place of places) {
    if (byCode.has(place.code)) throw new Error(`Duplicate cadastral code ${place.code}`);
    byCode.set(place.code, place);
  }
  return (code) => byCode.get(code.trim().toUpperCase());
}

/** Chains lookups: the first one that knows the code wins (e.g. comuni, then countries). */
export function combinePlaceLookups(...lookups: readonly PlaceLookup[]): PlaceLookup {
  return (code) => {
    for (const lookup of lookups) {
      const place = lookup(code);
      if (place) return place;
    }
    return undefined;
  };
}

const CSV_HEADER = ['code', 'name_it', 'iso_alpha2'] as const;
const ISO_ALPHA2 = /^[A-Z]{2}$/;

/**
 * Parses data/reference/foreign-countries-cadastral.csv (RFC 4180: comma-separated,
 * optional double quotes, "" as an escaped quote, LF or CRLF line ends). Every row is
 * checked, and the first bad row throws with its line number, so that a damaged data
 * file fails loudly at start-up instead of mis-decoding birthplaces later.
 */
export function parseForeignCountriesCsv(text: string): CadastralPlace[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = parseCsvLine(lines[0] ?? '', 1);
  if (header.join(',') !== CSV_HEADER.join(',')) {
    throw new Error(`Unexpected header "${lines[0] ?? ''}", expected "${CSV_HEADER.join(',')}"`);
  }
  const places: CadastralPlace[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    const lineNumber = i + 1;
    const fields = parseCsvLine(line, lineNumber);
    if (fields.length !== CSV_HEADER.length) {
      throw new Error(`Line ${lineNumber}: expected ${CSV_HEADER.length} fields, got ${fields.length}`);
    }
    const [code = '', name = '', iso = ''] = fields.map((f) => f.trim());
    if (!isForeignCadastralCode(code)) throw new Error(`Line ${lineNumber}: bad foreign code "${code}"`);
    if (name === '') throw new Error(`Line ${lineNumber}: empty name`);
    if (iso !== '' && !ISO_ALPHA2.test(iso)) throw new Error(`Line ${lineNumber}: bad ISO code "${iso}"`);
    places.push(iso === '' ? { kind: 'country', code, name } : { kind: 'country', code, name, isoAlpha2: iso });
  }
  return places;
}

function parseCsvLine(line: string, lineNumber: number): string[] {
  const fields: string[] = [];
  let field = '';
  let inQuotes = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (inQuotes) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        inQuotes = false;
      } else {
        field += ch;
      }
    } else if (ch === '"' && field === '') {
      inQuotes = true;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
    } else {
      field += ch;
    }
  }
  if (inQuotes) throw new Error(`Line ${lineNumber}: unterminated quoted field`);
  fields.push(field);
  return fields;
}
