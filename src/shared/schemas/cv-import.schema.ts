import { z } from 'zod';
import {
  additionalEntrySchema,
  certificateEntrySchema,
  drivingLicenceSchema,
  educationEntrySchema,
  escoUriSchema,
  languageEntrySchema,
  partialDate,
  profileDocumentSchema,
  SKILL_LEVELS,
  skillEntrySchema,
  workEntrySchema,
} from './profiles.schema.js';
import { labelLanguageSchema } from './taxonomy.schema.js';

/**
 * The CV import (issue 11 item 5): the preview of what a CV would add to a worker's profile,
 * nothing saved, and the consultant's choice applied in one profile version (reason 'cv_import').
 */

export const workerIdParamsSchema = z.strictObject({ workerId: z.uuid() });

export const cvImportQuerySchema = z.strictObject({
  /** The language the ESCO proposals' labels are asked in. */
  lang: labelLanguageSchema.default('it'),
});

export const CV_FORMATS = ['json_resume', 'europass_xml', 'europass_json'] as const;
export const cvSourceSchema = z.object({
  format: z.enum(CV_FORMATS),
  version: z.string().optional(),
  container: z.literal('pdf').optional(),
});

/** The identity as the CV states it: shown beside the worker's record, never written over it. */
export const cvIdentitySchema = z.object({
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  fullName: z.string().optional(),
  birthDate: partialDate.optional(),
  gender: z.enum(['M', 'F']).optional(),
  email: z.string().optional(),
  phones: z.array(z.string()),
  address: z
    .object({
      line: z.string().optional(),
      postalCode: z.string().optional(),
      city: z.string().optional(),
      region: z.string().optional(),
      country: z.string().optional(),
    })
    .optional(),
  nationalities: z.array(z.string()),
  headline: z.string().optional(),
});

export const IDENTITY_FIELDS = ['name', 'birthDate', 'email', 'phone', 'address', 'postalCode'] as const;
export const identityDifferenceSchema = z.object({
  field: z.enum(IDENTITY_FIELDS),
  cv: z.string(),
  /** What the worker's record holds; null when it holds nothing. */
  worker: z.string().nullable(),
});

export const cvWarningSchema = z.object({ code: z.string(), it: z.string(), en: z.string() });

export const SKILL_PHRASE_ORIGINS = ['communication', 'organisational', 'job_related', 'computer', 'artistic', 'other', 'skill'] as const;
export const skillProposalSchema = z.object({
  phrase: z.string(),
  origin: z.enum(SKILL_PHRASE_ORIGINS),
  /** The addition's skill entry the phrase names (a JSON Resume skill), when there is one. */
  skillEntryId: z.uuid().optional(),
  /** ESCO skills whose labels match the phrase, best first; empty when none does. */
  candidates: z.array(z.object({ uri: escoUriSchema, label: z.string(), labelLanguage: labelLanguageSchema })),
});

const additionsShape = {
  /** Offered only when the profile has no summary yet. */
  summary: z.string().optional(),
  education: z.array(educationEntrySchema),
  work: z.array(workEntrySchema),
  skills: z.array(skillEntrySchema),
  languages: z.array(languageEntrySchema),
  drivingLicences: z.array(drivingLicenceSchema),
  certificates: z.array(certificateEntrySchema),
  additional: z.array(additionalEntrySchema),
};

export const cvImportPreviewSchema = z
  .object({
    source: cvSourceSchema,
    /** The profile version the preview compared with: the apply sends it back (409 if another change came first). */
    baseVersion: z.number().int().min(0),
    identity: z.object({ cv: cvIdentitySchema, differences: z.array(identityDifferenceSchema) }),
    /** What the profile does not hold yet, by section, each entry with the id the apply sends back. */
    additions: z.object(additionsShape),
    /** How many of the CV's entries the profile already holds, by section. */
    alreadyPresent: z.object({
      education: z.number().int(),
      work: z.number().int(),
      skills: z.number().int(),
      languages: z.number().int(),
      drivingLicences: z.number().int(),
      certificates: z.number().int(),
      additional: z.number().int(),
    }),
    skillProposals: z.array(skillProposalSchema),
    warnings: z.array(cvWarningSchema),
  })
  .meta({ id: 'CvImportPreview' });
export type CvImportPreview = z.infer<typeof cvImportPreviewSchema>;

/** A skill the consultant keeps: an ESCO concept confirmed for a phrase, or the CV's own words. */
export const cvImportSkillSchema = z.strictObject({
  escoUri: escoUriSchema.optional(),
  label: z.string().trim().min(1).max(300),
  level: z.enum(SKILL_LEVELS).optional(),
  keywords: z.array(z.string().trim().min(1).max(100)).max(30).default([]),
});

export const cvImportApplySchema = z
  .strictObject({
    baseVersion: z.number().int().min(0),
    summary: z.string().trim().min(1).max(3000).optional(),
    education: z.array(educationEntrySchema).max(30).default([]),
    work: z.array(workEntrySchema).max(60).default([]),
    skills: z.array(cvImportSkillSchema).max(300).default([]),
    languages: z.array(languageEntrySchema).max(20).default([]),
    drivingLicences: z.array(drivingLicenceSchema).max(20).default([]),
    certificates: z.array(certificateEntrySchema).max(60).default([]),
    additional: z.array(additionalEntrySchema).max(100).default([]),
  })
  .meta({ id: 'CvImportApply' });
export type CvImportApply = z.infer<typeof cvImportApplySchema>;

export const cvImportResultSchema = z
  .object({
    version: z.number().int(),
    profile: profileDocumentSchema,
    added: z.object({
      education: z.number().int(),
      work: z.number().int(),
      skills: z.number().int(),
      languages: z.number().int(),
      drivingLicences: z.number().int(),
      certificates: z.number().int(),
      additional: z.number().int(),
      summary: z.boolean(),
    }),
  })
  .meta({ id: 'CvImportResult' });
export type CvImportResult = z.infer<typeof cvImportResultSchema>;
