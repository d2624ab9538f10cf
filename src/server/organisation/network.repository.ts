import type { Executor } from '../db/executor.js';
import { createOfficeRepository, type OfficeFields } from './office.repository.js';

/**
 * Writes of the organisation that happen outside the offices screen: the first network and its
 * offices, loaded by the demo scenario (or a regional set-up script) in the caller's transaction.
 */
export async function anyNetworkExists(executor: Executor): Promise<boolean> {
  return (await executor.selectFrom('networks').select('id').limit(1).executeTakeFirst()) !== undefined;
}

export async function createNetwork(executor: Executor, network: { code: string; name: string }): Promise<string> {
  const row = await executor.insertInto('networks').values(network).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Opens an office in a network; returns its id. */
export function createOffice(executor: Executor, networkId: string, code: string, fields: OfficeFields, now: Date): Promise<string> {
  return createOfficeRepository().insert(executor, networkId, code, fields, now);
}
