import { z } from 'zod';
import { textField, calendarDate, isoDateTime } from './common.schema.js';
import { CIGS_REASONS } from './companies.schema.js';

export const ENROLLMENT_STATES = [
  'eligible',
  'contacted',
  'registered',
  'waiting',
  'assessed',
  'enrolled',
  'placed',
  'withdrawn',
  'cigs_ended',
] as const;
/** The states in words, as the screens, the exports and the messages say them (the web's i18n files agree: export-labels.unit.test.ts). */
export const ENROLLMENT_STATE_LABELS: Record<'it' | 'en', Record<(typeof ENROLLMENT_STATES)[number], string>> = {
  it: {
    eligible: 'Avente diritto',
    contacted: 'Contattato',
    registered: 'Iscritto',
    waiting: 'In lista d’attesa',
    assessed: 'Colloquio svolto',
    enrolled: 'Patto di servizio firmato',
    placed: 'Collocato',
    withdrawn: 'Ritirato',
    cigs_ended: 'CIGS terminata',
  },
  en: {
    eligible: 'Eligible',
    contacted: 'Contacted',
    registered: 'Registered',
    waiting: 'On the waiting list',
    assessed: 'Assessed',
    enrolled: 'Service agreement signed',
    placed: 'Placed',
    withdrawn: 'Withdrawn',
    cigs_ended: 'CIGS ended',
  },
};
export const enrollmentStateSchema = z.enum(ENROLLMENT_STATES).meta({ id: 'EnrollmentState' });
export type EnrollmentStateName = z.infer<typeof enrollmentStateSchema>;

export { CIGS_REASONS };
export const channelSchema = z.enum(['hotline', 'outreach', 'desk', 'import']);
export const programmeStatusSchema = z.enum(['draft', 'open', 'closed']);

const isoDate = calendarDate;

export const programmeSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    description: z.string(),
    startsOn: z.string(),
    endsOn: z.string().nullable(),
    capacity: z.number().int(),
    fundingSource: z.string(),
    eligibleReasons: z.array(z.string()),
    requireActiveCigs: z.boolean(),
    status: programmeStatusSchema,
    officeIds: z.array(z.uuid()),
    placesUsed: z.number().int(),
    placesFree: z.number().int(),
    waiting: z.number().int(),
    counts: z.record(z.string(), z.number().int()),
  })
  .meta({ id: 'Programme' });
export type Programme = z.infer<typeof programmeSchema>;
export const programmeListSchema = z.object({ items: z.array(programmeSchema) });

const programmeFields = {
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9_-]{2,30}$/, { message: 'Codice di 2–30 lettere o cifre' }),
  name: textField(200),
  description: z.string().trim().max(5000),
  startsOn: isoDate,
  endsOn: isoDate.nullable(),
  capacity: z.number().int().min(1).max(1_000_000),
  fundingSource: z.string().trim().max(300),
  eligibleReasons: z.array(z.enum(CIGS_REASONS)).min(1).max(CIGS_REASONS.length),
  requireActiveCigs: z.boolean(),
  status: programmeStatusSchema,
  officeIds: z.array(z.uuid()).min(1).max(500),
};
const datesInOrder = (p: { startsOn?: string; endsOn?: string | null }) => !p.startsOn || !p.endsOn || p.endsOn >= p.startsOn;
const datesMessage = { message: 'La data di fine non può precedere quella di inizio', path: ['endsOn'] };

export const createProgrammeRequestSchema = z
  .strictObject(programmeFields)
  .partial({ description: true, endsOn: true, fundingSource: true, eligibleReasons: true, requireActiveCigs: true, status: true })
  .refine(datesInOrder, datesMessage)
  .meta({ id: 'CreateProgrammeRequest' });
export type CreateProgrammeRequest = z.infer<typeof createProgrammeRequestSchema>;

export const updateProgrammeRequestSchema = z
  .strictObject(programmeFields)
  .partial()
  .refine(datesInOrder, datesMessage)
  .meta({ id: 'UpdateProgrammeRequest' });
