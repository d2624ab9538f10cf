import { z } from 'zod';
import { MAX_INT4, calendarDate, isoDateTime, textField } from './common.schema.js';
import { escoUriSchema } from './profiles.schema.js';

/** Training paths (percorsi formativi): providers, courses, enrolments. */

export const COURSE_STATUSES = ['draft', 'open', 'closed', 'cancelled'] as const;
export const COURSE_DELIVERIES = ['in_person', 'online', 'blended'] as const;
export const COURSE_FUNDINGS = ['gol', 'fse_plus', 'fondo_nuove_competenze', 'fondi_interprofessionali', 'a_pagamento', 'altro'] as const;
export const TRAINING_ENROLMENT_STATES = ['enrolled', 'waiting', 'withdrawn', 'completed', 'dropped'] as const;

/** The names of the funding sources as providers write them. */
export const COURSE_FUNDING_LABELS: Record<'it' | 'en', Record<(typeof COURSE_FUNDINGS)[number], string>> = {
  it: {
    gol: 'GOL (Garanzia di occupabilità dei lavoratori)',
    fse_plus: 'FSE+',
    fondo_nuove_competenze: 'Fondo nuove competenze',
    fondi_interprofessionali: 'Fondi interprofessionali',
    a_pagamento: 'A pagamento',
    altro: 'Altro finanziamento',
  },
  en: {
    gol: 'GOL (workers’ employability guarantee)',
    fse_plus: 'ESF+',
    fondo_nuove_competenze: 'New skills fund',
    fondi_interprofessionali: 'Inter-professional funds',
    a_pagamento: 'Paid by the participant',
    altro: 'Other funding',
  },
};

export const courseStatusSchema = z.enum(COURSE_STATUSES);
export const courseDeliverySchema = z.enum(COURSE_DELIVERIES);
export const courseFundingSchema = z.enum(COURSE_FUNDINGS);
export const trainingEnrolmentStateSchema = z.enum(TRAINING_ENROLMENT_STATES);
export type TrainingEnrolmentStateName = z.infer<typeof trainingEnrolmentStateSchema>;

/** Codice fiscale of a body (11 digits, as a partita IVA) or of a person (16 characters). */
export const providerTaxCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .transform((s) => s.replace(/^IT/, '').replace(/\s+/g, ''))
  .pipe(z.string().regex(/^([0-9]{11}|[A-Z0-9]{16})$/, { message: 'Codice fiscale o partita IVA non valido (11 cifre o 16 caratteri)' }));

const optionalText = (max: number) => z.string().trim().max(max).optional();

const providerFields = {
  name: textField(200),
  taxCode: providerTaxCodeSchema,
  accreditationNote: optionalText(1000),
  email: z.union([z.literal(''), z.email()]).optional(),
  phone: optionalText(40),
  website: optionalText(300),
  address: optionalText(300),
};
export const createProviderRequestSchema = z.strictObject(providerFields);
export const updateProviderRequestSchema = z.strictObject(providerFields).partial();
export type CreateProviderRequest = z.infer<typeof createProviderRequestSchema>;
export type UpdateProviderRequest = z.infer<typeof updateProviderRequestSchema>;

export const providerSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  taxCode: z.string(),
  accreditationNote: z.string(),
  email: z.string(),
  phone: z.string(),
  website: z.string(),
  address: z.string(),
  courseCount: z.number().int(),
});
export type Provider = z.infer<typeof providerSchema>;
export const providerListSchema = z.object({ items: z.array(providerSchema) });

// labelLanguage: the language of the label shown (absent: as entered with the course).
export const courseSkillSchema = z.object({ uri: z.string(), label: z.string(), labelLanguage: z.enum(['it', 'en']).optional() });
const courseSkillInput = z.strictObject({ uri: escoUriSchema, label: optionalText(300) });

