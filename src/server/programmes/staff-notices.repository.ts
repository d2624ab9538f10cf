import { sql, type ExpressionBuilder } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Executor } from '../db/executor.js';

/**
 * Staff notices (staff_notifications): addressed to one account, or to a role in an office. Programmes
 * write their own (a freed place given to the first in line); other domains add theirs through
 * insertStaffNotice (applications: an application withdrawn because the worker was hired elsewhere).
 */

/**
 * Who a notice is for: one account by id, or a role held in an office (`officeId` null: that role in
 * any office of the network, for the programme page of those who work across it).
 */
export interface NoticeRecipient {
  userId: string;
  holds: ReadonlyArray<{ role: string; officeId: string | null }>;
}

/** The one rule of who sees (and may mark read) a notice, shared by the programme page, the inbox and the updates. */
export function addressedTo(eb: ExpressionBuilder<DB & { n: DB['staff_notifications'] }, 'n'>, r: NoticeRecipient) {
  const byRole = r.holds.map((h) =>
    h.officeId === null
      ? eb('n.recipient_role', '=', h.role)
      : eb.and([eb('n.recipient_role', '=', h.role), eb('n.office_id', '=', h.officeId)]),
  );
  return eb.or([eb('n.recipient_user_id', '=', r.userId), ...byRole]);
}

export async function insertStaffNotice(
  trx: Executor,
  n: { officeId: string; recipientRole: string; kind: string; payload: Record<string, unknown> },
  now: Date,
): Promise<void> {
  await trx
    .insertInto('staff_notifications')
    .values({
      office_id: n.officeId,
      programme_id: null,
      recipient_role: n.recipientRole,
      kind: n.kind,
      payload: JSON.stringify(n.payload),
      created_at: now,
    })
    .execute();
}

export interface InboxRow {
  id: string;
  officeId: string;
  programmeId: string | null;
  programmeName: string | null;
  kind: string;
  payload: Record<string, unknown>;
  createdAt: Date;
  readAt: Date | null;
}

/** The inbox of a member of staff (`GET /api/v1/notices`): every notice addressed to them, newest first. */
export function createStaffInboxRepository() {
  return {
    async page(db: Executor, r: NoticeRecipient, f: { unreadOnly: boolean; limit: number; offset: number }) {
      const base = db.selectFrom('staff_notifications as n').where((eb) => addressedTo(eb, r));
      const filtered = f.unreadOnly ? base.where('n.read_at', 'is', null) : base;
      const [counts, rows] = await Promise.all([
        base
          .select([sql<number>`count(*)::int`.as('total'), sql<number>`(count(*) filter (where n.read_at is null))::int`.as('unread')])
          .executeTakeFirstOrThrow(),
        filtered
          .leftJoin('programmes as p', 'p.id', 'n.programme_id')
          .select(['n.id', 'n.office_id', 'n.programme_id', 'p.name as programme_name', 'n.kind', 'n.payload', 'n.created_at', 'n.read_at'])
          .orderBy('n.created_at', 'desc')
          .orderBy('n.id', 'desc')
          .limit(f.limit)
          .offset(f.offset)
          .execute(),
      ]);
      const items: InboxRow[] = rows.map((x) => ({
        id: x.id,
        officeId: x.office_id,
        programmeId: x.programme_id,
        programmeName: x.programme_name,
        kind: x.kind,
        payload: (typeof x.payload === 'string' ? JSON.parse(x.payload) : x.payload) as Record<string, unknown>,
        createdAt: new Date(x.created_at),
        readAt: x.read_at ? new Date(x.read_at) : null,
      }));
      return { total: f.unreadOnly ? Number(counts.unread) : Number(counts.total), unread: Number(counts.unread), items };
    },

    /** Marks a notice read when it is addressed to the recipient: 'missing' otherwise, whoever else it may be for. */
    async markRead(db: Executor, id: string, r: NoticeRecipient, at: Date): Promise<'marked' | 'already' | 'missing'> {
      const res = await db
        .updateTable('staff_notifications as n')
        .set({ read_at: at })
        .where('n.id', '=', id)
        .where('n.read_at', 'is', null)
        .where((eb) => addressedTo(eb, r))
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) > 0) return 'marked';
      const exists = await db
        .selectFrom('staff_notifications as n')
        .select('n.id')
        .where('n.id', '=', id)
        .where((eb) => addressedTo(eb, r))
        .executeTakeFirst();
      return exists ? 'already' : 'missing';
    },
  };
}

export type StaffInboxRepository = ReturnType<typeof createStaffInboxRepository>;
