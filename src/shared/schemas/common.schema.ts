import { z } from 'zod';
import { validationErrorMap } from '../api/validation-messages.js';

// Validation messages in Italian first: the API's field errors are read by Italian operators.
// Human texts, never Zod's own (the error handler and the forms re-parse in the caller's language).
z.config(z.locales.it());
z.config({ customError: validationErrorMap('it') });

export const ROLES = ['admin', 'coordinator', 'consultant', 'frontoffice', 'matcher'] as const;
export const roleSchema = z.enum(ROLES).meta({ id: 'Role', description: 'Staff role, held per office' });
export type RoleName = z.infer<typeof roleSchema>;

export const languageSchema = z.enum(['it', 'en']);

export const idParamsSchema = z.strictObject({ id: z.uuid() });

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details with a stable code' });

/** A trimmed, non-empty single-line text field. */
export const textField = (max: number) => z.string().trim().min(1).max(max);

export const emailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email());

export const isoDateTime = z.iso.datetime({ offset: true });

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** 'YYYY-MM-DD' and a day that exists; the range is the caller's (a birth date has rules of its own). */
export const existingDate = z
  .string()
  // abort: a date in the wrong format is not also reported as a date that does not exist.
  .regex(ISO_DATE, { message: 'Data nel formato AAAA-MM-GG', abort: true })
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    message: 'Data inesistente',
    abort: true,
  })
  .meta({ format: 'date' });

/**
 * A calendar date as the API takes it: a day that exists, between 1900 and 2100. The one rule for
 * the dates the product stores: PostgreSQL has no year 0 (a '0000-02-29' reached the database and
 * answered 500), and a year typed 0202 for 2020 is a mistake to say beside the field, not a date to
 * keep. A birth date is checked by people's own rule (not before 1900, not in the future).
 */
export const calendarDate = existingDate
  .refine((s) => s >= '1900-01-01' && s <= '2100-12-31', { message: 'Data tra il 1900 e il 2100' })
  .meta({ format: 'date' });

/**
 * The largest number a PostgreSQL integer column holds: a version, a count or a position the API
 * takes goes no further (a version 9007199254740991 reached the database and answered 500).
 */
export const MAX_INT4 = 2_147_483_647;

export const okSchema = z.object({ ok: z.literal(true) });
