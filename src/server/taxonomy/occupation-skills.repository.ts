import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../db/executor.js';
import { inReleasesOf } from './release-filter.repository.js';
import { networkLabelOf } from './skill-labels.repository.js';

/** The skills ESCO attaches to its occupations, and the skill hierarchy, read over the current release. */

export interface SkillLabel {
  uri: string;
  /** Italian when ESCO or the network has it, else English. */
  label: string;
  labelLanguage: 'it' | 'en';
}

export interface OccupationSkill extends SkillLabel {
  essential: boolean;
  /** ESCO's skill type ('skill/competence', 'knowledge'), when the release gives it. */
  skillType: string | null;
}

export interface OccupationWithSkills extends SkillLabel {
  iscoGroup: string | null;
  skills: OccupationSkill[];
}

// The order of labels: as localeCompare(…, lang), without building a collator per comparison.
const COLLATORS = { it: new Intl.Collator('it'), en: new Intl.Collator('en') };

/** How many ESCO occupations one ISCO group may bring in (the 4-digit groups have at most a few dozen). */
export const MAX_OCCUPATIONS = 60;

/**
 * The one rule of a concept's display label. In Italian (the default): ESCO's Italian label, which
 * wins over the network's because it is the Commission's reviewed translation that other Italian
 * systems (SIU, regional portals) show too; the network's stands in when ESCO has none; else
 * English, said so. In English: ESCO's English, else the Italian one.
 */
function pickLabel(uri: string, it: string | null, en: string | null, network: string | undefined, lang: 'it' | 'en'): SkillLabel {
  const italian = it ?? network ?? null;
  if (lang === 'en' && en !== null) return { uri, label: en, labelLanguage: 'en' };
  return italian !== null ? { uri, label: italian, labelLanguage: 'it' } : { uri, label: en ?? uri, labelLanguage: 'en' };
}

interface LabelRow {
  uri: string;
  lang: string | null;
  label: string | null;
  network_label: string | null;
}

/**
 * The label rows of the concepts of the current releases that `uriMatch` picks (a condition on
 * c.uri): one per preferred Italian or English label, each with the network's label beside it.
 * One pass over the preferred labels (a join), not two correlated sub-selects per concept.
 */
const labelRowsOf = (batches: readonly number[], networkId: string | null, uriMatch: RawBuilder<unknown>) => sql<LabelRow>`
  select c.uri, p.lang, p.label, ${networkLabelOf(networkId, sql`c.uri`)} as network_label
    from taxonomy_concepts c
    left join taxonomy_labels p on p.concept_id = c.id and p.label_type = 'preferred' and p.lang in ('it', 'en')
                               and p.batch_id = any(${[...batches]}::int[])
   where ${uriMatch} and ${inReleasesOf(batches)}`;

/** The label rule applied to the rows of labelRowsOf, by URI. */
function labelsFromRows(rows: readonly LabelRow[], lang: 'it' | 'en'): Map<string, SkillLabel> {
  const byUri = new Map<string, { label_it: string | null; label_en: string | null; network: string | null }>();
  for (const r of rows) {
    const row = byUri.get(r.uri) ?? { label_it: null, label_en: null, network: r.network_label };
    if (r.lang === 'it') row.label_it ??= r.label;
    if (r.lang === 'en') row.label_en ??= r.label;
    byUri.set(r.uri, row);
  }
  return new Map([...byUri].map(([uri, r]) => [uri, pickLabel(uri, r.label_it, r.label_en, r.network ?? undefined, lang)]));
}

/** Labels of ESCO concepts by URI, for display (the network's Italian label when ESCO has none), in one statement. */
export async function conceptLabels(
  executor: Executor,
  batches: readonly number[],
  networkId: string | null,
  uris: readonly string[],
  lang: 'it' | 'en' = 'it',
): Promise<Map<string, SkillLabel>> {
  if (uris.length === 0 || batches.length === 0) return new Map();
  const { rows } = await labelRowsOf(batches, networkId, sql`c.uri = any(${[...new Set(uris)]}::text[])`).execute(executor);
  return labelsFromRows(rows, lang);
}

