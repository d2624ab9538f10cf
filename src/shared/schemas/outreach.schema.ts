import { z } from 'zod';
import { textField, calendarDate } from './common.schema.js';

/** Payloads of the hotline (centralino), callback queue and outreach campaigns. */

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Orario nel formato HH:MM' });
const isoDate = calendarDate;
const instant = z.string();

export const CHANNELS = ['sms', 'email', 'letter'] as const;
export const channelSchema = z.enum(CHANNELS);
export const ATTEMPT_OUTCOMES = ['no_answer', 'busy', 'wrong_number', 'reached', 'declined'] as const;
export const RECIPIENT_STATUSES = ['not_contacted', 'invited', 'reminded', 'registered', 'declined', 'unreachable'] as const;

export const hotlineSlotSchema = z
  .strictObject({ weekday: z.number().int().min(1).max(7), opens: time, closes: time })
  .refine((s) => s.opens < s.closes, { message: 'L’orario di chiusura deve seguire quello di apertura' });

export const hotlineStatusQuerySchema = z.strictObject({ officeId: z.uuid().optional() });
export const hotlineStatusSchema = z
  .object({
    officeId: z.uuid(),
    officeName: z.string(),
    open: z.boolean(),
    closesAt: instant.nullable(),
    nextOpening: instant.nullable(),
    holiday: z.string().nullable(),
    hours: z.array(z.object({ weekday: z.number(), opens: z.string(), closes: z.string() })),
    upcomingHolidays: z.array(z.object({ date: z.string(), name: z.string() })),
    /** The open programmes of the office, its default (earliest start) first. */
    programmes: z.array(z.object({ id: z.uuid(), name: z.string() })),
  })
  .meta({ id: 'HotlineStatus' });
export type HotlineStatus = z.infer<typeof hotlineStatusSchema>;

export const hotlineHoursRequestSchema = z.strictObject({ slots: z.array(hotlineSlotSchema).max(35) });
export const holidayRequestSchema = z.strictObject({ date: isoDate, name: textField(100), officeId: z.uuid().nullable() });

const callerFields = {
  // A person's name has no digits: "Mario Rossi 3331234567" is the phone typed in the wrong field.
  name: textField(120).refine((v) => !/\d/.test(v), { message: 'Il nome non può contenere cifre' }),
  phone: textField(40),
  codiceFiscale: z.string().trim().toUpperCase().max(16).optional(),
  birthDate: isoDate.optional(),
  company: z.string().trim().max(200).optional(),
};

export const matchRequestSchema = z.strictObject(callerFields);
export const workerCandidateSchema = z.object({
  id: z.uuid(),
  firstName: z.string(),
  lastName: z.string(),
  phone: z.string().nullable(),
  codiceFiscale: z.string().nullable(),
  birthDate: z.string().nullable(),
  companyName: z.string().nullable(),
  cigsEndDate: z.string().nullable(),
  officeName: z.string(),
  /** false: followed by another office; only initials and that office are shown. */
  inScope: z.boolean(),
  matchedOn: z.array(z.enum(['phone', 'codice_fiscale', 'name'])),
});
export type WorkerCandidate = z.infer<typeof workerCandidateSchema>;
export const matchResponseSchema = z.object({ phone: z.string(), candidates: z.array(workerCandidateSchema) });

export const intakeRequestSchema = z.strictObject({
  ...callerFields,
  /** The matched worker the operator confirmed; absent = create a new worker. */
  workerId: z.uuid().optional(),
  /**
   * 'register' checks eligibility and registers; 'callback' only queues a callback; 'handover'
   * passes the call of a worker followed by another office (workerId) to that office's queue.
   */
  action: z.enum(['register', 'callback', 'handover']).default('register'),
  programmeId: z.uuid().optional(),
  reason: z.string().trim().max(300).optional(),
  note: z.string().trim().max(2000).optional(),
});
export type IntakeRequest = z.infer<typeof intakeRequestSchema>;
export const intakeResponseSchema = z.object({
  callId: z.uuid(),
  workerId: z.uuid(),
  workerCreated: z.boolean(),
  outcome: z.enum(['recorded', 'registered', 'waiting_list', 'callback_queued', 'not_eligible', 'already_enrolled', 'handed_over']),
  eligibility: z.object({ eligible: z.boolean(), reasons: z.array(z.string()) }).nullable(),
  callbackId: z.uuid().nullable(),
  enrollmentState: z.string().nullable(),
  /** The programme the call registered into (or found the caller in). */
  programme: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** The caller's place when already in the programme ('already_enrolled'), or the new waiting position. */
  enrollment: z.object({ state: z.string(), since: z.string(), waitingPosition: z.number().nullable() }).nullable(),
  /** The office the call was handed over to ('handed_over'). */
  handedOverTo: z.string().nullable(),
  /** The caller's phone was new for a known worker and was kept as a further contact. */
  phoneAdded: z.boolean(),
});
export type IntakeResponse = z.infer<typeof intakeResponseSchema>;

export const callbackSchema = z.object({
  id: z.uuid(),
  officeId: z.uuid(),
  workerId: z.uuid().nullable(),
  name: z.string(),
  phone: z.string().nullable(),
  cigsEndDate: z.string().nullable(),
  reason: z.string(),
  attempts: z.number(),
  lastOutcome: z.enum(ATTEMPT_OUTCOMES).nullable(),
  nextAttemptAt: instant,
  doneAt: instant.nullable(),
  closedAs: z.string().nullable(),
  due: z.boolean(),
});
export type Callback = z.infer<typeof callbackSchema>;
export const callbackListQuerySchema = z.strictObject({ include: z.enum(['open', 'done']).default('open') });
export const callbackListSchema = z.object({ items: z.array(callbackSchema) });
export const attemptRequestSchema = z.strictObject({ outcome: z.enum(ATTEMPT_OUTCOMES), note: z.string().trim().max(1000).optional() });

