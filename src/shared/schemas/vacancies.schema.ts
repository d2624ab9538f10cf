import { z } from 'zod';
import { calendarDate, isoDateTime, MAX_INT4, textField } from './common.schema.js';
import { CEFR_LEVELS, EQF_LEVELS, escoUriSchema } from './profiles.schema.js';

/** Vacancies (offerte di lavoro): an employer's opening, visible to every office of the network. */

export const VACANCY_STATES = ['draft', 'published', 'filled', 'closed', 'expired'] as const;
/** Tempo indeterminato, tempo determinato, apprendistato, somministrazione. */
export const CONTRACT_TYPES = ['permanent', 'fixed_term', 'apprenticeship', 'agency'] as const;
export const WORKING_TIMES = ['full_time', 'part_time'] as const;
/** Italian driving licences (D.Lgs. 59/2011) and the driver's qualification card (CQC). */
export const DRIVING_LICENCES = ['AM', 'A1', 'A2', 'A', 'B', 'BE', 'C1', 'C1E', 'C', 'CE', 'D1', 'D1E', 'D', 'DE', 'CQC'] as const;
export const VACANCY_ACTIONS = ['publish', 'fill', 'close', 'reopen', 'expire'] as const;

export const vacancyStateSchema = z.enum(VACANCY_STATES);
export const contractTypeSchema = z.enum(CONTRACT_TYPES);
export const workingTimeSchema = z.enum(WORKING_TIMES);
export type VacancyStateName = z.infer<typeof vacancyStateSchema>;
export type VacancyActionName = (typeof VACANCY_ACTIONS)[number];

const optionalText = (max: number) => z.string().trim().max(max).optional();
const comuneCodeSchema = z.string().regex(/^\d{6}$/, { message: 'Codice ISTAT del comune di 6 cifre' });
const cp2011Schema = z.string().regex(/^\d(\.\d){0,4}$/, { message: 'Codice CP2011 nel formato 6.2.1.2.0' });

export const vacancyLanguageSchema = z.strictObject({
  code: z.string().regex(/^[a-z]{2,3}$/, { message: 'Codice lingua ISO 639' }),
  cefr: z.enum(CEFR_LEVELS),
});
export const vacancySkillInputSchema = z.strictObject({ uri: escoUriSchema, relevance: z.enum(['essential', 'optional']) });

const vacancyFields = {
  employerId: z.uuid(),
  siteId: z.uuid(),
  /** The comune of work when it is not the site's (an agency placing at a client's). */
  comuneCode: comuneCodeSchema.optional(),
  /** The office that owns the vacancy; the author's current office when absent. */
  officeId: z.uuid().optional(),
  escoOccupationUri: escoUriSchema.optional(),
  cp2011Code: cp2011Schema.optional(),
  title: textField(200),
  description: optionalText(5000),
  eqfLevel: z.union(EQF_LEVELS.map((l) => z.literal(l))).optional(),
  /** ISTAT classification of education titles (the taxonomy's 'education' kind). */
  educationCode: optionalText(40),
  languages: z.array(vacancyLanguageSchema).max(10).default([]),
  drivingLicences: z.array(z.enum(DRIVING_LICENCES)).max(DRIVING_LICENCES.length).default([]),
  contractType: contractTypeSchema,
  /** Months of a fixed-term contract. */
  durationMonths: z.number().int().min(1).max(60).optional(),
  workingTime: workingTimeSchema,
  /** Weekly hours of a part-time contract. */
  weeklyHours: z.number().min(1).max(48).multipleOf(0.5).optional(),
  /** CNEL archive code of the national collective agreement (the taxonomy's 'ccnl' kind). */
  ccnlCode: optionalText(20),
  ccnlLevel: optionalText(60),
  /** Gross monthly pay in euro cents. */
  payMinCents: z.number().int().min(0).max(10_000_000).optional(),
  payMaxCents: z.number().int().min(0).max(10_000_000).optional(),
  positions: z.number().int().min(1, { message: 'Almeno un posto' }).max(1000),
  startDate: calendarDate.optional(),
  deadline: calendarDate,
  skills: z.array(vacancySkillInputSchema).max(100).default([]),
};

