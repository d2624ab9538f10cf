import { z } from 'zod';
import { MAX_INT4, isoDateTime } from './common.schema.js';
import { PROFILE_SECTIONS, profileDocumentSchema } from './profiles.schema.js';
import { labelLanguageSchema } from './taxonomy.schema.js';

/** The API of the worker's profile (src/server/profiles): reads, writes by version, history, suggestions. */

export const profileParamsSchema = z.strictObject({ workerId: z.uuid() });
export const profileVersionParamsSchema = z.strictObject({ workerId: z.uuid(), version: z.coerce.number().int().min(1).max(MAX_INT4) });

export const profileSectionSchema = z.enum(PROFILE_SECTIONS);

/** The version a write was made on: 0 for a profile nobody has written yet. */
const baseVersion = z.number().int().min(0).max(MAX_INT4);

/** The whole document, with the version it was edited from (PUT). */
export const replaceProfileRequestSchema = profileDocumentSchema.extend({ baseVersion }).meta({ id: 'ReplaceProfileRequest' });

type DocumentShape = (typeof profileDocumentSchema)['shape'];
type OptionalShape = { [K in keyof DocumentShape]: z.ZodOptional<z.ZodType<z.output<DocumentShape[K]>, z.input<DocumentShape[K]>>> };

/** Sections given are replaced whole; sections absent are left as they are (PATCH). */
const sectionFields = Object.fromEntries(
  Object.entries(profileDocumentSchema.shape).map(([key, schema]) => {
    const inner = schema instanceof z.ZodDefault ? (schema.removeDefault() as z.ZodType) : (schema as z.ZodType);
    return [key, inner.optional()];
  }),
) as unknown as OptionalShape;
export const updateProfileSectionsRequestSchema = z
  .strictObject({ baseVersion, ...sectionFields })
  .meta({ id: 'UpdateProfileSectionsRequest' });
export type UpdateProfileSectionsRequest = z.input<typeof updateProfileSectionsRequestSchema>;

export const staffRefSchema = z.object({ id: z.uuid(), name: z.string() });

export const completenessSchema = z
  .object({ percent: z.number().int().min(0).max(100), missing: z.array(profileSectionSchema) })
  .meta({ id: 'ProfileCompleteness' });

export const profileResponseSchema = z
  .object({
    workerId: z.uuid(),
    version: z.number().int().min(0),
    updatedAt: isoDateTime.nullable(),
    updatedBy: staffRefSchema.nullable(),
    document: profileDocumentSchema,
    completeness: completenessSchema,
  })
  .meta({ id: 'Profile' });
export type ProfileResponse = z.output<typeof profileResponseSchema>;

export const PROFILE_CHANGE_REASONS = ['edit', 'cv_import', 'course', 'assessment', 'demo'] as const;
const idsBySection = z.record(z.string(), z.array(z.string()));
export const profileVersionSummarySchema = z.object({
  version: z.number().int().min(1),
  reason: z.enum(PROFILE_CHANGE_REASONS),
  createdAt: isoDateTime,
  createdBy: staffRefSchema.nullable(),
  sections: z.array(profileSectionSchema),
  added: idsBySection,
  changed: idsBySection,
  removed: idsBySection,
});
export type ProfileVersionSummary = z.output<typeof profileVersionSummarySchema>;
export const profileVersionListSchema = z.object({ items: z.array(profileVersionSummarySchema) }).meta({ id: 'ProfileVersionList' });
export const profileVersionSchema = profileVersionSummarySchema.extend({ document: profileDocumentSchema }).meta({ id: 'ProfileVersion' });

export const skillSuggestionsQuerySchema = z.strictObject({ lang: labelLanguageSchema.default('it') });

export const suggestedSkillSchema = z.object({
  uri: z.string(),
  label: z.string(),
  labelLanguage: labelLanguageSchema,
  /** Italian asked, English shown: the Italian ESCO bundle is not loaded. */
  fallback: z.boolean(),
  essential: z.boolean(),
  skillType: z.string().nullable(),
  /** The worker has it in the profile already. */
  present: z.boolean(),
});
export type SuggestedSkill = z.output<typeof suggestedSkillSchema>;

export const skillSuggestionsSchema = z
  .object({
    occupations: z.array(
      z.object({
        uri: z.string(),
        /** Where the occupation comes from: a job of the work history or an occupation wanted. */
        from: z.enum(['work', 'desired']),
        /** The job title or the desired occupation as the profile names it. */
        label: z.string(),
        skills: z.array(suggestedSkillSchema),
      }),
    ),
  })
  .meta({ id: 'SkillSuggestions' });
export type SkillSuggestions = z.output<typeof skillSuggestionsSchema>;
