/**
 * Codice fiscale of natural persons (D.P.R. 605/1973 art. 1; layout and check character
 * defined by D.M. 23/12/1976). Sixteen characters:
 *
 *   1-3 surname code, 4-6 name code, 7-8 year (two digits), 9 month letter,
 *   10-11 day (+40 for women), 12-15 cadastral code of the birthplace, 16 check character.
 *
 * Omocodia: when two people would get the same code, the Agenzia delle Entrate replaces
 * digits with letters (0-9 -> L M N P Q R S T U V), starting from the rightmost of the
 * seven digit positions (7, 8, 10, 11, 13, 14, 15) and recomputing the check character.
 * We accept a letter in any of those positions, not only right-to-left runs: the check
 * character still guards against typos, and rejecting a code the Agency did issue would
 * lock a person out of the service, which is worse than accepting an unusual pattern.
 */
import { isCadastralCodeShape, type CadastralPlace, type PlaceLookup } from './cadastral-codes.js';

export type CodiceFiscaleInvalidReason = 'format' | 'check_character' | 'date' | 'place';

export type CodiceFiscaleValidation = { valid: true } | { valid: false; reason: CodiceFiscaleInvalidReason };

export type Sex = 'M' | 'F';

export interface DecodedCodiceFiscale {
  /** ISO date; the century is inferred, see decodeCodiceFiscale. */
  birthDate: string;
  sex: Sex;
  /** Birthplace code with omocodia letters turned back into digits (e.g. "L219"). */
  cadastralCode: string;
  /** Present when the injected lookup knows the code. */
  place?: CadastralPlace;
  /** True when at least one digit position carries an omocodia letter. */
  omocodia: boolean;
}

export interface PersonIdentity {
  surname: string;
  name: string;
  /** ISO date, YYYY-MM-DD. */
  birthDate: string;
  sex: Sex;
  birthPlaceCadastralCode?: string;
}

export type ConsistencyField = 'surname' | 'name' | 'birthDate' | 'sex' | 'birthPlace';

/** Thrown by the functions that need a valid code; carries the same reason as validation. */
export class InvalidCodiceFiscaleError extends Error {
  readonly reason: CodiceFiscaleInvalidReason;
  constructor(reason: CodiceFiscaleInvalidReason) {
    super(`Invalid codice fiscale (${reason})`);
    this.name = 'InvalidCodiceFiscaleError';
    this.reason = reason;
  }
}

const OMOCODIA_LETTERS = 'LMNPQRSTUV';
/** Zero-based indexes of the seven digit positions that omocodia may replace. */
const OMOCODIA_POSITIONS = [6, 7, 9, 10, 12, 13, 14] as const;
/** January to December (D.M. 23/12/1976, table of month letters). */
const MONTH_LETTERS = 'ABCDEHLMPRST';
const VOWELS = 'AEIOU';
const FEMALE_DAY_OFFSET = 40;

const FORMAT = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;

/**
 * Values for characters in odd positions (1st, 3rd, ... 15th), from the D.M. 23/12/1976
 * conversion table; a digit counts as the letter with the same index (0 = A, 1 = B...).
 */
const ODD_VALUES = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23] as const;

/** Trims, upper-cases and removes any whitespace (people type codes in groups). */
export function normaliseCodiceFiscale(s: string): string {
  return s.replace(/\s+/g, '').toUpperCase();
}

function charIndex(ch: string): number {
  const code = ch.charCodeAt(0);
  return code >= 48 && code <= 57 ? code - 48 : code - 65;
}

/**
 * The check character over the first 15 characters: odd positions through the odd
 * table, even positions by plain index, sum modulo 26 read as a letter.
 */
export function computeCheckCharacter(first15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const index = charIndex(first15[i] ?? '');
    // i is zero-based, so i % 2 === 0 is an odd position in the decree's 1-based count.
    sum += i % 2 === 0 ? (ODD_VALUES[index] ?? 0) : index;
  }
  return String.fromCharCode(65 + (sum % 26));
}

/** Replaces omocodia letters in the digit positions with the digits they stand for. */
function removeOmocodia(cf: string): string {
  const chars = cf.split('');
  for (const pos of OMOCODIA_POSITIONS) {
    const letterIndex = OMOCODIA_LETTERS.indexOf(chars[pos] ?? '');
    if (letterIndex >= 0) chars[pos] = String(letterIndex);
  }
  return chars.join('');
}

