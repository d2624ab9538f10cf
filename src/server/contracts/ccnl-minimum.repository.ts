import { sql } from 'kysely';
import type { Executor } from '../db/executor.js';
import type { CcnlMinimumQuery } from '../../shared/schemas/contracts.schema.js';
import type { MinimumPay } from './pay-check.js';

/** The only place that writes SQL on ccnl_minimum_pay. */

export interface MinimumRow extends MinimumPay {
  networkId: string;
  createdBy: string | null;
  createdAt: Date;
  updatedBy: string | null;
  updatedAt: Date;
  version: number;
}

export interface MinimumValues {
  ccnlCode: string;
  level: string;
  monthlyCents: number;
  weeklyHours: number;
  validFrom: string;
  validTo: string | null;
  sourceNote: string;
}

const COLUMNS = [
  'm.id',
  'm.network_id',
  'm.ccnl_code',
  'm.level',
  'm.monthly_cents',
  'm.weekly_hours',
  'm.valid_from',
  'm.valid_to',
  'm.source_note',
  'm.created_by',
  'm.created_at',
  'm.updated_by',
  'm.updated_at',
  'm.version',
] as const;

type Raw = {
  id: string;
  network_id: string;
  ccnl_code: string;
  level: string;
  monthly_cents: number;
  weekly_hours: number;
  valid_from: string;
  valid_to: string | null;
  source_note: string;
  created_by: string | null;
  created_at: Date;
  updated_by: string | null;
  updated_at: Date;
  version: number;
};

const toRow = (r: Raw): MinimumRow => ({
  id: r.id,
  networkId: r.network_id,
  ccnlCode: r.ccnl_code,
  level: r.level,
  monthlyCents: Number(r.monthly_cents),
  weeklyHours: Number(r.weekly_hours),
  validFrom: r.valid_from,
  validTo: r.valid_to,
  sourceNote: r.source_note,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedBy: r.updated_by,
  updatedAt: r.updated_at,
  version: r.version,
});

/** The same normalisation as the table's generated level_key, done by PostgreSQL on both sides. */
const keyOf = (level: string) => sql<string>`lower(regexp_replace(btrim(${level}::text), '\\s+', ' ', 'g'))`;

/** A new table row: the one mapping for a single insert and the demo's many. */
const newRow = (networkId: string, v: MinimumValues, actorId: string | null, now: Date) => ({
  network_id: networkId,
  ccnl_code: v.ccnlCode,
  level: v.level,
  monthly_cents: v.monthlyCents,
  weekly_hours: v.weeklyHours,
  valid_from: v.validFrom,
  valid_to: v.validTo,
  source_note: v.sourceNote,
  created_by: actorId,
  created_at: now,
  updated_by: actorId,
  updated_at: now,
});

export function createCcnlMinimumRepository() {
  return {
    async find(db: Executor, id: string): Promise<MinimumRow | undefined> {
      const r = await db.selectFrom('ccnl_minimum_pay as m').select(COLUMNS).where('m.id', '=', id).executeTakeFirst();
      return r ? toRow(r) : undefined;
    },

    /** A page of the network's tables: by CCNL, level, newest validity first. */
    async list(db: Executor, networkId: string, q: CcnlMinimumQuery): Promise<{ items: MinimumRow[]; total: number }> {
      let base = db.selectFrom('ccnl_minimum_pay as m').where('m.network_id', '=', networkId);
      if (q.ccnlCode) base = base.where('m.ccnl_code', '=', q.ccnlCode);
      const [rows, count] = await Promise.all([
        base
          .select(COLUMNS)
          .orderBy('m.ccnl_code')
          .orderBy('m.level_key')
          .orderBy('m.valid_from', 'desc')
          .orderBy('m.id')
          .limit(q.limit)
          .offset(q.offset)
          .execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map(toRow), total: Number(count.n) };
    },

    /** The network's tables of this CCNL and level whose validity meets [from, to] (to null: open), but `exceptId`. */
    async overlapping(
      db: Executor,
      networkId: string,
      v: Pick<MinimumValues, 'ccnlCode' | 'level' | 'validFrom' | 'validTo'>,
      exceptId?: string,
    ): Promise<MinimumRow[]> {
      let q = db
        .selectFrom('ccnl_minimum_pay as m')
        .select(COLUMNS)
        .where('m.network_id', '=', networkId)
        .where('m.ccnl_code', '=', v.ccnlCode)
        .where('m.level_key', '=', keyOf(v.level))
        .where(sql<boolean>`daterange(m.valid_from, m.valid_to, '[]') && daterange(${v.validFrom}::date, ${v.validTo}::date, '[]')`);
      if (exceptId) q = q.where('m.id', '<>', exceptId);
      return (await q.execute()).map(toRow);
    },

    /** The table in force on `date` for this CCNL and level (at most one: validities never overlap). */
    async inForce(db: Executor, networkId: string, ccnlCode: string, level: string, date: string): Promise<MinimumRow | undefined> {
      const r = await db
        .selectFrom('ccnl_minimum_pay as m')
        .select(COLUMNS)
        .where('m.network_id', '=', networkId)
        .where('m.ccnl_code', '=', ccnlCode)
        .where('m.level_key', '=', keyOf(level))
        .where('m.valid_from', '<=', date)
        .where((eb) => eb.or([eb('m.valid_to', 'is', null), eb('m.valid_to', '>=', date)]))
        .executeTakeFirst();
      return r ? toRow(r) : undefined;
    },

    async insert(db: Executor, networkId: string, v: MinimumValues, actorId: string | null, now: Date): Promise<string> {
      const r = await db
        .insertInto('ccnl_minimum_pay')
        .values(newRow(networkId, v, actorId, now))
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },

    /** Many rows at once (the demo), in one statement. */
    async insertMany(db: Executor, networkId: string, rows: readonly MinimumValues[], actorId: string | null, now: Date): Promise<void> {
      if (rows.length === 0) return;
      await db
        .insertInto('ccnl_minimum_pay')
        .values(rows.map((v) => newRow(networkId, v, actorId, now)))
        .execute();
    },

    /** False when the version moved on (someone else saved first). */
    async update(db: Executor, id: string, version: number, v: MinimumValues, actorId: string | null, now: Date): Promise<boolean> {
      const r = await db
        .updateTable('ccnl_minimum_pay')
        .set({
          ccnl_code: v.ccnlCode,
          level: v.level,
          monthly_cents: v.monthlyCents,
          weekly_hours: v.weeklyHours,
          valid_from: v.validFrom,
          valid_to: v.validTo,
          source_note: v.sourceNote,
          updated_by: actorId,
          updated_at: now,
          version: sql<number>`version + 1`,
        })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    async remove(db: Executor, id: string, version: number): Promise<boolean> {
      const r = await db.deleteFrom('ccnl_minimum_pay').where('id', '=', id).where('version', '=', version).executeTakeFirst();
      return Number(r.numDeletedRows) === 1;
    },
  };
}

export type CcnlMinimumRepository = ReturnType<typeof createCcnlMinimumRepository>;
