import { sql, type SelectQueryBuilder } from 'kysely';
import type { Executor } from '../db/executor.js';
import type { DB } from '../db/schema.js';
import type { Availability, Mobility } from '../../shared/schemas/profiles.schema.js';

/**
 * The profile side of the candidate search (matching, issue 12): which workers' profiles fit a
 * vacancy's skills and occupation, with the facts the ranking and its explanation read. The
 * filter runs in SQL on migration 0039's skill rows and its GIN index of occupations, whose
 * expression is repeated verbatim below (the planner matches an expression index textually).
 */
const OCCUPATION_URIS = sql`(jsonb_path_query_array(p.document, '$.desiredOccupations[*].escoOccupationUri') || jsonb_path_query_array(p.document, '$.work[*].escoOccupationUri'))`;

/** A sub-query of worker ids another domain decides (people: office and comune), `worker_id in (…)`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CandidateIdsQuery = SelectQueryBuilder<DB, any, { worker_id: string }>;

export interface CandidateProfileQuery {
  networkId: string;
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
 *
 * The skills are counted on worker_profile_skills (one row per worker and skill, kept by a
 * trigger, migration 0039): an index-only count grouped by worker, joined to people's ids; only
 * the documents of the profiles kept are read (mobility, availability, occupation).
 */
export async function candidateProfiles(db: Executor, q: CandidateProfileQuery): Promise<CandidateProfile[]> {
  const required = [...new Set(q.requiredUris)];
  const optional = [...new Set(q.optionalUris)].filter((u) => !required.includes(u));
  const wanted = [...required, ...optional];
  const minRequired = Math.min(Math.max(q.minRequired, 1), Math.max(required.length, 1));
  const occupationMatch = q.occupationUri
    ? sql<boolean>`${OCCUPATION_URIS} @> jsonb_build_array(${q.occupationUri}::text)`
    : sql<boolean>`false`;
  const held = sql`select s.worker_id,
        coalesce(array_agg(s.skill_uri) filter (where s.skill_uri = any(${required}::text[])), '{}') as required_held,
        coalesce(array_agg(s.skill_uri) filter (where s.skill_uri = any(${optional}::text[])), '{}') as optional_held,
        count(*) filter (where s.skill_uri = any(${required}::text[])) as required_count
      from worker_profile_skills s
     where s.network_id = ${q.networkId} and s.skill_uri = any(${wanted}::text[]) and s.worker_id in (${q.workerIds})
     group by s.worker_id`;
  // Who fits: the skill holders, the occupation's seekers, or (neither asked) everyone of workerIds.
  const bySkills = sql`select h.worker_id from held h where h.required_count >= ${minRequired}`;
  const byOccupation = sql`select p.worker_id from worker_profiles p where p.network_id = ${q.networkId} and ${occupationMatch} and p.worker_id in (${q.workerIds})`;
  const fits =
    required.length > 0 && q.occupationUri
      ? sql`${bySkills} union ${byOccupation}`
      : required.length > 0
        ? bySkills
        : q.occupationUri
          ? byOccupation
          : sql`${q.workerIds}`;
  const conditions = [sql`p.worker_id in (${fits})`];
  if (q.availableBy) conditions.push(sql`coalesce(p.document->'availability'->>'availableFrom', '') <= ${q.availableBy}`);
  if (q.workingTime) {
    conditions.push(
      sql`(coalesce(jsonb_array_length(p.document->'availability'->'workingTimes'), 0) = 0 or p.document->'availability'->'workingTimes' @> jsonb_build_array(${q.workingTime}::text))`,
    );
  }
  const { rows } = await sql<{
    worker_id: string;
    required_held: string[] | null;
    optional_held: string[] | null;
    occupation_match: boolean;
    mobility: unknown;
    available_from: string | null;
    working_times: unknown;
  }>`
    with held as (${held})
    select p.worker_id, h.required_held, h.optional_held, ${occupationMatch} as occupation_match,
           p.document->'mobility' as mobility,
           p.document->'availability'->>'availableFrom' as available_from,
           p.document->'availability'->'workingTimes' as working_times
      from worker_profiles p
      left join held h on h.worker_id = p.worker_id
     where ${sql.join(conditions, sql` and `)}
     order by coalesce(h.required_count, 0) desc, p.worker_id
     limit ${q.limit}`.execute(db);
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
