import { sql } from 'kysely';
import type { Executor } from '../db/executor.js';
import type { ParticipantStatus, WorkshopMessageKind, WorkshopTopic } from '../db/schema-appointments.js';
import { claimConflictOf, range, toDate } from './appointment.repository.js';

/** Group workshops: sessions, facilitators, participants with the waiting list, the time they claim. */

export interface SessionRow {
  id: string;
  networkId: string;
  officeId: string;
  topic: WorkshopTopic;
  title: string;
  description: string;
  roomId: string | null;
  roomName: string | null;
  place: string;
  start: Date;
  end: Date;
  seats: number;
  status: 'scheduled' | 'cancelled';
  sequence: number;
  seriesId: string | null;
  cancelReason: string | null;
}

export interface ParticipantRow {
  workerId: string;
  status: ParticipantStatus;
  waitingSince: Date | null;
  /** The place on the waiting list (smaller first); null when not waiting. */
  waitingOrder: number | null;
  updatedAt: Date;
}

export function createWorkshopRepository() {
  function select(db: Executor) {
    return db
      .selectFrom('group_sessions as s')
      .leftJoin('meeting_rooms as r', 'r.id', 's.room_id')
      .select([
        's.id',
        's.network_id',
        's.office_id',
        's.topic',
        's.title',
        's.description',
        's.room_id',
        'r.name as room_name',
        's.place',
        's.starts_at',
        's.ends_at',
        's.seats',
        's.status',
        's.sequence',
        's.series_id',
        's.cancel_reason',
      ]);
  }
  type Selected = Awaited<ReturnType<ReturnType<typeof select>['execute']>>[number];
  const present = (r: Selected): SessionRow => ({
    id: r.id,
    networkId: r.network_id,
    officeId: r.office_id,
    topic: r.topic,
    title: r.title,
    description: r.description,
    roomId: r.room_id,
    roomName: r.room_name,
    place: r.place,
    start: toDate(r.starts_at),
    end: toDate(r.ends_at),
    seats: r.seats,
    status: r.status,
    sequence: r.sequence,
    seriesId: r.series_id,
    cancelReason: r.cancel_reason,
  });

  async function claim(
    db: Executor,
    claims: { networkId: string; sessionId: string; type: 'consultant' | 'worker' | 'room'; id: string; start: Date; end: Date }[],
  ) {
    if (claims.length === 0) return;
    try {
      await db
        .insertInto('agenda_claims')
        .values(
          claims.map((c) => ({
            network_id: c.networkId,
            resource_type: c.type,
            resource_id: c.id,
            during: range(c.start, c.end),
            session_id: c.sessionId,
          })),
        )
        .execute();
    } catch (err) {
      throw claimConflictOf(err) ?? err;
    }
  }

  return {
    claim,

    async byId(db: Executor, id: string, options: { forUpdate?: boolean } = {}): Promise<SessionRow | undefined> {
      let query = select(db).where('s.id', '=', id);
      if (options.forUpdate) query = query.forUpdate('s');
      const row = await query.executeTakeFirst();
      return row ? present(row) : undefined;
    },

    async list(db: Executor, p: { networkId: string; officeId?: string; from: Date; to: Date }): Promise<SessionRow[]> {
      let query = select(db).where('s.network_id', '=', p.networkId).where('s.starts_at', '<', p.to).where('s.ends_at', '>', p.from);
      if (p.officeId) query = query.where('s.office_id', '=', p.officeId);
      return (await query.orderBy('s.starts_at').limit(500).execute()).map(present);
    },

    async insert(
      db: Executor,
      v: {
        networkId: string;
        officeId: string;
        topic: WorkshopTopic;
        title: string;
        description: string;
        roomId: string | null;
        place: string;
        start: Date;
        end: Date;
        seats: number;
        seriesId: string | null;
        createdBy: string;
      },
    ): Promise<string> {
      const row = await db
        .insertInto('group_sessions')
        .values({
          network_id: v.networkId,
          office_id: v.officeId,
          topic: v.topic,
          title: v.title,
          description: v.description,
          room_id: v.roomId,
          place: v.place,
          starts_at: v.start,
          ends_at: v.end,
          seats: v.seats,
          series_id: v.seriesId,
          created_by: v.createdBy,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async setFacilitators(db: Executor, sessionId: string, staffIds: string[]) {
      await db.deleteFrom('group_session_facilitators').where('session_id', '=', sessionId).execute();
      if (staffIds.length)
        await db
          .insertInto('group_session_facilitators')
          .values(staffIds.map((staff_id) => ({ session_id: sessionId, staff_id })))
          .execute();
    },

    async facilitators(db: Executor, sessionIds: string[]): Promise<Map<string, string[]>> {
      const out = new Map<string, string[]>();
      if (sessionIds.length === 0) return out;
      const rows = await db
        .selectFrom('group_session_facilitators')
        .select(['session_id', 'staff_id'])
        .where('session_id', 'in', sessionIds)
        .execute();
      for (const r of rows) out.set(r.session_id, [...(out.get(r.session_id) ?? []), r.staff_id]);
      return out;
    },

    async update(
      db: Executor,
      s: SessionRow,
      v: {
        start: Date;
        end: Date;
        roomId: string | null;
        place: string;
        seats: number;
        title: string;
        description: string;
        bump: boolean;
        now: Date;
      },
    ) {
      await db
        .updateTable('group_sessions')
        .set({
          starts_at: v.start,
          ends_at: v.end,
          room_id: v.roomId,
          place: v.place,
          seats: v.seats,
          title: v.title,
          description: v.description,
          sequence: v.bump ? s.sequence + 1 : s.sequence,
          updated_at: v.now,
        })
        .where('id', '=', s.id)
        .execute();
    },

    async cancel(db: Executor, s: SessionRow, reason: string, now: Date) {
      await db
        .updateTable('group_sessions')
        .set({ status: 'cancelled', cancel_reason: reason, sequence: s.sequence + 1, updated_at: now })
        .where('id', '=', s.id)
        .execute();
      await db.deleteFrom('agenda_claims').where('session_id', '=', s.id).execute();
    },

    /** The session's own claims (facilitators, room) or a participant's, replaced with new times. */
    async dropClaims(db: Executor, sessionId: string, p: { workerId?: string; sessionOnly?: boolean } = {}) {
      let query = db.deleteFrom('agenda_claims').where('session_id', '=', sessionId);
      if (p.workerId) query = query.where('resource_type', '=', 'worker').where('resource_id', '=', p.workerId);
      else if (p.sessionOnly) query = query.where('resource_type', '<>', 'worker');
      await query.execute();
    },

    async participants(db: Executor, sessionId: string): Promise<ParticipantRow[]> {
      const rows = await db
        .selectFrom('group_participants')
        .select(['worker_id', 'status', 'waiting_since', 'waiting_order', 'updated_at'])
        .where('session_id', '=', sessionId)
        .orderBy('status')
        .orderBy('waiting_order')
        .orderBy('worker_id')
        .execute();
      return rows.map((r) => ({
        workerId: r.worker_id,
        status: r.status,
        waitingSince: r.waiting_since ? toDate(r.waiting_since) : null,
        waitingOrder: r.waiting_order === null ? null : Number(r.waiting_order),
        updatedAt: toDate(r.updated_at),
      }));
    },

    /** The sessions a worker was invited to or booked, the latest first, with their place on the waiting list. */
    async ofWorker(db: Executor, workerId: string) {
      const rows = await select(db)
        .innerJoin('group_participants as p', 'p.session_id', 's.id')
        .select(['p.status as participant_status'])
        .select(
          sql<
            number | null
          >`case when p.status = 'waiting' then (select count(*) from group_participants q where q.session_id = s.id and q.status = 'waiting' and q.waiting_order <= p.waiting_order) end`.as(
            'waiting_position',
          ),
        )
        .where('p.worker_id', '=', workerId)
        .orderBy('s.starts_at', 'desc')
        .limit(200)
        .execute();
      return rows.map((r) => ({
        ...present(r),
        participantStatus: r.participant_status,
        waitingPosition: r.waiting_position === null ? null : Number(r.waiting_position),
      }));
    },

    async countsBySession(db: Executor, sessionIds: string[]): Promise<Map<string, { booked: number; waiting: number }>> {
      const out = new Map<string, { booked: number; waiting: number }>();
      if (sessionIds.length === 0) return out;
      const rows = await db
        .selectFrom('group_participants')
        .select(['session_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
        .where('session_id', 'in', sessionIds)
        .where('status', 'in', ['booked', 'waiting', 'attended', 'absent', 'excused'])
        .groupBy(['session_id', 'status'])
        .execute();
      for (const r of rows) {
        const c = out.get(r.session_id) ?? { booked: 0, waiting: 0 };
        if (r.status === 'waiting') c.waiting += Number(r.n);
        else c.booked += Number(r.n);
        out.set(r.session_id, c);
      }
      return out;
    },

    async participant(db: Executor, sessionId: string, workerId: string) {
      return db
        .selectFrom('group_participants')
        .select(['status', 'waiting_since', 'waiting_order'])
        .where('session_id', '=', sessionId)
        .where('worker_id', '=', workerId)
        .executeTakeFirst();
    },

    async upsertParticipant(
      db: Executor,
      v: {
        sessionId: string;
        workerId: string;
        status: ParticipantStatus;
        waitingSince: Date | null;
        invitedAt?: Date | null;
        by: string | null;
        now: Date;
      },
    ) {
      await db
        .insertInto('group_participants')
        .values({
          session_id: v.sessionId,
          worker_id: v.workerId,
          status: v.status,
          waiting_since: v.waitingSince,
          // Joining the list takes the next place; staying on it keeps the place it had.
          waiting_order: v.status === 'waiting' ? sql<number>`nextval('group_waiting_order_seq')` : null,
          invited_at: v.invitedAt ?? null,
          updated_at: v.now,
          updated_by: v.by,
        })
        .onConflict((oc) =>
          oc.columns(['session_id', 'worker_id']).doUpdateSet((eb) => ({
            status: v.status,
            waiting_since:
              v.status === 'waiting'
                ? sql<Date>`coalesce(${eb.ref('group_participants.waiting_since')}, ${eb.ref('excluded.waiting_since')})`
                : null,
            waiting_order:
              v.status === 'waiting'
                ? sql<number>`coalesce(${eb.ref('group_participants.waiting_order')}, ${eb.ref('excluded.waiting_order')})`
                : null,
            updated_at: v.now,
            updated_by: v.by,
          })),
        )
        .execute();
    },

    /** The first on the waiting list (but `except`), locked so two freed seats never go to the same person. */
    async firstWaiting(db: Executor, sessionId: string, except: readonly string[] = []): Promise<string | undefined> {
      let query = db
        .selectFrom('group_participants')
        .select('worker_id')
        .where('session_id', '=', sessionId)
        .where('status', '=', 'waiting');
      if (except.length) query = query.where('worker_id', 'not in', except);
      const row = await query.orderBy('waiting_order').limit(1).forUpdate().executeTakeFirst();
      return row?.worker_id;
    },

    /** Whether the worker holds time that overlaps [start, end) (another meeting or workshop). */
    async workerBusy(db: Executor, workerId: string, start: Date, end: Date, exceptSessionId: string): Promise<boolean> {
      const row = await db
        .selectFrom('agenda_claims')
        .select('id')
        .where('resource_type', '=', 'worker')
        .where('resource_id', '=', workerId)
        .where(sql<boolean>`during && ${range(start, end)}`)
        .where((eb) => eb.or([eb('session_id', 'is', null), eb('session_id', '<>', exceptSessionId)]))
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },

    async messageBegin(
      db: Executor,
      v: {
        networkId: string;
        sessionId: string;
        workerId: string;
        kind: WorkshopMessageKind;
        channel: 'email' | 'sms';
        sequence: number;
        recipient: string;
        body: string;
        now: Date;
      },
    ): Promise<'new' | 'sent' | 'uncertain' | 'retry'> {
      const row = await db
        .insertInto('group_session_messages')
        .values({
          network_id: v.networkId,
          session_id: v.sessionId,
          worker_id: v.workerId,
          kind: v.kind,
          channel: v.channel,
          sequence: v.sequence,
          recipient: v.recipient,
          body: v.body,
          created_at: v.now,
        })
        .onConflict((oc) => oc.columns(['session_id', 'worker_id', 'kind', 'channel', 'sequence']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (row) return 'new';
      const existing = await db
        .selectFrom('group_session_messages')
        .select(['status', 'error'])
        .where('session_id', '=', v.sessionId)
        .where('worker_id', '=', v.workerId)
        .where('kind', '=', v.kind)
        .where('channel', '=', v.channel)
        .where('sequence', '=', v.sequence)
        .executeTakeFirstOrThrow();
      if (existing.status === 'sent') return 'sent';
      if (existing.status === 'sending' || existing.error?.startsWith('uncertain')) return 'uncertain';
      return 'retry';
    },

    async messageFinish(
      db: Executor,
      v: {
        sessionId: string;
        workerId: string;
        kind: WorkshopMessageKind;
        channel: 'email' | 'sms';
        sequence: number;
        status: 'sending' | 'sent' | 'failed';
        error?: string;
        now: Date;
      },
    ) {
      await db
        .updateTable('group_session_messages')
        .set({ status: v.status, error: v.error ?? null, sent_at: v.status === 'sent' ? v.now : null })
        .where('session_id', '=', v.sessionId)
        .where('worker_id', '=', v.workerId)
        .where('kind', '=', v.kind)
        .where('channel', '=', v.channel)
        .where('sequence', '=', v.sequence)
        .execute();
    },
  };
}

export type WorkshopRepository = ReturnType<typeof createWorkshopRepository>;
