import { z } from 'zod';
import { validateCodiceFiscale, normaliseCodiceFiscale } from '../identity/codice-fiscale.js';
import { normalisePhoneNumber } from '../identity/phone.js';
import { isoDateSchema } from './companies.schema.js';
import { existingDate } from './common.schema.js';

/** Workers (lavoratori): personal data, consents, notes and timeline. Shared by API and web. */

const CF_REASONS: Record<string, string> = {
  format: 'Codice fiscale non valido: servono 16 caratteri (6 lettere, 2 cifre, 1 lettera, 2 cifre, 1 lettera, 3 cifre, 1 lettera)',
  check_character: 'Codice fiscale non valido: il carattere di controllo non corrisponde (errore di battitura?)',
  date: 'Codice fiscale non valido: la data di nascita codificata non esiste',
  place: 'Codice fiscale non valido: il codice del luogo di nascita non è valido',
};

export const codiceFiscaleSchema = z
  .string()
  .transform(normaliseCodiceFiscale)
  .superRefine((cf, ctx) => {
    const result = validateCodiceFiscale(cf);
    if (!result.valid) ctx.addIssue({ code: 'custom', message: CF_REASONS[result.reason] ?? 'Codice fiscale non valido' });
  });

/** Any phone people type; stored in E.164. */
export const phoneInputSchema = z.string().transform((s, ctx) => {
  if (s.trim() === '') {
    ctx.addIssue({ code: 'custom', message: 'Inserire il numero di telefono' });
    return z.NEVER;
  }
  const result = normalisePhoneNumber(s);
  if (!result.valid) {
    ctx.addIssue({ code: 'custom', message: 'Numero di telefono non valido' });
    return z.NEVER;
  }
  return result.e164;
});

export const CONSENT_PURPOSES = ['programme', 'contact_sms', 'contact_email', 'share_with_employers'] as const;
export const CONSENT_CHANNELS = ['phone', 'paper', 'online', 'in_person'] as const;

const workerFields = {
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().min(1).max(100),
  codiceFiscale: codiceFiscaleSchema.nullable(),
  birthDate: existingDate.nullable(),
  sex: z.enum(['M', 'F']).nullable(),
  birthPlaceCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]\d{3}$/, { message: 'Codice catastale di 4 caratteri (es. F257)' })
    .nullable(),
  citizenship: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, { message: 'Codice ISO di 2 lettere (es. IT)' })
    .nullable(),
  residenceComuneCode: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { message: 'Codice ISTAT del comune di 6 cifre' })
    .nullable(),
  address: z.string().trim().max(200),
  postalCode: z
    .string()
    .trim()
    .regex(/^(\d{5})?$/, { message: 'Il CAP ha 5 cifre' }),
  phone: phoneInputSchema.nullable(),
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()).nullable(),
  cigsCaseId: z.uuid().nullable(),
  cigsEndDate: isoDateSchema.nullable(),
  officeId: z.uuid(),
};

export const createWorkerRequestSchema = z
  .strictObject(workerFields)
  .partial()
  .required({ firstName: true, lastName: true })
  .meta({ id: 'CreateWorkerRequest' });
export type CreateWorkerRequest = z.infer<typeof createWorkerRequestSchema>;
export type CreateWorkerInput = z.input<typeof createWorkerRequestSchema>;
export const updateWorkerRequestSchema = z.strictObject(workerFields).partial().meta({ id: 'UpdateWorkerRequest' });
export type UpdateWorkerRequest = z.infer<typeof updateWorkerRequestSchema>;

export const consentSchema = z.object({
  purpose: z.enum(CONSENT_PURPOSES),
  granted: z.boolean(),
  channel: z.enum(CONSENT_CHANNELS),
  recordedAt: z.string(),
  recordedBy: z.string().nullable(),
  note: z.string(),
});
export type Consent = z.infer<typeof consentSchema>;
export const recordConsentRequestSchema = z
  .strictObject({
    purpose: z.enum(CONSENT_PURPOSES),
    granted: z.boolean(),
    channel: z.enum(CONSENT_CHANNELS),
    note: z.string().trim().max(500).optional(),
  })
  .meta({ id: 'RecordConsentRequest' });
export type RecordConsentRequest = z.infer<typeof recordConsentRequestSchema>;

