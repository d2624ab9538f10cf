import { z } from 'zod';
import { calendarDate } from './common.schema.js';

/**
 * Companies in crisis and their CIGS episodes. Shared by the API (validation, OpenAPI) and the
 * web forms. The tax-code checks are pure so the form can show them while the user types.
 */

export const CIGS_REASONS = [
  'cessazione_attivita',
  'concordato_senza_continuita',
  'liquidazione_giudiziale',
  'crisi_aziendale',
  'riorganizzazione',
  'contratto_solidarieta',
] as const;
export const cigsReasonSchema = z.enum(CIGS_REASONS).meta({
  id: 'CigsReason',
  description:
    'D.Lgs. 148/2015 art. 21 (riorganizzazione, crisi aziendale, contratto di solidarietà); D.L. 109/2018 art. 44 ' +
    '(cessazione di attività); concordato preventivo senza continuità e liquidazione giudiziale (procedure concorsuali).',
});
export type CigsReasonName = z.infer<typeof cigsReasonSchema>;

/**
 * The crisis types the re-employment programme is for (the programme's default eligibility and
 * the outreach's default target): total cessation of activity (D.L. 109/2018 art. 44) and a
 * composition with creditors without business continuity.
 */
export const CRISIS_CIGS_REASONS: readonly CigsReasonName[] = ['cessazione_attivita', 'concordato_senza_continuita'];

/**
 * Partita IVA (D.P.R. 633/1972 art. 35; check digit per D.M. 23/12/1976): 11 digits, the last one
 * a Luhn-like check: odd positions added as they are, even positions doubled (minus 9 above 9).
 */
export function isValidPartitaIva(value: string): boolean {
  if (!/^\d{11}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const digit = Number(value[i]);
    if (i % 2 === 0) sum += digit;
    else sum += digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
  }
  return (10 - (sum % 10)) % 10 === Number(value[10]);
}

/** Computes the 11th digit for a 10-digit base (used by the demo data and tests). */
export function partitaIvaCheckDigit(base10: string): string {
  for (let d = 0; d <= 9; d++) if (isValidPartitaIva(`${base10}${d}`)) return String(d);
  throw new RangeError(`not a 10-digit base: ${base10}`);
}

/** Dates of companies and people: the product's one calendar-date rule. */
export const isoDateSchema = calendarDate;

/**
 * Company tax code: the 11-digit codice fiscale (same as the partita IVA) of a company, or the
 * 16-character personal codice fiscale of a sole trader. The personal one is checked in depth by
 * the service (src/shared/identity/codice-fiscale.ts); here only the shape.
 */
export const companyTaxCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((s) => (/^\d{11}$/.test(s) ? isValidPartitaIva(s) : /^[A-Z0-9]{16}$/.test(s)), {
    message: 'Codice fiscale non valido: 11 cifre con la cifra di controllo corretta, oppure 16 caratteri',
  });

export const partitaIvaSchema = z
  .string()
  .trim()
  .refine(isValidPartitaIva, { message: 'Partita IVA non valida: 11 cifre con la cifra di controllo corretta' });

export const companyContactSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  role: z.enum(['union', 'hr', 'owner', 'administrator', 'other']),
  organisation: z.string().trim().max(120).optional(),
  phone: z.string().trim().max(40).optional(),
  email: z.union([z.literal(''), z.email()]).optional(),
});

const companyFields = {
  name: z.string().trim().min(1).max(200),
  taxCode: companyTaxCodeSchema.nullable(),
  vatNumber: partitaIvaSchema.nullable(),
  atecoCode: z
    .string()
    .trim()
    .max(10)
    .regex(/^[A-Z]?[0-9.]*$/, { message: 'Codice ATECO non valido' })
    .nullable(),
  address: z.string().trim().max(200),
  postalCode: z
    .string()
    .trim()
    .regex(/^(\d{5})?$/, { message: 'CAP di 5 cifre' }),
  comuneCode: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { message: 'Codice ISTAT del comune di 6 cifre' })
    .nullable(),
  phone: z.string().trim().max(40),
  email: z.union([z.literal(''), z.email()]),
  pec: z.union([z.literal(''), z.email()]),
  contacts: z.array(companyContactSchema).max(30),
  notes: z.string().trim().max(5000),
};

