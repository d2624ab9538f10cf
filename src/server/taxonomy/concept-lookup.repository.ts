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
