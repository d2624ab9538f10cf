import { normaliseName } from './worker-names.js';

/**
 * What kind of text the operator typed in the worker search: a codice fiscale (or its start), a
 * phone number (or its start, or its last digits), or a name.
 */
export type WorkerSearch =
  | { kind: 'cf'; value: string }
  | { kind: 'phone'; prefix: string; suffix: string | null }
  | { kind: 'name'; words: string[]; cfPrefix: string | null };

/**
 * The shape of a codice fiscale (D.M. 23/12/1976), position by position: L a letter, D a digit or
 * one of the omocodia letters L-V that the Agenzia delle Entrate substitutes for digits, M a month
 * letter. A name fits it only by accident: "Barbieri", "Esposito", "Benedetti" or "Giuseppe" break
 * it at their 7th, 8th or 9th character.
 */
const CF_SHAPE = 'LLLLLLDDMDDLDDDL';
const CF_CLASS: Record<string, RegExp> = { L: /[A-Z]/, D: /[0-9LMNPQRSTUV]/, M: /[ABCDEHLMPRST]/ };

function fitsCodiceFiscaleShape(text: string): boolean {
  return text.length <= CF_SHAPE.length && [...text].every((ch, i) => CF_CLASS[CF_SHAPE[i]!]!.test(ch));
}

/** The shortest start of a codice fiscale searched as one: the surname and name letters. */
const CF_MIN_PREFIX = 6;
const PHONE_MIN_DIGITS = 4;

export function classifySearch(q: string): WorkerSearch {
  const compact = q.replace(/\s+/g, '').toUpperCase();
  const cfShaped = compact.length >= CF_MIN_PREFIX && fitsCodiceFiscaleShape(compact);
  // A digit where a codice fiscale has one: no name has that. Letters alone can be either.
  if (cfShaped && /\d/.test(compact)) return { kind: 'cf', value: compact };

  const digits = q.replace(/[\s./()-]/g, '');
  // Phones are stored in E.164. Typed with "+" it is the start of the stored number; typed
  // without, it is the start of an Italian number (+39…), of an international one (00…), or the
  // number's last digits ("0056" is the end of +39 333 119 0056, not a country code).
  if (/^\+\d{2,15}$/.test(digits)) return { kind: 'phone', prefix: digits, suffix: null };
  if (new RegExp(`^\\d{${PHONE_MIN_DIGITS},15}$`).test(digits)) {
    return { kind: 'phone', prefix: digits.startsWith('00') ? `+${digits.slice(2)}` : `+39${digits}`, suffix: digits };
  }

  // Letters that fit the shape are searched both ways: "RSSMRA" is the start of a code and of no
  // name, "Russo Anna" and "Neri Giuseppe" fit it by accident, and a code whose digits all became
  // omocodia letters has no digit left.
  return { kind: 'name', words: normaliseName(q).split(' ').filter(Boolean), cfPrefix: cfShaped ? compact : null };
}
