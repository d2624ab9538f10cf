import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import { canActOnWorker, type Actor, type ActorContext } from '../auth/index.js';
import type { Executor } from '../db/executor.js';
import type { DB } from '../db/schema.js';
import { officeNamesById } from '../organisation/index.js';
import { displayNameOf, workerRefsByIds } from '../people/index.js';
import type { NoticePage, NoticeQuery } from '../../shared/schemas/notices.schema.js';
import { noticeText, payloadRefs } from './notice-messages.js';
import { programmeErrors } from './programme.errors.js';
import type { NoticeRecipient, StaffInboxRepository } from './staff-notices.repository.js';

/**
 * Vacancy titles for the notices that name one (applications' notices): handed in by buildApp, since
 * vacancies sit above programmes. Without it the sentences say «un’offerta».
 */
export type NoticeVacancyTitles = (db: Executor, ids: readonly string[]) => Promise<Map<string, { title: string }>>;

/** The inbox's recipient: the account, and every role it holds in each of its offices. */
export function inboxRecipient(actor: Actor): NoticeRecipient {
  return { userId: actor.userId, holds: actor.assignments.map((a) => ({ role: a.role, officeId: a.officeId })) };
}

export function createNoticeService(deps: {
  db: Kysely<DB>;
  inbox: StaffInboxRepository;
  audit: AuditService;
  clock: () => Date;
  vacancyTitles?: NoticeVacancyTitles;
}) {
  const { db, inbox, audit, clock } = deps;
  return {
    /** The caller's notices, newest first, with the unread count; audited when they name workers. */
    async list(ctx: ActorContext, q: NoticeQuery): Promise<NoticePage> {
      const page = await inbox.page(db, inboxRecipient(ctx.actor), { unreadOnly: q.unread === 'true', limit: q.limit, offset: q.offset });
      const refs = page.items.map((n) => payloadRefs(n.payload));
      const vacancyIds = refs.flatMap((r) => [r.vacancyId, r.hiredFor]).filter((v): v is string => v !== null);
      const [workers, vacancies, offices] = await Promise.all([
        workerRefsByIds(
          db,
          refs.map((r) => r.workerId).filter((w): w is string => w !== null),
        ),
        deps.vacancyTitles ? deps.vacancyTitles(db, vacancyIds) : Promise.resolve(new Map<string, { title: string }>()),
        officeNamesById(db, [...new Set(page.items.map((n) => n.officeId))]),
      ]);
      const named: string[] = [];
      const items = page.items.map((n, i) => {
        const r = refs[i]!;
        const worker = r.workerId ? workers.get(r.workerId) : undefined;
        const visible = worker && canActOnWorker(ctx.actor, worker) ? worker : undefined;
        if (visible) named.push(visible.id);
        const text = noticeText(n.kind, {
          workerName: visible ? displayNameOf(visible.firstName, visible.lastName) : null,
          workerId: visible?.id ?? null,
          vacancyTitle: r.vacancyId ? (vacancies.get(r.vacancyId)?.title ?? null) : null,
          vacancyId: r.vacancyId && vacancies.has(r.vacancyId) ? r.vacancyId : null,
          hiredForTitle: r.hiredFor ? (vacancies.get(r.hiredFor)?.title ?? null) : null,
          programmeName: n.programmeName,
          programmeId: n.programmeId,
          outcome: r.outcome,
          start: r.start,
        });
        return {
          id: n.id,
          kind: n.kind,
          officeId: n.officeId,
          officeName: offices.get(n.officeId) ?? '',
          createdAt: n.createdAt.toISOString(),
          readAt: n.readAt ? n.readAt.toISOString() : null,
          text: { it: text.it, en: text.en },
          link: text.link,
        };
      });
      if (items.length > 0)
        await audit.record(db, ctx, {
          action: 'notice.list.read',
          entityType: 'staff_notice',
          entityId: null,
          details: { ids: items.map((n) => n.id), workerIds: [...new Set(named)] },
        });
      return { items, total: page.total, unread: page.unread };
    },

    /** Only a notice addressed to the caller is marked read; any other answers 404 (NOTIFICATION_NOT_FOUND). */
    async markRead(ctx: ActorContext, id: string): Promise<void> {
      const outcome = await inbox.markRead(db, id, inboxRecipient(ctx.actor), clock());
      if (outcome === 'missing') throw programmeErrors.notificationNotFound();
      if (outcome === 'marked')
        await audit.record(db, ctx, { action: 'notice.marked_read', entityType: 'staff_notice', entityId: id, details: {} });
    },
  };
}

export type NoticeService = ReturnType<typeof createNoticeService>;
