import type { Executor } from '../db/executor.js';

/** An office as a chooser lists it (the import's target office, the CLI's --office). */
export interface OfficeChoice {
  id: string;
  networkId: string;
  code: string;
  name: string;
}

/** The active offices of one network, by name. */
export async function officesOfNetwork(executor: Executor, networkId: string): Promise<OfficeChoice[]> {
  const rows = await executor
    .selectFrom('offices')
    .select(['id', 'network_id', 'code', 'name'])
    .where('network_id', '=', networkId)
    .where('active', '=', true)
    .orderBy('name')
    .execute();
  return rows.map((r) => ({ id: r.id, networkId: r.network_id, code: r.code, name: r.name }));
}

/** Every office of every network, by code: the command line names one with --office. */
export async function allOffices(executor: Executor): Promise<OfficeChoice[]> {
  const rows = await executor.selectFrom('offices').select(['id', 'network_id', 'code', 'name']).orderBy('code').execute();
  return rows.map((r) => ({ id: r.id, networkId: r.network_id, code: r.code, name: r.name }));
}
