import { z } from 'zod';
import { calendarDate } from './common.schema.js';

/**
 * The worker's profile (profilo professionale): what the worker has studied, done and can do, and
 * what work they are looking for. One document per worker, owned by the profiles domain and
 * versioned as a whole; the CV import fills it, the CV export and the skill gap read it. Identity
 * (name, birth date, contacts, residence) is the people domain's and is not repeated here.
 *
 * Shared by the API (validation, OpenAPI), the web forms and the CV converters, so that every
 * part of the product means the same thing by a section.
 */

/**
 * A date as CVs give it: a year, a month or a day ('2019', '2019-03', '2019-03-15'), ISO 8601
 * like JSON Resume's; Europass gives the same three precisions.
 */
export const partialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, { message: 'Data nel formato AAAA, AAAA-MM o AAAA-MM-GG' })
  .refine((s) => s.length < 10 || calendarDate.safeParse(s).success, { message: 'Data inesistente' })
  .refine((s) => s.slice(0, 4) >= '1900' && s.slice(0, 4) <= '2100', { message: 'Data tra il 1900 e il 2100' })
  .meta({ id: 'PartialDate', description: "'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'" });

/** Compares two partial dates by their start ('2019' < '2019-03' < '2019-03-15' < '2020'). */
export function partialDateStart(value: string): string {
  return value.length === 4 ? `${value}-01-01` : value.length === 7 ? `${value}-01` : value;
}

/** Section entries carry a stable id (a UUID made by the client or the server) so that versions can say what changed. */
const entryId = z.uuid();
const shortText = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional();

/** ISO 3166-1 alpha-2 country code, upper case ('IT'). */
export const countryCodeSchema = z.string().regex(/^[A-Z]{2}$/, { message: 'Codice paese ISO a due lettere' });

/** An ESCO concept URI (occupations and skills), e.g. http://data.europa.eu/esco/skill/<uuid>. */
export const escoUriSchema = z
  .string()
  .max(200)
  .regex(/^http:\/\/data\.europa\.eu\/esco\/(skill|occupation|isco)\/[A-Za-z0-9-]+$/, { message: 'URI ESCO non valido' });

export const EQF_LEVELS = [1, 2, 3, 4, 5, 6, 7, 8] as const;

export const educationEntrySchema = z
  .strictObject({
    id: entryId,
    /** ISTAT classification of education titles (the taxonomy's 'education' kind), when known. */
    titleCode: optionalText(40),
    /** The title as the worker states it ("Diploma di perito meccanico"). */
    title: shortText(300),
    /** Field of study, free text ("Meccanica"). */
    field: optionalText(200),
    eqfLevel: z.union(EQF_LEVELS.map((l) => z.literal(l))).optional(),
    institution: optionalText(300),
    /** Place of the institution, free text ("Sassuolo (MO)"). */
    place: optionalText(200),
    country: countryCodeSchema.optional(),
    startDate: partialDate.optional(),
    /** The date the title was obtained (the year, at least, for the completeness rule). */
    endDate: partialDate.optional(),
    /** Final mark as written ("100/100", "110 e lode"). */
    grade: optionalText(60),
    /** Subjects or courses of note, one per line in the forms. */
    courses: z.array(shortText(200)).max(50).default([]),
  })
  .refine((e) => !e.startDate || !e.endDate || partialDateStart(e.startDate) <= partialDateStart(e.endDate), {
    message: 'La fine non può precedere l’inizio',
    path: ['endDate'],
  });
export type EducationEntry = z.infer<typeof educationEntrySchema>;

