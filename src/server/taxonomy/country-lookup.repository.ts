import { sql } from 'kysely';
import type { Executor } from '../db/executor.js';

/**
 * Which of these ISO 3166-1 alpha-2 codes the current release of the country list (Europass,
 * loaded by the taxonomy module) knows: a citizenship is stored only when it names a real country.
 */
export async function knownCountryCodes(executor: Executor, codes: string[]): Promise<Set<string>> {
  const unique = [...new Set(codes.filter(Boolean).map((c) => c.toUpperCase()))];
  if (unique.length === 0) return new Set();
  const rows = await executor
    .selectFrom('taxonomy_concepts as k')
    .innerJoin('taxonomy_releases as r', (join) => join.onRef('r.id', '=', 'k.release_id').on('r.current', '=', true))
    .select(sql<string>`upper(k.code)`.as('code'))
    .where('k.kind', '=', 'country')
    .where(sql<string>`upper(k.code)`, 'in', unique)
    .execute();
  return new Set(rows.map((r) => r.code));
}
