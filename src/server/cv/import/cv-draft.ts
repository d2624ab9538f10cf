import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  additionalEntrySchema,
  certificateEntrySchema,
  DRIVING_LICENCES,
  educationEntrySchema,
  emptyProfile,
  languageEntrySchema,
  partialDate,
  profileDocumentSchema,
  skillEntrySchema,
  workEntrySchema,
  type AdditionalEntry,
  type CertificateEntry,
  type EducationEntry,
  type LanguageEntry,
  type ProfileDocument,
  type SkillEntry,
  type WorkEntry,
} from '../../../shared/schemas/profiles.schema.js';

/**
 * What a CV converter produces: a draft profile (never saved as is: the consultant reviews what
 * it would add), the identity the CV states (shown beside the worker's record for comparison,
 * never written over it: the people domain owns identity) and the skills the CV names in free
 * text, to be matched to ESCO concepts by the consultant.
 */
export type CvFormat = 'json_resume' | 'europass_xml' | 'europass_json';

export interface CvSource {
  format: CvFormat;
  /** The schema version the file declares or shows ('3.4', '2.0', '1.0.0' for JSON Resume). */
  version?: string;
  /** Set when the CV came out of a Europass PDF+XML file. */
  container?: 'pdf';
}

export interface CvAddress {
  line?: string;
  postalCode?: string;
  city?: string;
  region?: string;
  country?: string;
}

export interface CvIdentity {
  firstName?: string;
  lastName?: string;
  /** The name as one string, when the format gives no split (JSON Resume's basics.name). */
  fullName?: string;
  birthDate?: string;
  gender?: 'M' | 'F';
  email?: string;
  phones: string[];
  address?: CvAddress;
  /** ISO country codes of the nationalities, or their label when the CV gives no code. */
  nationalities: string[];
  /** The CV's headline: the job applied for, the position held ("Operaio specializzato"). */
  headline?: string;
}

export const SKILL_PHRASE_ORIGINS = ['communication', 'organisational', 'job_related', 'computer', 'artistic', 'other', 'skill'] as const;
export type SkillPhraseOrigin = (typeof SKILL_PHRASE_ORIGINS)[number];

export interface SkillPhrase {
  text: string;
  /** The CV section it was written in ('skill': a named skill of JSON Resume). */
  origin: SkillPhraseOrigin;
  /** The draft's skill entry the phrase came from (JSON Resume skills are entries already). */
  skillEntryId?: string;
}

export interface CvWarning {
  code: string;
  it: string;
  en: string;
}

export interface CvDraft {
  source: CvSource;
  identity: CvIdentity;
  profile: ProfileDocument;
  skillPhrases: SkillPhrase[];
  /** What the converter left out or changed, said to the consultant ("Lingua «Elvish» senza codice"). */
  warnings: CvWarning[];
}

export type IdSource = () => string;

type Raw<T> = Omit<T, 'id'> & { id?: string };

/**
 * Collects a draft entry by entry: each entry is checked against its profile schema on its own,
 * so one impossible date drops (or trims) that entry with a warning instead of the whole CV.
 */
export class DraftBuilder {
  readonly profile: ProfileDocument = emptyProfile();
  readonly identity: CvIdentity = { phones: [], nationalities: [] };
  readonly skillPhrases: SkillPhrase[] = [];
  readonly warnings: CvWarning[] = [];
  private readonly phraseKeys = new Set<string>();

  constructor(private readonly newId: IdSource = randomUUID) {}

  warn(code: string, it: string, en: string): void {
    if (!this.warnings.some((w) => w.code === code && w.it === it)) this.warnings.push({ code, it, en });
  }

