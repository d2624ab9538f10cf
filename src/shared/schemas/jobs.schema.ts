import { z } from 'zod';
import { isoDateTime } from './common.schema.js';

export const jobStateSchema = z.enum(['queued', 'running', 'done', 'failed', 'cancelled']).meta({ id: 'JobState' });

export const jobListQuerySchema = z.strictObject({
  state: jobStateSchema.default('failed'),
  kind: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/)
    .max(80)
    .optional(),
  /** Keyset pagination: jobs that ended (or are due) before this instant. */
  before: isoDateTime.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type JobListQuery = z.infer<typeof jobListQuerySchema>;

/** A background job as staff see it: what it is about and how it went, never its payload. */
export const jobSummarySchema = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    subjectId: z.string().nullable(),
    subjectVersion: z.number().int().nullable(),
    state: jobStateSchema,
    attempts: z.number().int(),
    maxAttempts: z.number().int(),
    lastError: z.string().nullable(),
    runAt: isoDateTime,
    createdAt: isoDateTime,
    finishedAt: isoDateTime.nullable(),
  })
  .meta({ id: 'JobSummary' });
export type JobSummary = z.infer<typeof jobSummarySchema>;

export const jobListSchema = z.object({
  items: z.array(jobSummarySchema),
  /** Pass as `before` for the next page; null on the last one. */
  nextBefore: isoDateTime.nullable(),
});