/** ESCO occupations of the current release under an ISCO-08 group (by code prefix: 7, 72, 721, 7212). */
export async function occupationUrisOfIscoGroup(executor: Executor, batches: readonly number[], iscoCode: string): Promise<string[]> {
  if (batches.length === 0) return [];
  const { rows } = await sql<{ uri: string }>`
    select c.uri from taxonomy_concepts c
     where c.kind = 'esco_occupation' and ${inReleasesOf(batches)}
       and c.attributes->>'iscoGroup' like ${`${iscoCode}%`} and c.uri is not null
     order by c.code
     limit ${MAX_OCCUPATIONS}`.execute(executor);
  return rows.map((r) => r.uri);
}

/**
 * Occupations with their essential and optional skills (essential first, then by label). One
 * statement: the occupations, their skills and every label (ESCO's and the network's) come back
 * as three JSON arrays, so the request waits for one round trip, not four in a row.
 */
export async function occupationsWithSkills(
  executor: Executor,
  batches: readonly number[],
  networkId: string | null,
  occupationUris: readonly string[],
  lang: 'it' | 'en' = 'it',
): Promise<OccupationWithSkills[]> {
  if (occupationUris.length === 0 || batches.length === 0) return [];
  const { rows } = await sql<{
    occupations: Array<{ id: number; uri: string; isco: string | null }> | null;
    links: Array<{ occupation_id: number; uri: string; essential: boolean; skill_type: string | null }> | null;
    labels: LabelRow[] | null;
  }>`
    with occupations as (
      select c.id, c.uri, c.attributes->>'iscoGroup' as isco from taxonomy_concepts c
       where c.kind = 'esco_occupation' and c.uri = any(${[...new Set(occupationUris)]}::text[])
         and ${inReleasesOf(batches)}
    ), links as (
      select r.occupation_id, s.uri, r.essential, s.attributes->>'skillType' as skill_type
        from esco_occupation_skills r
        join taxonomy_concepts s on s.id = r.skill_id
       where r.batch_id = any(${[...batches]}::int[])
         and r.occupation_id in (select o.id from occupations o)
    ), labels as (
      ${labelRowsOf(batches, networkId, sql`c.uri in (select o.uri from occupations o union select l.uri from links l)`)}
    )
    select (select json_agg(o) from occupations o) as occupations,
           (select json_agg(l) from links l) as links,
           (select json_agg(b) from labels b) as labels`.execute(executor);
  const occupations = rows[0]?.occupations ?? [];
  if (occupations.length === 0) return [];
  const links = rows[0]?.links ?? [];
  const labels = labelsFromRows(rows[0]?.labels ?? [], lang);
  const byOccupation = new Map<number, OccupationSkill[]>();
  for (const link of links) {
    const label = labels.get(link.uri) ?? { uri: link.uri, label: link.uri, labelLanguage: 'en' as const };
    const list = byOccupation.get(Number(link.occupation_id)) ?? [];
    list.push({ ...label, essential: link.essential, skillType: link.skill_type });
    byOccupation.set(Number(link.occupation_id), list);
  }
  const order = new Map(occupationUris.map((u, i) => [u, i]));
  return occupations
    .map((o) => ({
      ...(labels.get(o.uri) ?? { uri: o.uri, label: o.uri, labelLanguage: 'en' as const }),
      iscoGroup: o.isco,
      skills: (byOccupation.get(Number(o.id)) ?? []).sort(
        (a, b) => Number(b.essential) - Number(a.essential) || COLLATORS[lang].compare(a.label, b.label),
      ),
    }))
    .sort((a, b) => (order.get(a.uri) ?? 0) - (order.get(b.uri) ?? 0));
}

/**
 * One level up the ESCO skill hierarchy: for each skill, the skills and skill groups it sits
 * under (a skill may have several). Siblings are then the skills that share one of them.
 */
export async function broaderSkills(
  executor: Executor,
  batches: readonly number[],
  skillUris: readonly string[],
): Promise<Map<string, string[]>> {
  if (skillUris.length === 0 || batches.length === 0) return new Map();
  const { rows } = await sql<{ uri: string; broader_uri: string }>`
    select c.uri, p.uri as broader_uri
      from taxonomy_concepts c
      join taxonomy_broader h on h.concept_id = c.id and h.batch_id = any(${[...batches]}::int[])
      join taxonomy_concepts p on p.id = h.broader_id
     where c.uri = any(${[...new Set(skillUris)]}::text[]) and ${inReleasesOf(batches)}
       and p.uri is not null`.execute(executor);
  const map = new Map<string, string[]>();
  for (const r of rows) map.set(r.uri, [...(map.get(r.uri) ?? []), r.broader_uri]);
  return map;
}
