import { sql } from 'kysely';
import type { Executor } from '../db/executor.js';
import { eligibilityRuleOf, eligibleSql } from './eligibility.js';
import { workersWithCase } from './eligibility.repository.js';
import { PLACE_HOLDING_STATES } from './enrollment.states.js';
import { createProgrammeRepository } from './programme.repository.js';
import { waitingOrderSql } from './waiting-order.js';

/**
 * What the coordinators' dashboard (reports) reads from programmes. Read-only; ids of offices,
 * companies and workers are named by the caller through their owners' batch lookups.
 *
 * Funnel from the furthest step each enrolment reached (enrollments.reached_rank: 0 eligible,
 * 1 contacted, 2 registered or waiting, 3 assessed, 4 enrolled, 5 placed): a worker who withdrew
 * after enrolling still counts as having been enrolled.
 */
export interface FunnelCounts {
  eligible: number;
  contacted: number;
  registered: number;
  enrolled: number;
  placed: number;
  used: number;
  waiting: number;
}

const holding = sql.join(PLACE_HOLDING_STATES.map((s) => sql`${s}`));
const funnelColumns = sql<string>`count(*)::int as eligible,
  (count(*) filter (where e.reached_rank >= 1))::int as contacted,
  (count(*) filter (where e.reached_rank >= 2))::int as registered,
  (count(*) filter (where e.reached_rank >= 4))::int as enrolled,
  (count(*) filter (where e.reached_rank >= 5))::int as placed,
  (count(*) filter (where e.state in (${holding})))::int as used,
  (count(*) filter (where e.state = 'waiting'))::int as waiting`;

/** States in which a worker needs no more outreach for the programme: a place, the waiting list, or placed. */
const IN_PROGRAMME = ['registered', 'waiting', 'assessed', 'enrolled', 'placed'] as const;

const programmes = createProgrammeRepository();

export async function programmeFunnels(db: Executor, networkId: string) {
  const { rows } = await sql<FunnelCounts & { id: string; code: string; name: string; status: string; capacity: number }>`
    select p.id, p.code, p.name, p.status, p.capacity, f.*
    from programmes p
    cross join lateral (select ${funnelColumns} from enrollments e where e.programme_id = p.id) f
    where p.network_id = ${networkId}
    order by p.status = 'open' desc, p.starts_on desc, p.name`.execute(db);
  return rows;
}

export async function funnelByOffice(db: Executor, programmeId: string) {
  const { rows } = await sql<FunnelCounts & { office_id: string }>`
    select e.office_id, ${funnelColumns} from enrollments e where e.programme_id = ${programmeId} group by e.office_id`.execute(db);
  return rows;
}

/** By the company the worker came from (enrollments.company_id, recorded at entry), largest first. */
export async function funnelByCompany(db: Executor, programmeId: string) {
  const { rows } = await sql<FunnelCounts & { company_id: string | null }>`
    select e.company_id, ${funnelColumns} from enrollments e where e.programme_id = ${programmeId} group by e.company_id order by eligible desc`.execute(
    db,
  );
  return rows;
}

/** The head of the waiting list, in the one waiting-list order (waiting-order.ts), with 1-based positions. */
export async function waitingListHead(db: Executor, programmeId: string, limit: number) {
  const rows = await db
    .selectFrom('enrollments as e')
    .select([
      'e.id',
      'e.worker_id',
      'e.office_id',
      'e.priority_cigs_end',
      'e.requested_at',
      sql<number>`(row_number() over (order by ${waitingOrderSql('e')}))::int`.as('position'),
    ])
    .where('e.programme_id', '=', programmeId)
    .where('e.state', '=', 'waiting')
    .orderBy(waitingOrderSql('e'))
    .limit(limit)
    .execute();
  const total = await db
    .selectFrom('enrollments')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('programme_id', '=', programmeId)
    .where('state', '=', 'waiting')
    .executeTakeFirstOrThrow();
  return { total: total.n, rows };
}

/**
 * Workers eligible for the programme today (the one eligibility rule, eligibleSql) whose CIGS ends
 * within 90 days and who are not yet in it (no place, not waiting, not placed): the ones outreach
 * must reach first. Counts within 30, 60 and 90 days, and the first `limit`, soonest end first.
 */
export async function expiringEligible(db: Executor, programmeId: string, today: string, limit: number) {
  const programme = await programmes.findProgramme(db, programmeId);
  if (!programme) return { within30: 0, within60: 0, within90: 0, rows: [] };
  const base = workersWithCase(db)
    .where(eligibleSql(eligibilityRuleOf(programme), today))
    .where('w.effective_cigs_end', '>=', today)
    .where(sql<boolean>`w.effective_cigs_end <= ${today}::date + 90`)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('enrollments as x')
            .select('x.id')
            .whereRef('x.worker_id', '=', 'w.id')
            .where('x.programme_id', '=', programmeId)
            .where('x.state', 'in', [...IN_PROGRAMME]),
        ),
      ),
    );
  const counts = await base
    .select([
      sql<number>`(count(*) filter (where w.effective_cigs_end <= ${today}::date + 30))::int`.as('d30'),
      sql<number>`(count(*) filter (where w.effective_cigs_end <= ${today}::date + 60))::int`.as('d60'),
      sql<number>`count(*)::int`.as('d90'),
    ])
    .executeTakeFirstOrThrow();
  const rows = await base
    .select([
      'w.id',
      'w.last_name',
      'w.first_name',
      'w.office_id',
      'c.company_id',
      'w.effective_cigs_end as cigs_end_date',
      sql<number>`(w.effective_cigs_end - ${today}::date)::int`.as('days_left'),
      (eb) =>
        eb
          .selectFrom('enrollments as s')
          .select('s.state')
          .whereRef('s.worker_id', '=', 'w.id')
          .where('s.programme_id', '=', programmeId)
          .as('state'),
    ])
    .orderBy('w.effective_cigs_end')
    .orderBy('w.last_name')
    .orderBy('w.id')
    .limit(limit)
    .execute();
  return { within30: counts.d30, within60: counts.d60, within90: counts.d90, rows };
}
