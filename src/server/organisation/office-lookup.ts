import type { Executor } from '../db/executor.js';
import type { Office } from '../../shared/schemas/office.schema.js';
import { createOfficeRepository } from './office.repository.js';

const offices = createOfficeRepository();

/** One office (any network: the caller checks the network against its actor). */
export function officeById(db: Executor, id: string): Promise<Office | undefined> {
  return offices.findById(db, id);
}

/**
 * Office names shown beside records, remembered per database handle for a few seconds: a worker
 * page or a list names its office on every read, and an office is renamed a few times a year. A
 * rename through this process forgets them at once; another instance shows the new name within
 * NAMES_KEPT_MS.
 */
const NAMES_KEPT_MS = 10_000;
let namesGeneration = 0;
const rememberedNames = new WeakMap<object, { at: number; generation: number; names: Map<string, string> }>();

/** An office was renamed or added through this process: the names remembered are read again. */
export function forgetOfficeNames(): void {
  namesGeneration++;
}

/** Office names for a page of rows, in one query: merged by the caller (no N+1). */
export async function officeNamesById(db: Executor, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const now = Date.now();
  let entry = rememberedNames.get(db);
  if (!entry || now - entry.at > NAMES_KEPT_MS || entry.generation !== namesGeneration) {
    entry = { at: now, generation: namesGeneration, names: new Map() };
    rememberedNames.set(db, entry);
  }
  const found = new Map<string, string>();
  for (const id of unique) {
    const name = entry.names.get(id);
    if (name !== undefined) found.set(id, name);
  }
  const missing = unique.filter((id) => !found.has(id));
  if (missing.length === 0) return found;
  for (const r of await offices.namesByIds(db, missing)) {
    entry.names.set(r.id, r.name);
    found.set(r.id, r.name);
  }
  return found;
}

export interface OfficeSummary {
  id: string;
  networkId: string;
  code: string;
  name: string;
  active: boolean;
}

/** Code, name, network and whether it is open, for a set of offices, by name (one query). */
export async function officeSummaries(db: Executor, ids: string[]): Promise<OfficeSummary[]> {
  const rows = await offices.namesByIds(db, [...new Set(ids)]);
  return rows.map((r) => ({ id: r.id, networkId: r.network_id, code: r.code, name: r.name, active: r.active }));
}

/** The ids of every office of a network (open or closed): the scope of a network's administration. */
export function officeIdsInNetwork(db: Executor, networkId: string): Promise<Set<string>> {
  return offices.idsInNetwork(db, networkId);
}