function hasOmocodia(cf: string): boolean {
  return OMOCODIA_POSITIONS.some((pos) => OMOCODIA_LETTERS.includes(cf[pos] ?? ''));
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

interface DateFields {
  yy: number;
  month: number;
  day: number;
  sex: Sex;
}

/** Reads year, month, day and sex from a de-omocodified code; undefined if impossible. */
function readDateFields(base: string): DateFields | undefined {
  const yy = Number(base.slice(6, 8));
  const month = MONTH_LETTERS.indexOf(base[8] ?? '') + 1;
  const dayField = Number(base.slice(9, 11));
  if (month === 0) return undefined;
  const sex: Sex = dayField > FEMALE_DAY_OFFSET ? 'F' : 'M';
  const day = sex === 'F' ? dayField - FEMALE_DAY_OFFSET : dayField;
  if (day < 1) return undefined;
  // The century is not encoded: 19yy and 20yy differ only for 29 February of "00"
  // (1900 was not a leap year, 2000 was), so the day is possible if either allows it.
  const maxDay = Math.max(daysInMonth(1900 + yy, month), daysInMonth(2000 + yy, month));
  if (day > maxDay) return undefined;
  return { yy, month, day, sex };
}

/**
 * Checks format, check character, date and birthplace shape, in that order, and
 * reports the first failure. Pass `isKnownPlace` to also reject codes whose birthplace
 * is unknown to your reference data; it is opt-in because ceased comuni and ceased
 * states (e.g. Yugoslavia, the USSR) remain in the codes of people born there.
 */
export function validateCodiceFiscale(
  s: string,
  options: { isKnownPlace?: (cadastralCode: string) => boolean } = {},
): CodiceFiscaleValidation {
  const cf = normaliseCodiceFiscale(s);
  if (!FORMAT.test(cf)) return { valid: false, reason: 'format' };
  if (computeCheckCharacter(cf) !== cf[15]) return { valid: false, reason: 'check_character' };
  const base = removeOmocodia(cf);
  if (!readDateFields(base)) return { valid: false, reason: 'date' };
  const place = base.slice(11, 15);
  if (!isCadastralCodeShape(place)) return { valid: false, reason: 'place' };
  if (options.isKnownPlace && !options.isKnownPlace(place)) return { valid: false, reason: 'place' };
  return { valid: true };
}

function assertValid(cf: string): string {
  const result = validateCodiceFiscale(cf);
  if (!result.valid) throw new InvalidCodiceFiscaleError(result.reason);
  return removeOmocodia(normaliseCodiceFiscale(cf));
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Decodes birth date, sex and birthplace. Throws InvalidCodiceFiscaleError for an
 * invalid code.
 *
 * Century ambiguity: the code stores only two year digits. We pick the most recent
 * birth date that is not after `referenceDate` (default: now; compared as UTC calendar
 * dates): with reference 2025-06-15, "24" means 2024 and "26" means 1926, and a code of
 * someone born in December 1925 reads as 1925 while one for June 1925 reads as 2025. So
 * people aged 100 or more are decoded a century late. When the real birth date is
 * known, compare with checkConsistency, which does not depend on the century.
 */
export function decodeCodiceFiscale(
  s: string,
  options: { placeByCadastralCode?: PlaceLookup; referenceDate?: Date } = {},
): DecodedCodiceFiscale {
  const base = assertValid(s);
  const fields = readDateFields(base);
  if (!fields) throw new InvalidCodiceFiscaleError('date');
  const reference = options.referenceDate ?? new Date();
  const referenceIso = isoDate(reference.getUTCFullYear(), reference.getUTCMonth() + 1, reference.getUTCDate());
  let birthDate: string | undefined;
  for (const year of [2000 + fields.yy, 1900 + fields.yy]) {
    if (fields.day > daysInMonth(year, fields.month)) continue;
    const candidate = isoDate(year, fields.month, fields.day);
    if (candidate <= referenceIso) {
      birthDate = candidate;
      break;
    }
  }
  if (!birthDate) throw new InvalidCodiceFiscaleError('date');
  const cadastralCode = base.slice(11, 15);
  const place = options.placeByCadastralCode?.(cadastralCode);
  return {
    birthDate,
    sex: fields.sex,
    cadastralCode,
    ...(place ? { place } : {}),
    omocodia: hasOmocodia(normaliseCodiceFiscale(s)),
  };
}

/** Letters that NFD does not decompose into a base letter plus accent. */
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ß: 'SS',
  Æ: 'AE',
  Œ: 'OE',
  Ø: 'O',
  Ł: 'L',
  Đ: 'D',
  Þ: 'TH',
};

/**
 * Upper-case A-Z letters only: accents are dropped (Nicolò -> NICOLO), apostrophes,
 * spaces and hyphens vanish (D'Angelo -> DANGELO, De Luca -> DELUCA), as the decree
 * counts letters of the whole surname or name.
 */
function lettersOf(s: string): string {
  return s
    .toUpperCase()
    .replace(/[ßÆŒØŁĐÞ]/g, (ch) => SPECIAL_LETTERS[ch] ?? '')
    .normalize('NFD')
    .replace(/[^A-Z]/g, '');
}

function splitLetters(s: string): { consonants: string; vowels: string } {
  const letters = lettersOf(s);
  let consonants = '';
  let vowels = '';
  for (const ch of letters) {
    if (VOWELS.includes(ch)) vowels += ch;
    else consonants += ch;
  }
  return { consonants, vowels };
}

/** Surname part: consonants in order, then vowels, then X up to three characters. */
export function surnameCode(surname: string): string {
  const { consonants, vowels } = splitLetters(surname);
  return (consonants + vowels + 'XXX').slice(0, 3);
}

/**
 * Name part: with four or more consonants take the 1st, 3rd and 4th (so that common
 * names differ more); otherwise the surname rule.
 */
export function nameCode(name: string): string {
  const { consonants, vowels } = splitLetters(name);
  if (consonants.length >= 4) return `${consonants[0]}${consonants[2]}${consonants[3]}`;
  return (consonants + vowels + 'XXX').slice(0, 3);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseIsoDate(s: string): { year: number; month: number; day: number } | undefined {
  const m = ISO_DATE.exec(s);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

function dateAndSexPart(birthDate: string, sex: Sex): string {
  const date = parseIsoDate(birthDate);
  if (!date) throw new RangeError(`Invalid birth date "${birthDate}", expected YYYY-MM-DD`);
  const day = sex === 'F' ? date.day + FEMALE_DAY_OFFSET : date.day;
  return `${String(date.year % 100).padStart(2, '0')}${MONTH_LETTERS[date.month - 1]}${String(day).padStart(2, '0')}`;
}

/**
 * Builds the code a person would receive. `omocodiaLevel` (0-7) substitutes that many
 * digit positions from the right, as the Agency does for the 1st, 2nd... homocode; it
 * exists so that demo data can include such codes.
 */
export function computeCodiceFiscale(
  person: PersonIdentity & { birthPlaceCadastralCode: string },
  options: { omocodiaLevel?: number } = {},
): string {
  const place = person.birthPlaceCadastralCode.trim().toUpperCase();
  if (!isCadastralCodeShape(place)) {
    throw new RangeError(`Invalid cadastral code "${person.birthPlaceCadastralCode}"`);
  }
  const level = options.omocodiaLevel ?? 0;
  if (!Number.isInteger(level) || level < 0 || level > OMOCODIA_POSITIONS.length) {
    throw new RangeError(`omocodiaLevel must be an integer from 0 to ${OMOCODIA_POSITIONS.length}`);
  }
  const chars = (surnameCode(person.surname) + nameCode(person.name) + dateAndSexPart(person.birthDate, person.sex) + place).split('');
  for (const pos of OMOCODIA_POSITIONS.slice(OMOCODIA_POSITIONS.length - level)) {
    chars[pos] = OMOCODIA_LETTERS[Number(chars[pos])] ?? '';
  }
  const first15 = chars.join('');
  return first15 + computeCheckCharacter(first15);
}

/**
 * Lists the declared fields that the code contradicts. Omocodia-aware: the code is
 * compared after turning substitution letters back into digits. The birth date is
 * compared on what the code holds (two-digit year, month, day), so no century guess is
 * involved. The birthplace is only checked when the person's code is given. Throws
 * InvalidCodiceFiscaleError for an invalid code and RangeError for an invalid birth date.
 */
export function checkConsistency(cf: string, person: PersonIdentity): ConsistencyField[] {
  const base = assertValid(cf);
  const mismatches: ConsistencyField[] = [];
  if (base.slice(0, 3) !== surnameCode(person.surname)) mismatches.push('surname');
  if (base.slice(3, 6) !== nameCode(person.name)) mismatches.push('name');
  // The date is compared without the +40 offset, so that a wrong sex is reported as
  // "sex" only and not also as "birthDate".
  const declared = parseIsoDate(person.birthDate);
  if (!declared) throw new RangeError(`Invalid birth date "${person.birthDate}", expected YYYY-MM-DD`);
  const fields = readDateFields(base);
  if (!fields || fields.yy !== declared.year % 100 || fields.month !== declared.month || fields.day !== declared.day) {
    mismatches.push('birthDate');
  }
  if (fields?.sex !== person.sex) mismatches.push('sex');
  if (person.birthPlaceCadastralCode !== undefined && base.slice(11, 15) !== person.birthPlaceCadastralCode.trim().toUpperCase()) {
    mismatches.push('birthPlace');
  }
  return mismatches;
}

/**
 * "RSSGPP80A01F257X" → "••••••••••••257X": enough, beside the birth date, to tell two workers of
 * the same name apart on a list (the first six letters come from the name itself, the middle
 * repeats the birth date), without showing the whole code to everyone who reads the list.
 */
export function maskCodiceFiscale(cf: string): string {
  const code = normaliseCodiceFiscale(cf);
  return code.length <= 4 ? code : '•'.repeat(code.length - 4) + code.slice(-4);
}
