import { z } from 'zod';
import { isoDateTime, textField, calendarDate } from './common.schema.js';

/** Group workshops (incontri di gruppo) of the agenda. */

const isoDate = calendarDate;

export const workshopTopicSchema = z
  .enum(['orientation', 'cv_writing', 'interview_practice', 'training_paths', 'hiring_company', 'other'])
  .meta({ id: 'WorkshopTopic' });

export const participantStatusSchema = z
  .enum(['invited', 'booked', 'waiting', 'declined', 'cancelled', 'attended', 'absent', 'excused'])
  .meta({ id: 'ParticipantStatus' });

export const workshopCreateSchema = z.strictObject({
  officeId: z.uuid(),
  topic: workshopTopicSchema,
  title: textField(160),
  description: z.string().trim().max(2000).default(''),
  facilitatorIds: z.array(z.uuid()).min(1, { message: 'Scegliere almeno un conduttore' }).max(6),
  roomId: z.uuid().nullable().optional(),
  place: z.string().trim().max(300).default(''),
  start: isoDateTime,
  durationMinutes: z.number().int().min(15, { message: 'Almeno 15 minuti' }).max(480, { message: 'Al massimo 8 ore' }),
  seats: z.number().int().min(1, { message: 'Almeno un posto' }).max(500, { message: 'Al massimo 500 posti' }),
  /** The same time on this many consecutive weeks (1: a single session). */
  repeatWeekly: z.number().int().min(1).max(12).default(1),
});
export type WorkshopCreate = z.infer<typeof workshopCreateSchema>;

export const workshopUpdateSchema = z.strictObject({
  title: textField(160).optional(),
  description: z.string().trim().max(2000).optional(),
  start: isoDateTime.optional(),
  durationMinutes: z.number().int().min(15, { message: 'Almeno 15 minuti' }).max(480, { message: 'Al massimo 8 ore' }).optional(),
  roomId: z.uuid().nullable().optional(),
  place: z.string().trim().max(300).optional(),
  seats: z.number().int().min(1, { message: 'Almeno un posto' }).max(500, { message: 'Al massimo 500 posti' }).optional(),
  reason: textField(300),
});
export type WorkshopUpdate = z.infer<typeof workshopUpdateSchema>;

export const workshopSchema = z
  .object({
    id: z.uuid(),
    officeId: z.uuid(),
    topic: workshopTopicSchema,
    title: z.string(),
    description: z.string(),
    room: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    place: z.string(),
    start: isoDateTime,
    end: isoDateTime,
    seats: z.number().int(),
    booked: z.number().int(),
    waiting: z.number().int(),
    status: z.enum(['scheduled', 'cancelled']),
    sequence: z.number().int(),
    seriesId: z.uuid().nullable(),
    cancelReason: z.string().nullable(),
    facilitators: z.array(z.object({ id: z.uuid(), name: z.string() })),
    participants: z.array(
      z.object({
        /** Birth date and the codice fiscale's last characters: two "Giuseppe Russo" are told apart. */
        worker: z.object({ id: z.uuid(), name: z.string(), birthDate: z.string().nullable(), codiceFiscale: z.string().nullable() }),
        status: participantStatusSchema,
        waitingPosition: z.number().int().nullable(),
      }),
    ),
  })
  .meta({ id: 'Workshop' });
export type WorkshopView = z.infer<typeof workshopSchema>;

export const workshopListQuerySchema = z.strictObject({ officeId: z.uuid().optional(), from: isoDate, to: isoDate });
export const workshopListSchema = z.object({ items: z.array(workshopSchema) });
export const workshopCreatedSchema = z.object({ items: z.array(workshopSchema) });
export const workshopCancelSchema = z.strictObject({ reason: textField(300) });
export const workshopInviteSchema = z.strictObject({
  workerIds: z.array(z.uuid()).min(1, { message: 'Scegliere almeno un lavoratore' }).max(500),
});
export const workshopInvitedSchema = z.object({ invited: z.number().int(), already: z.number().int() });
export const participantParamsSchema = z.strictObject({ id: z.uuid(), workerId: z.uuid() });
export const participantBookedSchema = z.object({ status: z.enum(['booked', 'waiting']), waitingPosition: z.number().int().nullable() });
export const participantAttendanceSchema = z.strictObject({ status: z.enum(['attended', 'absent', 'excused']) });

/** A worker's place in a session, as the worker's page lists it beside the individual meetings. */
export const workerWorkshopSchema = z
  .object({
    id: z.uuid(),
    topic: workshopTopicSchema,
    title: z.string(),
    officeName: z.string(),
    room: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    place: z.string(),
    start: isoDateTime,
    end: isoDateTime,
    /** The session's own state: a cancelled session is said so whatever the worker's status was. */
    sessionStatus: z.enum(['scheduled', 'cancelled']),
    status: participantStatusSchema,
    waitingPosition: z.number().int().nullable(),
  })
  .meta({ id: 'WorkerWorkshop' });
export type WorkerWorkshopView = z.infer<typeof workerWorkshopSchema>;

/**
 * Who a selection invites, previewed before sending: everyone of the session's office with an open
 * enrolment employed by one crisis company (`companyId`), or everyone enrolled who has had no CV
 * support yet (`without=cv_support`: no delivered service of that code; the CV itself comes with
 * the career-services work). Exactly one of the two.
 */
export const invitationCandidatesQuerySchema = z
  .strictObject({ companyId: z.uuid().optional(), without: z.enum(['cv_support']).optional() })
  .refine((q) => (q.companyId === undefined) !== (q.without === undefined), {
    message: 'Scegliere un’azienda o «senza supporto al CV»',
    path: ['companyId'],
  });
export type InvitationCandidatesQuery = z.infer<typeof invitationCandidatesQuerySchema>;

export const invitationCandidateSchema = z.object({
  worker: z.object({ id: z.uuid(), name: z.string() }),
  /** What tells two workers of the same name apart on the list. */
  codiceFiscale: z.string().nullable(),
  companyName: z.string().nullable(),
  /** Already in the session (invited, booked, waiting …): shown as such and not invited twice. */
  participantStatus: participantStatusSchema.nullable(),
});
export const invitationCandidatesSchema = z
  .object({
    items: z.array(invitationCandidateSchema),
    /** How many could be invited now (those not in the session yet). */
    count: z.number().int(),
    /** More matched than the list shows (500). */
    truncated: z.boolean(),
  })
  .meta({ id: 'WorkshopInvitationCandidates' });

export const invitationCompaniesSchema = z.object({
  items: z.array(z.object({ id: z.uuid(), name: z.string(), workers: z.number().int() })),
});

/** The workshop as its worker's link shows it: the first name only, no other participant. */
export const publicWorkshopSchema = z
  .object({
    title: z.string(),
    description: z.string(),
    workerFirstName: z.string(),
    start: isoDateTime,
    end: isoDateTime,
    date: z.string(),
    startTime: z.string(),
    endTime: z.string(),
    place: z.string(),
    officeName: z.string(),
    /** The office's own address (the session may be held elsewhere). */
    officeAddress: z.string(),
    officePhone: z.string(),
    sessionStatus: z.enum(['scheduled', 'cancelled']),
    cancelReason: z.string().nullable(),
    /** The worker's answer so far (null: invited by a link without a place yet). */
    status: participantStatusSchema.nullable(),
    waitingPosition: z.number().int().nullable(),
    seatsLeft: z.number().int(),
    /** What the worker may do now: nothing once the session has started or was cancelled. */
    canAnswer: z.boolean(),
  })
  .meta({ id: 'PublicWorkshop' });