export const templateRequestSchema = z.strictObject({
  name: textField(120),
  channel: channelSchema,
  subject: z.string().trim().max(200).default(''),
  body: z.string().trim().min(1).max(10000),
});
export const templateSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  channel: channelSchema,
  subject: z.string(),
  body: z.string(),
  updatedAt: instant,
});
export type Template = z.infer<typeof templateSchema>;
export const templateListSchema = z.object({ items: z.array(templateSchema) });

export const smsCountSchema = z.object({
  encoding: z.enum(['GSM-7', 'UCS-2']),
  units: z.number(),
  segments: z.number(),
  perSegment: z.number(),
  remaining: z.number(),
  nonGsmCharacters: z.array(z.string()),
});
export const previewRequestSchema = z.strictObject({
  channel: channelSchema,
  subject: z.string().max(200).default(''),
  body: z.string().max(10000),
  workerId: z.uuid().optional(),
});
export const previewSchema = z.object({
  subject: z.string(),
  body: z.string(),
  sample: z.object({ name: z.string(), synthetic: z.boolean() }),
  unknownPlaceholders: z.array(z.string()),
  sms: smsCountSchema.nullable(),
});
export type Preview = z.infer<typeof previewSchema>;

export const campaignRequestSchema = z.strictObject({
  name: textField(120),
  channel: channelSchema,
  templateId: z.uuid(),
  programmeId: z.uuid().nullable().default(null),
  reminderAfterDays: z.number().int().min(1).max(90).default(7),
  maxReminders: z.number().int().min(0).max(10).default(2),
  /** Leave out whoever any campaign reached in the last N days. */
  excludeReachedDays: z.number().int().min(0).max(365).default(30),
});
const statusCounts = z.object(
  Object.fromEntries(RECIPIENT_STATUSES.map((s) => [s, z.number()])) as Record<(typeof RECIPIENT_STATUSES)[number], z.ZodNumber>,
);
export const campaignSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  channel: channelSchema,
  templateId: z.uuid(),
  templateName: z.string(),
  programmeId: z.uuid().nullable(),
  reminderAfterDays: z.number(),
  maxReminders: z.number(),
  excludeReachedDays: z.number(),
  status: z.enum(['draft', 'running', 'done']),
  createdAt: instant,
  startedAt: instant.nullable(),
  finishedAt: instant.nullable(),
  counts: statusCounts,
  messages: z.object({ queued: z.number(), sent: z.number(), failed: z.number() }),
});
export type Campaign = z.infer<typeof campaignSchema>;
export const campaignListSchema = z.object({ items: z.array(campaignSchema) });
export const recipientSchema = z.object({
  id: z.uuid(),
  workerId: z.uuid(),
  name: z.string(),
  cigsEndDate: z.string().nullable(),
  status: z.enum(RECIPIENT_STATUSES),
  remindersSent: z.number(),
  lastMessageAt: instant.nullable(),
});
export const recipientListSchema = z.object({ items: z.array(recipientSchema), total: z.number() });
export const recipientListQuerySchema = z.strictObject({
  status: z.enum(RECIPIENT_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export const recipientStatusRequestSchema = z.strictObject({
  status: z.enum(['registered', 'declined', 'unreachable']),
  reason: z.string().trim().max(300).optional(),
});
export const campaignParamsSchema = z.strictObject({ id: z.uuid() });

/** What "Avvia" will do, shown before the operator confirms. */
export const startPreviewSchema = z.object({
  recipients: z.number().int(),
  sample: z.array(z.object({ workerId: z.uuid(), name: z.string(), cigsEndDate: z.string().nullable(), reachable: z.boolean() })),
  messages: z.number().int(),
  /** Billed SMS parts in total (SMS campaigns only). */
  smsParts: z.number().int().nullable(),
  unreachable: z.number().int(),
  excluded: z.object({ registered: z.number().int(), declined: z.number().int(), recentlyReached: z.number().int() }),
  excludeReachedDays: z.number().int(),
  programme: z.object({ name: z.string(), capacity: z.number().int(), placesFree: z.number().int(), full: z.boolean() }).nullable(),
});
export type StartPreview = z.infer<typeof startPreviewSchema>;

/** The outbox: each message exactly as sent (or recorded in the local outbox), with its recipient. */
export const outboxQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const outboxMessageSchema = z.object({
  id: z.uuid(),
  recipientId: z.uuid(),
  workerId: z.uuid(),
  workerName: z.string(),
  recipientStatus: z.enum(RECIPIENT_STATUSES),
  channel: channelSchema,
  transport: z.string(),
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  status: z.enum(['queued', 'sent', 'failed']),
  error: z.string().nullable(),
  createdAt: instant,
  sentAt: instant.nullable(),
});
export const outboxSchema = z.object({ items: z.array(outboxMessageSchema), total: z.number().int() });
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;
export const recipientParamsSchema = z.strictObject({ id: z.uuid(), recipientId: z.uuid() });
export const transportsSchema = z.object({
  email: z.enum(['smtp', 'outbox']),
  sms: z.enum(['http', 'outbox']),
});
export const reminderRunSchema = z.object({ reminded: z.number(), sent: z.number(), failed: z.number() });
