/**
 * A provider's course catalogue from CSV or XLSX, with the conventions of the worker import: the
 * columns are matched to fields by header synonyms (the operator may override the mapping), a dry
 * run reports every row's errors in Italian, and the apply creates every course or none. The file
 * reading, header normalisation and Italian date parsing are the imports domain's published pieces.
 */
import { cellText, normaliseHeader, parseItalianDate, readRows, similarity, type Cell } from '../imports/index.js';
import { allComuni, escoSkillRefs, normaliseLabel } from '../taxonomy/index.js';
import type { Executor } from '../db/executor.js';
import type { CourseDelivery, CourseFunding } from '../db/schema-training.js';
import { escoUriSchema } from '../../shared/schemas/profiles.schema.js';
import { CATALOGUE_FIELDS, courseFieldIssues, type CatalogueField } from '../../shared/schemas/training.schema.js';
import type { CourseValues } from './training.repository.js';

const SYNONYMS: Record<CatalogueField, string[]> = {
  title: ['titolo', 'titolo corso', 'titolo del corso', 'denominazione', 'denominazione corso', 'nome corso', 'corso', 'title'],
  description: ['descrizione', 'descrizione corso', 'contenuti', 'programma', 'obiettivi', 'description'],
  hours: ['ore', 'durata', 'durata ore', 'durata in ore', 'monte ore', 'n ore', 'numero ore', 'ore totali', 'hours'],
  startDate: ['data inizio', 'inizio', 'data di inizio', 'data avvio', 'avvio', 'dal', 'inizio corso', 'start date'],
  endDate: ['data fine', 'fine', 'data di fine', 'data termine', 'termine', 'al', 'fine corso', 'end date'],
  place: ['sede', 'comune', 'luogo', 'sede comune online', 'sede comune', 'modalita', 'luogo di svolgimento', 'sede di svolgimento'],
  seats: ['posti', 'posti disponibili', 'numero posti', 'n posti', 'partecipanti', 'numero partecipanti', 'max partecipanti', 'seats'],
  cost: ['costo', 'prezzo', 'quota', 'costo euro', 'quota di iscrizione', 'costo a carico del partecipante', 'cost'],
  funding: ['finanziamento', 'fonte di finanziamento', 'fonte finanziamento', 'canale di finanziamento', 'fondo', 'funding'],
  enrolmentDeadline: [
    'scadenza iscrizioni',
    'scadenza',
    'termine iscrizioni',
    'iscrizioni entro',
    'chiusura iscrizioni',
    'scadenza iscrizione',
  ],
  certificate: ['attestato', 'certificazione', 'attestato rilasciato', 'titolo rilasciato', 'certificato', 'attestazione finale'],
  skills: ['competenze', 'competenze esco', 'competenze insegnate', 'skill', 'skills', 'abilita', 'competenze acquisite'],
};

const NORMALISED = CATALOGUE_FIELDS.flatMap((field) => SYNONYMS[field].map((s) => ({ field, synonym: normaliseHeader(s) })));

/** The field a header names: an exact synonym, else the longest synonym it contains, else a close spelling. */
export function matchCatalogueHeader(header: string): { field: CatalogueField; strength: number } | null {
  const h = normaliseHeader(header);
  if (!h) return null;
  const exact = NORMALISED.find((n) => n.synonym === h);
  if (exact) return { field: exact.field, strength: 3 };
  const contained = NORMALISED.filter((n) => n.synonym.length >= 3 && ` ${h} `.includes(` ${n.synonym} `)).sort(
    (a, b) => b.synonym.length - a.synonym.length,
  )[0];
  if (contained) return { field: contained.field, strength: 2 };
  let best: { field: CatalogueField; score: number } | null = null;
  for (const n of NORMALISED) {
    if (n.synonym.length < 4) continue;
    const score = similarity(h, n.synonym);
    if (score >= 0.8 && (!best || score > best.score)) best = { field: n.field, score };
  }
  return best && { field: best.field, strength: 1 };
}

