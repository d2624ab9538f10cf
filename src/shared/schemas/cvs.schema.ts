import { z } from 'zod';
import { languageSchema } from './common.schema.js';

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
