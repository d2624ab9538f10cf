import { sql } from 'kysely';
import type { Executor } from '../db/executor.js';

/** A comune as a list of workers may name it: by name (with its province) or by ISTAT code. */
export interface ComuneEntry {
  istatCode: string;
  name: string;
  province: string;
}

/** Every comune of the current ISTAT release (about 7,900): the importer matches names against them in memory. */
export async function allComuni(executor: Executor): Promise<ComuneEntry[]> {
  const rows = await executor
    .selectFrom('taxonomy_comuni as c')
    .select(['c.istat_code', 'c.name', 'c.province'])
    .where(
      sql<boolean>`c.concept_id in (select k.id from taxonomy_concepts k join taxonomy_releases r on r.id = k.release_id and r.current)`,
    )
    .execute();
  return rows.map((r) => ({ istatCode: r.istat_code, name: r.name, province: r.province }));
}
