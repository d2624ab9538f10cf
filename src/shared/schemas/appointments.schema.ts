import { z } from 'zod';
import { isoDateTime, textField, calendarDate } from './common.schema.js';
import { workerWorkshopSchema } from './workshops.schema.js';

/** The agenda's payloads: availability, rooms, free slots, individual appointments, the worker's link. */

// The agenda plans within this century: a year 0000 or 9999 is a typing slip, not a meeting.
const isoDate = calendarDate;
const wallClock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Orario nel formato HH:MM' });
const MAX_RANGE_DAYS = 93;
const daysApart = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

export const appointmentModeSchema = z.enum(['in_person', 'phone', 'video']).meta({ id: 'AppointmentMode' });
export type AppointmentMode = z.infer<typeof appointmentModeSchema>;

export const APPOINTMENT_STATUSES = ['booked', 'confirmed', 'cancelled', 'attended', 'absent', 'excused'] as const;
export const appointmentStatusSchema = z.enum(APPOINTMENT_STATUSES).meta({ id: 'AppointmentStatus' });
export type AppointmentStatus = z.infer<typeof appointmentStatusSchema>;

export const bookedViaSchema = z.enum(['agenda', 'worker_page', 'hotline', 'callback', 'worker_link']).meta({ id: 'BookedVia' });

export const serviceCodeSchema = z
  .enum(['first_interview', 'orientation', 'cv_support', 'interview_coaching', 'contract_assistance', 'follow_up'])
  .meta({ id: 'ServiceCode' });

export const appointmentTypeSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    durationMinutes: z.number().int(),
    serviceCode: serviceCodeSchema,
    reminderHours: z.number().int(),
    modes: z.array(appointmentModeSchema),
  })
  .meta({ id: 'AppointmentType' });
export type AppointmentType = z.infer<typeof appointmentTypeSchema>;

export const officeQuerySchema = z.strictObject({ officeId: z.uuid() });

export const agendaSetupSchema = z.object({
  types: z.array(appointmentTypeSchema),
  consultants: z.array(z.object({ id: z.uuid(), fullName: z.string() })),
  rooms: z.array(
    z.object({ id: z.uuid(), name: z.string(), capacity: z.number().int(), equipment: z.array(z.string()), active: z.boolean() }),
  ),
});
export type AgendaSetup = z.infer<typeof agendaSetupSchema>;

// ---- Availability ---------------------------------------------------------------------------

export const availabilityRuleSchema = z
  .strictObject({
    weekday: z.number().int().min(1, { message: 'Giorno della settimana da 1 (lunedì) a 7 (domenica)' }).max(7, {
      message: 'Giorno della settimana da 1 (lunedì) a 7 (domenica)',
    }),
    from: wallClock,
    to: wallClock,
    validFrom: isoDate,
    validTo: isoDate.nullable(),
  })
  .meta({ id: 'AvailabilityRule' });
export type AvailabilityRule = z.infer<typeof availabilityRuleSchema>;

export const consultantParamsSchema = z.strictObject({ consultantId: z.uuid() });

export const availabilityQuerySchema = z.strictObject({ officeId: z.uuid() });

export const availabilityReplaceSchema = z.strictObject({
  officeId: z.uuid(),
  rules: z.array(availabilityRuleSchema).max(60),
});

export const availabilitySchema = z.object({
  consultantId: z.uuid(),
  officeId: z.uuid(),
  rules: z.array(availabilityRuleSchema),
});

export const exceptionReasonSchema = z.enum(['leave', 'training', 'sickness', 'other']).meta({ id: 'AbsenceReason' });

export const exceptionCreateSchema = z.strictObject({
  date: isoDate,
  from: wallClock.nullable().default(null),
  to: wallClock.nullable().default(null),
  reason: exceptionReasonSchema,
  note: z.string().trim().max(300).default(''),
});

export const exceptionSchema = z
  .object({
    id: z.uuid(),
    consultantId: z.uuid(),
    date: z.string(),
    from: z.string().nullable(),
    to: z.string().nullable(),
    reason: exceptionReasonSchema,
    note: z.string(),
  })
  .meta({ id: 'AvailabilityException' });

export const exceptionListQuerySchema = z.strictObject({ from: isoDate.optional(), to: isoDate.optional() });

export const exceptionParamsSchema = z.strictObject({ consultantId: z.uuid(), id: z.uuid() });

// ---- Rooms ----------------------------------------------------------------------------------

