import { sql, type Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import { anyStaffAccountExists, checkNewPassword, hashPassword, type RequestContext } from '../auth/index.js';
import type { DB } from '../db/schema.js';
import { isUniqueViolation } from '../db/errors.js';
import type { Language } from '../http/problem.js';
import type { SetupRequest } from '../../shared/schemas/setup.schema.js';
import { createInstallation, findComuneByName } from './installation.js';
import type { SetupLink } from './setup-link.js';
import { setupErrors } from './setup.errors.js';

// One set-up at a time across every instance on one PostgreSQL database (a transaction-level
// advisory lock; on PGlite transactions are serialised anyway). The key is arbitrary but fixed.
const SETUP_LOCK_KEY = 724_011_001;

export function createSetupService(deps: { db: Kysely<DB>; audit: AuditService; clock: () => Date; link: SetupLink }) {
  const { db, audit, clock, link } = deps;
  let inProgress = false;

  /** The token opens the set-up only while it is the one issued, unused, and no account exists. */
  async function checkLink(token: string) {
    if (!link.matches(token)) throw setupErrors.linkInvalid();
    if (link.used() || (await anyStaffAccountExists(db))) {
      link.markUsed();
      throw setupErrors.alreadyDone();
    }
  }

  return {
    checkLink,

    /** Creates the network, its first office and the administrator in one transaction, audited. */
    async complete(ctx: RequestContext, input: SetupRequest, language: Language) {
      await checkLink(input.token);
      checkNewPassword(input.admin.password, [input.admin.email, input.admin.fullName], { field: 'body/admin/password', language });
      const comune = await findComuneByName(db, input.office.comune);
      if (!comune) throw setupErrors.comuneUnknown(language);
      if (inProgress) throw setupErrors.inProgress();
      inProgress = true;
      try {
        const passwordHash = await hashPassword(input.admin.password);
        const now = clock();
        const networkName = input.network.name;
        const result = await db
          .transaction()
          .execute(async (trx) => {
            await sql`select pg_advisory_xact_lock(${SETUP_LOCK_KEY})`.execute(trx);
            if (await anyStaffAccountExists(trx)) return undefined;
            const { officeId, userId } = await createInstallation(
              trx,
              {
                networkName,
                office: { code: input.office.code, name: input.office.name, comune },
                admin: { email: input.admin.email, fullName: input.admin.fullName, passwordHash, mustChangePassword: false },
              },
              now,
            );
            await audit.record(trx, ctx, {
              action: 'setup.completed',
              entityType: 'staff_user',
              entityId: userId,
              entityLabel: input.admin.fullName,
              officeId,
              details: {
                email: input.admin.email,
                roles: ['admin'],
                network: networkName,
                office: { code: input.office.code, name: input.office.name, comune: comune.name },
              },
            });
            return { email: input.admin.email, networkName, officeCode: input.office.code };
          })
          .catch((err: unknown) => {
            // Only an office or network created outside the link (no account yet) can collide.
            if (isUniqueViolation(err)) throw setupErrors.alreadyDone();
            throw err;
          });
        link.markUsed();
        if (!result) throw setupErrors.alreadyDone();
        return result;
      } finally {
        inProgress = false;
      }
    },
  };
}

export type SetupService = ReturnType<typeof createSetupService>;
