import { z } from 'zod';
import { escoUriSchema } from './profiles.schema.js';
import { labelledConceptSchema } from './skill-labels.schema.js';

/** The skill gap between a worker and a target occupation (issue 11, item 7). */

export const skillGapQuerySchema = z.strictObject({ occupation: escoUriSchema });

const missingSkillSchema = labelledConceptSchema.extend({
  essential: z.boolean(),
  /** A skill the worker has next to this one in the ESCO hierarchy ("vicina"). */
  near: labelledConceptSchema.extend({ relation: z.enum(['broader', 'sibling']) }).nullable(),
});

export const skillGapSchema = z
  .object({
    workerId: z.uuid(),
    occupation: labelledConceptSchema,
    essentialTotal: z.number().int(),
    optionalTotal: z.number().int(),
    held: z.array(labelledConceptSchema),
    missingEssential: z.array(missingSkillSchema),
    missingOptional: z.array(missingSkillSchema),
    courses: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        /** The training provider (ente di formazione). */
        providerName: z.string(),
        hours: z.number(),
        /** 0 when the course is full: enrolling puts the worker on its waiting list. */
        seatsLeft: z.number().int(),
        startDate: z.string().nullable(),
        enrolmentOpen: z.boolean(),
        closes: z.array(labelledConceptSchema),
        closesEssential: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'SkillGap' });
export type SkillGapAnswer = z.infer<typeof skillGapSchema>;
