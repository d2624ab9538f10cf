import type { Executor } from '../db/executor.js';
import type { EnrollmentState } from '../db/schema-programmes.js';
import { romeToday } from '../../shared/time/rome-time.js';

/** What delivered services (servizi erogati) read from programmes: the worker's time in each programme, and names. */

export interface ServicePeriod {
  programmeId: string;
  programmeName: string;
  state: EnrollmentState;
  /** The Rome day the worker was first registered in the programme. */
  from: string;
  /** The Rome day the worker left it (withdrawn, CIGS ended); null while in it (placed included). */
  to: string | null;
}

const LEFT: readonly EnrollmentState[] = ['withdrawn', 'cigs_ended'];

/**
 * The programmes a service delivered to the worker may count for: every enrolment that reached
 * registration (a first transition to "registered", by registration or from the waiting list),
 * with the days it covers. A worker found eligible or contacted, or still waiting, has no place:
 * the programme's fund pays for nothing delivered to them yet. A placed worker stays covered
 * (the follow-up after the hire is part of the service); a withdrawn one up to the day they left.
 */
export async function servicePeriodsOfWorker(db: Executor, workerId: string): Promise<ServicePeriod[]> {
  const rows = await db
    .selectFrom('enrollments as e')
    .innerJoin('programmes as p', 'p.id', 'e.programme_id')
    .select((eb) => [
      'e.programme_id',
      'p.name',
      'e.state',
      'e.state_changed_at',
      eb
        .selectFrom('enrollment_transitions as t')
        .select((t) => t.fn.min('t.at').as('at'))
        .whereRef('t.enrollment_id', '=', 'e.id')
        .where('t.to_state', '=', 'registered')
        .as('registered_at'),
    ])
    .where('e.worker_id', '=', workerId)
    .orderBy('e.state_changed_at', 'desc')
    .execute();
  return rows.flatMap((r) => {
    if (!r.registered_at) return [];
    const registeredAt = new Date(r.registered_at as unknown as string);
    return [
      {
        programmeId: r.programme_id,
        programmeName: r.name,
        state: r.state,
        from: romeToday(registeredAt),
        to: LEFT.includes(r.state) ? romeToday(new Date(r.state_changed_at)) : null,
      },
    ];
  });
}

/** Programme names for a page of rows, in one query (no N+1): merged by the caller. */
export async function programmeNamesById(db: Executor, ids: ReadonlyArray<string | null>): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('programmes').select(['id', 'name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
