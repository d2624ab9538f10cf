import { z } from 'zod';
import { calendarDate, isoDateTime, MAX_INT4, textField } from './common.schema.js';
import { contractTypeSchema } from './vacancies.schema.js';

/** Applications (candidature): a worker proposed for a vacancy, and the hire (assunzione) it may end in. */

export const APPLICATION_STATES = [
  'proposed',
  'preselected',
  'sent',
  'interview',
  'offer',
  'hired',
  'refused',
  'declined',
  'withdrawn',
  'expired',
] as const;
export const APPLICATION_ACTIONS = ['preselect', 'send', 'interview', 'offer', 'hire', 'refuse', 'decline', 'withdraw', 'expire'] as const;
// candidate_search: a job matcher found the worker in the vacancy's candidate search.
export const APPLICATION_SOURCES = ['consultant', 'worker_interest', 'candidate_search'] as const;
/** Which list a closing move's reason comes from. */
export const REASON_LISTS = ['refusal', 'decline', 'withdrawal'] as const;

export type ApplicationStateName = (typeof APPLICATION_STATES)[number];
export type ApplicationActionName = (typeof APPLICATION_ACTIONS)[number];
export type ReasonList = (typeof REASON_LISTS)[number];

/**
 * The fixed reasons of the closing moves, as data: the code is stored, the labels are shown.
 * «Altro» asks for a note. `hired_elsewhere` is the system's (the worker was hired through
 * another application): no person picks it.
 */
export const APPLICATION_REASONS: Record<ReasonList, Record<string, { it: string; en: string; system?: true }>> = {
  refusal: {
    profile_not_suitable: { it: 'Profilo non adeguato', en: 'Profile not suitable' },
    position_filled: { it: 'Posizione già coperta', en: 'Position already filled' },
    no_show: { it: 'Non si è presentato al colloquio', en: 'Did not attend the interview' },
    other: { it: 'Altro', en: 'Other' },
  },
  decline: {
    distance: { it: 'Distanza', en: 'Distance' },
    pay: { it: 'Retribuzione', en: 'Pay' },
    hours: { it: 'Orario', en: 'Working hours' },
    contract_type: { it: 'Tipo di contratto', en: 'Type of contract' },
    found_other_job: { it: 'Ha trovato altro lavoro', en: 'Found another job' },
    other: { it: 'Altro', en: 'Other' },
  },
  withdrawal: {
    worker_unavailable: { it: 'Lavoratore non più disponibile', en: 'Worker no longer available' },
    vacancy_closed: { it: 'Offerta chiusa o sospesa', en: 'Vacancy closed or suspended' },
    hired_elsewhere: { it: 'Assunto con un’altra candidatura', en: 'Hired through another application', system: true },
    other: { it: 'Altro', en: 'Other' },
  },
};

/** The reasons a person may pick from a list (the system's left out). */
export function pickableReasons(list: ReasonList): string[] {
  return Object.entries(APPLICATION_REASONS[list])
    .filter(([, r]) => !r.system)
    .map(([code]) => code);
}

export const APPLICATION_STATE_LABELS: Record<'it' | 'en', Record<ApplicationStateName, string>> = {
  it: {
    proposed: 'Proposta',
    preselected: 'Preselezionata',
    sent: 'Inviata all’azienda',
    interview: 'Colloquio',
    offer: 'Offerta di assunzione',
    hired: 'Assunto',
    refused: 'Rifiutata dall’azienda',
    declined: 'Rinuncia del lavoratore',
    withdrawn: 'Ritirata',
    expired: 'Scaduta senza risposta',
  },
  en: {
    proposed: 'Proposed',
    preselected: 'Shortlisted',
    sent: 'Sent to the employer',
    interview: 'Interview',
    offer: 'Job offer',
    hired: 'Hired',
    refused: 'Refused by the employer',
    declined: 'Declined by the worker',
    withdrawn: 'Withdrawn',
    expired: 'Expired without an answer',
  },
};

const optionalNote = z.string().trim().max(1000).optional();

export const proposeApplicationRequestSchema = z.strictObject({
  vacancyId: z.uuid(),
  workerId: z.uuid(),
  /** Proposed by the consultant, or the worker asked for it. */
  source: z.enum(APPLICATION_SOURCES),
  note: optionalNote,
});
export type ProposeApplicationRequest = z.infer<typeof proposeApplicationRequestSchema>;

export const interviewInputSchema = z.strictObject({
  at: isoDateTime,
  place: textField(200),
  /** The employer's contact for the interview (name, phone). */
  contact: z.string().trim().max(200).optional(),
});

