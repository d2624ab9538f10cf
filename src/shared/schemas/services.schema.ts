import { z } from 'zod';
import { calendarDate, textField } from './common.schema.js';

/**
 * Delivered services (servizi erogati): what a worker received, in minutes, by whom, in which office
 * and for which programme — the basis of the reports to the fund that pays for the programme.
 */

export const SERVICE_CODES = [
  'first_interview',
  'orientation',
  'cv_support',
  'interview_coaching',
  'contract_assistance',
  'follow_up',
  'group_workshop',
  'training',
] as const;
export const serviceCodeSchema = z.enum(SERVICE_CODES).meta({ id: 'DeliveredServiceCode' });
export type ServiceCode = z.infer<typeof serviceCodeSchema>;

/** Where a record comes from: an attended meeting or workshop of the agenda, or entered by hand. */
export const serviceSourceSchema = z.enum(['appointment', 'group_session', 'manual', 'course']).meta({ id: 'DeliveredServiceSource' });

export const SERVICE_MINUTES_MESSAGE = 'Durata tra 1 e 600 minuti';
const minutes = z.number().int().min(1, { message: SERVICE_MINUTES_MESSAGE }).max(600, { message: SERVICE_MINUTES_MESSAGE });

export const serviceCreateSchema = z.strictObject({
  serviceCode: serviceCodeSchema,
  deliveredOn: calendarDate,
  minutes,
  /** The member of staff who delivered it; the caller when absent. */
  consultantId: z.uuid().optional(),
  /** The office it was delivered in; the worker's office when absent. */
  officeId: z.uuid().optional(),
  /** One of the worker's programmes (null: outside any programme, counted for no funder). */
  programmeId: z.uuid().nullable(),
  note: z.string().trim().max(1000).default(''),
});
export type ServiceCreate = z.infer<typeof serviceCreateSchema>;

export const serviceUpdateSchema = z.strictObject({
  serviceCode: serviceCodeSchema.optional(),
  deliveredOn: calendarDate.optional(),
  minutes: minutes.optional(),
  consultantId: z.uuid().optional(),
  officeId: z.uuid().optional(),
  programmeId: z.uuid().nullable().optional(),
  note: z.string().trim().max(1000).optional(),
  reason: textField(300),
});
export type ServiceUpdate = z.infer<typeof serviceUpdateSchema>;

export const serviceRemoveSchema = z.strictObject({ reason: textField(300) });

export const workerServicesParamsSchema = z.strictObject({ id: z.uuid() });

export const serviceRecordSchema = z
  .object({
    id: z.uuid(),
    workerId: z.uuid(),
    serviceCode: serviceCodeSchema,
    delivery: z.enum(['individual', 'group']),
    deliveredOn: z.string(),
    minutes: z.number().int(),
    source: serviceSourceSchema,
    /** The meeting or workshop it was recorded from (null when entered by hand). */
    sourceId: z.uuid().nullable(),
    consultant: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    office: z.object({ id: z.uuid(), name: z.string() }),
    programme: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    note: z.string(),
    createdAt: z.string(),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'DeliveredService' });
export type ServiceRecord = z.infer<typeof serviceRecordSchema>;

/** A programme the worker takes part in, with the days a service counts for it. */
export const serviceProgrammeSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  /** The day the worker was registered in it: no service counts for it before. */
  from: z.string(),
  /** The day the worker left it (withdrawn, CIGS ended), or null. */
  to: z.string().nullable(),
  current: z.boolean(),
});
export type ServiceProgramme = z.infer<typeof serviceProgrammeSchema>;

export const workerServicesSchema = z.object({
  items: z.array(serviceRecordSchema),
  /** Hours per service code and in all, over every record of the worker. */
  totals: z.object({ minutes: z.number().int(), byCode: z.record(z.string(), z.number().int()) }),
  /** What the form offers: the worker's programmes, and the staff who may have delivered a service. */
  programmes: z.array(serviceProgrammeSchema),
  consultants: z.array(z.object({ id: z.uuid(), name: z.string() })),
  /** Today in Europe/Rome: no service is recorded after it. */
  today: z.string(),
});
export type WorkerServices = z.infer<typeof workerServicesSchema>;

export const TOTALS_GROUPS = ['worker', 'consultant', 'office', 'programme'] as const;
export const totalsGroupSchema = z.enum(TOTALS_GROUPS);
export type TotalsGroup = z.infer<typeof totalsGroupSchema>;

export const TOTALS_RANGE_MESSAGE = 'La data di fine non può precedere quella di inizio';

export const serviceTotalsQuerySchema = z
  .strictObject({
    from: calendarDate,
    to: calendarDate,
    groupBy: totalsGroupSchema.default('office'),
    /** One office of the network; every office when absent. */
    officeId: z.uuid().optional(),
    programmeId: z.uuid().optional(),
  })
  .refine((q) => q.to >= q.from, { path: ['to'], message: TOTALS_RANGE_MESSAGE });
export type ServiceTotalsQuery = z.infer<typeof serviceTotalsQuerySchema>;

export const totalsCellSchema = z.object({
  count: z.number().int(),
  minutes: z.number().int(),
  /** minutes / 60, two decimals. */
  hours: z.number(),
  /** Distinct workers served. */
  workers: z.number().int(),
});
export type TotalsCell = z.infer<typeof totalsCellSchema>;

export const serviceTotalsSchema = z.object({
  from: z.string(),
  to: z.string(),
  groupBy: totalsGroupSchema,
  groups: z.array(
    z.object({
      /** null: records without a programme or a consultant. */
      id: z.uuid().nullable(),
      name: z.string(),
      byCode: z.partialRecord(serviceCodeSchema, totalsCellSchema),
      total: totalsCellSchema,
    }),
  ),
  byCode: z.partialRecord(serviceCodeSchema, totalsCellSchema),
  total: totalsCellSchema,
});
export type ServiceTotals = z.infer<typeof serviceTotalsSchema>;
