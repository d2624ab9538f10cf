import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { projectPath } from '../../paths.js';

/**
 * The Europass code lists the converters need (data/reference/europass, copied from the
 * Europass XSDs: see data/reference/PROVENANCE.md), read once when first needed.
 */

interface CodeRow {
  code: string;
  label_it: string;
  label_en: string;
}

function readList(file: string): CodeRow[] {
  return parse(readFileSync(projectPath('data', 'reference', 'europass', file)), { columns: true, skip_empty_lines: true }) as CodeRow[];
}

let languagesByName: Map<string, string> | undefined;
let countryCodes: Set<string> | undefined;

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

/** Names a language has in CVs beyond the list's Italian and English labels (its own name, mostly). */
const NATIVE_NAMES: Record<string, string> = {
  italiano: 'it',
  english: 'en',
  deutsch: 'de',
  francais: 'fr',
  espanol: 'es',
  castellano: 'es',
  portugues: 'pt',
  romana: 'ro',
  limbaromana: 'ro',
  polski: 'pl',
  shqip: 'sq',
  russkij: 'ru',
  arabo: 'ar',
  cinese: 'zh',
  mandarino: 'zh',
};

/** The ISO 639 code of a language named in Italian, English or its own tongue ('Inglese', 'English'); undefined when unknown. */
export function languageCodeOfName(name: string): string | undefined {
  if (!languagesByName) {
    languagesByName = new Map(Object.entries(NATIVE_NAMES));
    for (const row of readList('languages_it_en.csv')) {
      if (!/^[a-z]{2,3}$/.test(row.code)) continue;
      for (const label of [row.label_it, row.label_en])
        if (label.trim() && !languagesByName.has(fold(label))) languagesByName.set(fold(label), row.code);
    }
  }
  return languagesByName.get(fold(name));
}

/**
 * An ISO 3166-1 alpha-2 code from a Europass country code. Europass writes the United Kingdom
 * 'UK' and Greece 'EL' (the EU's own codes); the profile speaks ISO ('GB', 'GR').
 */
export function countryCode(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const code = value.trim().toUpperCase();
  const iso = code === 'UK' ? 'GB' : code === 'EL' ? 'GR' : code;
  if (!/^[A-Z]{2}$/.test(iso)) return undefined;
  if (!countryCodes) {
    countryCodes = new Set(readList('countries_it_en.csv').map((r) => (r.code === 'UK' ? 'GB' : r.code === 'EL' ? 'GR' : r.code)));
    for (const extra of ['GB', 'GR', 'IT']) countryCodes.add(extra);
  }
  return countryCodes.has(iso) ? iso : undefined;
}
