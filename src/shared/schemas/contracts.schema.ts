import { z } from 'zod';
import { calendarDate, isoDateTime, MAX_INT4, textField } from './common.schema.js';

/**
 * Contracts: the minimum pay of the national collective agreements (CCNL) per level, entered by
 * the network's administrators, and the check of an offer's pay against it (a warning, never a
 * refusal).
 */

/** The CNEL archive's code of an agreement: four letters or digits (C011, H011, I14B). */
export const ccnlCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{4}$/, { message: 'Codice CNEL di 4 lettere o cifre' });

const minimumFields = {
  ccnlCode: ccnlCodeSchema,
  /** The level as the agreement names it: "5", "C2", "3° livello", "3S". */
  level: textField(60),
  /** Minimum gross monthly pay for full time, in euro cents. */
  monthlyCents: z.number().int().min(1, { message: 'Importo mensile maggiore di zero' }).max(10_000_000),
  /** The full-time weekly hours the minimum refers to (40 for most industry agreements). */
  weeklyHours: z.number().min(1).max(48).multipleOf(0.5),
  validFrom: calendarDate,
  /** Absent: the table is still in force. */
  validTo: calendarDate.nullable().optional(),
  /** Where the figure comes from: "rinnovo 5 febbraio 2021, tabella 1° giugno 2024". */
  sourceNote: textField(500),
};

type Dated = { validFrom: string; validTo?: string | null };
const withDates = <T extends z.ZodType<Dated>>(schema: T) =>
  schema.superRefine((v, ctx) => {
    if (v.validTo && v.validTo < v.validFrom)
      ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'La data di fine validità non può precedere quella di inizio' });
  });

export const createCcnlMinimumRequestSchema = withDates(z.strictObject(minimumFields));
export const updateCcnlMinimumRequestSchema = withDates(
  z.strictObject({ ...minimumFields, version: z.number().int().min(1).max(MAX_INT4) }),
);
export type CreateCcnlMinimumRequest = z.infer<typeof createCcnlMinimumRequestSchema>;
export type UpdateCcnlMinimumRequest = z.infer<typeof updateCcnlMinimumRequestSchema>;

export const deleteCcnlMinimumQuerySchema = z.strictObject({ version: z.coerce.number().int().min(1).max(MAX_INT4) });

export const ccnlMinimumSchema = z.object({
  id: z.uuid(),
  ccnlCode: z.string(),
  /** The agreement's title in the CNEL archive. */
  ccnlName: z.string(),
  level: z.string(),
  monthlyCents: z.number().int(),
  weeklyHours: z.number(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  sourceNote: z.string(),
  createdByName: z.string().nullable(),
  createdAt: isoDateTime,
  updatedByName: z.string().nullable(),
  updatedAt: isoDateTime,
  version: z.number().int(),
});
export type CcnlMinimum = z.infer<typeof ccnlMinimumSchema>;

export const ccnlMinimumQuerySchema = z.strictObject({
  ccnlCode: ccnlCodeSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});
export type CcnlMinimumQuery = z.infer<typeof ccnlMinimumQuerySchema>;
export const ccnlMinimumPageSchema = z.object({ items: z.array(ccnlMinimumSchema), total: z.number().int() });

export const payCheckQuerySchema = z.strictObject({
  ccnlCode: ccnlCodeSchema,
  level: textField(60),
  /** The offer's weekly hours (part time: fewer than the agreement's full time). */
  weeklyHours: z.coerce.number().min(1).max(48).multipleOf(0.5),
  /** The offer's gross monthly pay, in euro cents. */
  offeredMonthlyCents: z.coerce.number().int().min(0).max(10_000_000),
  /** The day the minimum is looked up for (the contract's start); today in Europe/Rome when absent. */
  date: calendarDate.optional(),
});
export type PayCheckQuery = z.infer<typeof payCheckQuerySchema>;

export const payCheckSchema = z.object({
  date: z.string(),
  /** Whether the network has a minimum for this CCNL and level on that day. */
  known: z.boolean(),
  minimum: ccnlMinimumSchema.nullable(),
  /** The full-time minimum times offered hours / full-time hours, in cents (null when unknown). */
  proratedMinimumCents: z.number().int().nullable(),
  /** A warning, never a refusal: the offer may still be recorded. */
  belowMinimum: z.boolean().nullable(),
  /** How much the offer is below the pro-rated minimum, in cents (0 when not below). */
  shortfallCents: z.number().int().nullable(),
  /** The offer's hours exceed the agreement's full time: compared with the full-time minimum. */
  hoursAboveFullTime: z.boolean(),
});
export type PayCheckAnswer = z.infer<typeof payCheckSchema>;

const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');
const localText = z.object({ it: z.string(), en: z.string() });

/** The facts of a hire being defined, as far as they are known: an absent fact is unknown, not false. */
export const contractChecklistQuerySchema = z.strictObject({
  contractType: z.enum(['permanent', 'fixed_term', 'apprenticeship', 'agency']).optional(),
  nonEuCitizen: booleanQuery.optional(),
  privateEmployer: booleanQuery.optional(),
  holdsAssegnoDiRicollocazione: booleanQuery.optional(),
  ownershipCoincidesWithCurrentEmployer: booleanQuery.optional(),
  cigsTransizioneOccupazionale: booleanQuery.optional(),
});
export type ContractChecklistQuery = z.infer<typeof contractChecklistQuerySchema>;

const incentiveOutcomeSchema = z.object({
  code: z.string(),
  name: localText,
  source: z.object({ act: z.string(), article: z.string(), comma: z.string(), url: z.string() }),
  benefit: localText,
  months: z.number().int().nullable(),
  annualCeilingEuro: z.number().nullable(),
  reasons: z.array(localText),
  caveat: localText.nullable(),
});

export const contractChecklistSchema = z.object({
  items: z.array(
    z.object({
      code: z.string(),
      section: z.enum(['documents', 'leaving', 'incentive', 'income']),
      label: localText,
      help: localText,
      sourceUrl: z.string().optional(),
    }),
  ),
  /** Present when the contract type is given. */
  incentives: z
    .object({
      applicable: z.array(incentiveOutcomeSchema),
      notApplicable: z.array(incentiveOutcomeSchema),
      toCheck: z.array(incentiveOutcomeSchema),
    })
    .nullable(),
});
