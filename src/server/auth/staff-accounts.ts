import type { Role } from '../db/schema.js';
import type { Executor } from '../db/executor.js';
import { createStaffRepository } from './staff.repository.js';

const staff = createStaffRepository();

export interface NewStaffAccount {
  email: string;
  fullName: string;
  /** null: an account that cannot sign in with a password (the demo's extra consultants; a future OIDC-only account). */
  passwordHash: string | null;
  /** A temporary password must be replaced at first sign-in. */
  mustChangePassword: boolean;
  roles: Array<{ officeId: string; role: Role }>;
  /** The office the first session opens in; defaults to the first role's. */
  lastOfficeId?: string;
}

/**
 * Creates an account with its roles in the caller's transaction, outside the staff screen: the
 * first administrator (`ricolloca create-user`) and the demo's staff. Returns the new id; a taken
 * e-mail raises the unique violation of staff_users_email_key for the caller to report.
 */
export async function createStaffAccount(executor: Executor, account: NewStaffAccount, now: Date): Promise<string> {
  const id = await staff.insert(executor, {
    email: account.email,
    fullName: account.fullName,
    passwordHash: account.passwordHash,
    mustChangePassword: account.mustChangePassword,
    lastOfficeId: account.lastOfficeId ?? account.roles[0]?.officeId ?? null,
    now,
  });
  await staff.replaceRoles(executor, id, account.roles);
  return id;
}

/** Account ids by e-mail (as stored), for the few accounts a caller names. */
export function staffIdsByEmail(executor: Executor, emails: readonly string[]): Promise<Map<string, string>> {
  return staff.idsByEmail(executor, emails);
}

/** Ids of the accounts holding a role in any of these offices (at least one), as a sub-query to compose. */
export function staffInOfficesQuery(executor: Executor, officeIds: readonly string[]) {
  return staff.staffInOfficesQuery(executor, officeIds);
}
