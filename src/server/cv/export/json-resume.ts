import { createRequire } from 'node:module';
import { SKILL_LEVELS, type AdditionalEntry, type LanguageEntry } from '../../../shared/schemas/profiles.schema.js';
import type { CvLanguage, CvSection } from '../../../shared/schemas/cvs.schema.js';
import { newestFirst, visibleProfile, type CvInput } from './cv-input.js';
import { countryName, cvWords, fullName, languageName } from './cv-text.js';

/**
 * The CV as JSON Resume (https://jsonresume.org/schema, v1.0.0), the open format many job sites
 * and CV tools read. Sections the CV leaves out stay out; what JSON Resume has no place for
 * (EQF levels, availability, mobility, ESCO URIs) is not exported. The profile's "additional"
 * entries go to the JSON Resume section of their kind; memberships, which it lacks, go to
 * volunteer, and "other" entries to projects of type "other". Driving licences, which it lacks
 * too, are exported as certificates ("Patente di guida B"), as Italian CVs list them.
 */

export interface JsonResume {
  $schema?: string;
  basics: Record<string, unknown>;
  [section: string]: unknown;
}

const SCHEMA_URL = 'https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json';

/** Languages by CEFR skill, as "fluency" text ("Ascolto B2, Lettura B2, …"); the mother tongue as such. */
function fluency(l: LanguageEntry, language: CvLanguage): string {
  const w = cvWords(language);
  if (l.mother) return w.motherTongue;
  const parts: [string, string | undefined][] = [
    [w.cefr.listening, l.listening],
    [w.cefr.reading, l.reading],
    [w.cefr.interaction, l.spokenInteraction],
    [w.cefr.production, l.spokenProduction],
    [w.cefr.writing, l.writing],
  ];
  const text = parts
    .filter(([, level]) => level)
    .map(([label, level]) => `${label} ${level}`)
    .join(', ');
  return [text, l.certificate].filter(Boolean).join('; ');
}

const LEVEL_NAMES: Record<CvLanguage, Record<(typeof SKILL_LEVELS)[number], string>> = {
  it: { basic: 'Base', intermediate: 'Intermedio', advanced: 'Avanzato', expert: 'Esperto' },
  en: { basic: 'Beginner', intermediate: 'Intermediate', advanced: 'Advanced', expert: 'Master' },
};

const defined = <T extends Record<string, unknown>>(o: T): Partial<T> =>
  Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)),
  ) as Partial<T>;

export function toJsonResume(input: CvInput, options: { lastModified?: Date } = {}): JsonResume {
  const { identity, choices, labels } = input;
  const language = choices.language;
  const p = visibleProfile(input.profile, choices);
  const shown = (s: CvSection) => choices.sections.includes(s);
  const additional = (kind: AdditionalEntry['kind']) => (shown('additional') ? p.additional.filter((a) => a.kind === kind) : []);
  const place = (placeText?: string, country?: string) =>
    [placeText, country && country !== 'IT' ? countryName(language, country, labels) : undefined].filter(Boolean).join(', ') || undefined;
  const words = cvWords(language);

  const resume: JsonResume = {
    $schema: SCHEMA_URL,
    basics: defined({
      name: fullName(identity),
      label: choices.headline,
      email: identity.email,
      phone: identity.phone,
      summary: shown('summary') ? p.summary : undefined,
      location: identity.residence ? { city: identity.residence, countryCode: 'IT' } : undefined,
    }),
  };
  const sections: Record<string, unknown[]> = {
    work: shown('work')
      ? newestFirst(p.work).map((e) =>
          defined({
            name: e.employer,
            position: e.jobTitle,
            location: place(e.place, e.country),
            startDate: e.startDate,
            endDate: e.endDate,
            summary: e.tasks,
            highlights: e.highlights,
          }),
        )
      : [],
    volunteer: [...additional('volunteer'), ...additional('membership')].map((a) =>
      defined({
        organization: a.organisation ?? (a.kind === 'membership' ? a.title : undefined),
        position: a.kind === 'membership' && !a.organisation ? undefined : a.title,
        url: a.url,
        startDate: a.date,
        endDate: a.endDate,
        summary: a.detail,
      }),
    ),
    education: shown('education')
      ? newestFirst(p.education).map((e) =>
          defined({
            institution: e.institution,
            studyType: (e.titleCode && labels?.educationTitles?.[e.titleCode]) || e.title,
            area: e.field,
            startDate: e.startDate,
            endDate: e.endDate,
            score: e.grade,
            courses: e.courses,
          }),
        )
      : [],
    awards: additional('award').map((a) => defined({ title: a.title, date: a.date, awarder: a.organisation, summary: a.detail })),
    certificates: [
      ...(shown('certificates')
        ? p.certificates.map((c) => defined({ name: c.name, date: c.issuedOn, issuer: c.issuer, url: c.url }))
        : []),
      ...(shown('drivingLicences')
        ? p.drivingLicences.map((l) => ({ name: `${words.sections.drivingLicences} ${words.licences[l]}` }))
        : []),
    ],
    publications: additional('publication').map((a) =>
      defined({ name: a.title, publisher: a.organisation, releaseDate: a.date, url: a.url, summary: a.detail }),
    ),
    skills: shown('skills')
      ? p.skills.map((s) =>
          defined({
            name: (s.escoUri && labels?.skills?.[s.escoUri]) || s.label,
            level: s.level ? LEVEL_NAMES[language][s.level] : undefined,
            keywords: s.keywords,
          }),
        )
      : [],
    languages: shown('languages')
      ? p.languages.map((l) => ({ language: languageName(language, l.code, labels), fluency: fluency(l, language) }))
      : [],
    interests: additional('interest').map((a) =>
      defined({
        name: a.title,
        keywords: (a.detail ?? '')
          .split(/[,\n]/)
          .map((k) => k.trim())
          .filter(Boolean),
      }),
    ),
    references: additional('reference').map((a) =>
      defined({ name: [a.title, a.organisation].filter(Boolean).join(', '), reference: a.detail }),
    ),
    projects: [...additional('project'), ...additional('other')].map((a) =>
      defined({
        name: a.title,
        entity: a.organisation,
        description: a.detail,
        startDate: a.date,
        endDate: a.endDate,
        url: a.url,
        type: a.kind === 'other' ? 'other' : undefined,
      }),
    ),
  };
  for (const [name, entries] of Object.entries(sections)) if (entries.length) resume[name] = entries;
  resume.meta = defined({ version: 'v1.0.0', lastModified: options.lastModified?.toISOString().slice(0, 19) });
  return resume;
}

interface JsonResumeSchemaPackage {
  validate(resume: unknown, callback: (errors: { property: string; message: string }[] | null, valid: boolean) => void): void;
}
const schemaPackage = createRequire(import.meta.url)('@jsonresume/schema') as JsonResumeSchemaPackage;

/** Checks a document against the JSON Resume schema (the @jsonresume/schema package): the errors as "property: message". */
export function validateJsonResume(resume: unknown): { valid: boolean; errors: string[] } {
  let result = { valid: false, errors: ['not validated'] };
  schemaPackage.validate(resume, (errors, valid) => {
    result = { valid, errors: (errors ?? []).map((e) => `${e.property}: ${e.message}`) };
  });
  return result;
}