/** One field per column and one column per field: stronger matches first, then the leftmost column. */
export function suggestCatalogueMapping(headers: readonly string[]): Array<CatalogueField | null> {
  const mapping: Array<CatalogueField | null> = headers.map(() => null);
  const candidates = headers
    .map((h, index) => ({ index, match: matchCatalogueHeader(h) }))
    .filter((c): c is { index: number; match: { field: CatalogueField; strength: number } } => c.match !== null)
    .sort((a, b) => b.match.strength - a.match.strength || a.index - b.index);
  const taken = new Set<CatalogueField>();
  for (const c of candidates) {
    if (taken.has(c.match.field)) continue;
    taken.add(c.match.field);
    mapping[c.index] = c.match.field;
  }
  return mapping;
}

/** The mapping the operator chose ('title,,hours,…' in column order), checked against the fields. */
export function parseMappingParam(text: string, columns: number): Array<CatalogueField | null> | string {
  const parts = text.split(',').map((p) => p.trim());
  const mapping: Array<CatalogueField | null> = [];
  const seen = new Set<string>();
  for (let i = 0; i < columns; i++) {
    const part = parts[i] ?? '';
    if (!part) {
      mapping.push(null);
      continue;
    }
    if (!(CATALOGUE_FIELDS as readonly string[]).includes(part)) return `Campo sconosciuto nella corrispondenza delle colonne: «${part}»`;
    if (seen.has(part)) return `Il campo «${part}» è assegnato a più di una colonna`;
    seen.add(part);
    mapping.push(part as CatalogueField);
  }
  return mapping;
}

export interface CatalogueRowError {
  row: number;
  field: string;
  message: string;
}

export interface ParsedCatalogue {
  headers: string[];
  mapping: Array<CatalogueField | null>;
  rows: number;
  courses: Array<{ row: number; values: Omit<CourseValues, 'providerId' | 'status'>; skills: Array<{ uri: string; label: string }> }>;
  errors: CatalogueRowError[];
}

const FIELD_NAMES: Record<CatalogueField, string> = {
  title: 'titolo',
  description: 'descrizione',
  hours: 'ore',
  startDate: 'data inizio',
  endDate: 'data fine',
  place: 'sede',
  seats: 'posti',
  cost: 'costo',
  funding: 'finanziamento',
  enrolmentDeadline: 'scadenza iscrizioni',
  certificate: 'attestato',
  skills: 'competenze',
};

const FUNDING_WORDS: Array<{ test: RegExp; funding: CourseFunding }> = [
  { test: /^gol\b|garanzia occupabilita/, funding: 'gol' },
  { test: /^fse\b|fondo sociale europeo/, funding: 'fse_plus' },
  { test: /nuove competenze|^fnc$/, funding: 'fondo_nuove_competenze' },
  { test: /interprofessional|fondimpresa|fondirigenti|fon\.?coop|fonarcom|forte$/, funding: 'fondi_interprofessionali' },
  { test: /pagamento|privat|a carico|autofinanziat/, funding: 'a_pagamento' },
];

export function parseFunding(text: string): CourseFunding | null {
  const t = normaliseLabel(text);
  if (!t) return null;
  if (text.trim().toUpperCase().startsWith('FSE')) return 'fse_plus';
  return FUNDING_WORDS.find((w) => w.test.test(t))?.funding ?? null;
}