export const workEntrySchema = z
  .strictObject({
    id: entryId,
    /** The employer's name as stated. */
    employer: shortText(300),
    /** The crisis company (companies domain) when the employer is one the network knows. */
    companyId: z.uuid().optional(),
    /** ATECO 2025 (or 2007) sector code of the employer, e.g. '23.31'. */
    atecoCode: optionalText(20),
    /** The job title as stated ("Operaio addetto alla smaltatura"). */
    jobTitle: shortText(300),
    /** ESCO occupation and/or CP2011 profession of the job. */
    escoOccupationUri: escoUriSchema.optional(),
    cp2011Code: optionalText(20),
    place: optionalText(200),
    country: countryCodeSchema.optional(),
    startDate: partialDate,
    /** Absent while the job is current. */
    endDate: partialDate.optional(),
    /** Tasks and responsibilities in free text (several lines). */
    tasks: optionalText(5000),
    /** Achievements, one per line (JSON Resume 'highlights'). */
    highlights: z.array(shortText(500)).max(30).default([]),
  })
  .refine((e) => !e.endDate || partialDateStart(e.startDate) <= partialDateStart(e.endDate), {
    message: 'La fine non può precedere l’inizio',
    path: ['endDate'],
  });
export type WorkEntry = z.infer<typeof workEntrySchema>;

export const SKILL_LEVELS = ['basic', 'intermediate', 'advanced', 'expert'] as const;
export const SKILL_SOURCES = ['declared', 'assessed', 'course', 'cv'] as const;
export const skillEntrySchema = z.strictObject({
  id: entryId,
  /** The ESCO skill or knowledge; absent for a skill stated in free text and not yet matched. */
  escoUri: escoUriSchema.optional(),
  /** The label shown (ESCO's preferred label in the profile's language, or the worker's words). */
  label: shortText(300),
  level: z.enum(SKILL_LEVELS).optional(),
  /** Who judged the level: the worker (self) or the consultant. */
  assessedBy: z.enum(['self', 'consultant']).optional(),
  source: z.enum(SKILL_SOURCES),
  /** The course (training domain) the skill came from, when source is 'course'. */
  courseId: z.uuid().optional(),
  /** JSON Resume keywords of the skill, kept for the round trip. */
  keywords: z.array(shortText(100)).max(30).default([]),
});
export type SkillEntry = z.infer<typeof skillEntrySchema>;

export const CEFR_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
const cefr = z.enum(CEFR_LEVELS).optional();
export const languageEntrySchema = z.strictObject({
  id: entryId,
  /** ISO 639-1 code ('en', 'de'); the taxonomy's 'language' kind names it. */
  code: z.string().regex(/^[a-z]{2,3}$/, { message: 'Codice lingua ISO 639' }),
  /** Mother tongue: no CEFR levels. */
  mother: z.boolean().default(false),
  listening: cefr,
  reading: cefr,
  spokenInteraction: cefr,
  spokenProduction: cefr,
  writing: cefr,
  /** Certificates of the language ("IELTS 6.5"), free text. */
  certificate: optionalText(200),
});
export type LanguageEntry = z.infer<typeof languageEntrySchema>;

/** Italian driving licence categories (D.Lgs. 59/2011) and the professional qualifications. */
export const DRIVING_LICENCES = [
  'AM', 'A1', 'A2', 'A', 'B1', 'B', 'BE', 'C1', 'C1E', 'C', 'CE', 'D1', 'D1E', 'D', 'DE', 'CQC_merci', 'CQC_persone', 'KB',
] as const; // prettier-ignore
export const drivingLicenceSchema = z.enum(DRIVING_LICENCES);

export const certificateEntrySchema = z
  .strictObject({
    id: entryId,
    /** "Patentino per carrellisti", "HACCP", "Attestato di saldatore EN ISO 9606-1". */
    name: shortText(300),
    issuer: optionalText(300),
    issuedOn: partialDate.optional(),
    expiresOn: partialDate.optional(),
    url: z.url().max(500).optional(),
  })
  .refine((c) => !c.issuedOn || !c.expiresOn || partialDateStart(c.issuedOn) <= partialDateStart(c.expiresOn), {
    message: 'La scadenza non può precedere il rilascio',
    path: ['expiresOn'],
  });
export type CertificateEntry = z.infer<typeof certificateEntrySchema>;

