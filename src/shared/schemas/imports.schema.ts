import { z } from 'zod';
import './common.schema.js';

/** Fields a column of an eligible-worker list can be mapped to; 'ignore' skips the column. */
export const IMPORT_FIELDS = [
  'lastName',
  'firstName',
  'fullName',
  'codiceFiscale',
  'birthDate',
  'sex',
  'residenceComune',
  'residenceProvince',
  'address',
  'postalCode',
  'phone',
  'email',
  'companyName',
  'companyVat',
  'cigsStart',
  'cigsEnd',
  'cigsReason',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/**
 * Without these a row cannot be matched (codice fiscale) or shown (names). The names may come as
 * two columns or as one "Nominativo" / "COGNOME E NOME" column in either order (the codice
 * fiscale tells which words are the surname).
 */
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['lastName', 'firstName', 'codiceFiscale'];

/** The required fields a mapping leaves out ('fullName' stands for both names). */
export function missingRequiredFields(mapping: Record<string, string>): ImportField[] {
  const fields = new Set(Object.values(mapping));
  return REQUIRED_IMPORT_FIELDS.filter((f) => !fields.has(f) && !((f === 'lastName' || f === 'firstName') && fields.has('fullName')));
}

/**
 * What the mapping screen warns about before the dry run: the columns left unmapped (their
 * values are not imported) and a list without the CIGS end date, the field the whole programme
 * sorts by (waiting list, "CIGS in scadenza", outreach order).
 */
export function mappingWarnings(mapping: Record<string, string>, columns: ReadonlyArray<{ index: number; header: string }>) {
  const fields = new Set(Object.values(mapping));
  return {
    unmappedColumns: columns.filter((c) => mapping[String(c.index)] === undefined).map((c) => c.header),
    missingCigsEnd: !fields.has('cigsEnd'),
  };
}

export const IMPORT_FIELD_LABELS_IT: Record<ImportField, string> = {
  lastName: 'Cognome',
  firstName: 'Nome',
  fullName: 'Cognome e nome (una colonna)',
  codiceFiscale: 'Codice fiscale',
  birthDate: 'Data di nascita',
  sex: 'Sesso',
  residenceComune: 'Comune di residenza',
  residenceProvince: 'Provincia di residenza',
  address: 'Indirizzo',
  postalCode: 'CAP',
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
  /** The office new workers are assigned to; default the operator's current office. */
  officeId: z.uuid().optional(),
});

/**
 * all: every row or none (the default: a list with errors writes nothing);
 * validOnly: the valid rows, leaving the refused ones to download and send back.
 */
export const importApplyRequestSchema = z
  .strictObject({ validOnly: z.boolean().default(false) })
  // A POST without a body (older clients, curl) means all or nothing.
  .nullish()
  .transform((v) => v ?? { validOnly: false });

export const importRefusedRowsQuerySchema = z.strictObject({ format: z.enum(['csv', 'xlsx']).default('csv') });

export const importOfficeListSchema = z.object({
  items: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string() })),
  defaultOfficeId: z.uuid(),
});

export const importSettingsSchema = z
  .object({ retentionDays: z.number().int() })
  .meta({ id: 'ImportSettings', description: 'How many days an import keeps the personal data of its rows and file' });
export const importSettingsRequestSchema = z.strictObject({ retentionDays: z.number().int().min(1).max(3650) });

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
    /** 'remembered' when the mapping is the one chosen for the same layout last time. */
    mappingSource: z.enum(['suggested', 'remembered']),
    warnings: z.object({ unmappedColumns: z.array(z.string()), missingCigsEnd: z.boolean() }),
    /** File-wide problems, said once: "4 aziende non registrate: …". */
    notices: z.array(z.object({ code: z.string(), message: z.string(), rows: z.number().int() })),
    validOnly: z.boolean(),
    purged: z.boolean(),
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
  errors: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })),
  /** The worker the row created or updated, once applied. */
  workerId: z.string().nullable(),
});
export const importRowListSchema = z.object({
  items: z.array(importRowSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ImportRow = z.infer<typeof importRowSchema>;
