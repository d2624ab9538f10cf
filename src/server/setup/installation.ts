import { createStaffAccount } from '../auth/index.js';
import type { Executor } from '../db/executor.js';
import { createNetwork, createOffice } from '../organisation/index.js';
import { allComuni, normaliseLabel, type ComuneEntry } from '../taxonomy/index.js';

/** A network's code from its name: "Provincia di Modena" → "PROVINCIA-DI-MODENA". */
export function networkCodeOf(name: string): string {
  const code = normaliseLabel(name)
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return code || 'RETE';
}

/** The comune of the current ISTAT list with this name (case, accents and apostrophes aside). */
export async function findComuneByName(executor: Executor, name: string): Promise<ComuneEntry | undefined> {
  const wanted = normaliseLabel(name);
  return (await allComuni(executor)).find((c) => normaliseLabel(c.name) === wanted);
}

export interface NewInstallation {
  networkName: string;
  office: { code: string; name: string; comune: ComuneEntry | undefined };
  admin: { email: string; fullName: string; passwordHash: string; mustChangePassword: boolean };
}

/**
 * A real installation's beginning: a network of job centres, its first office and the account
 * that administers it, in the caller's transaction (the first-access page and
 * `ricolloca create-user --network`; each records its own audit entry).
 */
export async function createInstallation(
  trx: Executor,
  input: NewInstallation,
  now: Date,
): Promise<{ networkId: string; officeId: string; userId: string }> {
  const networkId = await createNetwork(trx, { code: networkCodeOf(input.networkName), name: input.networkName });
  const officeId = await createOffice(
    trx,
    networkId,
    input.office.code,
    {
      name: input.office.name,
      address: '',
      postalCode: '',
      comune: input.office.comune?.name ?? '',
      province: input.office.comune?.province ?? '',
      phone: '',
      email: '',
      openingHours: [],
      active: true,
    },
    now,
  );
  const userId = await createStaffAccount(
    trx,
    {
      email: input.admin.email,
      fullName: input.admin.fullName,
      passwordHash: input.admin.passwordHash,
      mustChangePassword: input.admin.mustChangePassword,
      roles: [{ officeId, role: 'admin' }],
    },
    now,
  );
  return { networkId, officeId, userId };
}
