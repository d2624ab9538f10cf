/**
 * The one definition of a worker's name search key, used by every path that writes a worker (the
 * desk, the hotline intake, the import, the demo) and by the search and the duplicate check.
 *
 * "last first", lower case, accents and apostrophes folded, and a surname particle joined to the
 * word after it: "D'Angelo Nicolò", "d angelo nicolo" and "dangelo nicolo" all give "dangelo nicolo";
 * "De Luca", "de luca" and "DeLuca" all give "deluca". Joining rather than keeping the particle as a
 * word of its own is what makes a surname typed without its space ("deluca", "lorusso") or with a
 * space where the register has an apostrophe ("Dall Olio") find the person. Migration 0014 applied
 * the same join to the keys stored before it. Mirrored by the trigram index on workers.search_name.
 */

/** Italian surname particles (preposition, article, articulated preposition; "d'" and "l'" elided). */
const PARTICLES = [
  'd',
  'l',
  'de',
  'di',
  'da',
  'del',
  'dei',
  'della',
  'delle',
  'dello',
  'degli',
  'dal',
  'dall',
  'dalla',
  'dalle',
  'dallo',
  'lo',
  'la',
  'li',
  'le',
];
const PARTICLE_JOIN = new RegExp(`(?<=^| )(${PARTICLES.join('|')}) (?=[a-z0-9])`, 'g');

/** Lower case, accents and apostrophes folded, one space between words: the key before particles join. */
function foldName(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function normaliseName(value: string): string {
  return foldName(value).replace(PARTICLE_JOIN, '$1');
}

/** How staff read a worker's name in lists and in the audit log: "Barbieri Emanuele", surname first. */
export function displayNameOf(firstName: string, lastName: string): string {
  return `${lastName} ${firstName}`.trim();
}

export function searchNameOf(firstName: string, lastName: string): string {
  return normaliseName(`${lastName} ${firstName}`);
}

/**
 * Every key a person named by these two fields may be stored under, whichever field holds which
 * part: the hotline takes "Nome e cognome" in one box, an import's "Nominativo" column comes in
 * either order, and a desk operator may swap the fields. The words of the whole name, read in
 * either order, are rotated: every way of cutting "giuseppe de luca" into first and last name gives
 * one candidate ("deluca giuseppe", "luca giuseppe de", "giuseppe deluca"), so "De Luca Giuseppe"
 * meets "Giuseppe" + "De Luca", and "Maria Rosa" + "Bianchi" meets "Bianchi Maria Rosa".
 */
export function searchNameCandidates(firstName: string, lastName: string): string[] {
  const keys = new Set<string>();
  for (const whole of [`${firstName} ${lastName}`, `${lastName} ${firstName}`]) {
    // Rotated before the particles join: the hotline's "De" + "Luca Giuseppe" is stored as
    // "luca giuseppe de", one rotation of "giuseppe de luca".
    const words = foldName(whole).split(' ').filter(Boolean);
    for (let i = 0; i < words.length; i++) keys.add(normaliseName([...words.slice(i), ...words.slice(0, i)].join(' ')));
  }
  keys.delete('');
  return [...keys];
}

/** Title-cases a name typed in capitals ("ROSSI MARIA" → "Rossi Maria"); mixed case is kept. */
export function tidyName(value: string): string {
  const trimmed = value.trim().replace(/\s+/g, ' ');
  if (trimmed !== trimmed.toUpperCase()) return trimmed;
  return trimmed.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}
