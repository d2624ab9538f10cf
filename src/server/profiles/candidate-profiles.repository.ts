import { sql, type SelectQueryBuilder } from 'kysely';
import type { Executor } from '../db/executor.js';
import type { DB } from '../db/schema.js';
import type { Availability, Mobility } from '../../shared/schemas/profiles.schema.js';

/**
 * The profile side of the candidate search (matching, issue 12): which workers' profiles fit a
 * vacancy's skills and occupation, with the facts the ranking and its explanation read. The
 * filter runs in SQL on the GIN indexes of migration 0039, whose expressions are these two
 * (repeated verbatim: the planner matches an expression index textually).
 */
const SKILL_URIS = sql`jsonb_path_query_array(p.document, '$.skills[*].escoUri')`;
const OCCUPATION_URIS = sql`(jsonb_path_query_array(p.document, '$.desiredOccupations[*].escoOccupationUri') || jsonb_path_query_array(p.document, '$.work[*].escoOccupationUri'))`;

/** A sub-query of worker ids another domain decides (people: office and comune), `worker_id in (…)`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CandidateIdsQuery = SelectQueryBuilder<DB, any, { worker_id: string }>;

export interface CandidateProfileQuery {
  /** The workers to look among (people's office and comune filter): composed into this statement. */
  workerIds: CandidateIdsQuery;
  /** Required skills: a profile holding fewer than `minRequired` of them is left out. */
  requiredUris: readonly string[];
  minRequired: number;
  /** Nice-to-have skills: counted, never a condition. */
  optionalUris: readonly string[];
  /** The occupation: a profile that wants it or has done it fits even without the skills. */
  occupationUri: string | null;
  /** Only profiles whose first available day is on or before this date (absent: available). */
  availableBy: string | null;
  /** Only profiles accepting this working time (or saying none). */
  workingTime: 'full_time' | 'part_time' | null;
  /** At most this many, those holding the most required skills first. */
  limit: number;
}

export interface CandidateProfile {
  workerId: string;
  requiredHeld: string[];
  optionalHeld: string[];
  /** The worker wants the occupation or has done it. */
  occupationMatch: boolean;
  mobility: Pick<Mobility, 'maxKm' | 'maxMinutes' | 'relocate'>;
  availableFrom: string | null;
  workingTimes: Availability['workingTimes'];
}

/**
 * Profiles fitting the query: holding at least `minRequired` of the required skills, or wanting
 * (or having done) the occupation when one is given; with no skills and no occupation, every
 * profile of `workerIds`. Ordered by the required skills held, then worker id, up to `limit`.
 */
export async function candidateProfiles(db: Executor, q: CandidateProfileQuery): Promise<CandidateProfile[]> {
  const required = [...new Set(q.requiredUris)];
  const optional = [...new Set(q.optionalUris)].filter((u) => !required.includes(u));
  const heldOf = (uris: string[]) =>
    sql<string[]>`array(select u from jsonb_array_elements_text(${SKILL_URIS}) u where u = any(${uris}::text[]))`;
  const requiredCount = sql<number>`(select count(*) from jsonb_array_elements_text(${SKILL_URIS}) u where u = any(${required}::text[]))`;
  const occupationMatch = q.occupationUri
    ? sql<boolean>`${OCCUPATION_URIS} @> jsonb_build_array(${q.occupationUri}::text)`
    : sql<boolean>`false`;

  let query = db
    .selectFrom('worker_profiles as p')
    .select([
      'p.worker_id',
      heldOf(required).as('required_held'),
      heldOf(optional).as('optional_held'),
      occupationMatch.as('occupation_match'),
      sql<unknown>`p.document->'mobility'`.as('mobility'),
      sql<string | null>`p.document->'availability'->>'availableFrom'`.as('available_from'),
      sql<unknown>`p.document->'availability'->'workingTimes'`.as('working_times'),
    ])
    .where('p.worker_id', 'in', q.workerIds);

  const minRequired = Math.min(Math.max(q.minRequired, 1), Math.max(required.length, 1));
  if (required.length > 0 && q.occupationUri) {
    query = query.where(
      sql<boolean>`((${SKILL_URIS} ?| ${required}::text[] and ${requiredCount} >= ${minRequired}) or ${occupationMatch})`,
    );
  } else if (required.length > 0) {
    query = query.where(sql<boolean>`${SKILL_URIS} ?| ${required}::text[]`).where(sql<boolean>`${requiredCount} >= ${minRequired}`);
  } else if (q.occupationUri) {
    query = query.where(occupationMatch);
  }
  if (q.availableBy) {
    query = query.where(sql<boolean>`coalesce(p.document->'availability'->>'availableFrom', '') <= ${q.availableBy}`);
  }
  if (q.workingTime) {
    query = query.where(
      sql<boolean>`(coalesce(jsonb_array_length(p.document->'availability'->'workingTimes'), 0) = 0 or p.document->'availability'->'workingTimes' @> jsonb_build_array(${q.workingTime}::text))`,
    );
  }
  const rows = await query.orderBy(requiredCount, 'desc').orderBy('p.worker_id').limit(q.limit).execute();
  return rows.map((r) => {
    const mobility = (r.mobility ?? {}) as Partial<Mobility>;
    return {
      workerId: r.worker_id,
      requiredHeld: r.required_held ?? [],
      optionalHeld: r.optional_held ?? [],
      occupationMatch: Boolean(r.occupation_match),
      mobility: {
        maxKm: typeof mobility.maxKm === 'number' ? mobility.maxKm : undefined,
        maxMinutes: typeof mobility.maxMinutes === 'number' ? mobility.maxMinutes : undefined,
        relocate: mobility.relocate === true,
      },
      availableFrom: r.available_from ?? null,
      workingTimes: Array.isArray(r.working_times) ? (r.working_times as Availability['workingTimes']) : [],
    };
  });
}
