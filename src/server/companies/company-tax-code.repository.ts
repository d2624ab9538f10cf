import type { Executor } from '../db/executor.js';

/**
 * The crisis company of the network with this codice fiscale, if any: an employer with the same
 * one is the same company (employers link it and say "È anche un'azienda in crisi").
 */
export async function crisisCompanyByTaxCode(
  db: Executor,
  networkId: string,
  taxCode: string,
): Promise<{ id: string; name: string } | undefined> {
  return db
    .selectFrom('companies')
    .select(['id', 'name'])
    .where('network_id', '=', networkId)
    .where('tax_code', '=', taxCode)
    .executeTakeFirst();
}