export type UpdateProgrammeRequest = z.infer<typeof updateProgrammeRequestSchema>;

export const registerRequestSchema = z
  .strictObject({ workerId: z.uuid(), channel: channelSchema.default('desk'), reason: z.string().trim().max(1000).optional() })
  .meta({ id: 'RegisterRequest' });
export const registerResultSchema = z.object({
  enrollmentId: z.uuid(),
  state: z.enum(['registered', 'waiting']),
  waitingPosition: z.number().int().optional(),
});

/** Either the chosen workers, or `{ all: true }`: every worker the rules accept today who is not in the programme yet. */
export const addEligibleRequestSchema = z.union([
  z.strictObject({ workerIds: z.array(z.uuid()).min(1).max(1000) }),
  z.strictObject({ all: z.literal(true) }),
]);
export const eligiblePreviewSchema = z.object({
  total: z.number().int(),
  items: z.array(z.object({ workerId: z.uuid(), workerName: z.string(), cigsEndDate: z.string().nullable() })),
});
export type EligiblePreview = z.infer<typeof eligiblePreviewSchema>;
export const addEligibleResultSchema = z.object({
  added: z.number().int(),
  skipped: z.array(z.object({ workerId: z.string(), reasons: z.array(z.string()) })),
});

export const eligibilityResultSchema = z.object({
  eligible: z.boolean(),
  reasons: z.array(z.string()),
  /** The worker's enrolment in this programme when there is one: the page says so instead of offering to register again. */
  enrollment: z
    .object({
      state: enrollmentStateSchema,
      since: isoDateTime,
      waitingPosition: z.number().int().nullable(),
      /** Still before registration (eligible, contacted): registering moves it on. */
      registrable: z.boolean(),
    })
    .nullable(),
});

export const transitionRequestSchema = z
  .strictObject({ to: enrollmentStateSchema, reason: z.string().trim().max(1000).optional() })
  .meta({ id: 'TransitionRequest' });

export const transitionOptionSchema = z.object({ action: z.string(), to: enrollmentStateSchema, reasonRequired: z.boolean() });

export const enrollmentSchema = z
  .object({
    id: z.uuid(),
    workerId: z.uuid(),
    workerName: z.string(),
    codiceFiscale: z.string().nullable(),
    officeId: z.uuid(),
    officeName: z.string(),
    companyName: z.string().nullable(),
    state: enrollmentStateSchema,
    channel: z.string().nullable(),
    cigsEndDate: z.string().nullable(),
    requestedAt: z.string().nullable(),
    stateChangedAt: z.string(),
    waitingPosition: z.number().int().nullable(),
    allowed: z.array(transitionOptionSchema),
  })
  .meta({ id: 'Enrollment' });
export type Enrollment = z.infer<typeof enrollmentSchema>;

export const enrollmentQuerySchema = z.strictObject({
  state: enrollmentStateSchema.optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const enrollmentPageSchema = z.object({ items: z.array(enrollmentSchema), total: z.number().int() });

export const transitionLogSchema = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      from: enrollmentStateSchema.nullable(),
      to: enrollmentStateSchema,
      at: z.string(),
      actorName: z.string().nullable(),
      reason: z.string(),
      channel: z.string().nullable(),
    }),
  ),
});

export const transitionResultSchema = z.object({
  enrollment: z.object({ id: z.uuid(), state: enrollmentStateSchema }),
  promoted: z.array(z.object({ id: z.uuid(), workerId: z.uuid() })),
});

export const notificationListSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      kind: z.string(),
      createdAt: z.string(),
      readAt: z.string().nullable(),
      workerName: z.string().nullable(),
      message: z.string(),
    }),
  ),
});

export const programmeIdParams = z.strictObject({ id: z.uuid() });
export const notificationParams = z.strictObject({ id: z.uuid(), notificationId: z.uuid() });
