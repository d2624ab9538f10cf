import { createRequire } from 'node:module';
import { z } from 'zod';
import {
  CEFR_LEVELS,
  DRIVING_LICENCES,
  SKILL_LEVELS,
  type AdditionalEntry,
  type LanguageEntry,
} from '../../../shared/schemas/profiles.schema.js';
import type { FieldError } from '../../http/problem.js';
import { countryCode, languageCodeOfName } from './code-lists.js';
import { DraftBuilder, clip, isoPartialDate, line, type CvDraft, type IdSource } from './cv-draft.js';
import { cvImportErrors } from './cv-import.errors.js';
import { arr, obj, type Node } from './tree.js';

/**
 * JSON Resume (jsonresume.org, schema 1.0 as published in @jsonresume/schema) to a draft profile:
 * every section the profile can hold, the ones it has no section for (awards, publications,
 * projects, volunteer work, interests, references) into its additional entries.
 */

interface SchemaError {
  path: (string | number)[];
  name: string;
  argument: unknown;
  message: string;
}
interface JsonResumeSchemaPackage {
  validate(resume: unknown, callback: (errors: SchemaError[] | null, valid: boolean) => void): void;
}
const require = createRequire(import.meta.url);
const jsonResumeSchema = require('@jsonresume/schema') as JsonResumeSchemaPackage;

const TYPE_WORDS: Record<string, string> = {
  string: 'un testo',
  array: 'un elenco',
  object: 'un oggetto',
  number: 'un numero',
  boolean: 'vero o falso',
};

function italianMessage(error: SchemaError): string {
  switch (error.name) {
    case 'type':
      return `deve essere ${arr(error.argument)
        .map((t) => TYPE_WORDS[String(t)] ?? String(t))
        .join(' o ')}`;
    case 'format':
      return error.argument === 'email'
        ? 'non è un indirizzo e-mail valido'
        : error.argument === 'uri'
          ? 'non è un indirizzo web (URL) valido'
          : 'non è nel formato richiesto';
    case 'pattern':
      return 'non è una data nel formato AAAA, AAAA-MM o AAAA-MM-GG';
    case 'required':
      return `manca il campo obbligatorio «${String(error.argument)}»`;
    default:
      return 'valore non ammesso dallo schema';
  }
}

