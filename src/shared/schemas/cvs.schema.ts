import { z } from 'zod';
import { MAX_INT4, languageSchema } from './common.schema.js';

/**
 * A worker's CV (curriculum vitae): a view of the profile chosen and worded with the worker for
 * one purpose ("CV per il magazzino", "CV in inglese"). The profile stays the one source of the
 * facts; a CV keeps only its choices (sections and their order, entries left out, a summary and a
 * headline written for it, the photo) and each saved version keeps the document as rendered.
 */

/**
 * The CV's sections in their default (Europass) order. 'availability' gathers availability,
 * mobility and desired occupations; 'additional' is Europass's "Ulteriori informazioni".
 * The personal information always opens the CV and is not a choice.
 */
export const CV_SECTIONS = [
  'summary',
  'work',
  'education',
  'languages',
  'skills',
  'drivingLicences',
  'certificates',
  'availability',
  'additional',
] as const;
export const cvSectionSchema = z.enum(CV_SECTIONS);
export type CvSection = z.infer<typeof cvSectionSchema>;

export const cvLanguageSchema = languageSchema;
export type CvLanguage = z.infer<typeof cvLanguageSchema>;

/** The choices of one CV, as the renderers and the edit form both read them. */
export const cvChoicesSchema = z.strictObject({
  language: cvLanguageSchema.default('it'),
  /** The sections shown, in the order shown; no duplicates. */
  sections: z
    .array(cvSectionSchema)
    .max(CV_SECTIONS.length)
    .refine((s) => new Set(s).size === s.length, { message: 'Sezione ripetuta' })
    .default([...CV_SECTIONS]),
  /** A line under the name ("Addetto alla logistica di magazzino"). */
  headline: z.string().trim().max(200).optional(),
  /** The summary written for this CV; absent: the profile's. */
  summary: z.string().trim().max(3000).optional(),
  /** Profile entries (by their id) left out of this CV. */
  hiddenEntryIds: z.array(z.uuid()).max(500).default([]),
});
export type CvChoices = z.infer<typeof cvChoicesSchema>;

/** Photo limits: JPEG or PNG, checked by their first bytes, at most 2 MB. */
export const CV_PHOTO_MAX_BYTES = 2 * 1024 * 1024;
export const CV_PHOTO_TYPES = ['image/jpeg', 'image/png'] as const;

export const cvTitleSchema = z.string().trim().min(1).max(200);

export const workerCvsParamsSchema = z.strictObject({ workerId: z.uuid() });
export const workerCvParamsSchema = z.strictObject({ workerId: z.uuid(), cvId: z.uuid() });
/** 'inline' shows the PDF in the page (the preview); the default saves it. */
export const cvPdfQuerySchema = z.strictObject({ disposition: z.enum(['inline', 'attachment']).optional() });

/** A new CV: built from the worker's current profile, with its title and (optionally) its first choices. */
export const createCvRequestSchema = z
  .strictObject({ title: cvTitleSchema, choices: cvChoicesSchema.optional() })
  .meta({ id: 'CreateCvRequest' });

/** A change of title or choices, on the version it was made on (409 when someone saved first). */
export const updateCvRequestSchema = z
  .strictObject({ baseVersion: z.int().min(1).max(MAX_INT4), title: cvTitleSchema.optional(), choices: cvChoicesSchema.optional() })
  .meta({ id: 'UpdateCvRequest' });

export const cvSchema = z
  .object({
    id: z.uuid(),
    workerId: z.uuid(),
    title: z.string(),
    language: cvLanguageSchema,
    choices: cvChoicesSchema,
    hasPhoto: z.boolean(),
    version: z.int(),
    createdAt: z.string(),
    createdByName: z.string().nullable(),
    updatedAt: z.string(),
    updatedByName: z.string().nullable(),
  })
  .meta({ id: 'Cv' });
export type Cv = z.infer<typeof cvSchema>;

export const cvListSchema = z.object({ items: z.array(cvSchema) }).meta({ id: 'CvList' });

export const cvVersionSchema = z.object({
  version: z.int(),
  title: z.string(),
  choices: cvChoicesSchema,
  /** The profile version the CV was built from at this save. */
  profileVersion: z.int(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});
export const cvVersionListSchema = z.object({ items: z.array(cvVersionSchema) }).meta({ id: 'CvVersionList' });

/** The JSON Resume document (https://jsonresume.org/schema), validated by the server before it is sent. */
export const jsonResumeSchema = z.looseObject({ basics: z.looseObject({}) }).meta({ id: 'JsonResume' });