export const createCompanyRequestSchema = z
  .strictObject(companyFields)
  .partial()
  .required({ name: true })
  .meta({ id: 'CreateCompanyRequest' });
export type CreateCompanyRequest = z.infer<typeof createCompanyRequestSchema>;
export const updateCompanyRequestSchema = z.strictObject(companyFields).partial().meta({ id: 'UpdateCompanyRequest' });
export type UpdateCompanyRequest = z.infer<typeof updateCompanyRequestSchema>;

const cigsFields = {
  reason: cigsReasonSchema,
  authorisationRef: z.string().trim().max(120),
  startDate: isoDateSchema,
  endDate: isoDateSchema,
  workersInvolved: z.number().int().min(0).max(100000).nullable(),
  notes: z.string().trim().max(5000),
};
const END_AFTER_START = 'La data di fine della CIGS non può precedere la data di inizio';

export const createCigsCaseRequestSchema = z
  .strictObject(cigsFields)
  .partial({ authorisationRef: true, workersInvolved: true, notes: true })
  .refine((c) => c.endDate >= c.startDate, { message: END_AFTER_START, path: ['endDate'] })
  .meta({ id: 'CreateCigsCaseRequest' });
export type CreateCigsCaseRequest = z.infer<typeof createCigsCaseRequestSchema>;
export const updateCigsCaseRequestSchema = z
  .strictObject(cigsFields)
  .partial()
  .refine((c) => !c.startDate || !c.endDate || c.endDate >= c.startDate, { message: END_AFTER_START, path: ['endDate'] })
  .meta({ id: 'UpdateCigsCaseRequest' });
export type UpdateCigsCaseRequest = z.infer<typeof updateCigsCaseRequestSchema>;
export const CIGS_END_BEFORE_START_MESSAGE = END_AFTER_START;

export const cigsCaseSchema = z
  .object({
    id: z.uuid(),
    companyId: z.uuid(),
    reason: cigsReasonSchema,
    authorisationRef: z.string(),
    startDate: z.string(),
    endDate: z.string(),
    workersInvolved: z.number().nullable(),
    workersLinked: z.number(),
    notes: z.string(),
  })
  .meta({ id: 'CigsCase' });
export type CigsCase = z.infer<typeof cigsCaseSchema>;

export const companySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    taxCode: z.string().nullable(),
    vatNumber: z.string().nullable(),
    atecoCode: z.string().nullable(),
    atecoLabel: z.string().nullable(),
    address: z.string(),
    postalCode: z.string(),
    comuneCode: z.string().nullable(),
    comuneName: z.string().nullable(),
    province: z.string().nullable(),
    phone: z.string(),
    email: z.string(),
    pec: z.string(),
    contacts: z.array(companyContactSchema),
    notes: z.string(),
    cigsCases: z.array(cigsCaseSchema),
  })
  .meta({ id: 'Company' });
export type Company = z.infer<typeof companySchema>;

export const companySummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  taxCode: z.string().nullable(),
  comuneName: z.string().nullable(),
  workers: z.number(),
  nextCigsEnd: z.string().nullable(),
  reasons: z.array(cigsReasonSchema),
});
export type CompanySummary = z.infer<typeof companySummarySchema>;
export const companyListSchema = z.object({ items: z.array(companySummarySchema) });
export const companyListQuerySchema = z.strictObject({ q: z.string().trim().max(100).optional() });

export const cohortMemberSchema = z.object({
  workerId: z.uuid(),
  firstName: z.string(),
  lastName: z.string(),
  officeName: z.string(),
  cigsCaseId: z.uuid().nullable(),
  cigsEndDate: z.string().nullable(),
  /** Programme state from enrollments; null when none (the web shows '—'). */
  programmeStatus: z.string().nullable(),
});
export type CohortMember = z.infer<typeof cohortMemberSchema>;
export const cohortSchema = z.object({ items: z.array(cohortMemberSchema), enrollmentsAvailable: z.boolean() });
