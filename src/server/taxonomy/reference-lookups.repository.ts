import { sql } from 'kysely';
import type { Executor } from '../db/executor.js';

/**
 * Lookups in the reference classifications (ISTAT comuni and ATECO) loaded by the taxonomy module:
 * companies and workers store codes, and a code is only accepted when the current release knows it.
 */
export interface ComuneRef {
  code: string;
  name: string;
  province: string;
  cadastralCode: string;
}

/**
 * Comuni found, remembered per database handle: a worker page names the comune of residence and
 * the birth place, and the current release of the comuni changes only when reference data are
 * loaded (at start-up, or an import in this process, which calls forgetReferenceLookups). A code
 * the current release does not know is remembered as unknown too (null): the birth place of a
 * worker born abroad is a country's code (Z…), asked on every page otherwise.
 */
interface RememberedComuni {
  generation: number;
  byCode: Map<string, ComuneRef | null>;
  nameByCadastralCode: Map<string, string | null>;
}
let generation = 0;
const remembered = new WeakMap<object, RememberedComuni>();

function rememberedFor(executor: Executor): RememberedComuni {
  let entry = remembered.get(executor);
  if (!entry || entry.generation !== generation) {
    entry = { generation, byCode: new Map(), nameByCadastralCode: new Map() };
    remembered.set(executor, entry);
  }
  return entry;
}

/** A release became current: the comuni remembered may have changed. */
export function forgetReferenceLookups(): void {
  generation++;
}

export async function comuniByCodes(executor: Executor, codes: string[]): Promise<Map<string, ComuneRef>> {
  const unique = [...new Set(codes.filter(Boolean))];
  if (unique.length === 0) return new Map();
  const known = rememberedFor(executor);
  const found = new Map<string, ComuneRef>();
  const missing: string[] = [];
  for (const code of unique) {
    const comune = known.byCode.get(code);
    if (comune) found.set(code, comune);
    else if (comune === undefined) missing.push(code);
  }
  if (missing.length === 0) return found;
  const read = await readComuniByCodes(executor, missing);
  for (const code of missing) {
    const comune = read.get(code);
    known.byCode.set(code, comune ?? null);
    if (comune) found.set(code, comune);
  }
  return found;
}

async function readComuniByCodes(executor: Executor, unique: string[]): Promise<Map<string, ComuneRef>> {
  const rows = await executor
    .selectFrom('taxonomy_comuni as c')
    .select(['c.istat_code', 'c.name', 'c.province', 'c.cadastral_code'])
    .where('c.istat_code', 'in', unique)
    .where(
      sql<boolean>`c.concept_id in (select k.id from taxonomy_concepts k join taxonomy_releases r on r.id = k.release_id and r.current)`,
    )
    .execute();
  return new Map(
    rows.map((r) => [r.istat_code, { code: r.istat_code, name: r.name, province: r.province, cadastralCode: r.cadastral_code }]),
  );
}

export async function comuniByCadastralCodes(executor: Executor, codes: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes.filter(Boolean))];
  if (unique.length === 0) return new Map();
  const known = rememberedFor(executor);
  const found = new Map<string, string>();
  const missing: string[] = [];
  for (const code of unique) {
    const name = known.nameByCadastralCode.get(code);
    if (name) found.set(code, name);
    else if (name === undefined) missing.push(code);
  }
  if (missing.length === 0) return found;
  const read = await readComuniByCadastralCodes(executor, missing);
  for (const code of missing) {
    const name = read.get(code);
    known.nameByCadastralCode.set(code, name ?? null);
    if (name) found.set(code, name);
  }
  return found;
}

async function readComuniByCadastralCodes(executor: Executor, unique: string[]): Promise<Map<string, string>> {
  const rows = await executor
    .selectFrom('taxonomy_comuni as c')
    .select(['c.cadastral_code', 'c.name'])
    .where('c.cadastral_code', 'in', unique)
    .where(
      sql<boolean>`c.concept_id in (select k.id from taxonomy_concepts k join taxonomy_releases r on r.id = k.release_id and r.current)`,
    )
    .execute();
  return new Map(rows.map((r) => [r.cadastral_code, r.name]));
}

/** The Italian label of an ATECO code (2025 first, then 2007), or undefined when no release knows it. */
export async function atecoLabel(executor: Executor, code: string): Promise<string | undefined> {
  const rows = await sql<{ kind: string; label: string | null }>`
    select k.kind, (select l.label from taxonomy_labels l where l.concept_id = k.id and l.lang = 'it' and l.label_type = 'preferred' limit 1) as label
    from taxonomy_concepts k join taxonomy_releases r on r.id = k.release_id and r.current
    where k.kind in ('ateco2025', 'ateco2007') and k.code = ${code}
    order by k.kind desc`.execute(executor);
  const row = rows.rows[0];
  return row ? (row.label ?? code) : undefined;
}

export interface ComunePlace {
  istatCode: string;
  name: string;
  cadastralCode: string;
  lat: number;
  lon: number;
}

/** The comuni of one province with their position, by ISTAT code (the demo places residents with them). */
export async function comuniOfProvince(executor: Executor, province: string): Promise<ComunePlace[]> {
  const rows = await executor
    .selectFrom('taxonomy_comuni as c')
    .select(['c.istat_code', 'c.name', 'c.cadastral_code', 'c.lat', 'c.lon'])
    .where('c.province', '=', province)
    .where(
      sql<boolean>`c.concept_id in (select k.id from taxonomy_concepts k join taxonomy_releases r on r.id = k.release_id and r.current)`,
    )
    .orderBy('c.istat_code')
    .execute();
  return rows.map((r) => ({
    istatCode: r.istat_code,
    name: r.name,
    cadastralCode: r.cadastral_code,
    lat: Number(r.lat),
    lon: Number(r.lon),
  }));
}
