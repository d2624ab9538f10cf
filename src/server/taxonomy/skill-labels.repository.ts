import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../db/executor.js';
import { normaliseLabel } from './normalise.js';
import type { Candidate } from './ranking.js';
import { inReleasesOf } from './release-filter.repository.js';

/**
 * Italian labels a network enters for ESCO concepts (migration 0029). The only file that names
 * taxonomy_network_labels.
 */

export interface NetworkLabel {
  conceptUri: string;
  label: string;
  alternatives: string[];
  updatedBy: string | null;
  updatedAt: Date;
}

export interface NetworkLabelInput {
  conceptUri: string;
  label: string;
  alternatives: readonly string[];
}

/** One line per label: a prefix of the label or of any alternative then matches the start of a line. */
export function searchNormOf(label: string, alternatives: readonly string[]): string {
  return [label, ...alternatives].map(normaliseLabel).filter(Boolean).join('\n');
}

const ESCO_KINDS = { skill: ['esco_skill'], occupation: ['esco_occupation'] } as const;
export type LabelledGroup = keyof typeof ESCO_KINDS;

export async function networkLabelsByUris(
  executor: Executor,
  networkId: string,
  uris: readonly string[],
): Promise<Map<string, NetworkLabel>> {
  if (uris.length === 0) return new Map();
  const rows = await executor
    .selectFrom('taxonomy_network_labels')
    .select(['concept_uri', 'label', 'alternatives', 'updated_by', 'updated_at'])
    .where('network_id', '=', networkId)
    .where('concept_uri', 'in', [...new Set(uris)])
    .execute();
  return new Map(
    rows.map((r) => [
      r.concept_uri,
      { conceptUri: r.concept_uri, label: r.label, alternatives: r.alternatives, updatedBy: r.updated_by, updatedAt: r.updated_at },
    ]),
  );
}

/**
 * The network's Italian label of the concept whose URI is `uri` in the outer query: a sub-select on
 * the primary key, so the ESCO labels and the network's come back in one statement.
 */
export const networkLabelOf = (networkId: string | null, uri: RawBuilder<unknown>) =>
  sql<string | null>`(select n.label from taxonomy_network_labels n where n.network_id = ${networkId} and n.concept_uri = ${uri})`;

/** Every concept the network has labelled. */
export async function networkLabelledUris(executor: Executor, networkId: string): Promise<string[]> {
  const rows = await executor.selectFrom('taxonomy_network_labels').select('concept_uri').where('network_id', '=', networkId).execute();
  return rows.map((r) => r.concept_uri);
}

/** Writes labels (insert or replace), all in the caller's transaction. */
export async function upsertNetworkLabels(
  executor: Executor,
  networkId: string,
  actorId: string | null,
  labels: readonly NetworkLabelInput[],
  at: Date,
) {
  if (labels.length === 0) return;
  await executor
    .insertInto('taxonomy_network_labels')
    .values(
      labels.map((l) => ({
        network_id: networkId,
        concept_uri: l.conceptUri,
        label: l.label,
        alternatives: [...l.alternatives],
        search_norm: searchNormOf(l.label, l.alternatives),
        updated_by: actorId,
        updated_at: at,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['network_id', 'concept_uri']).doUpdateSet((eb) => ({
        label: eb.ref('excluded.label'),
        alternatives: eb.ref('excluded.alternatives'),
        search_norm: eb.ref('excluded.search_norm'),
        updated_by: eb.ref('excluded.updated_by'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}

export async function deleteNetworkLabel(executor: Executor, networkId: string, conceptUri: string): Promise<boolean> {
  const result = await executor
    .deleteFrom('taxonomy_network_labels')
    .where('network_id', '=', networkId)
    .where('concept_uri', '=', conceptUri)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * Type-ahead candidates from a network's labels, as the ESCO labels give them: concept ids of the
 * current release, one candidate per label line that a query word starts (the label as
 * 'preferred', its alternatives as 'alternative'), in Italian.
 */
export async function networkLabelCandidates(
  executor: Executor,
  batches: readonly number[],
  networkId: string,
  group: LabelledGroup,
  query: string,
  limit: number,
): Promise<Candidate[]> {
  if (!query || batches.length === 0) return [];
  const { rows } = await sql<{ concept_id: number; label: string; alternatives: string[] }>`
    select c.id as concept_id, n.label, n.alternatives
      from taxonomy_network_labels n
      join taxonomy_concepts c on c.uri = n.concept_uri
     where n.network_id = ${networkId}
       and n.search_norm like ${`%${query}%`}
       and c.kind = any(${[...ESCO_KINDS[group]]}::text[])
       and ${inReleasesOf(batches)}
     limit ${limit}`.execute(executor);
  return rows.flatMap((r) =>
    [r.label, ...r.alternatives]
      .map((label, i) => ({ label, norm: normaliseLabel(label), type: i === 0 ? ('preferred' as const) : ('alternative' as const) }))
      .filter((l) => l.norm.startsWith(query) || ` ${l.norm}`.includes(` ${query}`))
      .map((l) => ({ conceptId: Number(r.concept_id), label: l.label, norm: l.norm, lang: 'it', labelType: l.type, similarity: 0 })),
  );
}

export interface NetworkSkillRow {
  uri: string;
  labelEn: string | null;
  labelIt: string | null;
  networkLabel: NetworkLabel | null;
}

/**
 * The ESCO skills the network uses (handed in by the caller: profiles, courses, vacancies), each
 * with ESCO's own labels in the current release and the network's label; those with no Italian
 * label at all first, then by English label.
 */
export async function skillsForTranslation(
  executor: Executor,
  batches: readonly number[],
  networkId: string,
  uris: readonly string[],
): Promise<NetworkSkillRow[]> {
  if (uris.length === 0 || batches.length === 0) return [];
  const preferred = (lang: string) => sql<string | null>`(select p.label from taxonomy_labels p
      where p.concept_id = c.id and p.label_type = 'preferred' and p.lang = ${lang}
        and p.batch_id = any(${[...batches]}::int[]) limit 1)`;
  const { rows } = await sql<{ uri: string; label_en: string | null; label_it: string | null }>`
    select c.uri, ${preferred('en')} as label_en, ${preferred('it')} as label_it
      from taxonomy_concepts c
     where c.uri = any(${[...new Set(uris)]}::text[])
       and ${inReleasesOf(batches)}`.execute(executor);
  const labels = await networkLabelsByUris(
    executor,
    networkId,
    rows.map((r) => r.uri),
  );
  return rows
    .map((r) => ({ uri: r.uri, labelEn: r.label_en, labelIt: r.label_it, networkLabel: labels.get(r.uri) ?? null }))
    .sort((a, b) => {
      const missA = a.labelIt === null && a.networkLabel === null ? 0 : 1;
      const missB = b.labelIt === null && b.networkLabel === null ? 0 : 1;
      return missA - missB || (a.labelEn ?? a.uri).localeCompare(b.labelEn ?? b.uri);
    });
}

/** Which of these URIs are ESCO concepts of the current release (a CSV row naming another is refused). */
export async function knownEscoUris(executor: Executor, batches: readonly number[], uris: readonly string[]): Promise<Set<string>> {
  if (uris.length === 0 || batches.length === 0) return new Set();
  const { rows } = await sql<{ uri: string }>`
    select c.uri from taxonomy_concepts c
     where c.uri = any(${[...new Set(uris)]}::text[]) and c.kind in ('esco_skill', 'esco_occupation')
       and ${inReleasesOf(batches)}`.execute(executor);
  return new Set(rows.map((r) => r.uri));
}