export const roomCreateSchema = z.strictObject({
  officeId: z.uuid(),
  name: textField(80),
  capacity: z.number().int().min(1, { message: 'Almeno un posto' }).max(500, { message: 'Al massimo 500 posti' }),
  equipment: z.array(textField(40)).max(20).default([]),
});
export const roomUpdateSchema = z.strictObject({
  name: textField(80).optional(),
  capacity: z.number().int().min(1, { message: 'Almeno un posto' }).max(500, { message: 'Al massimo 500 posti' }).optional(),
  equipment: z.array(textField(40)).max(20).optional(),
  active: z.boolean().optional(),
});
export const roomSchema = z
  .object({
    id: z.uuid(),
    officeId: z.uuid(),
    name: z.string(),
    capacity: z.number().int(),
    equipment: z.array(z.string()),
    active: z.boolean(),
  })
  .meta({ id: 'MeetingRoom' });

// ---- Free slots -----------------------------------------------------------------------------

export const freeSlotsQuerySchema = z
  .strictObject({
    officeId: z.uuid(),
    typeId: z.uuid(),
    mode: appointmentModeSchema.default('in_person'),
    consultantId: z.uuid().optional(),
    /** The worker whose other meetings the slots must avoid. */
    workerId: z.uuid().optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(12),
  })
  .refine((q) => !q.from || !q.to || (q.to >= q.from && daysApart(q.from, q.to) <= 120), {
    message: 'Periodo al massimo di 120 giorni',
    path: ['to'],
  });
export type FreeSlotsQuery = z.infer<typeof freeSlotsQuerySchema>;

export const freeSlotSchema = z
  .object({
    consultantId: z.uuid(),
    consultantName: z.string(),
    roomId: z.uuid().nullable(),
    roomName: z.string().nullable(),
    start: isoDateTime,
    end: isoDateTime,
    /** Rome wall-clock of the start, for display. */
    date: z.string(),
    startTime: z.string(),
    endTime: z.string(),
  })
  .meta({ id: 'FreeSlot' });
export type FreeSlotView = z.infer<typeof freeSlotSchema>;

export const freeSlotsSchema = z.object({ items: z.array(freeSlotSchema) });

// ---- Appointments ---------------------------------------------------------------------------

const videoLink = z
  .string()
  .trim()
  .max(500)
  .regex(/^https:\/\/\S+$/, { message: 'Indirizzo che inizia con https://' });

export const appointmentCreateSchema = z.strictObject({
  workerId: z.uuid(),
  officeId: z.uuid(),
  typeId: z.uuid(),
  consultantId: z.uuid(),
  mode: appointmentModeSchema,
  start: isoDateTime,
  /** In person: the room; absent, the first free room of the office is taken (none when it has none). */
  roomId: z.uuid().nullable().optional(),
  videoLink: videoLink.nullable().optional(),
  note: z.string().trim().max(1000).default(''),
  bookedVia: bookedViaSchema.exclude(['worker_link']).default('agenda'),
  /** The hotline call or the callback being answered. */
  sourceId: z.uuid().nullable().optional(),
});
export type AppointmentCreate = z.infer<typeof appointmentCreateSchema>;

export const appointmentMoveSchema = z.strictObject({
  start: isoDateTime,
  consultantId: z.uuid().optional(),
  roomId: z.uuid().nullable().optional(),
  mode: appointmentModeSchema.optional(),
  videoLink: videoLink.nullable().optional(),
  reason: textField(300),
});
export type AppointmentMove = z.infer<typeof appointmentMoveSchema>;

export const appointmentCancelSchema = z.strictObject({ reason: textField(300) });

export const attendanceSchema = z.strictObject({
  status: z.enum(['attended', 'absent', 'excused']),
  /** Minutes actually spent (attended only); the type's duration when absent. */
  minutes: z.number().int().min(5).max(600).optional(),
});

export const appointmentEventSchema = z.object({
  at: isoDateTime,
  kind: z.string(),
  actorName: z.string().nullable(),
  byWorker: z.boolean(),
  reason: z.string().nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});

export const appointmentSchema = z
  .object({
    id: z.uuid(),
    officeId: z.uuid(),
    officeName: z.string(),
    worker: z.object({ id: z.uuid(), name: z.string() }),
    type: z.object({ id: z.uuid(), name: z.string(), serviceCode: serviceCodeSchema }),
    consultant: z.object({ id: z.uuid(), name: z.string() }),
    room: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    mode: appointmentModeSchema,
    videoLink: z.string().nullable(),
    start: isoDateTime,
    end: isoDateTime,
    status: appointmentStatusSchema,
    sequence: z.number().int(),
    bookedVia: bookedViaSchema,
    note: z.string(),
    cancelReason: z.string().nullable(),
    /** Held outside the office (the employer's interview): the place; no room, the staff member is the contact. */
    place: z.string().nullable(),
    /** The application an employer interview belongs to. */
    applicationId: z.uuid().nullable(),
  })
  .meta({ id: 'Appointment' });