export const WORKING_TIMES = ['full_time', 'part_time'] as const;
export const SHIFTS = ['day', 'two_shifts', 'three_shifts', 'night', 'weekend'] as const;
export const CONTRACT_TYPES = ['permanent', 'fixed_term', 'apprenticeship', 'temporary_agency', 'seasonal', 'self_employed'] as const;
export const availabilitySchema = z.strictObject({
  workingTimes: z.array(z.enum(WORKING_TIMES)).max(2).default([]),
  shifts: z.array(z.enum(SHIFTS)).max(5).default([]),
  /** The first day the worker can start. */
  availableFrom: calendarDate.optional(),
  contractTypes: z.array(z.enum(CONTRACT_TYPES)).max(6).default([]),
  note: optionalText(1000),
});
export type Availability = z.infer<typeof availabilitySchema>;

export const TRANSPORT_MEANS = ['car', 'motorbike', 'public_transport', 'bicycle', 'on_foot'] as const;
export const mobilitySchema = z.strictObject({
  /** Maximum commute, in km and/or in minutes, from the worker's residence comune. */
  maxKm: z.number().int().min(0).max(1000).optional(),
  maxMinutes: z.number().int().min(0).max(600).optional(),
  means: z.array(z.enum(TRANSPORT_MEANS)).max(5).default([]),
  /** Willing to relocate for the right job. */
  relocate: z.boolean().default(false),
});
export type Mobility = z.infer<typeof mobilitySchema>;

export const desiredOccupationSchema = z
  .strictObject({
    id: entryId,
    escoOccupationUri: escoUriSchema.optional(),
    cp2011Code: optionalText(20),
    label: shortText(300),
  })
  .refine((d) => d.escoOccupationUri || d.cp2011Code, {
    message: 'Scegliere una professione ESCO o CP2011',
    path: ['label'],
  });
export type DesiredOccupation = z.infer<typeof desiredOccupationSchema>;

/**
 * What CVs hold beyond the sections above (Europass "Ulteriori informazioni", JSON Resume awards,
 * publications, projects, volunteer work, interests, references): kept so that a CV imported and
 * exported again loses nothing its format holds.
 */
export const ADDITIONAL_KINDS = ['award', 'publication', 'project', 'volunteer', 'membership', 'interest', 'reference', 'other'] as const;
export const additionalEntrySchema = z.strictObject({
  id: entryId,
  kind: z.enum(ADDITIONAL_KINDS),
  title: shortText(300),
  /** The organisation, publisher, awarder or referee, as the kind needs. */
  organisation: optionalText(300),
  date: partialDate.optional(),
  endDate: partialDate.optional(),
  url: z.url().max(500).optional(),
  detail: optionalText(5000),
});
export type AdditionalEntry = z.infer<typeof additionalEntrySchema>;

export const profileDocumentSchema = z
  .strictObject({
    /** A few lines on the worker, for the CV's opening ("Profilo"). */
    summary: optionalText(3000),
    education: z.array(educationEntrySchema).max(30).default([]),
    work: z.array(workEntrySchema).max(60).default([]),
    skills: z.array(skillEntrySchema).max(300).default([]),
    languages: z.array(languageEntrySchema).max(20).default([]),
    drivingLicences: z.array(drivingLicenceSchema).max(DRIVING_LICENCES.length).default([]),
    certificates: z.array(certificateEntrySchema).max(60).default([]),
    availability: availabilitySchema.default({ workingTimes: [], shifts: [], contractTypes: [] }),
    mobility: mobilitySchema.default({ means: [], relocate: false }),
    desiredOccupations: z.array(desiredOccupationSchema).max(10).default([]),
    additional: z.array(additionalEntrySchema).max(100).default([]),
  })
  .meta({ id: 'ProfileDocument' });
export type ProfileDocument = z.infer<typeof profileDocumentSchema>;

export const PROFILE_SECTIONS = [
  'summary',
  'education',
  'work',
  'skills',
  'languages',
  'drivingLicences',
  'certificates',
  'availability',
  'mobility',
  'desiredOccupations',
  'additional',
] as const;
export type ProfileSection = (typeof PROFILE_SECTIONS)[number];

/** The empty profile (a worker nobody has interviewed yet). */
export function emptyProfile(): ProfileDocument {
  return profileDocumentSchema.parse({});
}