export const hireInputSchema = z.strictObject({
  contractType: contractTypeSchema,
  startDate: calendarDate,
});

/** The offer's terms, for «offer»: what the employer offers (the pay checked against the CCNL minimum). */
export const offerTermsInputSchema = z.strictObject({
  contractType: contractTypeSchema,
  /** CNEL archive code of the national collective agreement (the taxonomy's 'ccnl' kind). */
  ccnlCode: textField(20),
  ccnlLevel: textField(60),
  weeklyHours: z
    .number()
    .min(1, { message: 'Ore settimanali tra 1 e 48' })
    .max(48, { message: 'Ore settimanali tra 1 e 48' })
    .multipleOf(0.5, { message: 'Ore settimanali a multipli di mezz’ora' }),
  /** Gross monthly pay in euro cents. */
  monthlyGrossCents: z
    .number()
    .int()
    .min(1, { message: 'La retribuzione offerta deve essere maggiore di zero' })
    .max(MAX_INT4, { message: 'La retribuzione offerta deve essere maggiore di zero' }),
  startDate: calendarDate,
  probationDays: z.number().int().min(0).max(365).optional(),
  /** The comune of work (ISTAT code) when it is not the vacancy's. */
  comuneCode: z
    .string()
    .regex(/^\d{6}$/, { message: 'Codice ISTAT del comune di 6 cifre' })
    .optional(),
});
export type OfferTermsInput = z.infer<typeof offerTermsInputSchema>;

export const applicationMoveRequestSchema = z.strictObject({
  action: z.enum(APPLICATION_ACTIONS).exclude(['expire']),
  version: z.number().int().min(1).max(MAX_INT4),
  /** The reason's code, for refuse, decline and withdraw (APPLICATION_REASONS). */
  reason: z.string().trim().max(40).optional(),
  note: optionalNote,
  /** For «send»: the worker's CV sent to the employer. */
  cvId: z.uuid().optional(),
  interview: interviewInputSchema.optional(),
  /** For «hire»: contract type and start date; from the offer's terms when absent. */
  hire: hireInputSchema.optional(),
  /** For «offer»: the offer's terms. */
  offer: offerTermsInputSchema.optional(),
});
export type ApplicationMoveRequest = z.infer<typeof applicationMoveRequestSchema>;

const stateSchema = z.enum(APPLICATION_STATES);

export const applicationWorkerSchema = z.object({
  id: z.uuid(),
  officeId: z.uuid(),
  officeName: z.string(),
  /** Initials only when the worker is followed by an office outside the caller's scope. */
  firstName: z.string(),
  lastName: z.string(),
  inScope: z.boolean(),
});

export const applicationSummarySchema = z.object({
  id: z.uuid(),
  vacancyId: z.uuid(),
  vacancyTitle: z.string(),
  officeId: z.uuid(),
  officeName: z.string(),
  worker: applicationWorkerSchema,
  source: z.enum(APPLICATION_SOURCES),
  state: stateSchema,
  reasonCode: z.string().nullable(),
  sentAt: isoDateTime.nullable(),
  interview: z.object({ at: isoDateTime, place: z.string(), contact: z.string() }).nullable(),
  version: z.number().int(),
  createdAt: isoDateTime,
  /** The moves the caller may make now (the buttons), with the list its reason comes from. */
  actions: z.array(z.object({ action: z.enum(APPLICATION_ACTIONS), reasons: z.enum(REASON_LISTS).nullable() })),
});
export type ApplicationSummary = z.infer<typeof applicationSummarySchema>;

export const applicationEventSchema = z.object({
  kind: z.enum(['move', 'employer_reminder_due', 'employer_answer']),
  from: stateSchema.nullable(),
  to: stateSchema.nullable(),
  reasonCode: z.string().nullable(),
  note: z.string(),
  actorName: z.string().nullable(),
  at: isoDateTime,
});

const textPair = z.object({ it: z.string(), en: z.string() });

/** A warning of a change that was accepted (e.g. an offer below the CCNL minimum): shown, not an error. */
export const applicationWarningSchema = z.object({ code: z.string(), message: z.string(), messages: textPair });
export type ApplicationWarning = z.infer<typeof applicationWarningSchema>;