const courseFields = {
  providerId: z.uuid(),
  title: textField(200),
  description: optionalText(5000),
  hours: z.number().int().min(1).max(2000),
  startDate: calendarDate,
  endDate: calendarDate,
  schedule: optionalText(1000),
  delivery: courseDeliverySchema,
  officeId: z.uuid().nullable().optional(),
  /** ISTAT code of the comune where the course is held. */
  comuneCode: z
    .string()
    .regex(/^\d{6}$/, { message: 'Codice ISTAT del comune di 6 cifre' })
    .nullable()
    .optional(),
  place: optionalText(200),
  seats: z.number().int().min(1).max(1000),
  /** Cost for the participant in euro (0 when funded). */
  costEur: z.number().min(0).max(100_000).multipleOf(0.01).optional(),
  funding: courseFundingSchema,
  enrolmentDeadline: calendarDate.nullable().optional(),
  /** The certificate awarded ("Attestato di qualifica", "Patentino carrellisti"); '' for none. */
  certificate: optionalText(200),
  status: courseStatusSchema.optional(),
  skills: z.array(courseSkillInput).max(50).optional(),
};

interface CourseDates {
  startDate?: string;
  endDate?: string;
  enrolmentDeadline?: string | null;
  delivery?: string;
  officeId?: string | null;
  comuneCode?: string | null;
  place?: string;
}

/** The rules between fields, one definition for the API, the form and the catalogue import. */
export function courseFieldIssues(c: CourseDates): Array<{ path: string; message: string }> {
  const issues: Array<{ path: string; message: string }> = [];
  if (c.startDate && c.endDate && c.endDate < c.startDate) issues.push({ path: 'endDate', message: 'La fine non può precedere l’inizio' });
  // Enrolments close before the course starts: a seat given once lessons are under way is a seat
  // the worker cannot make good (the attendance registers start with the first lesson).
  if (c.enrolmentDeadline && c.startDate && c.enrolmentDeadline > c.startDate) {
    issues.push({ path: 'enrolmentDeadline', message: 'La scadenza delle iscrizioni non può seguire l’inizio del corso' });
  }
  if (c.delivery && c.delivery !== 'online' && !c.officeId && !c.comuneCode && !c.place) {
    issues.push({ path: 'place', message: 'Indicare la sede o il comune del corso in presenza' });
  }
  return issues;
}

const withCourseRules = <T extends z.ZodType<CourseDates>>(schema: T) =>
  schema.superRefine((value, ctx) => {
    for (const issue of courseFieldIssues(value)) ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
  });

export const createCourseRequestSchema = withCourseRules(z.strictObject(courseFields));
/** The version the form was loaded at: a change on an older version is refused (409). */
const baseVersion = z.number().int().min(1).max(MAX_INT4);
export const updateCourseRequestSchema = withCourseRules(z.strictObject(courseFields).partial().extend({ baseVersion }));
export type CreateCourseRequest = z.infer<typeof createCourseRequestSchema>;
export type UpdateCourseRequest = z.infer<typeof updateCourseRequestSchema>;

export const courseSchema = z.object({
  id: z.uuid(),
  providerId: z.uuid(),
  providerName: z.string(),
  title: z.string(),
  description: z.string(),
  hours: z.number().int(),
  startDate: z.string(),
  endDate: z.string(),
  schedule: z.string(),
  delivery: courseDeliverySchema,
  officeId: z.uuid().nullable(),
  comuneCode: z.string().nullable(),
  place: z.string(),
  seats: z.number().int(),
  seatsTaken: z.number().int(),
  seatsLeft: z.number().int(),
  waiting: z.number().int(),
  costEur: z.number(),
  funding: courseFundingSchema,
  enrolmentDeadline: z.string().nullable(),
  certificate: z.string(),
  status: courseStatusSchema,
  skills: z.array(courseSkillSchema),
  version: z.number().int(),
});
export type Course = z.infer<typeof courseSchema>;