/** "Modena (MO)", "online", "Carpi e online", "FAD": how the course is delivered and where. */
export function parsePlace(text: string): { delivery: CourseDelivery; place: string; comuneName: string | null } {
  const t = normaliseLabel(text);
  const online = /\b(online|on line|fad|a distanza|e learning|elearning|webinar)\b/.test(t);
  const rest = text
    .replace(/\b(online|on[- ]line|fad|a distanza|e-?learning|webinar)\b/gi, '')
    .replace(/[/+,;]|\be\b|\bo\b|\bin\b/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (online && !rest) return { delivery: 'online', place: '', comuneName: null };
  const comuneName = rest.replace(/\s*\([A-Za-z]{2}\)\s*$/, '').trim();
  return { delivery: online ? 'blended' : 'in_person', place: rest, comuneName: comuneName || null };
}

/** A whole number from "40", "40 ore", 40; null when the cell says something else ("quaranta"). */
function parseWhole(cell: Cell): number | null {
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell : null;
  const m = /^\s*(\d{1,5})\s*(ore|h|posti)?\s*$/i.exec(cellText(cell));
  return m ? Number(m[1]) : null;
}

/** Euro from "350", "€ 1.250,00", "350.50", "gratuito"; null when not an amount. */
export function parseEuro(cell: Cell): number | null {
  if (typeof cell === 'number') return cell >= 0 ? Math.round(cell * 100) : null;
  const t = cellText(cell).trim().toLowerCase();
  if (!t || /^(gratuito|gratis|0)$/.test(t)) return 0;
  const digits = t.replace(/€|eur(o)?/g, '').trim();
  const italian = /^\d{1,3}(\.\d{3})*(,\d{1,2})?$/.test(digits) ? digits.replace(/\./g, '').replace(',', '.') : digits;
  if (!/^\d+(\.\d{1,2})?$/.test(italian)) return null;
  return Math.round(Number(italian) * 100);
}

/**
 * Reads the file and checks every row. Nothing is written: the apply creates `courses` only when
 * `errors` is empty.
 */
export async function parseCatalogue(
  db: Executor,
  bytes: Buffer,
  options: { mapping?: string; today: string },
): Promise<ParsedCatalogue | { mappingError: string }> {
  const { rows: all } = await readRows(bytes);
  const nonEmpty = (r: Cell[]) => r.some((c) => cellText(c).trim() !== '');
  const headerIndex = all.findIndex(nonEmpty);
  const headers = headerIndex < 0 ? [] : all[headerIndex]!.map((c) => cellText(c).trim());
  let mapping = suggestCatalogueMapping(headers);
  if (options.mapping) {
    const chosen = parseMappingParam(options.mapping, headers.length);
    if (typeof chosen === 'string') return { mappingError: chosen };
    mapping = chosen;
  }
  const dataRows = headerIndex < 0 ? [] : all.slice(headerIndex + 1).map((cells, i) => ({ line: headerIndex + i + 2, cells }));
  const rows = dataRows.filter((r) => nonEmpty(r.cells));
  const errors: CatalogueRowError[] = [];
  for (const field of ['title', 'hours', 'startDate', 'endDate', 'seats', 'funding'] as const) {
    if (!mapping.includes(field)) errors.push({ row: headerIndex + 1, field, message: `Manca la colonna «${FIELD_NAMES[field]}»` });
  }
  if (errors.length > 0) return { headers, mapping, rows: rows.length, courses: [], errors };

  const cellOf = (cells: Cell[], field: CatalogueField): Cell => {
    const i = mapping.indexOf(field);
    return i < 0 ? null : (cells[i] ?? null);
  };
  const textOf = (cells: Cell[], field: CatalogueField) => cellText(cellOf(cells, field)).trim();

  // The skills and comuni of the whole file in two lookups (no query per row).
  const skillCells = rows.flatMap((r) => splitSkills(textOf(r.cells, 'skills')));
  const uris = skillCells.filter((s) => escoUriSchema.safeParse(s).success);
  const labels = skillCells.filter((s) => !escoUriSchema.safeParse(s).success);
  const refs = await escoSkillRefs(db, { uris, labels });
  const comuni = new Map<string, string>();
  for (const c of await allComuni(db)) {
    const key = normaliseLabel(c.name);
    if (!comuni.has(key)) comuni.set(key, c.istatCode);
  }

  const courses: ParsedCatalogue['courses'] = [];
  for (const { line, cells } of rows) {
    const rowErrors: CatalogueRowError[] = [];
    const fail = (field: CatalogueField, message: string) => rowErrors.push({ row: line, field, message });
    const title = textOf(cells, 'title');
    if (!title) fail('title', 'Titolo mancante');
    else if (title.length > 200) fail('title', 'Titolo troppo lungo (al massimo 200 caratteri)');
    const hoursText = textOf(cells, 'hours');
    const hours = parseWhole(cellOf(cells, 'hours'));
    if (hours === null || hours < 1 || hours > 2000) fail('hours', `Ore non valide: «${hoursText}» (un numero intero da 1 a 2000, es. 40)`);
    const date = (field: 'startDate' | 'endDate' | 'enrolmentDeadline', required: boolean) => {
      const text = textOf(cells, field);
      if (!text) {
        if (required) fail(field, `Manca la ${FIELD_NAMES[field]}`);
        return null;
      }
      const iso = parseItalianDate(cellOf(cells, field), 'cigs', options.today);
      if (!iso || iso < '1900-01-01' || iso > '2100-12-31') fail(field, `Data non valida: «${text}» (scrivere GG/MM/AAAA, es. 15/03/2026)`);
      return iso;
    };
    const startDate = date('startDate', true);
    const endDate = date('endDate', true);
    const enrolmentDeadline = date('enrolmentDeadline', false);
    const seatsText = textOf(cells, 'seats');
    const seats = parseWhole(cellOf(cells, 'seats'));
    if (seats === null || seats < 1 || seats > 1000) fail('seats', `Posti non validi: «${seatsText}» (un numero intero da 1 a 1000)`);
    const costCents = parseEuro(cellOf(cells, 'cost'));
    if (costCents === null) fail('cost', `Costo non valido: «${textOf(cells, 'cost')}» (in euro, es. 350,00; 0 se gratuito)`);
    const fundingText = textOf(cells, 'funding');
    const funding = parseFunding(fundingText);
    if (!funding) {
      fail(
        'funding',
        fundingText
          ? `Finanziamento sconosciuto: «${fundingText}» (GOL, FSE+, Fondo nuove competenze, fondi interprofessionali, a pagamento)`
          : 'Manca il finanziamento',
      );
    }
    const placeText = textOf(cells, 'place');
    const place = parsePlace(placeText);
    if (!placeText) fail('place', 'Manca la sede (un comune, «online» o entrambi)');
    const skills: Array<{ uri: string; label: string }> = [];
    for (const s of splitSkills(textOf(cells, 'skills'))) {
      const ref = escoUriSchema.safeParse(s).success ? refs.byUri.get(s) : refs.byLabel.get(normaliseLabel(s));
      if (!ref) fail('skills', `Competenza sconosciuta: «${s}» (un URI ESCO o il nome di una competenza ESCO)`);
      else skills.push(ref);
    }
    const description = textOf(cells, 'description');
    const certificate = textOf(cells, 'certificate');
    if (description.length > 5000) fail('description', 'Descrizione troppo lunga (al massimo 5000 caratteri)');
    if (certificate.length > 200) fail('certificate', 'Attestato troppo lungo (al massimo 200 caratteri)');
    const comuneCode = place.comuneName ? (comuni.get(normaliseLabel(place.comuneName)) ?? null) : null;
    if (startDate && endDate) {
      for (const issue of courseFieldIssues({
        startDate,
        endDate,
        enrolmentDeadline,
        delivery: place.delivery,
        place: place.place,
        comuneCode,
      })) {
        fail(issue.path === 'place' ? 'place' : (issue.path as CatalogueField), issue.message);
      }
    }
    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }
    courses.push({
      row: line,
      values: {
        title,
        description,
        hours: hours!,
        startDate: startDate!,
        endDate: endDate!,
        schedule: '',
        delivery: place.delivery,
        officeId: null,
        comuneCode,
        place: place.place,
        seats: seats!,
        costCents: costCents!,
        funding: funding!,
        enrolmentDeadline,
        certificate,
      },
      skills: [...new Map(skills.map((s) => [s.uri, s])).values()],
    });
  }
  return { headers, mapping, rows: rows.length, courses, errors };
}

function splitSkills(text: string): string[] {
  return text
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}
