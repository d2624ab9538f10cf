/**
 * The search key of a worker: "last first", lower case, accents and punctuation folded, so that
 * "D'Angelo Nicolò" and "dangelo nicolo" meet. Mirrored by the trigram index on workers.search_name.
 */
export function normaliseName(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function searchNameOf(firstName: string, lastName: string): string {
  return normaliseName(`${lastName} ${firstName}`);
}

/** Title-cases a name typed in capitals ("ROSSI MARIA" → "Rossi Maria"); mixed case is kept. */
export function tidyName(value: string): string {
  const trimmed = value.trim().replace(/\s+/g, ' ');
  if (trimmed !== trimmed.toUpperCase()) return trimmed;
  return trimmed.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}
