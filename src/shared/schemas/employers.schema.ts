import { z } from 'zod';
import { MAX_INT4, isoDateTime } from './common.schema.js';
import { companyTaxCodeSchema, partitaIvaSchema } from './companies.schema.js';
import { employerHistorySchema, responseIndicatorSchema } from './employer-history.schema.js';

/**
 * Employers: the companies that hire across the network (the demand side), beside the crisis
 * companies the workers come from. Shared by the API (validation, OpenAPI) and the web forms.
 * The tax-code rules are the companies' own (one definition): imported, not rewritten.
 */

export const EMPLOYER_CONTACT_ROLES = ['hr', 'owner', 'manager', 'recruiter', 'administration', 'other'] as const;
export const employerContactRoleSchema = z.enum(EMPLOYER_CONTACT_ROLES).meta({ id: 'EmployerContactRole' });
export type EmployerContactRoleName = z.infer<typeof employerContactRoleSchema>;

export const CONSENT_CHANNELS = ['email', 'phone', 'in_person', 'letter'] as const;
export const consentChannelSchema = z.enum(CONSENT_CHANNELS).meta({ id: 'EmployerConsentChannel' });
export type ConsentChannelName = z.infer<typeof consentChannelSchema>;

const atecoCodeSchema = z
  .string()
  .trim()
  .max(10)
  .regex(/^[A-Z]?[0-9.]*$/, { message: 'Codice ATECO non valido' });
const comuneCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/, { message: 'Codice ISTAT del comune di 6 cifre' });
const optionalEmail = z.union([z.literal(''), z.email()]);

const employerFields = {
  name: z.string().trim().min(1).max(200),
  taxCode: companyTaxCodeSchema.nullable(),
  vatNumber: partitaIvaSchema.nullable(),
  atecoCode: atecoCodeSchema.nullable(),
  /** The office that follows the employer; on creation, the caller's current office when absent. */
  officeId: z.uuid(),
  website: z.string().trim().max(200),
  email: optionalEmail,
  pec: optionalEmail,
  phone: z.string().trim().max(40),
  notes: z.string().trim().max(5000),
};

export const createEmployerRequestSchema = z
  .strictObject(employerFields)
  .partial()
  .required({ name: true })
  .meta({ id: 'CreateEmployerRequest' });
export type CreateEmployerRequest = z.infer<typeof createEmployerRequestSchema>;

/** A change of the employer's own fields, against the version the caller read (409 when stale). */
export const updateEmployerRequestSchema = z
  .strictObject({ ...employerFields, version: z.number().int().min(1).max(MAX_INT4) })
  .partial()
  .required({ version: true })
  .meta({ id: 'UpdateEmployerRequest' });
export type UpdateEmployerRequest = z.infer<typeof updateEmployerRequestSchema>;

const siteFields = {
  name: z.string().trim().max(120),
  address: z.string().trim().max(200),
  postalCode: z
    .string()
    .trim()
    .regex(/^(\d{5})?$/, { message: 'CAP di 5 cifre' }),
  comuneCode: comuneCodeSchema,
  headOffice: z.boolean(),
};
export const createEmployerSiteRequestSchema = z
  .strictObject(siteFields)
  .partial()
  .required({ comuneCode: true })
  .meta({ id: 'CreateEmployerSiteRequest' });
export type CreateEmployerSiteRequest = z.infer<typeof createEmployerSiteRequestSchema>;
export const updateEmployerSiteRequestSchema = z.strictObject(siteFields).partial().meta({ id: 'UpdateEmployerSiteRequest' });
export type UpdateEmployerSiteRequest = z.infer<typeof updateEmployerSiteRequestSchema>;

const contactFields = {
  fullName: z.string().trim().min(1).max(200),
  role: employerContactRoleSchema,
  jobTitle: z.string().trim().max(120),
  phone: z.string().trim().max(40),
  email: optionalEmail,
  receivesCandidates: z.boolean(),
};
export const createEmployerContactRequestSchema = z
  .strictObject(contactFields)
  .partial()
  .required({ fullName: true, role: true })
  .meta({ id: 'CreateEmployerContactRequest' });
export type CreateEmployerContactRequest = z.infer<typeof createEmployerContactRequestSchema>;
export const updateEmployerContactRequestSchema = z.strictObject(contactFields).partial().meta({ id: 'UpdateEmployerContactRequest' });
export type UpdateEmployerContactRequest = z.infer<typeof updateEmployerContactRequestSchema>;

/** The employer agreed to be contacted about candidates: how; when and who are the server's. */
export const recordConsentRequestSchema = z.strictObject({ channel: consentChannelSchema }).meta({ id: 'RecordEmployerConsentRequest' });
export type RecordConsentRequest = z.infer<typeof recordConsentRequestSchema>;

export const employerSiteSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    address: z.string(),
    postalCode: z.string(),
    comuneCode: z.string(),
    comuneName: z.string().nullable(),
    province: z.string().nullable(),
    headOffice: z.boolean(),
  })
  .meta({ id: 'EmployerSite' });
export type EmployerSite = z.infer<typeof employerSiteSchema>;

export const employerContactSchema = z
  .object({
    id: z.uuid(),
    fullName: z.string(),
    role: employerContactRoleSchema,
    jobTitle: z.string(),
    phone: z.string(),
    email: z.string(),
    receivesCandidates: z.boolean(),
  })
  .meta({ id: 'EmployerContact' });
export type EmployerContact = z.infer<typeof employerContactSchema>;

export const employerConsentSchema = z
  .object({ at: isoDateTime, channel: consentChannelSchema, byName: z.string().nullable() })
  .meta({ id: 'EmployerConsent' });
export type EmployerConsent = z.infer<typeof employerConsentSchema>;

export const employerSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    taxCode: z.string().nullable(),
    vatNumber: z.string().nullable(),
    atecoCode: z.string().nullable(),
    atecoLabel: z.string().nullable(),
    officeId: z.uuid(),
    officeName: z.string(),
    /** The crisis company with the same codice fiscale, when there is one: "È anche un'azienda in crisi". */
    crisisCompany: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    website: z.string(),
    email: z.string(),
    pec: z.string(),
    phone: z.string(),
    notes: z.string(),
    consent: employerConsentSchema.nullable(),
    sites: z.array(employerSiteSchema),
    contacts: z.array(employerContactSchema),
    /** «Storico con la rete»: its vacancies, candidates sent, answers, interviews, hires. */
    history: employerHistorySchema,
    version: z.number().int(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'Employer' });
export type Employer = z.infer<typeof employerSchema>;

export const employerSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  taxCode: z.string().nullable(),
  atecoCode: z.string().nullable(),
  atecoLabel: z.string().nullable(),
  /** The comuni of its sites, head office first. */
  comuni: z.array(z.string()),
  officeName: z.string(),
  consent: z.boolean(),
  crisisCompany: z.boolean(),
  /** The response indicator, as the employer's page words it. */
  response: responseIndicatorSchema,
});
export type EmployerSummary = z.infer<typeof employerSummarySchema>;

export const employerListQuerySchema = z.strictObject({
  /** A name (or part of it), a partita IVA or a codice fiscale. */
  q: z.string().trim().max(100).optional(),
  comuneCode: comuneCodeSchema.optional(),
  /** An ATECO code or its prefix: "28" finds every machinery maker. */
  atecoCode: atecoCodeSchema.optional(),
  officeId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type EmployerListQuery = z.infer<typeof employerListQuerySchema>;
export const employerPageSchema = z.object({ items: z.array(employerSummarySchema), total: z.number().int() });
export type EmployerPage = z.infer<typeof employerPageSchema>;
