import { z } from 'zod';
import './common.schema.js';

/** Fields a column of an eligible-worker list can be mapped to; 'ignore' skips the column. */
export const IMPORT_FIELDS = [
  'lastName',
  'firstName',
  'codiceFiscale',
  'birthDate',
  'sex',
  'residenceComune',
  'residenceProvince',
  'address',
  'phone',
  'email',
  'companyName',
  'companyVat',
  'cigsStart',
  'cigsEnd',
  'cigsReason',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Without these a row cannot be matched (codice fiscale) or shown (names). */
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['lastName', 'firstName', 'codiceFiscale'];

export const IMPORT_FIELD_LABELS_IT: Record<ImportField, string> = {
  lastName: 'Cognome',
  firstName: 'Nome',
  codiceFiscale: 'Codice fiscale',
  birthDate: 'Data di nascita',
  sex: 'Sesso',
  residenceComune: 'Comune di residenza',
  residenceProvince: 'Provincia di residenza',
  address: 'Indirizzo',
  phone: 'Telefono',
  email: 'E-mail',
  companyName: 'Azienda',
  companyVat: 'P.IVA azienda',
  cigsStart: 'Data inizio CIGS',
  cigsEnd: 'Data fine CIGS',
  cigsReason: 'Causale CIGS',
};

export const importFieldSchema = z.enum(IMPORT_FIELDS);
export const importStatusSchema = z.enum(['uploaded', 'validating', 'validated', 'applying', 'applied', 'failed']);
export const importOutcomeSchema = z.enum(['new', 'update', 'unchanged', 'error']);

/** Query of the upload route; the body is the file itself (application/octet-stream). */
export const importUploadQuerySchema = z.strictObject({
  fileName: z.string().trim().min(1).max(255),
});

/** column index (as text) → field; columns left out are ignored. */
export const importMappingSchema = z.record(z.string().regex(/^\d{1,3}$/), importFieldSchema);

export const importDryRunRequestSchema = z.strictObject({
  mapping: importMappingSchema.optional(),
  createCompanies: z.boolean().default(false),
});

export const importCountsSchema = z.object({
  new: z.number().int(),
  update: z.number().int(),
  unchanged: z.number().int(),
  error: z.number().int(),
  companiesToCreate: z.number().int(),
});

export const importJobSchema = z
  .object({
    id: z.uuid(),
    status: importStatusSchema,
    fileName: z.string(),
    fileFormat: z.enum(['csv', 'xlsx']),
    fileSize: z.number().int(),
    checksum: z.string(),
    officeId: z.uuid(),
    source: z.record(z.string(), z.unknown()),
    columns: z.array(z.object({ index: z.number().int(), header: z.string(), samples: z.array(z.string()) })),
    mapping: z.record(z.string(), z.string()),
    createCompanies: z.boolean(),
    progress: z.object({ phase: z.string(), processed: z.number().int(), total: z.number().int(), percent: z.number().int() }),
    totalRows: z.number().int(),
    counts: importCountsSchema,
    error: z.string().nullable(),
    createdAt: z.string(),
    appliedAt: z.string().nullable(),
  })
  .meta({ id: 'ImportJob', description: 'An import of an eligible-worker list, with its progress and counts' });
export type ImportJob = z.infer<typeof importJobSchema>;

export const importRowsQuerySchema = z.strictObject({
  outcome: importOutcomeSchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const importRowSchema = z.object({
  rowNumber: z.number().int(),
  outcome: importOutcomeSchema,
  label: z.string(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })),
});
export const importRowListSchema = z.object({
  items: z.array(importRowSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ImportRow = z.infer<typeof importRowSchema>;
