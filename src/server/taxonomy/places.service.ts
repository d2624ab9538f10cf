import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { ComuneDistance, ComuneItem, NearbyComuni } from '../../shared/schemas/taxonomy.schema.js';
import { boundingBox, haversineKm, roundKm } from './geo.js';
import type { ComuneRow, TaxonomyRepository } from './taxonomy.repository.js';
import { taxonomyErrors } from './taxonomy.errors.js';

/**
 * Commute distances between comuni, as the crow flies between centroids: what matching and the
 * "within R km" filters need. A road distance would need a routing service the product lacks.
 */
export function createPlacesService(deps: { db: Kysely<DB>; repository: TaxonomyRepository }) {
  const { db, repository } = deps;

  async function find(istatCode: string): Promise<ComuneRow> {
    const row = await repository.comuneByIstatCode(db, istatCode);
    if (!row) throw taxonomyErrors.comuneNotFound();
    return row;
  }

  return {
    async distance(from: string, to: string): Promise<ComuneDistance> {
      const [a, b] = await Promise.all([find(from), find(to)]);
      return { from: comuneItem(a), to: comuneItem(b), distanceKm: roundKm(haversineKm(a, b)) };
    },

    /** Comuni whose centroid is within radiusKm of the origin's, the origin itself first, nearest first. */
    async nearby(istatCode: string, radiusKm: number, limit: number): Promise<NearbyComuni> {
      const origin = await find(istatCode);
      const rows = await repository.comuniInBox(db, boundingBox(origin, radiusKm));
      const items = rows
        .map((row) => ({ row, km: haversineKm(origin, row) }))
        .filter(({ km }) => km <= radiusKm)
        .sort((x, y) => x.km - y.km || x.row.name.localeCompare(y.row.name, 'it'))
        .slice(0, limit)
        .map(({ row, km }) => ({ ...comuneItem(row), distanceKm: roundKm(km) }));
      return { origin: comuneItem(origin), items };
    },
  };
}

export type PlacesService = ReturnType<typeof createPlacesService>;

/** A comune found by its code rather than by a search: the match is the code itself. */
export function comuneItem(row: ComuneRow): ComuneItem {
  return {
    id: `comune:${row.istat_code}`,
    kind: 'comune',
    code: row.istat_code,
    label: row.name,
    labelLanguage: 'it',
    fallback: false,
    matchedLabel: row.istat_code,
    match: 'exact',
    detail: row.province,
    province: row.province,
    region: row.region,
    lat: row.lat,
    lon: row.lon,
    cadastralCode: row.cadastral_code,
  };
}
