import { createHash } from 'node:crypto';
import { IMPORT_FIELDS, type ImportField } from '../../shared/schemas/imports.schema.js';
import { normaliseLabel } from '../taxonomy/index.js';

/**
 * Suggests which field each column holds, from headers as companies and INPS write them:
 * "COGNOME LAVORATORE", "C.F.", "Nato il", "Scadenza CIGS"… Header text is normalised (case,
 * accents, punctuation), matched against synonyms, then by the words it contains, then fuzzily;
 * the operator confirms or changes the result on the mapping screen.
 */
const SYNONYMS: Record<ImportField, string[]> = {
  lastName: ['cognome', 'cognome lavoratore', 'cognome dipendente', 'surname', 'last name'],
  firstName: ['nome', 'nome lavoratore', 'nome dipendente', 'first name', 'name', 'nome proprio'],
  fullName: [
    'nominativo',
    'cognome e nome',
    'nome e cognome',
    'cognome nome',
    'nome cognome',
    'nominativo lavoratore',
    'lavoratore',
    'dipendente',
    'full name',
  ],
  codiceFiscale: [
    'codice fiscale',
    'c f',
    'cf',
    'cod fiscale',
    'cod fisc lavoratore',
    'cod fisc',
    'codice fiscale lavoratore',
    'cf lavoratore',
    'tax code',
  ],
  birthDate: [
    'data di nascita',
    'data nascita',
    'nato il',
    'nata il',
    'nato a il',
    'data nasc',
    'dt nascita',
    'birth date',
    'date of birth',
  ],
  sex: ['sesso', 'genere', 'm f', 'sex', 'gender'],
  residenceComune: [
    'comune di residenza',
    'residenza',
    'comune residenza',
    'comune',
    'citta di residenza',
    'citta',
    'localita',
    'residente a',
    'cod istat comune',
    'codice istat comune',
  ],
  residenceProvince: ['provincia', 'prov', 'provincia di residenza', 'provincia residenza', 'sigla provincia'],
  address: ['indirizzo', 'indirizzo di residenza', 'via', 'domicilio', 'address'],
  postalCode: ['cap', 'cap residenza', 'codice postale', 'c a p', 'postal code', 'zip'],
  phone: [
    'telefono',
    'cellulare',
    'tel',
    'cell',
    'recapito telefonico',
    'numero di telefono',
    'telefono cellulare',
    'n telefono',
    'phone',
    'mobile',
  ],
  email: ['e mail', 'email', 'mail', 'posta elettronica', 'indirizzo email', 'indirizzo e mail'],
  companyName: [
    'azienda',
    'ragione sociale',
    'datore di lavoro',
    'denominazione azienda',
    'ditta',
    'impresa',
    'denominazione',
    'ragione sociale azienda',
    'company',
    'employer',
  ],
  companyVat: [
    'p iva azienda',
    'p iva',
    'partita iva',
    'piva',
    'partita iva azienda',
    'cf azienda',
    'codice fiscale azienda',
    'vat number',
  ],
  cigsStart: [
    'data inizio cigs',
    'inizio cigs',
    'decorrenza cigs',
    'data inizio',
    'inizio cassa integrazione',
    'data inizio cassa integrazione',
    'inizio cigo cigs',
    'dal',
  ],
  cigsEnd: [
    'data fine cigs',
    'fine cigs',
    'scadenza cigs',
    'data fine',
    'fine cassa integrazione',
    'data fine cassa integrazione',
    'scadenza cassa integrazione',
    'scadenza',
    'al',
    'termine cigs',
  ],
  cigsReason: ['causale', 'causale cigs', 'motivo', 'motivazione', 'tipo cigs', 'causale intervento'],
};

/**
 * normaliseLabel, then dotted acronyms joined: "Fine C.I.G.S." → "fine cigs", "C.F." → "cf",
 * "M/F" → "mf" (a run of single letters is one word as the writer meant it).
 */
