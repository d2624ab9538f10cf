import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { AuditTrail } from './audit-trail.js';
import type { CreateStaffRequest, RoleAssignment, StaffAccount, UpdateStaffRequest } from '../../shared/schemas/staff.schema.js';
import type { Actor } from './actor.js';
import type { ActorContext } from './scope.js';
import { isUniqueViolation } from '../db/errors.js';
import { authErrors } from './auth.errors.js';
import { generateTemporaryPassword, hashPassword } from './password.js';
import { checkNewPassword } from './password-strength.js';
import type { Language } from '../http/problem.js';
import type { SessionCache } from './session-cache.js';
import type { SessionRepository } from './session.repository.js';
import type { StaffRepository } from './staff.repository.js';

export interface NetworkOffices {
  idsInNetwork(networkId: string): Promise<Set<string>>;
}

/** Administration of staff accounts, limited to the administrator's own network of offices. */
export function createStaffService(deps: {
  db: Kysely<DB>;
  staff: StaffRepository;
  sessions: SessionRepository;
  sessionCache: SessionCache;
  audit: AuditTrail;
  offices: NetworkOffices;
  clock: () => Date;
}) {
  const { db, staff, sessions, sessionCache, audit, clock } = deps;

  async function assertRolesInNetwork(actor: Actor, roles: RoleAssignment[]) {
    const allowed = await deps.offices.idsInNetwork(actor.networkId ?? '');
    if (roles.some((r) => !allowed.has(r.officeId))) throw authErrors.officeOutsideNetwork();
  }

  async function loadInNetwork(actor: Actor, id: string): Promise<StaffAccount> {
    const account = await staff.findAccount(db, id);
    if (!account) throw authErrors.staffNotFound();
    const allowed = await deps.offices.idsInNetwork(actor.networkId ?? '');
    // An account with no role left stays visible to the administrators who can give it one.
    if (account.roles.length > 0 && !account.roles.some((r) => allowed.has(r.officeId))) throw authErrors.staffNotFound();
    return account;
  }

  return {
    async list(ctx: ActorContext, filter: Parameters<StaffRepository['list']>[2]) {
      const offices = await deps.offices.idsInNetwork(ctx.actor.networkId ?? '');
      const items = await staff.list(db, [...offices], filter);
      // Staff are people too: the page read is recorded with the accounts it showed, and the
      // filters without the searched text.
      const { q, ...filters } = filter;
      await audit.record(db, ctx, {
        action: 'staff.list.read',
        entityType: 'staff_user',
        entityId: null,
        details: { ids: items.map((a) => a.id), query: { ...filters, searched: Boolean(q) } },
      });
      return { items, total: items.length };
    },

    async get(ctx: ActorContext, id: string): Promise<StaffAccount> {
      const account = await loadInNetwork(ctx.actor, id);
      await audit.record(db, ctx, { action: 'staff.read', entityType: 'staff_user', entityId: id, entityLabel: account.fullName });
      return account;
    },

    async create(ctx: ActorContext, input: CreateStaffRequest, language: Language = 'it') {
      // A password the administrator chooses obeys the rules of any new password.
      if (input.temporaryPassword !== undefined) {
        checkNewPassword(input.temporaryPassword, [input.email, input.fullName], { field: 'body/temporaryPassword', language });
      }
      await assertRolesInNetwork(ctx.actor, input.roles);
      const now = clock();
      const temporaryPassword = input.temporaryPassword ?? generateTemporaryPassword();
      const passwordHash = await hashPassword(temporaryPassword);
      const id = await db
        .transaction()
        .execute(async (trx) => {
          if (await staff.emailExists(trx, input.email)) throw authErrors.emailTaken();
          const newId = await staff.insert(trx, {
            email: input.email,
            fullName: input.fullName,
            passwordHash,
            mustChangePassword: true,
            now,
          });
          await staff.replaceRoles(trx, newId, input.roles);
          await audit.record(trx, ctx, {
            action: 'staff.created',
            entityType: 'staff_user',
            entityId: newId,
            entityLabel: input.fullName,
            details: { email: input.email, roles: input.roles },
          });
          return newId;
        })
        .catch((err: unknown) => {
          // Two administrators creating the same e-mail at once: the unique index decides.
          if (isUniqueViolation(err)) throw authErrors.emailTaken();
          throw err;
        });
      const account = await staff.findAccount(db, id);
      return { account: account!, temporaryPassword: input.temporaryPassword ? undefined : temporaryPassword };
    },

    async update(ctx: ActorContext, id: string, input: UpdateStaffRequest): Promise<StaffAccount> {
      await loadInNetwork(ctx.actor, id);
      if (input.roles) {
        await assertRolesInNetwork(ctx.actor, input.roles);
        const keepsAdminHere = input.roles.some((r) => r.officeId === ctx.actor.officeId && r.role === 'admin');
        if (id === ctx.actor.userId && !keepsAdminHere) throw authErrors.cannotRemoveOwnAdmin();
      }
      const now = clock();
      // Read before the transaction: inside it only the transaction handle may be used.
      const allowed = await deps.offices.idsInNetwork(ctx.actor.networkId ?? '');
      await db.transaction().execute(async (trx) => {
        // Two administrators changing one account at once take turns on its row: the second
        // replaces the roles the first one wrote (never a duplicate of staff_roles' key), and each
        // audit entry's "from" is what the account held just before that change.
        const current = await staff.lockAccount(trx, id);
        if (!current) throw authErrors.staffNotFound();
        if (input.fullName !== undefined) await staff.update(trx, id, { fullName: input.fullName }, now);
        if (input.roles) {
          // Roles in offices outside the administrator's network are kept as they are.
          const foreign = current.roles.filter((r) => !allowed.has(r.officeId));
          await staff.replaceRoles(trx, id, [...foreign, ...input.roles]);
        }
        await audit.record(trx, ctx, {
          action: 'staff.updated',
          entityType: 'staff_user',
          entityId: id,
          entityLabel: input.fullName ?? current.fullName,
          details: {
            ...(input.fullName !== undefined && { fullName: { from: current.fullName, to: input.fullName } }),
            ...(input.roles && { roles: { from: current.roles, to: input.roles } }),
          },
        });
      });
      // The database told every instance already; this one must not wait for the message.
      sessionCache.forgetUser(id);
      return (await staff.findAccount(db, id))!;
    },

    async setDisabled(ctx: ActorContext, id: string, disabled: boolean): Promise<StaffAccount> {
      await loadInNetwork(ctx.actor, id);
      if (disabled && id === ctx.actor.userId) throw authErrors.cannotDisableSelf();
      const now = clock();
      await db.transaction().execute(async (trx) => {
        // Disabling also deletes the account's sessions (a trigger, migration 0008): it is signed
        // out everywhere at once, whatever path disables it.
        await staff.update(trx, id, { disabledAt: disabled ? now : null }, now);
        await audit.record(trx, ctx, {
          action: disabled ? 'staff.disabled' : 'staff.enabled',
          entityType: 'staff_user',
          entityId: id,
        });
      });
      sessionCache.forgetUser(id);
      return (await staff.findAccount(db, id))!;
    },

    async resetPassword(ctx: ActorContext, id: string): Promise<{ temporaryPassword: string }> {
      await loadInNetwork(ctx.actor, id);
      const now = clock();
      const temporaryPassword = generateTemporaryPassword();
      const passwordHash = await hashPassword(temporaryPassword);
      await db.transaction().execute(async (trx) => {
        await staff.update(trx, id, { passwordHash, mustChangePassword: true, passwordChangedAt: now }, now);
        await sessions.deleteForUser(trx, id);
        await audit.record(trx, ctx, { action: 'staff.password_reset', entityType: 'staff_user', entityId: id });
      });
      sessionCache.forgetUser(id);
      return { temporaryPassword };
    },
  };
}

export type StaffService = ReturnType<typeof createStaffService>;
