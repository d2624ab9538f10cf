import { sql } from 'kysely';
import type { Executor } from '../db/executor.js';
import type { Funnel } from '../../shared/schemas/reports.schema.js';

// Funnel from the furthest step each enrollment reached (enrollments.reached_rank: 0 eligible,
// 1 contacted, 2 registered or waiting, 3 assessed, 4 enrolled, 5 placed): a worker who withdrew
// after enrolling still counts as having been enrolled.
const funnelColumns = sql<string>`count(*)::int as eligible,
  (count(*) filter (where e.reached_rank >= 1))::int as contacted,
  (count(*) filter (where e.reached_rank >= 2))::int as registered,
  (count(*) filter (where e.reached_rank >= 4))::int as enrolled,
  (count(*) filter (where e.reached_rank >= 5))::int as placed,
  (count(*) filter (where e.state in ('registered', 'assessed', 'enrolled')))::int as used,
  (count(*) filter (where e.state = 'waiting'))::int as waiting`;

interface FunnelRow extends Funnel {
  used: number;
  waiting: number;
}
const funnelOf = (r: FunnelRow): Funnel => ({ eligible: r.eligible, contacted: r.contacted, registered: r.registered, enrolled: r.enrolled, placed: r.placed });

/** The reporting queries; read-only, over enrollments joined to workers, offices and companies. */
export function createReportsRepository() {
  return {
    async programmes(db: Executor, networkId: string) {
      const { rows } = await sql<FunnelRow & { id: string; code: string; name: string; status: string; capacity: number }>`
        select p.id, p.code, p.name, p.status, p.capacity, f.*
        from programmes p
        cross join lateral (select ${funnelColumns} from enrollments e where e.programme_id = p.id) f
        where p.network_id = ${networkId}
        order by p.status = 'open' desc, p.starts_on desc, p.name`.execute(db);
      return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, status: r.status, capacity: r.capacity, used: r.used, free: Math.max(0, r.capacity - r.used), waiting: r.waiting, funnel: funnelOf(r) }));
    },

    async byOffice(db: Executor, programmeId: string) {
      const { rows } = await sql<FunnelRow & { id: string; name: string }>`
        select o.id, o.name, ${funnelColumns}
        from enrollments e join offices o on o.id = e.office_id
        where e.programme_id = ${programmeId}
        group by o.id, o.name order by o.name`.execute(db);
      return rows.map((r) => ({ id: r.id, name: r.name, used: r.used, waiting: r.waiting, funnel: funnelOf(r) }));
    },

    /** By the company the worker came from (enrollments.company_id, recorded at entry). */
    async byCompany(db: Executor, programmeId: string) {
      const { rows } = await sql<FunnelRow & { id: string | null; name: string | null }>`
        select f.company_id as id, co.name, f.eligible, f.contacted, f.registered, f.enrolled, f.placed, f.used, f.waiting
        from (select e.company_id, ${funnelColumns} from enrollments e where e.programme_id = ${programmeId} group by e.company_id) f
        left join companies co on co.id = f.company_id
        order by f.eligible desc, co.name`.execute(db);
      return rows.map((r) => ({ id: r.id, name: r.name ?? 'Senza azienda', used: r.used, waiting: r.waiting, funnel: funnelOf(r) }));
    },

    /** The head of the waiting list, walked in priority order on its partial index, then named. */
    async waitingList(db: Executor, programmeId: string, limit: number) {
      const { rows } = await sql<{ position: number; last_name: string; first_name: string; office_name: string; cigs_end: string | null; requested_at: Date | null }>`
        select h.position, w.last_name, w.first_name, o.name as office_name, h.priority_cigs_end as cigs_end, h.requested_at
        from (select e.worker_id, e.office_id, e.priority_cigs_end, e.requested_at,
                (row_number() over (order by e.priority_cigs_end asc nulls last, e.requested_at, e.id))::int as position
              from (select * from enrollments e where e.programme_id = ${programmeId} and e.state = 'waiting'
                    order by e.priority_cigs_end asc nulls last, e.requested_at, e.id limit ${limit}) e) h
        join workers w on w.id = h.worker_id join offices o on o.id = h.office_id
        order by h.position`.execute(db);
      const total = await sql<{ n: number }>`select count(*)::int as n from enrollments where programme_id = ${programmeId} and state = 'waiting'`.execute(db);
      return {
        total: total.rows[0]!.n,
        items: rows.map((r) => ({
          position: r.position,
          workerName: `${r.last_name} ${r.first_name}`.trim(),
          officeName: r.office_name,
          cigsEndDate: r.cigs_end,
          requestedAt: r.requested_at ? new Date(r.requested_at).toISOString() : null,
        })),
      };
    },

    /**
     * Workers of the programme's offices whose CIGS ends within 90 days and who hold no place, are
     * not waiting and were not placed: the ones outreach must reach first.
     */
    async expiring(db: Executor, programmeId: string, today: string, limit: number) {
      const base = sql`from workers w
        join programme_offices po on po.programme_id = ${programmeId} and po.office_id = w.office_id
        where w.network_id = (select network_id from programmes where id = ${programmeId})
          and w.effective_cigs_end >= ${today}::date and w.effective_cigs_end <= ${today}::date + 90
          and not exists (select 1 from enrollments x where x.worker_id = w.id and x.programme_id = ${programmeId}
            and x.state in ('registered', 'waiting', 'assessed', 'enrolled', 'placed'))`;
      const counts = await sql<{ d30: number; d60: number; d90: number }>`select
          (count(*) filter (where w.effective_cigs_end <= ${today}::date + 30))::int as d30,
          (count(*) filter (where w.effective_cigs_end <= ${today}::date + 60))::int as d60,
          count(*)::int as d90 ${base}`.execute(db);
      const { rows } = await sql<{ last_name: string; first_name: string; office_name: string; company_name: string | null; cigs_end_date: string; days_left: number; state: string | null }>`
        select w.last_name, w.first_name, o.name as office_name, co.name as company_name, w.effective_cigs_end as cigs_end_date,
          (w.effective_cigs_end - ${today}::date)::int as days_left,
          (select e.state from enrollments e where e.worker_id = w.id and e.programme_id = ${programmeId}) as state
        from (select w.* ${base} order by w.effective_cigs_end, w.last_name, w.id limit ${limit}) w
        join offices o on o.id = w.office_id
        left join cigs_cases c on c.id = w.cigs_case_id
        left join companies co on co.id = c.company_id
        order by w.effective_cigs_end, w.last_name, w.id`.execute(db);
      const c = counts.rows[0]!;
      return {
        within30: c.d30,
        within60: c.d60,
        within90: c.d90,
        items: rows.map((r) => ({ workerName: `${r.last_name} ${r.first_name}`.trim(), officeName: r.office_name, companyName: r.company_name, cigsEndDate: r.cigs_end_date, daysLeft: r.days_left, state: r.state })),
      };
    },

    /** Outreach statuses (migration 0006, the outreach module); absent table = not available yet. */
    async outreach(db: Executor, programmeId: string) {
      const exists = await sql<{ t: string | null }>`select to_regclass('outreach_recipients')::text as t`.execute(db);
      if (!exists.rows[0]?.t) return undefined;
      const { rows } = await sql<{ status: string; n: number }>`
        select r.status, count(*)::int as n
        from outreach_recipients r join outreach_campaigns c on c.id = r.campaign_id
        where c.programme_id = ${programmeId}
        group by r.status`.execute(db);
      return Object.fromEntries(rows.map((r) => [r.status, r.n])) as Record<string, number>;
    },
  };
}

export type ReportsRepository = ReturnType<typeof createReportsRepository>;
