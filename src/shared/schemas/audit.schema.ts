import { z } from 'zod';
import { isoDateTime } from './common.schema.js';

export const auditEntrySchema = z
  .object({
    id: z.number().int(),
    at: isoDateTime,
    actorId: z.uuid().nullable(),
    actorLabel: z.string(),
    officeId: z.uuid().nullable(),
    officeName: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    /** The object's display name when the entry was written; '' for entries written before it was kept. */
    entityLabel: z.string(),
    details: z.record(z.string(), z.unknown()),
    requestId: z.string().nullable(),
    ip: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditQuerySchema = z.strictObject({
  actorId: z.uuid().optional(),
  officeId: z.uuid().optional(),
  action: z.string().trim().max(80).optional(),
  entityType: z.string().trim().max(80).optional(),
  entityId: z.string().trim().max(80).optional(),
  /** Entries about this worker: their record, and their enrolments, calls and messages. */
  workerId: z.uuid().optional(),
  from: isoDateTime.optional(),
  /** Inclusive upper bound. */
  to: isoDateTime.optional(),
  /** Keyset pagination: entries with an id lower than this one. */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditPageSchema = z.object({
  items: z.array(auditEntrySchema),
  nextBefore: z.number().int().nullable(),
});
