import { daysBetween, formatItalianDate, romeToday } from '../../../shared/time/rome-date';
import { i18n } from '../../i18n/i18n';

/** 'YYYY-MM-DD' → '31/12/2026' (it) or '31/12/2026' (en-GB); SQL dates carry no time zone. */
export function formatDate(iso: string | null | undefined): string {
  return iso ? formatItalianDate(iso) : '—';
}

/** Whole days from today (Europe/Rome calendar) to a 'YYYY-MM-DD' date; negative once past. */
export function daysUntil(iso: string, today = new Date()): number {
  return daysBetween(romeToday(today), iso);
}

/** "45 giorni", or "terminata" once the CIGS has ended. */
export function daysLeftText(iso: string | null | undefined): string {
  if (!iso) return '—';
  const days = daysUntil(iso);
  return days < 0 ? i18n.t('people.ended') : i18n.t('people.daysLeft', { count: days });
}

/** Badge colour by urgency: the programme acts first on who has 30 days left. */
export function urgency(iso: string | null | undefined): 'danger' | 'warning' | 'secondary' {
  if (!iso) return 'secondary';
  const days = daysUntil(iso);
  return days <= 30 ? 'danger' : days <= 90 ? 'warning' : 'secondary';
}

/** '+393383651979' → '+39 338 365 1979': Italian numbers read in groups; others stay as stored. */
export function formatPhone(e164: string | null | undefined): string {
  if (!e164) return '—';
  const m = /^\+39(3\d{2})(\d{3})(\d{3,4})$/.exec(e164);
  if (m) return `+39 ${m[1]} ${m[2]} ${m[3]}`;
  return e164.startsWith('+39') ? `+39 ${e164.slice(3)}` : e164;
}