  private add<T>(schema: z.ZodType<T>, raw: Raw<T>, what: { it: string; en: string }, into: T[], max: number): T | undefined {
    if (into.length >= max) {
      this.warn(
        'SECTION_FULL',
        `Oltre ${max} voci nella sezione: ${what.it} non importata`,
        `Over ${max} entries: ${what.en} not imported`,
      );
      return undefined;
    }
    const entry = { ...raw, id: raw.id ?? this.newId() };
    let parsed = schema.safeParse(entry);
    // An end before the start is a typing slip on one date: keep the entry without its end.
    if (!parsed.success && parsed.error.issues.some((i) => i.path.at(-1) === 'endDate' || i.path.at(-1) === 'expiresOn')) {
      const trimmed: Record<string, unknown> = { ...entry };
      delete trimmed.endDate;
      delete trimmed.expiresOn;
      parsed = schema.safeParse(trimmed);
      if (parsed.success)
        this.warn(
          'END_BEFORE_START',
          `${what.it}: la data di fine precede l’inizio ed è stata tolta`,
          `${what.en}: the end date precedes the start and was left out`,
        );
    }
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      this.warn(
        'ENTRY_INVALID',
        `${what.it}: voce non importata (${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''})`,
        `${what.en} not imported (${issue?.path.join('.') ?? ''})`,
      );
      return undefined;
    }
    into.push(parsed.data);
    return parsed.data;
  }

  addWork(raw: Raw<WorkEntry>): WorkEntry | undefined {
    const what = { it: `Esperienza «${raw.jobTitle} – ${raw.employer}»`, en: `Work «${raw.jobTitle} – ${raw.employer}»` };
    return this.add(workEntrySchema, raw, what, this.profile.work, 60);
  }

  addEducation(raw: Raw<EducationEntry>): EducationEntry | undefined {
    const what = { it: `Titolo di studio «${raw.title}»`, en: `Education «${raw.title}»` };
    return this.add(educationEntrySchema, raw, what, this.profile.education, 30);
  }

  addLanguage(raw: Raw<LanguageEntry>): LanguageEntry | undefined {
    const existing = this.profile.languages.find((l) => l.code === raw.code);
    if (existing) {
      // A mother tongue listed again as foreign, or twice: the first mention wins.
      return existing;
    }
    return this.add(languageEntrySchema, raw, { it: `Lingua «${raw.code}»`, en: `Language «${raw.code}»` }, this.profile.languages, 20);
  }

  addSkill(raw: Raw<SkillEntry>): SkillEntry | undefined {
    if (this.profile.skills.some((s) => s.label.toLowerCase() === raw.label.toLowerCase())) return undefined;
    return this.add(skillEntrySchema, raw, { it: `Competenza «${raw.label}»`, en: `Skill «${raw.label}»` }, this.profile.skills, 300);
  }

  addCertificate(raw: Raw<CertificateEntry>): CertificateEntry | undefined {
    if (this.profile.certificates.some((c) => c.name.toLowerCase() === raw.name.toLowerCase())) return undefined;
    const what = { it: `Certificato «${raw.name}»`, en: `Certificate «${raw.name}»` };
    return this.add(certificateEntrySchema, raw, what, this.profile.certificates, 60);
  }

  addAdditional(raw: Raw<AdditionalEntry>): AdditionalEntry | undefined {
    const what = { it: `Voce «${raw.title}»`, en: `Entry «${raw.title}»` };
    return this.add(additionalEntrySchema, raw, what, this.profile.additional, 100);
  }

  addDrivingLicence(value: string): void {
    const licence = DRIVING_LICENCES.find((l) => l.toUpperCase() === value.trim().toUpperCase());
    if (!licence) {
      this.warn('LICENCE_UNKNOWN', `Patente «${value}» non riconosciuta`, `Driving licence «${value}» not recognised`);
      return;
    }
    if (!this.profile.drivingLicences.includes(licence)) this.profile.drivingLicences.push(licence);
  }

  setSummary(text: string | undefined): void {
    if (!text) return;
    this.profile.summary = clip(this.profile.summary ? `${this.profile.summary}\n\n${text}` : text, 3000);
  }

  /** Skill phrases named in free text, split into the single skills a consultant can match to ESCO. */
  addPhrases(text: string | undefined, origin: SkillPhraseOrigin): void {
    for (const phrase of splitSkillPhrases(text)) this.addPhrase({ text: phrase, origin });
  }

  addPhrase(phrase: SkillPhrase): void {
    const key = phrase.text.toLowerCase();
    if (this.phraseKeys.has(key) || this.skillPhrases.length >= 100) return;
    this.phraseKeys.add(key);
    this.skillPhrases.push(phrase);
  }

  build(source: CvSource): CvDraft {
    // The whole document once more: what each entry passed alone must pass together.
    const profile = profileDocumentSchema.parse(this.profile);
    return { source, identity: this.identity, profile, skillPhrases: this.skillPhrases, warnings: this.warnings };
  }
}

