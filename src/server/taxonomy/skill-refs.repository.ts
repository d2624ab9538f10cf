import { sql } from 'kysely';
import type { Executor } from '../db/executor.js';
import { normaliseLabel } from './normalise.js';

export interface SkillRef {
  uri: string;
  /** ESCO's preferred label, Italian when the Italian bundle is loaded, else English. */
  label: string;
}

/**
 * ESCO skills of the current release named by URI or by label (preferred or alternative, Italian
 * or English, compared normalised): what a course or a provider's catalogue names. `byLabel` is
 * keyed by the normalised label asked; a label that names several skills keeps the one whose
 * preferred label it is, else the first by URI.
 */
export async function escoSkillRefs(
  db: Executor,
  ask: { uris?: readonly string[]; labels?: readonly string[] },
): Promise<{ byUri: Map<string, SkillRef>; byLabel: Map<string, SkillRef> }> {
  const uris = [...new Set(ask.uris ?? [])];
  const norms = [...new Set((ask.labels ?? []).map(normaliseLabel).filter(Boolean))];
  const byUri = new Map<string, SkillRef>();
  const byLabel = new Map<string, SkillRef>();
  if (uris.length === 0 && norms.length === 0) return { byUri, byLabel };
  const rows = await sql<{ uri: string; label_it: string | null; label_en: string | null; matched: string | null; preferred: boolean }>`
    with found as (
      select k.id, k.uri, null::text as matched, true as preferred
        from taxonomy_concepts k join taxonomy_releases r on r.id = k.release_id and r.current
       where k.kind = 'esco_skill' and k.uri = any(${uris}::text[])
      union all
      select k.id, k.uri, l.norm as matched, l.label_type = 'preferred' as preferred
        from taxonomy_labels l
        join taxonomy_concepts k on k.id = l.concept_id and k.kind = 'esco_skill'
        join taxonomy_releases r on r.id = k.release_id and r.current
       where l.search_group = 'skill' and l.norm = any(${norms}::text[]) and l.label_type in ('preferred', 'alternative')
    )
    select f.uri, f.matched, f.preferred,
      (select l.label from taxonomy_labels l where l.concept_id = f.id and l.lang = 'it' and l.label_type = 'preferred' limit 1) as label_it,
      (select l.label from taxonomy_labels l where l.concept_id = f.id and l.lang = 'en' and l.label_type = 'preferred' limit 1) as label_en
    from found f
    order by f.preferred desc, f.uri`.execute(db);
  for (const r of rows.rows) {
    const ref = { uri: r.uri, label: r.label_it ?? r.label_en ?? r.uri };
    if (r.matched === null) byUri.set(r.uri, ref);
    else if (!byLabel.has(r.matched)) byLabel.set(r.matched, ref);
  }
  return { byUri, byLabel };
}
