import { sql, type SelectQueryBuilder } from 'kysely';
import { UNPREPARED } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { DB } from '../db/schema.js';

/**
 * The profile side of the candidate search (matching, issue 12): which workers' profiles fit a
 * vacancy's skills and occupation within reach of the place of work, with the facts the ranking
 * and its explanation read. The filter runs in SQL on migration 0039's skill rows and its GIN
 * index of occupations, whose expression is repeated verbatim below (the planner matches an
 * expression index textually), and on migration 0044's narrow columns (the longest commute, the
 * first available day), so that no document is read unless a working time is asked for.
 */
const OCCUPATION_URIS = sql`(jsonb_path_query_array(p.document, '$.desiredOccupations[*].escoOccupationUri') || jsonb_path_query_array(p.document, '$.work[*].escoOccupationUri'))`;

/** A sub-query another domain decides (people: office and comune): the workers and the comune each lives in. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CandidateWorkersQuery = SelectQueryBuilder<DB, any, { worker_id: string; comune_code: string | null }>;

/**
 * How far a worker is searched: within `radiusKm` of the place of work when the search names a
 * radius, else within the worker's own longest commute (`defaultKm` when the profile states
 * none), never beyond `maxKm`. The rule is applied here only, in SQL, before the candidates are
 * counted and capped.
 */
export interface CandidateReach {
  radiusKm: number | null;
  defaultKm: number;
  maxKm: number;
}

export interface CandidateProfileQuery {
  networkId: string;
  /** The workers to look among, with their comune (people's office and comune filter): composed into this statement. */
  workers: CandidateWorkersQuery;
  /** Km from the place of work of each comune searched (taxonomy's distances); a worker living elsewhere is left out. */
  distances: ReadonlyMap<string, number>;
  reach: CandidateReach;
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
  /** At most this many: those holding the most required skills, then the nearest, first. */
  limit: number;
}

export interface CandidateProfile {
  workerId: string;
  requiredHeld: string[];
  optionalHeld: string[];
  /** The worker wants the occupation or has done it. */
  occupationMatch: boolean;
  /** The comune the worker lives in (people's) and its km from the place of work (taxonomy's). */
  comuneCode: string;
  distanceKm: number;
  /** The longest commute the profile states, km. */
  maxCommuteKm: number | null;
  availableFrom: string | null;
}

/**
 * Profiles fitting the query: holding at least `minRequired` of the required skills, or wanting
 * (or having done) the occupation when one is given; with no skills and no occupation, every
 * profile of `workers`; and living within reach (CandidateReach). Ordered by the required skills
 * held, then distance, then worker id, up to `limit`.
 *
 * The statement, measured over a million profiles (bench/README.md): people's workers joined to
 * the distances; the required skills counted index-only on worker_profile_skills (one row per
 * worker and skill, kept by a trigger, migration 0039) for those workers; the occupation's
 * seekers from the GIN index; the reach and availability index-only on migration 0044's narrow
 * columns; and only for the `limit` rows kept, which skills they hold (the skill rows' primary key).
 */
