import { sql } from 'kysely';
import type { Executor } from '../db/executor.js';

/**
 * Which of these codes or URIs the current releases know, for other domains that store them (a
 * profile names ESCO skills and occupations, ISTAT education titles, ATECO and CP2011 codes): a
 * value is only accepted when a current release has it.
 */
export async function existingConceptUris(db: Executor, uris: readonly string[], kinds: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(uris)];
  if (unique.length === 0 || kinds.length === 0) return new Set();
  const rows = await db
    .selectFrom('taxonomy_concepts as k')
    .innerJoin('taxonomy_releases as r', (j) => j.onRef('r.id', '=', 'k.release_id').on('r.current', '=', true))
    .select('k.uri')
    .distinct()
    .where('k.uri', 'in', unique)
    .where('k.kind', 'in', [...kinds])
    .execute();
  return new Set(rows.flatMap((r) => (r.uri ? [r.uri] : [])));
}

/** The codes of these kinds ('education', 'cp2011', 'ateco2025'…) that a current release knows. */
export async function existingConceptCodes(db: Executor, codes: readonly string[], kinds: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0 || kinds.length === 0) return new Set();
  const rows = await db
    .selectFrom('taxonomy_concepts as k')
    .innerJoin('taxonomy_releases as r', (j) => j.onRef('r.id', '=', 'k.release_id').on('r.current', '=', true))
    .select('k.code')
    .distinct()
    .where('k.code', 'in', unique)
    .where('k.kind', 'in', [...kinds])
    .execute();
  return new Set(rows.map((r) => r.code));
}

export interface OccupationSkill {
  occupationUri: string;
  skillUri: string;
  essential: boolean;
  /** The preferred label in the language asked, else the other one (labelLanguage says which). */
  label: string;
  labelLanguage: 'it' | 'en';
  skillType: string | null;
}

/**
 * The essential and optional skills ESCO gives for these occupations (current release), with their
 * preferred label in Italian when the Italian bundle is loaded, else in English.
 */
export async function skillsOfOccupations(db: Executor, occupationUris: readonly string[], lang: 'it' | 'en'): Promise<OccupationSkill[]> {
  const unique = [...new Set(occupationUris)];
  if (unique.length === 0) return [];
  const other = lang === 'it' ? 'en' : 'it';
  const rows = await sql<{
    occupation_uri: string;
    skill_uri: string;
    essential: boolean;
    label_wanted: string | null;
    label_other: string | null;
    code: string;
    skill_type: string | null;
  }>`
    select o.uri as occupation_uri, s.uri as skill_uri, os.essential, s.code, s.attributes->>'skillType' as skill_type,
      (select l.label from taxonomy_labels l where l.concept_id = s.id and l.lang = ${lang} and l.label_type = 'preferred' limit 1) as label_wanted,
      (select l.label from taxonomy_labels l where l.concept_id = s.id and l.lang = ${other} and l.label_type = 'preferred' limit 1) as label_other
    from taxonomy_concepts o
    join taxonomy_releases r on r.id = o.release_id and r.current
    join esco_occupation_skills os on os.occupation_id = o.id
    join taxonomy_concepts s on s.id = os.skill_id
    where o.kind = 'esco_occupation' and o.uri in (${sql.join(unique)})
    order by os.essential desc, label_wanted nulls last, label_other`.execute(db);
  return rows.rows.flatMap((r) =>
    r.skill_uri
      ? [
          {
            occupationUri: r.occupation_uri,
            skillUri: r.skill_uri,
            essential: r.essential,
            label: r.label_wanted ?? r.label_other ?? r.code,
            labelLanguage: r.label_wanted !== null ? lang : other,
            skillType: r.skill_type,
          },
        ]
      : [],
  );
}

/** The ESCO occupations of an ISCO unit group (ISCO-08 code, four digits), current release. */
export async function occupationUrisOfIscoGroups(db: Executor, iscoCodes: readonly string[]): Promise<Map<string, string[]>> {
  const unique = [...new Set(iscoCodes)];
  const result = new Map<string, string[]>();
  if (unique.length === 0) return result;
  const rows = await sql<{ isco: string; uri: string }>`
    select o.attributes->>'iscoGroup' as isco, o.uri
    from taxonomy_concepts o join taxonomy_releases r on r.id = o.release_id and r.current
    where o.kind = 'esco_occupation' and o.uri is not null and o.attributes->>'iscoGroup' in (${sql.join(unique)})`.execute(db);
  for (const r of rows.rows) result.set(r.isco, [...(result.get(r.isco) ?? []), r.uri]);
  return result;
}
