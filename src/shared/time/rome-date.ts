/**
 * Calendar dates in Europe/Rome, the one definition of "today" for every rule that compares a
 * date (CIGS end, eligibility, a birth date in the future, a campaign's days left). Dates are
 * 'YYYY-MM-DD' strings; a Date is an instant, and its calendar day depends on the time zone:
 * 23:30 UTC on 31 December is already 1 January in Rome.
 */
// The conversion of an instant to Rome's calendar day is defined once, with the wall-clock rules.
export { TIME_ZONE, romeToday } from './rome-time.js';

/** The date n days after (or before, n < 0) an ISO date; calendar arithmetic, no time zone. */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whole days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);
}

/** ISO weekday of a calendar date, 1 = Monday … 7 = Sunday. */
export function isoWeekday(iso: string): number {
  const d = new Date(`${iso.slice(0, 10)}T12:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** 'YYYY-MM-DD' → 'dd/mm/yyyy', as Italian forms and letters write dates. */
export function formatItalianDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

const MONTHS = [
  'gennaio',
  'febbraio',
  'marzo',
  'aprile',
  'maggio',
  'giugno',
  'luglio',
  'agosto',
  'settembre',
  'ottobre',
  'novembre',
  'dicembre',
];
/** Italian weekday names by ISO weekday (1 = lunedì … 7 = domenica). */
export const ITALIAN_WEEKDAYS = ['', 'lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato', 'domenica'] as const;

/** '2026-11-25' → '25 novembre 2026', as a letter or a message writes it. */
export function italianLongDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${d} ${MONTHS[m! - 1]} ${y}`;
}

/** '2026-12-15' → 'martedì 15 dicembre 2026'. */
export function italianDayAndDate(iso: string): string {
  return `${ITALIAN_WEEKDAYS[isoWeekday(iso)]} ${italianLongDate(iso)}`;
}
