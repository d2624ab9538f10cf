import { z } from 'zod';
import { calendarDate } from './common.schema.js';
import { totalsGroupSchema } from './services.schema.js';

export const funnelSchema = z.object({
  eligible: z.number().int(),
  contacted: z.number().int(),
  registered: z.number().int(),
  enrolled: z.number().int(),
  placed: z.number().int(),
});
export type Funnel = z.infer<typeof funnelSchema>;
export const FUNNEL_STEPS = ['eligible', 'contacted', 'registered', 'enrolled', 'placed'] as const;

export const dashboardQuerySchema = z.strictObject({ programmeId: z.uuid().optional() });

export const dashboardSchema = z
  .object({
    asOf: z.string(),
    programmeId: z.uuid().nullable(),
    programmes: z.array(
      z.object({
        id: z.uuid(),
        code: z.string(),
        name: z.string(),
        status: z.string(),
        capacity: z.number().int(),
        used: z.number().int(),
        free: z.number().int(),
        waiting: z.number().int(),
        funnel: funnelSchema,
      }),
    ),
    byOffice: z.array(
      z.object({ id: z.uuid(), name: z.string(), used: z.number().int(), waiting: z.number().int(), funnel: funnelSchema }),
    ),
    byCompany: z.array(
      z.object({ id: z.uuid().nullable(), name: z.string(), used: z.number().int(), waiting: z.number().int(), funnel: funnelSchema }),
    ),
    waitingList: z.object({
      total: z.number().int(),
      items: z.array(
        z.object({
          position: z.number().int(),
          workerName: z.string(),
          officeName: z.string(),
          cigsEndDate: z.string().nullable(),
          requestedAt: z.string().nullable(),
        }),
      ),
    }),
    expiring: z.object({
      within30: z.number().int(),
      within60: z.number().int(),
      within90: z.number().int(),
      items: z.array(
        z.object({
          workerName: z.string(),
          officeName: z.string(),
          companyName: z.string().nullable(),
          cigsEndDate: z.string(),
          daysLeft: z.number().int(),
          state: z.string().nullable(),
        }),
      ),
    }),
    outreach: z.object({
      available: z.boolean(),
      byStatus: z.record(z.string(), z.number().int()),
      reached: z.number().int(),
      responded: z.number().int(),
      responseRate: z.number().nullable(),
      registrationRate: z.number().nullable(),
    }),
  })
  .meta({ id: 'Dashboard' });
export type Dashboard = z.infer<typeof dashboardSchema>;

export const EXPORT_TABLES = ['programmes', 'offices', 'companies', 'waiting', 'expiring', 'outreach', 'services'] as const;
export const exportParamsSchema = z.strictObject({ table: z.enum(EXPORT_TABLES) });
export const exportQuerySchema = z.strictObject({
  programmeId: z.uuid().optional(),
  /** The delivered services' totals (table `services`): Rome days (this year to today by default), grouping, one office. */
  from: calendarDate.optional(),
  to: calendarDate.optional(),
  groupBy: totalsGroupSchema.optional(),
  officeId: z.uuid().optional(),
  format: z.enum(['csv', 'xlsx']).default('csv'),
  /** The file's language; a plain download link cannot set Accept-Language, which is the default. */
  lang: z.enum(['it', 'en']).optional(),
});
export type ExportQuery = z.infer<typeof exportQuerySchema>;