export const applicationOfferSchema = z.object({
  contractType: contractTypeSchema,
  ccnlCode: z.string(),
  ccnlLevel: z.string(),
  weeklyHours: z.number(),
  monthlyGrossCents: z.number().int(),
  startDate: z.string(),
  probationDays: z.number().int(),
  comuneCode: z.string().nullable(),
  /** The pay check when the offer was recorded: null when no minimum was known. */
  belowMinimum: z.boolean().nullable(),
  proratedMinimumCents: z.number().int().nullable(),
  recordedByName: z.string().nullable(),
  recordedAt: isoDateTime,
});

const incentiveOutcomeSchema = z.object({
  code: z.string(),
  name: textPair,
  source: z.object({ act: z.string(), article: z.string(), comma: z.string(), url: z.string() }),
  benefit: textPair,
  months: z.number().int().nullable(),
  annualCeilingEuro: z.number().nullable(),
  reasons: z.array(textPair),
  caveat: textPair.nullable(),
});

export const applicationChecklistItemSchema = z.object({
  code: z.string(),
  section: z.string(),
  label: textPair,
  help: textPair,
  sourceUrl: z.string().nullable(),
  done: z.boolean(),
  doneByName: z.string().nullable(),
  doneAt: isoDateTime.nullable(),
});

export const applicationDetailSchema = applicationSummarySchema.extend({
  cvId: z.uuid().nullable(),
  placementId: z.uuid().nullable(),
  events: z.array(applicationEventSchema),
  /** The offer's terms, once the application reached «offer». */
  offer: applicationOfferSchema.nullable(),
  warnings: z.array(applicationWarningSchema),
  /** For applications at offer or hired: the hiring incentives and the contract checklist. */
  incentives: z
    .object({
      applicable: z.array(incentiveOutcomeSchema),
      notApplicable: z.array(incentiveOutcomeSchema),
      toCheck: z.array(incentiveOutcomeSchema),
    })
    .nullable(),
  checklist: z.array(applicationChecklistItemSchema).nullable(),
});

export const checklistTickRequestSchema = z.strictObject({
  itemCode: textField(40),
  done: z.boolean(),
  /** The application's version the operator saw (optional: ticks do not move the application). */
  version: z.number().int().min(1).max(MAX_INT4).optional(),
});
export type ChecklistTickRequest = z.infer<typeof checklistTickRequestSchema>;
export type ApplicationDetail = z.infer<typeof applicationDetailSchema>;

export const applicationListSchema = z.object({ items: z.array(applicationSummarySchema) });

export const applicationSettingsSchema = z.object({ expiryDays: z.number().int(), version: z.number().int() });
export const applicationSettingsRequestSchema = z.strictObject({
  expiryDays: z.number().int().min(7, { message: 'Almeno 7 giorni' }).max(365, { message: 'Al massimo 365 giorni' }),
  version: z.number().int().min(0).max(MAX_INT4),
});

/** Placements: follow-ups and the early end. */
export const followUpSchema = z.object({
  id: z.uuid(),
  placementId: z.uuid(),
  months: z.number().int(),
  dueOn: z.string(),
  consultantName: z.string().nullable(),
  workerId: z.uuid(),
  workerName: z.string(),
  employerName: z.string(),
  vacancyTitle: z.string(),
  startDate: z.string(),
  stillEmployed: z.boolean().nullable(),
  satisfaction: z.number().int().nullable(),
  needs: z.string(),
  answeredAt: isoDateTime.nullable(),
});
export type FollowUp = z.infer<typeof followUpSchema>;
export const followUpListSchema = z.object({ items: z.array(followUpSchema) });
export const followUpQuerySchema = z.strictObject({
  officeId: z.uuid().optional(),
  /** Due on or before this day (today, when absent). */
  dueBy: calendarDate.optional(),
  /** Only the caller's own follow-ups. */
  mine: z.enum(['true', 'false']).optional(),
});
export const followUpAnswerRequestSchema = z.strictObject({
  stillEmployed: z.boolean(),
  satisfaction: z.number().int().min(1).max(5).optional(),
  needs: z.string().trim().max(2000).optional(),
});
export const endPlacementRequestSchema = z.strictObject({
  version: z.number().int().min(1).max(MAX_INT4),
  endDate: calendarDate,
  reason: textField(1000),
});
export const placementSchema = z.object({
  id: z.uuid(),
  applicationId: z.uuid(),
  vacancyId: z.uuid(),
  employerId: z.uuid(),
  workerId: z.uuid(),
  officeId: z.uuid(),
  contractType: contractTypeSchema,
  startDate: z.string(),
  endDate: z.string().nullable(),
  endReason: z.string(),
  version: z.number().int(),
  followUps: z.array(followUpSchema),
});
export type Placement = z.infer<typeof placementSchema>;
