import { z } from 'zod';
import { calendarDate } from './common.schema.js';
import { escoUriSchema } from './profiles.schema.js';

/**
 * The candidate search for a vacancy (matching, issue 12): the filters, each defaulting to the
 * vacancy's own values, and a page of workers with the facts that make them fit and those facts
 * in words. Shared by the route and the «Cerca candidati» page.
 */

/** The orders a matcher can choose; each is one Ranking of src/server/matching/rankings.ts. */
export const CANDIDATE_SORTS = ['fit', 'cigs_end'] as const;
export type CandidateSort = (typeof CANDIDATE_SORTS)[number];

/** The widest radius a search may ask for, in km: beyond it a commute is a move. */
export const MAX_CANDIDATE_RADIUS_KM = 200;

const oneOrMany = <T extends z.ZodType>(item: T, max: number) => z.union([item, z.array(item).max(max)]);

export const candidateQuerySchema = z.strictObject({
  /** Offices whose workers are searched (repeatable); default the caller's current office. */
  officeId: oneOrMany(z.uuid(), 50).optional(),
  /** The whole network's workers (those of other offices shown masked to roles bound to one office). */
  network: z.enum(['true', 'false']).optional(),
  /** Only workers enrolled in this programme (an open enrolment). */
  programmeId: z.uuid().optional(),
  /** Default the vacancy's occupation: a worker wanting it or having done it fits. */
  occupation: escoUriSchema.optional(),
  /** Skills searched (repeatable); default the vacancy's required skills. */
  skill: oneOrMany(escoUriSchema, 50).optional(),
  /** The least number of the skills a worker must hold (default 1). */
  minSkills: z.coerce.number().int().min(1).max(50).optional(),
  /** The place of work; default the vacancy's comune. */
  comuneCode: z
    .string()
    .regex(/^\d{6}$/, { message: 'Codice ISTAT del comune di 6 cifre' })
    .optional(),
  /** Km from the comune; default each worker's own longest commute. */
  radiusKm: z.coerce
    .number()
    .int({ message: 'Un numero intero di km' })
    .min(1, { message: 'Almeno 1 km' })
    .max(MAX_CANDIDATE_RADIUS_KM, { message: `Al massimo ${MAX_CANDIDATE_RADIUS_KM} km` })
    .optional(),
  /** Only workers available to start by this day (the profile's «disponibile dal»). */
  availableBy: calendarDate.optional(),
  /** Only workers accepting this working time (or saying none). */
  workingTime: z.enum(['full_time', 'part_time']).optional(),
  sort: z.enum(CANDIDATE_SORTS).default('fit'),
  limit: z.coerce.number().int().min(1).max(100, { message: 'Al massimo 100 per pagina' }).default(25),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});
export type CandidateQuery = z.infer<typeof candidateQuerySchema>;

/** The structured facts a candidate fits by: what a Ranking scores and the explanation puts in words. */
export const candidateFactsSchema = z.object({
  requiredSkills: z.object({ held: z.number().int(), of: z.number().int() }),
  optionalSkills: z.object({ held: z.number().int(), of: z.number().int() }),
  /** The worker wants the occupation or has done it. */
  occupationMatch: z.boolean(),
  /** Km from the place of work (centroids), null when the worker's comune is unknown. */
  distanceKm: z.number().nullable(),
  /** The place the distance is from. */
  fromComuneName: z.string(),
  /** The worker's longest commute, km, when stated. */
  maxCommuteKm: z.number().int().nullable(),
  /** The effective CIGS end (the worker's own, else the case's). */
  cigsEnd: z.string().nullable(),
  /** The first day the worker can start; null: at once. */
  availableFrom: z.string().nullable(),
});
export type CandidateFacts = z.infer<typeof candidateFactsSchema>;

export const candidateSchema = z.object({
  worker: z.object({
    id: z.uuid(),
    /** Initials only for a worker of an office outside the caller's scope. */
    firstName: z.string(),
    lastName: z.string(),
    officeId: z.uuid(),
    officeName: z.string(),
    comuneName: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    inScope: z.boolean(),
  }),
  facts: candidateFactsSchema,
  score: z.number(),
  /** Why the worker fits, one phrase per fact, in the caller's language. */
  reasons: z.array(z.string()),
  /** The reasons as one line: «5 di 7 competenze richieste; 14 km da Carpi; …». */
  explanation: z.string(),
});
export type Candidate = z.infer<typeof candidateSchema>;

export const candidatePageSchema = z.object({
  items: z.array(candidateSchema),
  total: z.number().int(),
  /** More workers fit than the search considers (it keeps those holding the most skills, then the nearest): narrow the filters. */
  truncated: z.boolean(),
  /** The filters as applied, defaults filled in: what the page shows in its form. */
  applied: z.object({
    officeIds: z.array(z.uuid()).nullable(),
    programmeId: z.uuid().nullable(),
    occupation: z.string().nullable(),
    skills: z.array(z.string()),
    minSkills: z.number().int(),
    comuneCode: z.string(),
    comuneName: z.string(),
    radiusKm: z.number().int().nullable(),
    availableBy: z.string().nullable(),
    workingTime: z.enum(['full_time', 'part_time']).nullable(),
    sort: z.enum(CANDIDATE_SORTS),
  }),
});
export type CandidatePage = z.infer<typeof candidatePageSchema>;