/** The schema's path as a reader finds it in the file: work[0].startDate. */
function readablePath(path: (string | number)[]): string {
  return (
    path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${part}` : part), '') || '(documento)'
  );
}

export function validateJsonResume(resume: unknown): FieldError[] {
  let errors: SchemaError[] = [];
  jsonResumeSchema.validate(resume, (e) => {
    errors = e ?? [];
  });
  return errors
    .slice(0, 20)
    .map((e) => ({ path: ['file', ...e.path.map(String)].join('/'), message: `${readablePath(e.path)}: ${italianMessage(e)}` }));
}

const SECTIONS = [
  'basics',
  'work',
  'volunteer',
  'education',
  'awards',
  'certificates',
  'publications',
  'skills',
  'languages',
  'interests',
  'references',
  'projects',
];

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Several lines of plain text (JSON Resume text is not HTML), trimmed. */
function para(value: unknown, max = 5000): string | undefined {
  const text = str(value)
    ?.split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
  return text ? clip(text, max) : undefined;
}

const lines = (values: unknown, max: number): string[] =>
  arr(values)
    .map((v) => line(v, max))
    .filter((v): v is string => !!v);

const urlOf = (value: unknown): string | undefined => {
  const url = line(value, 500);
  return url && z.url().safeParse(url).success ? url : undefined;
};

const joinDetail = (...parts: (string | undefined)[]) => para(parts.filter(Boolean).join('\n'));

export function jsonResumeToDraft(resume: Node, newId?: IdSource): CvDraft {
  const errors = validateJsonResume(resume);
  if (errors.length > 0) throw cvImportErrors.jsonResumeInvalid(errors);
  if (!SECTIONS.some((s) => resume[s] !== undefined)) throw cvImportErrors.notACv();

  const b = new DraftBuilder(newId);
  readBasics(b, obj(resume.basics));
  for (const w of arr(resume.work).map(obj)) if (w) readWork(b, w);
  for (const e of arr(resume.education).map(obj)) if (e) readEducation(b, e);
  for (const s of arr(resume.skills).map(obj)) if (s) readSkill(b, s);
  for (const l of arr(resume.languages).map(obj)) if (l) readLanguage(b, l);
  for (const c of arr(resume.certificates).map(obj)) {
    const name = line(c?.name);
    if (!c || !name) continue;
    const licence = drivingLicenceOf(name);
    if (licence) {
      b.addDrivingLicence(licence);
      continue;
    }
    const issuer = line(c.issuer);
    const issuedOn = isoPartialDate(c.date);
    const url = urlOf(c.url);
    b.addCertificate({ name, ...(issuer && { issuer }), ...(issuedOn && { issuedOn }), ...(url && { url }) });
  }
  readAdditional(b, resume);
  const version = line(obj(resume.meta)?.version, 40);
  return b.build({ format: 'json_resume', ...(version && { version }) });
}

function readBasics(b: DraftBuilder, basics: Node | undefined): void {
  if (!basics) return;
  const id = b.identity;
  id.fullName = line(basics.name, 200);
  id.headline = line(basics.label);
  id.email = line(basics.email, 200);
  const phone = line(basics.phone, 40);
  if (phone) id.phones.push(phone);
  const location = obj(basics.location);
  if (location) {
    const street = line(location.address);
    const postalCode = line(location.postalCode, 20);
    const city = line(location.city, 200);
    const region = line(location.region, 100);
    const country = countryCode(location.countryCode);
    id.address = {
      ...(street && { line: street }),
      ...(postalCode && { postalCode }),
      ...(city && { city }),
      ...(region && { region }),
      ...(country && { country }),
    };
  }
  b.setSummary(para(basics.summary, 3000));
}

function readWork(b: DraftBuilder, w: Node): void {
  const employer = line(w.name);
  const jobTitle = line(w.position);
  const startDate = isoPartialDate(w.startDate);
  if (!employer || !jobTitle || !startDate) {
    const what = [jobTitle, employer].filter(Boolean).join(' – ') || 'senza titolo';
    b.warn(
      'WORK_INCOMPLETE',
      `Esperienza «${what}» non importata: mancano la posizione, il datore di lavoro o la data di inizio`,
      `Work «${what}» not imported: it lacks the position, the employer or the start date`,
    );
    return;
  }
  const endDate = isoPartialDate(w.endDate);
  const place = line(w.location, 200);
  const tasks = para(w.summary);
  b.addWork({
    employer,
    jobTitle,
    startDate,
    ...(endDate && { endDate }),
    ...(place && { place }),
    ...(tasks && { tasks }),
    highlights: lines(w.highlights, 500).slice(0, 30),
  });
}

function readEducation(b: DraftBuilder, e: Node): void {
  const studyType = line(e.studyType);
  const area = line(e.area, 200);
  const institution = line(e.institution);
  const title = studyType ?? area;
  if (!title) {
    b.warn(
      'EDUCATION_INCOMPLETE',
      `Titolo di studio${institution ? ` presso «${institution}»` : ''} senza nome: non importato`,
      `Education${institution ? ` at «${institution}»` : ''} without a title: not imported`,
    );
    return;
  }
  const startDate = isoPartialDate(e.startDate);
  const endDate = isoPartialDate(e.endDate);
  const grade = line(e.score, 60);
  b.addEducation({
    title,
    ...(studyType && area && { field: area }),
    ...(institution && { institution }),
    ...(startDate && { startDate }),
    ...(endDate && { endDate }),
    ...(grade && { grade }),
    courses: lines(e.courses, 200).slice(0, 50),
  });
}

/** JSON Resume levels are free text: the common English and Italian words of a four-step scale. */
const SKILL_LEVEL_WORDS: [RegExp, (typeof SKILL_LEVELS)[number]][] = [
  [/^(beginner|novice|basic|base|elementare|principiante)/i, 'basic'],
  [/^(intermediate|intermedio|medio|buono)/i, 'intermediate'],
  [/^(advanced|avanzato|ottimo|senior)/i, 'advanced'],
  [/^(expert|master|esperto|eccellente)/i, 'expert'],
];

function readSkill(b: DraftBuilder, s: Node): void {
  const label = line(s.name);
  if (!label) return;
  const levelText = line(s.level, 60);
  const level = levelText ? SKILL_LEVEL_WORDS.find(([re]) => re.test(levelText))?.[1] : undefined;
  const entry = b.addSkill({
    label,
    source: 'cv',
    ...(level && { level, assessedBy: 'self' as const }),
    keywords: lines(s.keywords, 100).slice(0, 30),
  });
  if (entry) b.addPhrase({ text: label, origin: 'skill', skillEntryId: entry.id });
}

function readLanguage(b: DraftBuilder, l: Node): void {
  const name = line(l.language, 100);
  if (!name) return;
  const code = /^[a-z]{2,3}$/.test(name) ? name : languageCodeOfName(name);
  if (!code) {
    b.warn('LANGUAGE_UNKNOWN', `Lingua «${name}» non riconosciuta: non importata`, `Language «${name}» not recognised: not imported`);
    return;
  }
  const fluency = line(l.fluency, 300) ?? '';
  if (/native|mother|madre|nativ/i.test(fluency)) {
    b.addLanguage({ code, mother: true });
    return;
  }
  // "Ascolto B2, Lettura B2, Interazione B1, Produzione orale B1, Scrittura A2; IELTS 6.5": the
  // CEFR level of each skill (as the product's own export writes it), then the certificates.
  const [levels = '', ...certificates] = fluency.split(';').map((part) => part.trim());
  const entry: Omit<LanguageEntry, 'id'> = { code, mother: false };
  for (const [, word, level] of levels.matchAll(/([\p{L} ]+?)\s*:?\s*\b([ABC][12])\b/giu)) {
    const skill = CEFR_SKILL_WORDS.find(([re]) => re.test(word!.replace(/^[\s,]+/, '').trim()))?.[1];
    if (skill) entry[skill] = level!.toUpperCase() as (typeof CEFR_LEVELS)[number];
  }
  const cefr = /\b([ABC][12])\b/i.exec(levels)?.[1]?.toUpperCase() as (typeof CEFR_LEVELS)[number] | undefined;
  const bySkill = CEFR_SKILL_WORDS.some(([, key]) => entry[key]);
  if (!bySkill && cefr)
    Object.assign(entry, { listening: cefr, reading: cefr, spokenInteraction: cefr, spokenProduction: cefr, writing: cefr });
  const certificate = line(certificates.filter(Boolean).join('; '), 200);
  if (certificate) entry.certificate = certificate;
  if (!bySkill && !cefr && levels)
    b.warn(
      'LANGUAGE_LEVEL_UNKNOWN',
      `Livello «${levels}» della lingua «${name}» non corrisponde a un livello QCER: lingua importata senza livelli`,
      `Level «${levels}» of «${name}» is not a CEFR level: language imported without levels`,
    );
  b.addLanguage(entry);
}

/** The five CEFR skills as Italian and English CVs name them. */
const CEFR_SKILL_WORDS: [RegExp, 'listening' | 'reading' | 'spokenInteraction' | 'spokenProduction' | 'writing'][] = [
  [/^(ascolto|listening|comprensione orale)$/i, 'listening'],
  [/^(lettura|reading|comprensione scritta)$/i, 'reading'],
  [/^(interazione|interazione orale|interaction|spoken interaction)$/i, 'spokenInteraction'],
  [/^(produzione|produzione orale|production|spoken production)$/i, 'spokenProduction'],
  [/^(scrittura|produzione scritta|writing)$/i, 'writing'],
];

/**
 * JSON Resume has no driving licences: Italian CVs (and the product's own export) list them as
 * certificates, "Patente di guida B", "Driving licence CQC (goods)".
 */
function drivingLicenceOf(name: string): string | undefined {
  const match = /^(?:patente(?: di guida)?|driving licen[cs]e)\s+(.+)$/i.exec(name.trim());
  if (!match) return undefined;
  const value = match[1]!.trim().toUpperCase();
  if (/^CQC\s*(MERCI|\(GOODS\))$/.test(value)) return 'CQC_merci';
  if (/^CQC\s*(PERSONE|\(PASSENGERS\))$/.test(value)) return 'CQC_persone';
  if (/^KB\b/.test(value)) return 'KB';
  return (DRIVING_LICENCES as readonly string[]).includes(value) ? value : undefined;
}

type AdditionalFacts = Pick<AdditionalEntry, 'organisation' | 'date' | 'endDate' | 'url' | 'detail'>;

/** An additional entry with only the facts the resume gave: an absent or empty one is left out. */
function addAdditional(b: DraftBuilder, kind: AdditionalEntry['kind'], title: string, facts: AdditionalFacts): void {
  const given = Object.fromEntries(Object.entries(facts).filter(([, value]) => value)) as AdditionalFacts;
  b.addAdditional({ kind, title, ...given });
}

function readAdditional(b: DraftBuilder, resume: Node): void {
  for (const a of arr(resume.awards).map(obj)) {
    const title = line(a?.title);
    if (!a || !title) continue;
    const organisation = line(a.awarder);
    const date = isoPartialDate(a.date);
    const detail = para(a.summary);
    addAdditional(b, 'award', title, { organisation, date, detail });
  }
  for (const p of arr(resume.publications).map(obj)) {
    const title = line(p?.name);
    if (!p || !title) continue;
    const organisation = line(p.publisher);
    const date = isoPartialDate(p.releaseDate);
    const url = urlOf(p.url);
    const detail = para(p.summary);
    addAdditional(b, 'publication', title, { organisation, date, url, detail });
  }
  for (const p of arr(resume.projects).map(obj)) {
    const title = line(p?.name);
    if (!p || !title) continue;
    const organisation = line(p.entity);
    const date = isoPartialDate(p.startDate);
    const endDate = isoPartialDate(p.endDate);
    const url = urlOf(p.url);
    const roles = lines(p.roles, 200);
    const detail = joinDetail(
      para(p.description),
      ...lines(p.highlights, 500).map((h) => `- ${h}`),
      roles.length ? `Ruoli: ${roles.join(', ')}` : undefined,
    );
    // The product's export writes its "other" entries as projects of type "other".
    addAdditional(b, p.type === 'other' ? 'other' : 'project', title, { organisation, date, endDate, url, detail });
  }
  for (const v of arr(resume.volunteer).map(obj)) {
    const organisation = line(v?.organization);
    const title = line(v?.position) ?? organisation;
    if (!v || !title) continue;
    const date = isoPartialDate(v.startDate);
    const endDate = isoPartialDate(v.endDate);
    const url = urlOf(v.url);
    const detail = joinDetail(para(v.summary), ...lines(v.highlights, 500).map((h) => `- ${h}`));
    addAdditional(b, 'volunteer', title, { organisation, date, endDate, url, detail });
  }
  for (const i of arr(resume.interests).map(obj)) {
    const title = line(i?.name);
    if (!i || !title) continue;
    const keywords = lines(i.keywords, 100);
    b.addAdditional({ kind: 'interest', title, ...(keywords.length > 0 && { detail: keywords.join(', ') }) });
  }
  for (const r of arr(resume.references).map(obj)) {
    const title = line(r?.name);
    if (!r || !title) continue;
    const detail = para(r.reference);
    b.addAdditional({ kind: 'reference', title, ...(detail && { detail }) });
  }
}