/** A value as one trimmed line of text, or undefined when there is nothing in it. */
export function line(value: unknown, max = 300): string | undefined {
  if (value === undefined || value === null || typeof value === 'object') return undefined;
  const text = String(value).replace(/\s+/g, ' ').trim();
  return text ? clip(text, max) : undefined;
}

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

const HTML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * The rich text Europass stores (escaped HTML: <p>, <ul><li>, <br/>) as plain lines; bullets
 * become "- " lines so that the tasks read as the worker wrote them.
 */
export function htmlToText(value: unknown, max = 5000): string | undefined {
  if (typeof value !== 'string') return line(value, max);
  const text = value
    .replace(/<\s*br\s*\/?\s*>/gi, '\n')
    .replace(/<\s*li[^>]*>/gi, '\n- ')
    .replace(/<\s*\/\s*(p|li|ul|ol|div|h\d)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
      }
      return HTML_ENTITIES[name.toLowerCase()] ?? whole;
    })
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
  return text ? clip(text, max) : undefined;
}

/**
 * Free text of a CV's skills section split into single skills: one per line or bullet, then per
 * ';' and, when every part is short, per ','. "Lavoro di squadra: ho coordinato…" keeps the
 * words before the colon, which name the skill.
 */
export function splitSkillPhrases(text: string | undefined): string[] {
  const plain = htmlToText(text, 20000);
  if (!plain) return [];
  const phrases: string[] = [];
  for (const raw of plain.split('\n')) {
    const bullet = raw.replace(/^[-–•*·▪◦]+\s*/, '').trim();
    for (const piece of bullet.split(/\s*;\s*/)) {
      const colon = piece.indexOf(':');
      const named = colon > 2 && colon <= 60 ? piece.slice(0, colon) : piece;
      const parts = splitOutsideBrackets(named).map((p) => p.trim());
      const list = parts.length > 1 && parts.every((p) => p.length <= 60) ? parts : [named];
      for (const part of list) {
        const phrase = part.replace(/[.。]+$/, '').trim();
        if (phrase.length >= 2) phrases.push(clip(phrase, 200));
      }
    }
  }
  return phrases;
}

/** A date the CV gives as numbers or Europass gYearMonth-style strings ('--03', '---10'), as a profile partial date. */
export function partialDateOf(year: unknown, month?: unknown, day?: unknown): string | undefined {
  const y = numberPart(year);
  if (y === undefined) return undefined;
  const m = numberPart(month);
  const d = m === undefined ? undefined : numberPart(day);
  const value = `${String(y).padStart(4, '0')}${m ? `-${String(m).padStart(2, '0')}` : ''}${m && d ? `-${String(d).padStart(2, '0')}` : ''}`;
  if (partialDate.safeParse(value).success) return value;
  // A day that does not exist (31 April) still leaves a good month.
  const month_ = value.slice(0, 7);
  return partialDate.safeParse(month_).success ? month_ : partialDate.safeParse(value.slice(0, 4)).success ? value.slice(0, 4) : undefined;
}

function numberPart(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const digits = value.trim().replace(/^-+/, '');
  return /^\d{1,4}$/.test(digits) ? Number(digits) : undefined;
}

/** A JSON Resume or free-text date ('2019', '2019-03', '2019-03-15T…') as a partial date. */
export function isoPartialDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value.trim());
  return match ? partialDateOf(match[1], match[2], match[3]) : undefined;
}

/** Splits on commas that are not inside brackets: "Uso del PC (Windows, posta)" stays whole. */
function splitOutsideBrackets(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}
