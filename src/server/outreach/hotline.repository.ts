import { sql } from 'kysely';
import type { Executor } from '../db/executor.js';
import { workerQueueColumns } from '../people/index.js';
import type { AttemptOutcome, CallOutcome } from '../db/schema-outreach.js';
import type { HotlineSlot } from './hotline-hours.js';

/** SQL of the hotline: hours, closed days, calls and the callback queue. */
export function createHotlineRepository() {
  return {
    async slots(db: Executor, officeId: string): Promise<HotlineSlot[]> {
      return db
        .selectFrom('hotline_hours')
        .select(['weekday', 'opens', 'closes'])
        .where('office_id', '=', officeId)
        .orderBy('weekday')
        .orderBy('opens')
        .execute();
    },

    async slotsByOffice(db: Executor, officeIds: string[]): Promise<Map<string, HotlineSlot[]>> {
      const map = new Map<string, HotlineSlot[]>();
      if (officeIds.length === 0) return map;
      const rows = await db
        .selectFrom('hotline_hours')
        .select(['office_id', 'weekday', 'opens', 'closes'])
        .where('office_id', 'in', officeIds)
        .orderBy('weekday')
        .orderBy('opens')
        .execute();
      for (const r of rows)
        map.set(r.office_id, [...(map.get(r.office_id) ?? []), { weekday: r.weekday, opens: r.opens, closes: r.closes }]);
      return map;
    },

    async replaceSlots(trx: Executor, officeId: string, slots: HotlineSlot[]) {
      await trx.deleteFrom('hotline_hours').where('office_id', '=', officeId).execute();
      if (slots.length)
        await trx
          .insertInto('hotline_hours')
          .values(slots.map((s) => ({ office_id: officeId, ...s })))
          .execute();
    },

    /** Closed days that apply to an office: national, its network's, its own; from a date on. */
    async holidays(db: Executor, office: { id: string; network_id: string }, from: string, to: string) {
      return db
        .selectFrom('office_holidays')
        .select(['date', 'name', 'office_id'])
        .where('date', '>=', from)
        .where('date', '<=', to)
        .where((eb) =>
          eb.or([
            eb.and([eb('network_id', 'is', null), eb('office_id', 'is', null)]),
            eb.and([eb('network_id', '=', office.network_id), eb('office_id', 'is', null)]),
            eb('office_id', '=', office.id),
          ]),
        )
        .orderBy('date')
        .execute();
    },

    async insertHoliday(trx: Executor, values: { networkId: string; officeId: string | null; date: string; name: string }) {
      await trx
        .insertInto('office_holidays')
        .values({ network_id: values.officeId ? null : values.networkId, office_id: values.officeId, date: values.date, name: values.name })
        .execute();
    },

    async insertCall(
      trx: Executor,
      v: {
        networkId: string;
        officeId: string;
        operatorId: string;
        at: Date;
        name: string;
        phone: string;
        codiceFiscale: string | null;
        birthDate: string | null;
        company: string;
        workerId: string | null;
        outcome: CallOutcome;
        note: string;
      },
    ) {
      const row = await trx
        .insertInto('hotline_calls')
        .values({
          network_id: v.networkId,
          office_id: v.officeId,
          operator_id: v.operatorId,
          at: v.at,
          caller_name: v.name,
          phone: v.phone,
          codice_fiscale: v.codiceFiscale,
          birth_date: v.birthDate,
          company_name: v.company,
          worker_id: v.workerId,
          outcome: v.outcome,
          note: v.note,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async insertCallback(
      trx: Executor,
      v: {
        networkId: string;
        officeId: string;
        workerId: string | null;
        callId: string | null;
        reason: string;
        nextAttemptAt: Date;
        createdBy: string | null;
        at: Date;
      },
    ) {
      const row = await trx
        .insertInto('callbacks')
        .values({
          network_id: v.networkId,
          office_id: v.officeId,
          worker_id: v.workerId,
          call_id: v.callId,
          reason: v.reason,
          next_attempt_at: v.nextAttemptAt,
          created_by: v.createdBy,
          created_at: v.at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    /**
     * The queue: due first (next attempt soonest), then the worker's CIGS end soonest (the
     * effective end, migration 0009). The worker's columns come from people's published sub-query.
     */
    async listCallbacks(db: Executor, networkId: string, officeId: string | null, include: 'open' | 'done', limit = 200, onlyId?: string) {
      let q = db
        .selectFrom('callbacks as cb')
        .leftJoin(workerQueueColumns(db).as('w'), 'w.id', 'cb.worker_id')
        .leftJoin('hotline_calls as hc', 'hc.id', 'cb.call_id')
        .select([
          'cb.id',
          'cb.office_id',
          'cb.worker_id',
          'cb.reason',
          'cb.attempts',
          'cb.last_outcome',
          'cb.next_attempt_at',
          'cb.done_at',
          'cb.closed_as',
          'w.first_name',
          'w.last_name',
          'w.effective_cigs_end as cigs_end_date',
          sql<string | null>`coalesce(w.phone, hc.phone)`.as('phone'),
          'hc.caller_name',
        ])
        .where('cb.network_id', '=', networkId);
      if (officeId) q = q.where('cb.office_id', '=', officeId);
      if (onlyId) q = q.where('cb.id', '=', onlyId);
      q =
        include === 'open'
          ? q
              .where('cb.done_at', 'is', null)
              .orderBy('cb.next_attempt_at')
              .orderBy(sql`w.effective_cigs_end asc nulls last`)
          : q.where('cb.done_at', 'is not', null).orderBy('cb.done_at', 'desc');
      return q.limit(limit).execute();
    },

    async findCallback(db: Executor, id: string) {
      return db.selectFrom('callbacks').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async unansweredAttempts(db: Executor, callbackId: string): Promise<number> {
      const row = await db
        .selectFrom('callback_attempts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('callback_id', '=', callbackId)
        .where('outcome', 'in', ['no_answer', 'busy'])
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async recordAttempt(
      trx: Executor,
      v: {
        callbackId: string;
        operatorId: string;
        outcome: AttemptOutcome;
        note: string;
        at: Date;
        nextAttemptAt: Date | null;
        closedAs: string | null;
      },
    ) {
      await trx
        .insertInto('callback_attempts')
        .values({ callback_id: v.callbackId, operator_id: v.operatorId, outcome: v.outcome, note: v.note, at: v.at })
        .execute();
      await trx
        .updateTable('callbacks')
        .set((eb) => ({
          attempts: eb('attempts', '+', 1),
          last_outcome: v.outcome,
          ...(v.nextAttemptAt ? { next_attempt_at: v.nextAttemptAt } : {}),
          ...(v.closedAs ? { done_at: v.at, closed_as: v.closedAs } : {}),
        }))
        .where('id', '=', v.callbackId)
        .execute();
    },
  };
}

export type HotlineRepository = ReturnType<typeof createHotlineRepository>;
