import type { Executor } from '../db/executor.js';
import { boundingBox, haversineKm, roundKm } from './geo.js';
import { createTaxonomyRepository } from './taxonomy.repository.js';

const repository = createTaxonomyRepository();

export interface ComuniNear {
  origin: { code: string; name: string; province: string };
  /** Every comune of the current list within the radius (the origin included), by ISTAT code: its name and distance in km (rounded to 100 m). */
  within: Map<string, { name: string; km: number }>;
}

/**
 * The comuni within radiusKm of one, as the crow flies between centroids (the places service's
 * rule, geo.ts): what the candidate search filters workers' residence on. Undefined when the
 * comune is not in the current list.
 */
export async function comuniNear(db: Executor, istatCode: string, radiusKm: number): Promise<ComuniNear | undefined> {
  const origin = await repository.comuneByIstatCode(db, istatCode);
  if (!origin) return undefined;
  const rows = await repository.comuniInBox(db, boundingBox(origin, radiusKm));
  const within = new Map<string, { name: string; km: number }>();
  for (const row of rows) {
    const km = haversineKm(origin, row);
    if (km <= radiusKm) within.set(row.istat_code, { name: row.name, km: roundKm(km) });
  }
  within.set(origin.istat_code, { name: origin.name, km: 0 });
  return { origin: { code: origin.istat_code, name: origin.name, province: origin.province }, within };
}
