import type { Language } from '../http/problem.js';
import { formatItalianDate } from '../../shared/time/rome-date.js';
import type { ReasonPart } from './ranking.js';

// Dates as Italian forms write them, '31/03/2027' (the English text keeps it).
const dmy = formatItalianDate;

/** Whole km from 10 km on; one decimal below (a comma in Italian). */
function km(value: number, language: Language): string {
  const text = value >= 10 ? String(Math.round(value)) : value.toFixed(1).replace(/\.0$/, '');
  return language === 'it' ? text.replace('.', ',') : text;
}

/** The words of each reason, in Italian and English: the server's message catalogue of the candidate search. */
const WORDS: Record<Language, { [K in ReasonPart['kind']]: (p: Extract<ReasonPart, { kind: K }>) => string }> = {
  it: {
    requiredSkills: (p) => `${p.held} di ${p.of} competenze richieste`,
    optionalSkills: (p) => `${p.held} di ${p.of} gradite`,
    occupation: () => 'cerca o ha già svolto questa professione',
    distance: (p) => (p.km === 0 ? `abita a ${p.from}` : `${km(p.km, 'it')} km da ${p.from}`),
    cigsEnd: (p) => `CIGS fino al ${dmy(p.date)}`,
    availableNow: () => 'disponibile da subito',
    availableFrom: (p) => `disponibile dal ${dmy(p.date)}`,
  },
  en: {
    requiredSkills: (p) => `${p.held} of ${p.of} required skills`,
    optionalSkills: (p) => `${p.held} of ${p.of} nice-to-have`,
    occupation: () => 'wants or has done this occupation',
    distance: (p) => (p.km === 0 ? `lives in ${p.from}` : `${km(p.km, 'en')} km from ${p.from}`),
    cigsEnd: (p) => `CIGS until ${dmy(p.date)}`,
    availableNow: () => 'available now',
    availableFrom: (p) => `available from ${dmy(p.date)}`,
  },
};

/** One phrase per reason, in the language asked. */
export function reasonTexts(parts: readonly ReasonPart[], language: Language): string[] {
  const words = WORDS[language];
  return parts.map((p) => (words[p.kind] as (p: ReasonPart) => string)(p));
}

/** The reasons as the one line a result shows: «5 di 7 competenze richieste; 14 km da Carpi; …». */
export function explanationLine(parts: readonly ReasonPart[], language: Language): string {
  return reasonTexts(parts, language).join('; ');
}