const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const courseQuerySchema = z.strictObject({
  q: z.string().trim().max(100).optional(),
  skillUri: escoUriSchema.optional(),
  comuneCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  online: booleanQuery.optional(),
  /** Courses starting on or after this day. */
  from: calendarDate.optional(),
  openSeats: booleanQuery.optional(),
  status: courseStatusSchema.optional(),
  providerId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type CourseQuery = z.infer<typeof courseQuerySchema>;
export const coursePageSchema = z.object({ items: z.array(courseSchema), total: z.number().int() });

export const trainingEnrolmentSchema = z.object({
  id: z.uuid(),
  courseId: z.uuid(),
  workerId: z.uuid(),
  workerName: z.string(),
  officeId: z.uuid(),
  state: trainingEnrolmentStateSchema,
  /** 1 for the first of the waiting list; null when not waiting. */
  waitingPosition: z.number().int().nullable(),
  requestedAt: isoDateTime,
  hoursAttended: z.number(),
  completedOn: z.string().nullable(),
  certificateObtained: z.boolean(),
});
export type TrainingEnrolment = z.infer<typeof trainingEnrolmentSchema>;

/** One move in an enrolment's log: from which state to which, who made it (null: the system), when, why. */
export const enrolmentMoveSchema = z.object({
  from: trainingEnrolmentStateSchema.nullable(),
  to: trainingEnrolmentStateSchema,
  actorName: z.string().nullable(),
  reason: z.string(),
  at: isoDateTime,
});
export type EnrolmentMove = z.infer<typeof enrolmentMoveSchema>;
export const enrolmentWithMovesSchema = trainingEnrolmentSchema.extend({ moves: z.array(enrolmentMoveSchema) });

export const courseDetailSchema = courseSchema.extend({
  enrolments: z.array(enrolmentWithMovesSchema),
  /** Enrolments of workers outside the reader's offices, counted but not named. */
  otherOfficesEnrolled: z.number().int(),
});
export type CourseDetail = z.infer<typeof courseDetailSchema>;

export const enrolRequestSchema = z.strictObject({ workerId: z.uuid(), reason: optionalText(500) });
export const enrolResultSchema = z.object({ enrolment: trainingEnrolmentSchema });

export const withdrawRequestSchema = z.strictObject({
  /** withdrawn: before or without starting; dropped: left the course under way. */
  to: z.enum(['withdrawn', 'dropped']).default('withdrawn'),
  reason: textField(500),
});
export const withdrawResultSchema = z.object({ enrolment: trainingEnrolmentSchema, promoted: z.array(trainingEnrolmentSchema) });

/** Half hours at most: registers are kept in hours and half hours. */
const hoursAttended = z.number().min(0).max(2000).multipleOf(0.5);
export const attendanceRequestSchema = z.strictObject({ hoursAttended });
export const completeRequestSchema = z.strictObject({
  completedOn: calendarDate,
  hoursAttended: hoursAttended.min(0.5),
  certificateObtained: z.boolean().default(false),
});

export const workerCourseSchema = enrolmentWithMovesSchema.extend({
  courseTitle: z.string(),
  providerName: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  hours: z.number().int(),
  certificate: z.string(),
  courseStatus: courseStatusSchema,
});
export const workerCourseListSchema = z.object({ items: z.array(workerCourseSchema) });
export const workerCoursesParamsSchema = z.strictObject({ workerId: z.uuid() });

/** The catalogue import: the file is the raw body; the provider and the mapping in the query. */
export const CATALOGUE_FIELDS = [
  'title',
  'description',
  'hours',
  'startDate',
  'endDate',
  'place',
  'seats',
  'cost',
  'funding',
  'enrolmentDeadline',
  'certificate',
  'skills',
] as const;
export type CatalogueField = (typeof CATALOGUE_FIELDS)[number];
export const catalogueImportQuerySchema = z.strictObject({
  providerId: z.uuid(),
  /** The field of each column, comma separated in column order ('' leaves a column out); absent: suggested from the headers. */
  mapping: z.string().max(2000).optional(),
  /** The status the courses are created in. */
  status: z.enum(['draft', 'open']).default('draft'),
});
export const catalogueRowErrorSchema = z.object({ row: z.number().int(), field: z.string(), message: z.string() });
export const catalogueDryRunSchema = z.object({
  headers: z.array(z.string()),
  /** The field of each column, in column order (null: column left out). */
  mapping: z.array(z.enum(CATALOGUE_FIELDS).nullable()),
  rows: z.number().int(),
  valid: z.number().int(),
  errors: z.array(catalogueRowErrorSchema),
  preview: z.array(z.object({ row: z.number().int(), title: z.string(), startDate: z.string(), hours: z.number(), skills: z.number() })),
});
export const catalogueApplySchema = z.object({ created: z.number().int(), courseIds: z.array(z.uuid()) });
