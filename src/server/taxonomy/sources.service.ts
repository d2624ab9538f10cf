import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { DataSource } from '../../shared/schemas/taxonomy.schema.js';
import { SOURCES } from './sources.js';
import type { TaxonomyRepository } from './taxonomy.repository.js';

/** A language whose labels cover less than half of the best-covered one is listed as partial. */
const PARTIAL_SHARE = 0.5;

/** The data sources with what is loaded of each: the "Informazioni sui dati" page. */
export function createSourcesService(deps: { db: Kysely<DB>; repository: TaxonomyRepository; escoImportRunning: () => boolean }) {
  const { db, repository } = deps;

  return {
    async list(): Promise<DataSource[]> {
      const rows = await repository.releases(db);
      const items: DataSource[] = [];
      for (const source of SOURCES) {
        const ofSource = rows.filter((r) => r.source === source.id);
        const current = ofSource.filter((r) => r.current);
        const active = current.filter((r) => r.status === 'active');
        const loading = ofSource.some((r) => r.status === 'loading') || (source.id === 'esco' && deps.escoImportRunning());
        const item: DataSource = {
          id: source.id,
          name: source.name,
          version: current[0]?.version ?? source.version,
          licence: source.licence,
          attribution: source.attribution,
          ...(source.url !== undefined && { url: source.url }),
          rows: 0,
          status: loading ? 'loading' : active.length > 0 ? 'loaded' : 'missing',
        };
        const finished = active.map((r) => r.finished_at).filter((d): d is Date => d !== null);
        if (finished.length > 0) item.loadedAt = new Date(Math.max(...finished.map((d) => new Date(d).getTime()))).toISOString();
        if (source.id === 'esco' && current[0]) {
          const counts = await repository.conceptCounts(db, current[0].id);
          item.rows = (counts.esco_occupation ?? 0) + (counts.esco_skill ?? 0);
          const labelled = active.filter((r) => r.part?.startsWith('classification:'));
          const most = Math.max(0, ...labelled.map((r) => r.row_count ?? 0));
          item.languages = labelled.map((r) => {
            const lang = r.part!.slice('classification:'.length);
            return (r.row_count ?? 0) < most * PARTIAL_SHARE ? `${lang} (parziale)` : lang;
          });
        } else {
          item.rows = active.reduce((sum, r) => sum + (r.row_count ?? 0), 0);
        }
        items.push(item);
      }
      return items;
    },
  };
}

export type SourcesService = ReturnType<typeof createSourcesService>;
