import type { CigsReason } from '../db/schema-companies.js';
import { normaliseLabel } from '../taxonomy/index.js';
import type { Cell } from './file-reader.js';

/**
 * Values as Italian lists write them. Dates: "31/12/2026", "31-12-26", "1.3.1970", ISO, Excel
 * serial numbers and real date cells. A two-digit year is read by what the date is: a birth date
 * lies in the past (the most recent such year), a CIGS date near today (within 50 years of it).
 */
export type DateKind = 'birth' | 'cigs';

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30); // Excel's day 0 (the 1900 leap-year bug included)

function iso(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** `today`: the Rome calendar day ('YYYY-MM-DD', romeToday) or an instant. */
export function resolveTwoDigitYear(yy: number, kind: DateKind, today: Date | string): number {
  const year = typeof today === 'string' ? Number(today.slice(0, 4)) : today.getUTCFullYear();
  if (kind === 'birth') {
    const candidate = 2000 + yy;
    return candidate > year ? candidate - 100 : candidate;
  }
  const candidate = 2000 + yy;
  return candidate > year + 50 ? candidate - 100 : candidate;
}

/** ISO date, or null when the value is not a date. */
export function parseItalianDate(cell: Cell, kind: DateKind, today: Date | string): string | null {
  if (cell === null) return null;
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return null;
    return iso(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  }
  if (typeof cell === 'number') return fromSerial(cell);
  const text = cell.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(text);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:\s+\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)?$/.exec(text);
  if (m) {
    const y = m[3]!.length === 2 ? resolveTwoDigitYear(Number(m[3]), kind, today) : Number(m[3]);
    return iso(y, Number(m[2]), Number(m[1]));
  }
  // A serial number that reached a CSV as text (copied from a cell formatted as a number).
  if (/^\d{5}$/.test(text)) return fromSerial(Number(text));
  return null;
}

function fromSerial(serial: number): string | null {
  // 1 Jan 1900 .. 31 Dec 2199: anything else is not a date someone meant.
  if (!Number.isFinite(serial) || serial < 1 || serial > 109_573) return null;
  const date = new Date(EXCEL_EPOCH_UTC + Math.floor(serial) * 86_400_000);
  return iso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

export function parseSex(text: string): 'M' | 'F' | null {
  const t = normaliseLabel(text);
  if (['m', 'maschio', 'maschile', 'uomo', 'male'].includes(t)) return 'M';
  if (['f', 'femmina', 'femminile', 'donna', 'female'].includes(t)) return 'F';
  return null;
}

/** P.IVA: 11 digits with the Luhn-style check digit (D.P.R. 633/1972 art. 35); "IT" prefix allowed. */
export function normaliseVatNumber(text: string): string {
  return text
    .replace(/[\s.-]/g, '')
    .toUpperCase()
    .replace(/^IT(?=\d{11}$)/, '');
}

export function isValidVatNumber(vat: string): boolean {
  if (!/^\d{11}$/.test(vat)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = Number(vat[i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10 === Number(vat[10]);
}

/** The CIGS reasons the law names (D.Lgs. 148/2015 art. 21; D.L. 109/2018 art. 44), as lists spell them. */
export function parseCigsReason(text: string): CigsReason | null {
  const t = normaliseLabel(text);
  if (!t) return null;
  if (t.includes('cessazion')) return 'cessazione_attivita';
  if (t.includes('concordato')) return 'concordato_senza_continuita';
  if (t.includes('liquidazion') || t.includes('fallimento')) return 'liquidazione_giudiziale';
  if (t.includes('solidariet')) return 'contratto_solidarieta';
  if (t.includes('riorganizzazion')) return 'riorganizzazione';
  if (t.includes('crisi')) return 'crisi_aziendale';
  return null;
}

/** Comune cell text: "Modena", "MODENA (MO)", "Modena - MO" or an ISTAT code (Excel drops its leading zero). */
export function splitComune(text: string): { name: string; province: string | null; istat: string | null } {
  const t = text.trim();
  if (/^\d{4,6}$/.test(t)) return { name: '', province: null, istat: t.padStart(6, '0') };
  const m = /^(.*?)\s*(?:\(([A-Za-z]{2})\)|\s-\s*([A-Za-z]{2}))$/.exec(t);
  if (m) return { name: m[1]!, province: (m[2] ?? m[3])!.toUpperCase(), istat: null };
  return { name: t, province: null, istat: null };
}