export function normaliseHeader(header: string): string {
  const words = normaliseLabel(header).split(' ').filter(Boolean);
  const out: string[] = [];
  let run = '';
  for (const w of words) {
    if (w.length === 1 && /[a-z]/.test(w)) {
      run += w;
      continue;
    }
    if (run) out.push(run);
    run = '';
    out.push(w);
  }
  if (run) out.push(run);
  return out.join(' ');
}

const NORMALISED: Array<{ field: ImportField; synonym: string }> = IMPORT_FIELDS.flatMap((field) =>
  SYNONYMS[field].map((s) => ({ field, synonym: normaliseHeader(s) })),
);

/**
 * The layout of a file: its headers, normalised, in column order. The mapping an operator chose
 * for a layout is remembered per network (import_layouts), so the next list exported the same
 * way opens with it.
 */
export function layoutKey(headers: readonly string[]): string {
  return createHash('sha256').update(headers.map(normaliseHeader).join('\u0001')).digest('hex');
}

export interface HeaderSuggestion {
  field: ImportField;
  /** 3 exact synonym, 2 by contained words, 1 fuzzy */
  strength: 1 | 2 | 3;
}

/** The field a single header most likely names, or null. Exposed for the unit tests. */
export function matchHeader(header: string): HeaderSuggestion | null {
  const h = normaliseHeader(header);
  if (!h) return null;
  const exact = NORMALISED.find((n) => n.synonym === h);
  if (exact) return { field: exact.field, strength: 3 };
  // Company fields first: "Codice fiscale azienda" must not become the worker's codice fiscale.
  const words = h.split(' ');
  if (words.some((w) => ['azienda', 'ditta', 'datore', 'impresa'].includes(w))) {
    if (words.some((w) => ['iva', 'piva', 'fiscale', 'cf'].includes(w))) return { field: 'companyVat', strength: 2 };
    return { field: 'companyName', strength: 2 };
  }
  const contained = NORMALISED.filter((n) => n.synonym.length >= 4 && containsWords(h, n.synonym)).sort(
    (a, b) => b.synonym.length - a.synonym.length,
  )[0];
  if (contained) return { field: contained.field, strength: 2 };
  let best: { field: ImportField; score: number } | null = null;
  for (const n of NORMALISED) {
    if (n.synonym.length < 4) continue;
    // The distance is at least the difference in length: a header far longer or shorter than the
    // synonym cannot reach 0.8, and skipping it keeps a long cell from costing seconds.
    if (Math.abs(h.length - n.synonym.length) > 0.2 * Math.max(h.length, n.synonym.length)) continue;
    const score = similarity(h, n.synonym);
    if (score >= 0.8 && (!best || score > best.score)) best = { field: n.field, score };
  }
  return best ? { field: best.field, strength: 1 } : null;
}

function containsWords(text: string, phrase: string): boolean {
  return ` ${text} `.includes(` ${phrase} `);
}

/** 1 - normalised Levenshtein distance. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return 1 - prev[b.length]! / Math.max(a.length, b.length);
}

/**
 * One field per column and one column per field: stronger matches win, then the leftmost
 * column (lists put the worker's own "Codice fiscale" before the company's).
 */
export function suggestMapping(headers: readonly string[]): Record<string, ImportField> {
  const candidates = headers
    .map((header, index) => ({ index, match: matchHeader(header) }))
    .filter((c): c is { index: number; match: HeaderSuggestion } => c.match !== null)
    .sort((a, b) => b.match.strength - a.match.strength || a.index - b.index);
  const taken = new Set<ImportField>();
  const mapping: Record<string, ImportField> = {};
  for (const c of candidates) {
    if (taken.has(c.match.field)) continue;
    taken.add(c.match.field);
    mapping[String(c.index)] = c.match.field;
  }
  return mapping;
}

/** The header row: of the first ten rows, the one whose cells name the most fields (title rows come first in INPS lists). */
export function findHeaderRow(rows: ReadonlyArray<readonly string[]>): number {
  let best = 0;
  let bestCount = 0;
  rows.slice(0, 10).forEach((row, i) => {
    const count = Object.keys(suggestMapping(row)).length;
    if (count > bestCount) {
      best = i;
      bestCount = count;
    }
  });
  return best;
}
