import { companyOfCases } from '../companies/index.js';
import type { Executor } from '../db/executor.js';
import { officeById } from '../organisation/index.js';
import { workerContactsByIds } from '../people/index.js';
import { comuniByCodes } from '../taxonomy/index.js';

/** Everything a template or a letter can say about a worker: name, contacts, company, CIGS end, their office. */
export interface MergeRow {
  id: string;
  network_id: string;
  office_id: string;
  first_name: string;
  last_name: string;
  phone: string | null;
  email: string | null;
  address: string;
  postal_code: string;
  cigs_end: string | null;
  company: string | null;
  office_name: string;
  office_phone: string;
  office_address: string;
  office_postal_code: string;
  office_comune: string;
  office_province: string;
  office_email: string;
  comune_name: string | null;
  comune_province: string | null;
}

/**
 * The merge data of a page of workers, from the owners' batch lookups (people's contacts,
 * companies' case companies, taxonomy's comuni, organisation's offices: one query each, the
 * offices one per distinct office — a handful per campaign).
 */
export async function mergeData(db: Executor, workerIds: string[]): Promise<MergeRow[]> {
  if (!workerIds.length) return [];
  const workers = [...(await workerContactsByIds(db, workerIds)).values()];
  const [companies, comuni] = await Promise.all([
    companyOfCases(
      db,
      workers.map((w) => w.cigsCaseId),
    ),
    comuniByCodes(
      db,
      workers.map((w) => w.residenceComuneCode ?? ''),
    ),
  ]);
  const offices = new Map<string, Awaited<ReturnType<typeof officeById>>>();
  for (const officeId of new Set(workers.map((w) => w.officeId))) offices.set(officeId, await officeById(db, officeId));
  const order = new Map(workerIds.map((id, i) => [id, i]));
  return workers
    .sort((a, b) => order.get(a.id)! - order.get(b.id)!)
    .map((w) => {
      const o = offices.get(w.officeId);
      const comune = w.residenceComuneCode ? comuni.get(w.residenceComuneCode) : undefined;
      return {
        id: w.id,
        network_id: w.networkId,
        office_id: w.officeId,
        first_name: w.firstName,
        last_name: w.lastName,
        phone: w.phone,
        email: w.email,
        address: w.address,
        postal_code: w.postalCode,
        cigs_end: w.cigsEnd,
        company: w.cigsCaseId ? (companies.get(w.cigsCaseId)?.companyName ?? null) : null,
        office_name: o?.name ?? '',
        office_phone: o?.phone ?? '',
        office_address: o?.address ?? '',
        office_postal_code: o?.postalCode ?? '',
        office_comune: o?.comune ?? '',
        office_province: o?.province ?? '',
        office_email: o?.email ?? '',
        comune_name: comune?.name ?? null,
        comune_province: comune?.province ?? null,
      };
    });
}
