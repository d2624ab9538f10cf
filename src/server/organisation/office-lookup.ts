import type { Executor } from '../db/executor.js';
import { createRememberedLookup } from '../db/remembered.js';
import type { Office } from '../../shared/schemas/office.schema.js';
import { createOfficeRepository } from './office.repository.js';

const offices = createOfficeRepository();

/** One office (any network: the caller checks the network against its actor). */
export function officeById(db: Executor, id: string): Promise<Office | undefined> {
  return offices.findById(db, id);
}

/**
 * Office names shown beside records, remembered per database handle for a few seconds
 * (db/remembered.ts): a worker page or a list names its office on every read, and an office is
 * renamed a few times a year. A rename through this process forgets them at once; another
 * instance shows the new name within NAMES_KEPT_MS.
 */
const NAMES_KEPT_MS = 10_000;
const rememberedNames = createRememberedLookup<string>({ keepMs: NAMES_KEPT_MS });

/** An office was renamed or added through this process: the names remembered are read again. */
export function forgetOfficeNames(): void {
  rememberedNames.forget();
}

/** Office names for a page of rows, in one query: merged by the caller (no N+1). */
export async function officeNamesById(db: Executor, ids: string[]): Promise<Map<string, string>> {
  return rememberedNames.lookup(db, ids, async (missing) => new Map((await offices.namesByIds(db, missing)).map((r) => [r.id, r.name])));
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
