import type { CvChoices } from '../../../shared/schemas/cvs.schema.js';
import type { ProfileDocument } from '../../../shared/schemas/profiles.schema.js';

/** Who the CV is about: the people domain's data, read by the caller. */
export interface CvIdentity {
  givenName: string;
  familyName: string;
  /** 'YYYY-MM-DD', shown only when given. */
  birthDate?: string;
  email?: string;
  phone?: string;
  /** The comune of residence as it is written ("Sassuolo (MO)"). */
  residence?: string;
}

/**
 * Labels the caller resolved beforehand (the renderers read no database): ESCO skills and
 * occupations by URI, ISTAT education titles by code, languages by ISO 639 code, countries by
 * ISO 3166 code. A label missing here falls back to the text in the profile, or for languages
 * and countries to the names the runtime's ICU knows.
 */
export interface CvLabels {
  skills?: Record<string, string>;
  occupations?: Record<string, string>;
  educationTitles?: Record<string, string>;
  languages?: Record<string, string>;
  countries?: Record<string, string>;
}

export interface CvPhoto {
  /** JPEG or PNG bytes (already checked by the caller). */
  bytes: Uint8Array;
}

export interface CvInput {
  profile: ProfileDocument;
  identity: CvIdentity;
  labels?: CvLabels;
  choices: CvChoices;
  photo?: CvPhoto;
}

/**
 * The profile as this CV shows it: the entries the worker chose to leave out removed, the
 * summary written for the CV in place of the profile's. Sections not chosen are the renderer's
 * business (they are skipped, in the chosen order).
 */
export function visibleProfile(profile: ProfileDocument, choices: CvChoices): ProfileDocument {
  const hidden = new Set(choices.hiddenEntryIds);
  const keep = <T extends { id: string }>(entries: T[]) => entries.filter((e) => !hidden.has(e.id));
  return {
    ...profile,
    summary: choices.summary?.trim() ? choices.summary.trim() : profile.summary,
    education: keep(profile.education),
    work: keep(profile.work),
    skills: keep(profile.skills),
    languages: keep(profile.languages),
    certificates: keep(profile.certificates),
    desiredOccupations: keep(profile.desiredOccupations),
    additional: keep(profile.additional),
  };
}

/** Newest first, as CVs list jobs and titles; a current job (no end) before every ended one. */
export function newestFirst<T extends { startDate?: string; endDate?: string }>(entries: T[]): T[] {
  const key = (e: T) => `${e.endDate ? '0' : '1'}${e.endDate ?? ''}|${e.startDate ?? ''}`;
  return [...entries].sort((a, b) => (key(a) < key(b) ? 1 : key(a) > key(b) ? -1 : 0));
}