export const workerSchema = z
  .object({
    id: z.uuid(),
    officeId: z.uuid(),
    officeName: z.string(),
    codiceFiscale: z.string().nullable(),
    firstName: z.string(),
    lastName: z.string(),
    birthDate: z.string().nullable(),
    sex: z.enum(['M', 'F']).nullable(),
    birthPlaceCode: z.string().nullable(),
    birthPlaceName: z.string().nullable(),
    citizenship: z.string().nullable(),
    residenceComuneCode: z.string().nullable(),
    residenceComuneName: z.string().nullable(),
    address: z.string(),
    postalCode: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    cigsCaseId: z.uuid().nullable(),
    /** The worker's own CIGS end, when it differs from the case's; null = the case's. */
    cigsEndDate: z.string().nullable(),
    /** The end every rule uses: the worker's own date, else the case's. */
    effectiveCigsEndDate: z.string().nullable(),
    cigsReason: z.string().nullable(),
    cigsStartDate: z.string().nullable(),
    companyId: z.uuid().nullable(),
    companyName: z.string().nullable(),
    consents: z.array(consentSchema),
    /** Further numbers the worker gave (a call from a new number, a list), newest first. */
    otherPhones: z.array(z.object({ phone: z.string(), source: z.enum(['hotline', 'desk', 'import']), recordedAt: z.string() })),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Worker' });
export type Worker = z.infer<typeof workerSchema>;

export const workerSummarySchema = z.object({
  id: z.uuid(),
  firstName: z.string(),
  lastName: z.string(),
  codiceFiscale: z.string().nullable(),
  phone: z.string().nullable(),
  officeId: z.uuid(),
  officeName: z.string(),
  companyName: z.string().nullable(),
  cigsEndDate: z.string().nullable(),
});
export type WorkerSummary = z.infer<typeof workerSummarySchema>;

export const workerListQuerySchema = z.strictObject({
  q: z.string().trim().max(100).optional(),
  officeId: z.uuid().optional(),
  companyId: z.uuid().optional(),
  cigsCaseId: z.uuid().optional(),
  cigsEndBefore: isoDateSchema.optional(),
  hasCodiceFiscale: z.enum(['true', 'false']).optional(),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type WorkerListQuery = z.infer<typeof workerListQuerySchema>;
export const workerListSchema = z.object({
  items: z.array(workerSummarySchema),
  nextCursor: z.string().nullable(),
  /** How many workers match the filters in all; on the first page only (null with a cursor). */
  total: z.number().int().nullable(),
});
export type WorkerList = z.infer<typeof workerListSchema>;

export const duplicateQuerySchema = z.strictObject({
  codiceFiscale: z.string().trim().max(16).optional(),
  phone: z.string().trim().max(40).optional(),
  firstName: z.string().trim().max(100).optional(),
  lastName: z.string().trim().max(100).optional(),
  birthDate: existingDate.optional(),
});
/**
 * A possible duplicate. `inScope` false: the worker is followed by an office outside the caller's
 * scope, and only initials and that office are shown (codice fiscale, phone, birth date null).
 */
export const duplicateCandidateSchema = z.object({
  id: z.uuid(),
  firstName: z.string(),
  lastName: z.string(),
  codiceFiscale: z.string().nullable(),
  phone: z.string().nullable(),
  birthDate: z.string().nullable(),
  officeId: z.uuid(),
  officeName: z.string(),
  inScope: z.boolean(),
  matchedOn: z.array(z.enum(['codiceFiscale', 'phone', 'name'])),
});
export type DuplicateCandidate = z.infer<typeof duplicateCandidateSchema>;
export const duplicateListSchema = z.object({ items: z.array(duplicateCandidateSchema) });

export const noteSchema = z.object({ id: z.uuid(), body: z.string(), authorName: z.string(), createdAt: z.string() });
export type Note = z.infer<typeof noteSchema>;
export const noteListSchema = z.object({ items: z.array(noteSchema) });
export const createNoteRequestSchema = z.strictObject({ body: z.string().trim().min(1).max(5000) }).meta({ id: 'CreateNoteRequest' });

export const timelineEventSchema = z.object({
  id: z.number(),
  at: z.string(),
  kind: z.string(),
  actorName: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type TimelineEvent = z.infer<typeof timelineEventSchema>;
export const timelineSchema = z.object({ items: z.array(timelineEventSchema) });