export interface VacancyRuleInput {
  escoOccupationUri?: string;
  cp2011Code?: string;
  contractType?: string;
  durationMonths?: number;
  workingTime?: string;
  weeklyHours?: number;
  payMinCents?: number;
  payMaxCents?: number;
  skills?: ReadonlyArray<{ uri: string }>;
}

/**
 * The rules between a vacancy's fields, one definition for the API and the form. The deadline
 * against today is the service's (it needs the clock): vacancyDeadlineIssue.
 */
export function vacancyFieldIssues(v: VacancyRuleInput): Array<{ path: string; message: string }> {
  const issues: Array<{ path: string; message: string }> = [];
  if (!v.escoOccupationUri && !v.cp2011Code) {
    issues.push({ path: 'escoOccupationUri', message: 'Indicare la professione ESCO o il codice CP2011' });
  }
  if (v.contractType === 'fixed_term' && v.durationMonths === undefined) {
    issues.push({ path: 'durationMonths', message: 'Indicare la durata in mesi del tempo determinato' });
  }
  if (v.workingTime === 'part_time' && v.weeklyHours === undefined) {
    issues.push({ path: 'weeklyHours', message: 'Indicare le ore settimanali del part time' });
  }
  if (v.payMinCents !== undefined && v.payMaxCents !== undefined && v.payMinCents > v.payMaxCents) {
    issues.push({ path: 'payMaxCents', message: 'La retribuzione massima non può essere inferiore alla minima' });
  }
  const uris = (v.skills ?? []).map((s) => s.uri);
  const repeated = uris.findIndex((u, i) => uris.indexOf(u) !== i);
  if (repeated >= 0) issues.push({ path: `skills/${repeated}/uri`, message: 'Competenza indicata due volte' });
  return issues;
}

/** The deadline of a vacancy being written: not before today (Europe/Rome). */
export function vacancyDeadlineIssue(deadline: string, today: string): { path: string; message: string } | null {
  return deadline < today ? { path: 'deadline', message: 'La scadenza non può essere nel passato' } : null;
}

const withVacancyRules = <T extends z.ZodType<VacancyRuleInput>>(schema: T) =>
  schema.superRefine((value, ctx) => {
    for (const issue of vacancyFieldIssues(value)) ctx.addIssue({ code: 'custom', path: issue.path.split('/'), message: issue.message });
  });

export const createVacancyRequestSchema = withVacancyRules(z.strictObject(vacancyFields));
/** The whole vacancy again, with the version it was read at (409 when someone changed it since). */
export const updateVacancyRequestSchema = withVacancyRules(
  z.strictObject({ ...vacancyFields, version: z.number().int().min(1).max(MAX_INT4) }),
);
export type CreateVacancyRequest = z.infer<typeof createVacancyRequestSchema>;
export type UpdateVacancyRequest = z.infer<typeof updateVacancyRequestSchema>;

export const vacancyMoveRequestSchema = z.strictObject({
  version: z.number().int().min(1).max(MAX_INT4),
  reason: optionalText(1000),
  /** For «fill»: how many positions were filled (all, when absent). */
  positionsFilled: z.number().int().min(0).max(1000).optional(),
});
export type VacancyMoveRequest = z.infer<typeof vacancyMoveRequestSchema>;
export const vacancyMoveParamsSchema = z.strictObject({ id: z.uuid(), action: z.enum(['publish', 'fill', 'close', 'reopen']) });

export const vacancySummarySchema = z.object({
  id: z.uuid(),
  title: z.string(),
  state: vacancyStateSchema,
  employerId: z.uuid(),
  employerName: z.string(),
  officeId: z.uuid(),
  officeName: z.string(),
  comuneCode: z.string(),
  comuneName: z.string(),
  escoOccupationUri: z.string().nullable(),
  cp2011Code: z.string().nullable(),
  contractType: contractTypeSchema,
  workingTime: workingTimeSchema,
  positions: z.number().int(),
  positionsFilled: z.number().int(),
  deadline: z.string(),
  startDate: z.string().nullable(),
});
export type VacancySummary = z.infer<typeof vacancySummarySchema>;

