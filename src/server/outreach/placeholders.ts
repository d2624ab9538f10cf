import { fillPlaceholders, placeholdersIn } from '../../shared/messages/placeholders.js';

/**
 * Template placeholders: {{nome}} etc., filled per recipient. Unknown placeholders are an error
 * when the template is saved (a typo would otherwise reach thousands of workers verbatim).
 */
export const PLACEHOLDERS = [
  'nome',
  'cognome',
  'azienda',
  'data_fine_cigs',
  'giorni_alla_fine_cigs',
  'sede',
  'telefono_sede',
  'orari_centralino',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type PlaceholderValues = Record<Placeholder, string>;

export { fillPlaceholders, placeholdersIn };

export function unknownPlaceholders(text: string): string[] {
  return placeholdersIn(text).filter((p) => !(PLACEHOLDERS as readonly string[]).includes(p));
}

export function renderTemplate(text: string, values: PlaceholderValues): string {
  return fillPlaceholders(text, values);
}

const WEEKDAY_NAMES = ['', 'lun', 'mar', 'mer', 'gio', 'ven', 'sab', 'dom'];

/** "lun, mar, mer, ven 10:00–13:30; gio 13:00–17:00": the hours as an SMS can carry them. */
export function describeHours(slots: Array<{ weekday: number; opens: string; closes: string }>): string {
  const byRange = new Map<string, number[]>();
  for (const s of [...slots].sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens))) {
    const key = `${s.opens}-${s.closes}`;
    byRange.set(key, [...(byRange.get(key) ?? []), s.weekday]);
  }
  return [...byRange.entries()]
    .map(([range, days]) => `${[...new Set(days)].map((d) => WEEKDAY_NAMES[d]).join(', ')} ${range.replace('-', '-')}`)
    .join('; ');
}

/** 'YYYY-MM-DD' → 'DD/MM/YYYY', the Italian way. */
export function italianDate(date: string | null): string {
  if (!date) return '';
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

export function daysBetween(from: string, to: string | null): string {
  if (!to) return '';
  return String(Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000));
}
