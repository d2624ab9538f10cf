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

export const okSchema = z.object({ ok: z.literal(true) });