export const vacancySkillSchema = z.object({ uri: z.string(), label: z.string(), relevance: z.enum(['essential', 'optional']) });
export const vacancyTransitionSchema = z.object({
  from: vacancyStateSchema.nullable(),
  to: vacancyStateSchema,
  reason: z.string(),
  actorName: z.string().nullable(),
  at: isoDateTime,
});

export const vacancySchema = vacancySummarySchema.extend({
  siteId: z.uuid(),
  occupationLabel: z.string().nullable(),
  description: z.string(),
  eqfLevel: z.number().int().nullable(),
  educationCode: z.string().nullable(),
  languages: z.array(vacancyLanguageSchema),
  drivingLicences: z.array(z.string()),
  durationMonths: z.number().int().nullable(),
  weeklyHours: z.number().nullable(),
  ccnlCode: z.string().nullable(),
  ccnlLevel: z.string(),
  payMinCents: z.number().int().nullable(),
  payMaxCents: z.number().int().nullable(),
  version: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  skills: z.array(vacancySkillSchema),
  /** The moves the caller may make now (the buttons of the vacancy page). */
  actions: z.array(z.object({ action: z.enum(VACANCY_ACTIONS), reasonRequired: z.boolean() })),
  editable: z.boolean(),
});
export type Vacancy = z.infer<typeof vacancySchema>;
export const vacancyDetailSchema = vacancySchema.extend({ log: z.array(vacancyTransitionSchema) });
export type VacancyDetail = z.infer<typeof vacancyDetailSchema>;

export const vacancyQuerySchema = z.strictObject({
  /** Words of the title. */
  q: z.string().trim().max(100).optional(),
  escoOccupationUri: escoUriSchema.optional(),
  comuneCode: comuneCodeSchema.optional(),
  officeId: z.uuid().optional(),
  state: vacancyStateSchema.optional(),
  contractType: contractTypeSchema.optional(),
  employerId: z.uuid().optional(),
  deadlineFrom: calendarDate.optional(),
  deadlineTo: calendarDate.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});
export type VacancyQuery = z.infer<typeof vacancyQuerySchema>;
/** `total` counts up to 1,000 (`totalCapped` beyond): the list says «più di 1.000». */
export const vacancyPageSchema = z.object({
  items: z.array(vacancySummarySchema),
  total: z.number().int(),
  totalCapped: z.boolean(),
});

export const vacancyBoardQuerySchema = z.strictObject({ officeId: z.uuid().optional() });
export const vacancyBoardSchema = z.object({
  officeId: z.uuid(),
  officeName: z.string(),
  today: z.string(),
  /** Vacancies of the office per state. */
  counts: z.record(vacancyStateSchema, z.number().int()),
  positionsOpen: z.number().int(),
  positionsFilled: z.number().int(),
  /** Published vacancies whose deadline falls in the next 14 days, soonest first. */
  closingSoon: z.array(vacancySummarySchema),
  drafts: z.array(vacancySummarySchema),
  /**
   * Published vacancies with candidates sent and no answer from the employer on any of them (the
   * response indicator's rule, employer-history.schema.ts), with how many candidates wait.
   */
  withoutAnswer: z.array(vacancySummarySchema.extend({ candidatesSent: z.number().int() })),
  /**
   * Candidates in each stage (proposed, preselected, sent, interview, offer, hired) of the office's
   * published vacancies, proposed by any office: the totals, and per vacancy (most candidates first).
   */
  candidateStages: z.object({
    totals: z.record(z.string(), z.number().int()),
    vacancies: z.array(vacancySummarySchema.extend({ byStage: z.record(z.string(), z.number().int()) })),
  }),
});
export type VacancyBoard = z.infer<typeof vacancyBoardSchema>;
