import { z } from 'zod';
import { isoDateTime } from './common.schema.js';

/** The signed-in member of staff's notices (`GET /api/v1/notices`), newest first, paged. */
export const noticeQuerySchema = z.strictObject({
  /** "true": only the notices not read yet. */
  unread: z.enum(['true', 'false']).optional(),
  /** 0: only the counts (the header's badge; nothing read, nothing audited). */
  limit: z.coerce.number().int().min(0).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});
export type NoticeQuery = z.infer<typeof noticeQuerySchema>;

export const noticeLinkSchema = z
  .object({ to: z.enum(['worker', 'vacancy', 'programme']), id: z.uuid() })
  .nullable()
  .meta({ id: 'NoticeLink' });

export const noticeSchema = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    officeId: z.uuid(),
    officeName: z.string(),
    createdAt: isoDateTime,
    readAt: isoDateTime.nullable(),
    /** The sentence in both languages, built from the notice's payload (the worker's name only when in the reader's scope). */
    text: z.object({ it: z.string(), en: z.string() }),
    /** Where the notice leads: the worker, the vacancy (its applications) or the programme. */
    link: noticeLinkSchema,
  })
  .meta({ id: 'StaffNotice' });
export type Notice = z.infer<typeof noticeSchema>;

export const noticePageSchema = z.object({
  items: z.array(noticeSchema),
  /** Notices matching the query. */
  total: z.number().int(),
  /** Notices addressed to the caller not read yet (the header's count). */
  unread: z.number().int(),
});
export type NoticePage = z.infer<typeof noticePageSchema>;