export async function candidateProfiles(db: Executor, q: CandidateProfileQuery): Promise<CandidateProfile[]> {
  const required = [...new Set(q.requiredUris)];
  const optional = [...new Set(q.optionalUris)].filter((u) => !required.includes(u));
  const minRequired = Math.min(Math.max(q.minRequired, 1), Math.max(required.length, 1));
  const codes = [...q.distances.keys()];
  const km = codes.map((c) => q.distances.get(c)!);
  // The workers searched and their km: people's rows joined to taxonomy's distances.
  const cand = sql`select c.worker_id, c.comune_code, d.km
      from (${q.workers}) c
      join unnest(${codes}::text[], ${km}::float8[]) as d(comune_code, km) on d.comune_code = c.comune_code`;
  // The required skills each worker searched holds, counted on the skill rows (index-only).
  const held = sql`select c.worker_id, c.comune_code, c.km, count(*) as required_count
      from cand c
      join worker_profile_skills s on s.worker_id = c.worker_id
     where s.network_id = ${q.networkId} and s.skill_uri = any(${required}::text[])
     group by c.worker_id, c.comune_code, c.km`;
  const seekers = q.occupationUri
    ? sql`select c.worker_id, c.comune_code, c.km, coalesce(h.required_count, 0) as required_count
            from cand c
            join worker_profiles p on p.worker_id = c.worker_id
            left join held h on h.worker_id = c.worker_id
           where p.network_id = ${q.networkId} and ${OCCUPATION_URIS} @> jsonb_build_array(${q.occupationUri}::text)`
    : sql`select c.worker_id, c.comune_code, c.km, 0::bigint as required_count from cand c where false`;
  // Who fits, with their comune, km and required skills held: the skill holders, the
  // occupation's seekers, or (neither asked) everyone of cand. A small set, then joined to the
  // profiles' narrow columns by primary key.
  const bySkills = sql`select worker_id, comune_code, km, required_count from held where required_count >= ${minRequired}`;
  const fit =
    required.length > 0 && q.occupationUri
      ? sql`${bySkills} union select * from seekers`
      : required.length > 0
        ? bySkills
        : q.occupationUri
          ? sql`select * from seekers`
          : sql`select c.worker_id, c.comune_code, c.km, 0::bigint as required_count from cand c`;
  const { radiusKm, defaultKm, maxKm } = q.reach;
  const reach = radiusKm !== null ? sql`f.km <= ${radiusKm}` : sql`f.km <= least(coalesce(p.max_commute_km, ${defaultKm}), ${maxKm})`;
  const conditions = [reach, sql`p.network_id = ${q.networkId}`];
  if (q.availableBy) conditions.push(sql`coalesce(p.available_from, '') <= ${q.availableBy}`);
  if (q.workingTime) {
    conditions.push(
      sql`(coalesce(jsonb_array_length(p.document->'availability'->'workingTimes'), 0) = 0 or p.document->'availability'->'workingTimes' @> jsonb_build_array(${q.workingTime}::text))`,
    );
  }
  const { rows } = await sql<{
    worker_id: string;
    comune_code: string;
    km: number;
    max_commute_km: number | null;
    available_from: string | null;
    occupation_match: boolean;
    required_held: string[] | null;
    optional_held: string[] | null;
  }>`${sql.raw(UNPREPARED)}
    with cand as not materialized (${cand}), held as (${held}), seekers as (${seekers}), fit as (${fit})
    select k.worker_id, k.comune_code, k.km, k.max_commute_km, k.available_from,
           k.worker_id in (select worker_id from seekers) as occupation_match, sk.required_held, sk.optional_held
      from (
        select f.worker_id, f.comune_code, f.km, f.required_count, p.max_commute_km, p.available_from
          from fit f
          join worker_profiles p on p.worker_id = f.worker_id
         where ${sql.join(conditions, sql` and `)}
         order by f.required_count desc, f.km, f.worker_id
         limit ${q.limit}
      ) k
      cross join lateral (
        select array_agg(s.skill_uri order by s.skill_uri) filter (where s.skill_uri = any(${required}::text[])) as required_held,
               array_agg(s.skill_uri order by s.skill_uri) filter (where s.skill_uri = any(${optional}::text[])) as optional_held
          from worker_profile_skills s
         where s.worker_id = k.worker_id
      ) sk
     order by k.required_count desc, k.km, k.worker_id`.execute(db);
  return rows.map((r) => ({
    workerId: r.worker_id,
    requiredHeld: r.required_held ?? [],
    optionalHeld: r.optional_held ?? [],
    occupationMatch: Boolean(r.occupation_match),
    comuneCode: r.comune_code,
    distanceKm: Number(r.km),
    maxCommuteKm: r.max_commute_km === null ? null : Number(r.max_commute_km),
    availableFrom: r.available_from ?? null,
  }));
}

/**
 * The longest commute any profile of the network states, km (null: none states one): what bounds
 * the comuni a search by each worker's own commute looks in (index worker_profiles_commute_idx).
 */
export async function longestStatedCommuteKm(db: Executor, networkId: string): Promise<number | null> {
  const row = await db
    .selectFrom('worker_profiles')
    .select((eb) => eb.fn.max('max_commute_km').as('km'))
    .where('network_id', '=', networkId)
    .executeTakeFirst();
  return row?.km === null || row?.km === undefined ? null : Number(row.km);
}
