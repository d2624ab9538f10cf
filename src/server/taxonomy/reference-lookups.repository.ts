import { sql } from 'kysely';
import type { Executor } from '../db/executor.js';
import { createRememberedLookup } from '../db/remembered.js';

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
 * Comuni found, remembered per database handle (db/remembered.ts): a worker page names the comune
 * of residence and the birth place, and the current release of the comuni changes only when
 * reference data are loaded (at start-up, or an import in this process, which calls
 * forgetReferenceLookups). A code the current release does not know is remembered as unknown too:
 * the birth place of a worker born abroad is a country's code (Z…), asked on every page otherwise.
 */
const rememberedByCode = createRememberedLookup<ComuneRef>({ rememberUnknown: true });
const rememberedByCadastralCode = createRememberedLookup<string>({ rememberUnknown: true });

/** A release became current: the comuni remembered may have changed. */
export function forgetReferenceLookups(): void {
  rememberedByCode.forget();
  rememberedByCadastralCode.forget();
}

export async function comuniByCodes(executor: Executor, codes: string[]): Promise<Map<string, ComuneRef>> {
  const unique = [...new Set(codes.filter(Boolean))];
  if (unique.length === 0) return new Map();
  return rememberedByCode.lookup(executor, unique, (missing) => readComuniByCodes(executor, missing));
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
  return rememberedByCadastralCode.lookup(executor, unique, (missing) => readComuniByCadastralCodes(executor, missing));
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

/**
 * The Italian titles of codes of one kind ('ccnl', 'ateco2025' …) in the current releases, for
 * lists that show a code with its name (the CCNL minimum pay tables name the agreement).
 */
export async function conceptTitlesByCode(executor: Executor, kind: string, codes: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map();
  const rows = await executor
    .selectFrom('taxonomy_concepts as k')
    .innerJoin('taxonomy_releases as r', (j) => j.onRef('r.id', '=', 'k.release_id').on('r.current', '=', true))
    .select((eb) => [
      'k.code',
      eb
        .selectFrom('taxonomy_labels as l')
        .select('l.label')
        .whereRef('l.concept_id', '=', 'k.id')
        .where('l.lang', '=', 'it')
        .where('l.label_type', '=', 'preferred')
        .limit(1)
        .as('label'),
    ])
    .where('k.kind', '=', kind)
    .where('k.code', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.code, (r.label ?? r.code).trim()]));
}
