import type { Executor } from '../db/executor.js';
import { createHotlineRepository } from './hotline.repository.js';

const repository = createHotlineRepository();

/**
 * The days an office is closed between two Rome dates (both inclusive), date → name: national
 * holidays, the network's own and the office's (its comune's patron saint). The hotline's hours
 * and the agenda's free slots read the same calendar.
 */
export async function officeClosedDays(
  db: Executor,
  office: { id: string; networkId: string },
  from: string,
  to: string,
): Promise<Map<string, string>> {
  const rows = await repository.holidays(db, { id: office.id, network_id: office.networkId }, from, to);
  return new Map(rows.map((r) => [r.date, r.name]));
}
