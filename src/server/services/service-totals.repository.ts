import { sql } from 'kysely';
import type { Executor } from '../db/executor.js';
import type { DeliveredServiceCode } from '../db/schema-services.js';

export type TotalsGroupBy = 'worker' | 'consultant' | 'office' | 'programme';

export interface ServiceTotalsFilter {
  networkId: string;
  /** The offices counted (the caller's scope); every office of the network when null. */
  officeIds: readonly string[] | null;
  programmeId?: string;
  /** Inclusive Europe/Rome days, 'YYYY-MM-DD' (delivered_on is the Rome day of the service). */
  from: string;
  to: string;
  groupBy: TotalsGroupBy;
}

export interface TotalsFigures {
  count: number;
  minutes: number;
  workers: number;
}

export interface ServiceTotalsRows {
  /** Per group and code, per group over every code (code null). */
  groups: Array<{ key: string | null; code: DeliveredServiceCode | null } & TotalsFigures>;
  /** Over every group, per code. */
  byCode: Map<DeliveredServiceCode, TotalsFigures>;
  total: TotalsFigures;
}

const KEY_COLUMN = { worker: 'worker_id', consultant: 'staff_id', office: 'office_id', programme: 'programme_id' } as const;

/**
 * The funder's totals (count, minutes, distinct workers) per group and service code, with the
 * totals of each group, of each code and of everything, in one statement: GROUPING SETS, because
 * distinct workers do not add up (a worker who had CV support and interview coaching is one worker).
 */
export async function serviceTotals(db: Executor, f: ServiceTotalsFilter): Promise<ServiceTotalsRows> {
  if (f.officeIds && f.officeIds.length === 0) return { groups: [], byCode: new Map(), total: { count: 0, minutes: 0, workers: 0 } };
  const key = sql.ref(KEY_COLUMN[f.groupBy]);
  let q = db
    .selectFrom('service_records')
    .select([
      sql<string | null>`${key}`.as('key'),
      'service_code',
      sql<number>`grouping(${key})`.as('no_key'),
      sql<number>`grouping(service_code)`.as('no_code'),
      sql<number>`count(*)::int`.as('count'),
      sql<number>`sum(minutes)::int`.as('minutes'),
      sql<number>`count(distinct worker_id)::int`.as('workers'),
    ])
    .where('network_id', '=', f.networkId)
    .where('delivered_on', '>=', f.from)
    .where('delivered_on', '<=', f.to);
  if (f.officeIds) q = q.where('office_id', 'in', [...f.officeIds]);
  if (f.programmeId) q = q.where('programme_id', '=', f.programmeId);
  const rows = await q.groupBy(sql`grouping sets ((${key}, service_code), (${key}), (service_code), ())`).execute();

  const result: ServiceTotalsRows = { groups: [], byCode: new Map(), total: { count: 0, minutes: 0, workers: 0 } };
  for (const r of rows) {
    const figures = { count: Number(r.count), minutes: Number(r.minutes), workers: Number(r.workers) };
    const noKey = Number(r.no_key) === 1;
    const noCode = Number(r.no_code) === 1;
    if (noKey && noCode) result.total = figures;
    else if (noKey) result.byCode.set(r.service_code, figures);
    else result.groups.push({ key: r.key, code: noCode ? null : r.service_code, ...figures });
  }
  return result;
}
