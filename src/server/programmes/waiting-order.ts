import { sql, type RawBuilder } from 'kysely';

/**
 * The waiting-list order, defined once: CIGS end date soonest first (unknown last: the worker
 * whose income support runs out first is helped first), then registration time, then the
 * enrolment id (a stable tie-break). `compareWaitingPriority` is the readable rule; the SQL below
 * is the same rule for the queries (position, promotion of the first in line, the dashboard), and
 * a test runs each of them against the comparator.
 */
export interface WaitingKey {
  priorityCigsEnd: string | null;
  requestedAt: Date | string | null;
  id: string;
}

export function compareWaitingPriority(a: WaitingKey, b: WaitingKey): number {
  if (a.priorityCigsEnd !== b.priorityCigsEnd) {
    if (a.priorityCigsEnd === null) return 1;
    if (b.priorityCigsEnd === null) return -1;
    return a.priorityCigsEnd < b.priorityCigsEnd ? -1 : 1;
  }
  const ta = a.requestedAt ? new Date(a.requestedAt).getTime() : Number.POSITIVE_INFINITY;
  const tb = b.requestedAt ? new Date(b.requestedAt).getTime() : Number.POSITIVE_INFINITY;
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const ALIAS = /^[a-z_][a-z0-9_]*$/;

/**
 * The sort key of an enrolment row as an SQL row value, `(cigs end or infinity, requested at or
 * infinity, id)`: compared with `<`/`<=` it gives positions, in ORDER BY it gives the list. uuid
 * compares byte by byte in PostgreSQL, as the comparator compares the lower-case text.
 */
export function waitingKeySql(alias: string): RawBuilder<unknown> {
  if (!ALIAS.test(alias)) throw new Error(`Not a table alias: ${alias}`);
  const a = sql.raw(alias);
  return sql`(coalesce(${a}.priority_cigs_end, 'infinity'::date), coalesce(${a}.requested_at, 'infinity'::timestamptz), ${a}.id)`;
}

/** The same key for a known enrolment, as parameters. */
export function waitingKeyOf(e: WaitingKey): RawBuilder<unknown> {
  return sql`(coalesce(${e.priorityCigsEnd}::date, 'infinity'::date), coalesce(${e.requestedAt}::timestamptz, 'infinity'::timestamptz), ${e.id}::uuid)`;
}

/**
 * ORDER BY items of the waiting list, for `.orderBy(waitingOrderSql('e'))` or inside a window:
 * the row key above spelled so the partial index enrollments_waiting_idx (priority_cigs_end nulls
 * last, requested_at, id) serves it; nulls last is the key's "infinity".
 */
export function waitingOrderSql(alias: string): RawBuilder<unknown> {
  if (!ALIAS.test(alias)) throw new Error(`Not a table alias: ${alias}`);
  const a = sql.raw(alias);
  return sql`${a}.priority_cigs_end asc nulls last, ${a}.requested_at asc nulls last, ${a}.id asc`;
}

/** Condition: enrolment `alias` is at or before `e` in the waiting list (the 1-based position is their count). */
export function waitingAtOrBefore(alias: string, e: WaitingKey): RawBuilder<boolean> {
  return sql<boolean>`${waitingKeySql(alias)} <= ${waitingKeyOf(e)}`;
}

/** Condition: enrolment `inner` is at or before enrolment `outer` (both aliases of one query). */
export function waitingAtOrBeforeRow(inner: string, outer: string): RawBuilder<boolean> {
  return sql<boolean>`${waitingKeySql(inner)} <= ${waitingKeySql(outer)}`;
}