export type AppointmentView = z.infer<typeof appointmentSchema>;

export const appointmentDetailSchema = appointmentSchema
  .extend({
    events: z.array(appointmentEventSchema),
    messages: z.array(z.object({ kind: z.string(), channel: z.string(), status: z.string(), at: isoDateTime })),
  })
  .meta({ id: 'AppointmentDetail' });

export const appointmentListQuerySchema = z
  .strictObject({
    officeId: z.uuid().optional(),
    consultantId: z.uuid().optional(),
    roomId: z.uuid().optional(),
    from: isoDate,
    to: isoDate,
    includeCancelled: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
  })
  .refine((q) => q.to >= q.from && daysApart(q.from, q.to) <= MAX_RANGE_DAYS, { message: 'Periodo al massimo di 93 giorni', path: ['to'] });
export type AppointmentListQuery = z.infer<typeof appointmentListQuerySchema>;

export const appointmentListSchema = z.object({ items: z.array(appointmentSchema) });

export const workerAppointmentsSchema = z.object({
  upcoming: z.array(appointmentSchema),
  past: z.array(appointmentSchema),
  /** Meetings missed in the last 180 days: two or more are flagged on the worker's page. */
  noShows: z.number().int(),
  /** The group workshops the worker was invited to or booked, the latest first. */
  workshops: z.array(workerWorkshopSchema),
});

export const noShowsSchema = z.object({
  items: z.array(z.object({ worker: z.object({ id: z.uuid(), name: z.string() }), absences: z.number().int(), lastAbsence: isoDateTime })),
});

/** A 409 on booking: what took the time, and the next free slots to propose instead. */
export const slotTakenSchema = z.object({ nextSlots: z.array(freeSlotSchema) });

// ---- The worker's link ----------------------------------------------------------------------

export const linkParamsSchema = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{24,64}$/) });

export const publicAppointmentSchema = z
  .object({
    typeName: z.string(),
    workerFirstName: z.string(),
    start: isoDateTime,
    end: isoDateTime,
    date: z.string(),
    startTime: z.string(),
    mode: appointmentModeSchema,
    place: z.string(),
    officeName: z.string(),
    officePhone: z.string(),
    consultantName: z.string(),
    status: appointmentStatusSchema,
    /** What the worker may still do: nothing once the meeting is past or cancelled. */
    canChange: z.boolean(),
    freeSlots: z.array(z.object({ start: isoDateTime, date: z.string(), startTime: z.string() })),
  })
  .meta({ id: 'PublicAppointment' });

export const publicRescheduleSchema = z.strictObject({ start: isoDateTime });
export const publicCancelSchema = z.strictObject({ reason: z.string().trim().max(300).default('') });

// ---- Calendar feed --------------------------------------------------------------------------

export const feedSchema = z.object({ url: z.string().nullable(), createdAt: isoDateTime.nullable() });
export const feedParamsSchema = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{24,64}\.ics$/) });

export const dailyAgendaQuerySchema = z.strictObject({ officeId: z.uuid(), date: isoDate });

// ---- Message templates ----------------------------------------------------------------------

export const AGENDA_PLACEHOLDERS = ['nome', 'cognome', 'tipo', 'data', 'ora', 'luogo', 'modalita', 'operatore', 'link', 'sede'] as const;
export const messageKindSchema = z.enum(['confirmation', 'change', 'cancellation', 'reminder']).meta({ id: 'AgendaMessageKind' });
export const messageChannelSchema = z.enum(['email', 'sms']);
export const templateParamsSchema = z.strictObject({ kind: messageKindSchema, channel: messageChannelSchema });
export const templateUpdateSchema = z.strictObject({ subject: z.string().trim().max(200).default(''), body: textField(4000) });
export const agendaTemplateSchema = z
  .object({
    kind: messageKindSchema,
    channel: messageChannelSchema,
    subject: z.string(),
    body: z.string(),
    /** The network's own text (false: the national default). */
    custom: z.boolean(),
    /** The text as a worker would read it, with example values, and for an SMS its size. */
    sample: z.string(),
    sms: z.object({ encoding: z.enum(['GSM-7', 'UCS-2']), characters: z.number().int(), segments: z.number().int() }).nullable(),
  })
  .meta({ id: 'AgendaTemplate' });
export const agendaTemplatesSchema = z.object({ items: z.array(agendaTemplateSchema), placeholders: z.array(z.string()) });
