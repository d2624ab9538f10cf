import { sql } from 'kysely';
import type { Executor } from '../db/executor.js';
import { inReleasesOf } from './release-filter.repository.js';
import { networkLabelsByUris } from './skill-labels.repository.js';

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

/** Labels of ESCO concepts by URI, for display (the network's Italian label when ESCO has none). */
export async function conceptLabels(
  executor: Executor,
  batches: readonly number[],
  networkId: string | null,
  uris: readonly string[],
  lang: 'it' | 'en' = 'it',
): Promise<Map<string, SkillLabel>> {
  if (uris.length === 0 || batches.length === 0) return new Map();
  // One pass over the preferred labels (a join), not two correlated sub-selects per concept.
  const { rows: found } = await sql<{ uri: string; lang: string | null; label: string | null }>`
    select c.uri, p.lang, p.label
      from taxonomy_concepts c
      left join taxonomy_labels p on p.concept_id = c.id and p.label_type = 'preferred' and p.lang in ('it', 'en')
                                 and p.batch_id = any(${[...batches]}::int[])
     where c.uri = any(${[...new Set(uris)]}::text[]) and ${inReleasesOf(batches)}`.execute(executor);
  const byUri = new Map<string, { uri: string; label_it: string | null; label_en: string | null }>();
  for (const r of found) {
    const row = byUri.get(r.uri) ?? { uri: r.uri, label_it: null, label_en: null };
    if (r.lang === 'it') row.label_it ??= r.label;
    if (r.lang === 'en') row.label_en ??= r.label;
    byUri.set(r.uri, row);
  }
  const rows = [...byUri.values()];
  const network = networkId
    ? await networkLabelsByUris(
        executor,
        networkId,
        rows.filter((r) => r.label_it === null).map((r) => r.uri),
      )
    : new Map();
  return new Map(rows.map((r) => [r.uri, pickLabel(r.uri, r.label_it, r.label_en, network.get(r.uri)?.label, lang)]));
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

/** Occupations with their essential and optional skills (essential first, then by label). */
export async function occupationsWithSkills(
  executor: Executor,
  batches: readonly number[],
  networkId: string | null,
  occupationUris: readonly string[],
  lang: 'it' | 'en' = 'it',
): Promise<OccupationWithSkills[]> {
  if (occupationUris.length === 0 || batches.length === 0) return [];
  const { rows: occupations } = await sql<{ id: number; uri: string; isco: string | null }>`
    select c.id, c.uri, c.attributes->>'iscoGroup' as isco from taxonomy_concepts c
     where c.kind = 'esco_occupation' and c.uri = any(${[...new Set(occupationUris)]}::text[])
       and ${inReleasesOf(batches)}`.execute(executor);
  if (occupations.length === 0) return [];
  const { rows: links } = await sql<{ occupation_id: number; uri: string; essential: boolean; skill_type: string | null }>`
    select r.occupation_id, s.uri, r.essential, s.attributes->>'skillType' as skill_type
      from esco_occupation_skills r
      join taxonomy_concepts s on s.id = r.skill_id
     where r.batch_id = any(${[...batches]}::int[])
       and r.occupation_id = any(${occupations.map((o) => Number(o.id))}::bigint[])`.execute(executor);
  const labels = await conceptLabels(executor, batches, networkId, [...occupations.map((o) => o.uri), ...links.map((l) => l.uri)], lang);
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
        (a, b) => Number(b.essential) - Number(a.essential) || a.label.localeCompare(b.label, lang),
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
