import { z } from 'zod';
import { isoDateTime, textField } from './common.schema.js';
import { escoUriSchema } from './profiles.schema.js';
import { labelLanguageSchema } from './taxonomy.schema.js';

/** Italian labels a network enters for ESCO skills and occupations, and ESCO occupations' skills. */

export const MAX_ALTERNATIVES = 20;
/** The CSV of labels sent as text, within the API body limit of 1 MiB: several thousand rows. */
export const MAX_LABELS_CSV_CHARS = 900_000;

export const skillLabelInputSchema = z.strictObject({
  conceptUri: escoUriSchema,
  label: textField(300),
  alternatives: z.array(textField(300)).max(MAX_ALTERNATIVES).default([]),
});
export type SkillLabelInput = z.input<typeof skillLabelInputSchema>;

export const skillLabelUriQuerySchema = z.strictObject({ conceptUri: escoUriSchema });

export const skillTranslationSchema = z
  .object({
    conceptUri: z.string(),
    /** ESCO's own labels in the loaded release. */
    escoLabelEn: z.string().nullable(),
    escoLabelIt: z.string().nullable(),
    /** The network's Italian label, with who entered it and when. */
    networkLabel: z
      .object({
        label: z.string(),
        alternatives: z.array(z.string()),
        updatedBy: z.string().nullable(),
        /** Who entered it, by name (the account may since have been disabled). */
        updatedByName: z.string().nullable(),
        updatedAt: isoDateTime,
      })
      .nullable(),
    /** The skill is used by the network (profiles, courses) and has no Italian label at all. */
    missingItalian: z.boolean(),
  })
  .meta({ id: 'SkillTranslation' });
export type SkillTranslation = z.infer<typeof skillTranslationSchema>;

export const skillTranslationListSchema = z.object({ items: z.array(skillTranslationSchema) }).meta({ id: 'SkillTranslationList' });

export const skillLabelsImportSchema = z.strictObject({
  csv: z.string().min(1).max(MAX_LABELS_CSV_CHARS),
  dryRun: z.boolean().default(true),
});

export const skillLabelsImportResultSchema = z
  .object({
    dryRun: z.boolean(),
    /** Rows read (header excluded). */
    rows: z.number().int(),
    /** Rows that add a label, and rows that replace the network's label. */
    added: z.number().int(),
    replaced: z.number().int(),
    applied: z.boolean(),
    errors: z.array(z.object({ line: z.number().int(), message: z.string() })),
  })
  .meta({ id: 'SkillLabelsImportResult' });
export type SkillLabelsImportResult = z.infer<typeof skillLabelsImportResultSchema>;

/** From an ESCO occupation, an ISCO-08 group or a CP2011 profession to the ESCO occupations and their skills. */
export const occupationSkillsQuerySchema = z
  .strictObject({
    occupation: escoUriSchema.optional(),
    isco: z
      .string()
      .regex(/^\d{1,4}$/, { message: 'Codice ISCO-08 da 1 a 4 cifre' })
      .optional(),
    cp2011: z
      .string()
      .regex(/^\d(\.\d){0,4}$/, { message: 'Codice CP2011 nel formato 6.2.1.2.0' })
      .optional(),
  })
  .refine((q) => q.occupation !== undefined || q.isco !== undefined || q.cp2011 !== undefined, {
    message: 'Indicare una professione ESCO, un gruppo ISCO o una professione CP2011',
    path: ['occupation'],
  });

export const labelledConceptSchema = z.object({ uri: z.string(), label: z.string(), labelLanguage: labelLanguageSchema });

export const occupationSkillsSchema = z
  .object({
    items: z.array(
      labelledConceptSchema.extend({
        iscoGroup: z.string().nullable(),
        skills: z.array(labelledConceptSchema.extend({ essential: z.boolean() })),
      }),
    ),
  })
  .meta({ id: 'OccupationSkills' });
export type OccupationSkills = z.infer<typeof occupationSkillsSchema>;
