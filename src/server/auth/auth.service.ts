import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB, Role } from '../db/schema.js';
import type { AuditTrail } from './audit-trail.js';
import type { SessionView } from '../../shared/schemas/auth.schema.js';
import type { Actor, Policy, RequestContext } from './actor.js';
import type { ActorContext } from './scope.js';
import { authErrors } from './auth.errors.js';
import { hashPassword, verifyPassword } from './password.js';
import { checkNewPassword } from './password-strength.js';
import type { Language } from '../http/problem.js';
import type { SessionCache } from './session-cache.js';
import type { SessionRepository } from './session.repository.js';
import type { SignInThrottle } from './sign-in-throttle.repository.js';
import type { StaffRepository } from './staff.repository.js';

export const SESSION_IDLE_MS = 2 * 60 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60_000;
/** last_seen_at is written at most once a minute: a read-only request costs one query. */
const TOUCH_EVERY_MS = 60_000;
const HOUSEKEEPING_EVERY_MS = 60 * 60_000;
export const SIGN_IN_ATTEMPTS_KEPT_MS = 30 * 24 * 60 * 60_000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/** Organisation's published lookup of offices by id (auth does not read the offices table). */
export interface OfficeLookup {
  byIds(ids: string[]): Promise<Array<{ id: string; code: string; name: string; active: boolean }>>;
}

export interface AuthServiceDeps {
  db: Kysely<DB>;
  sessions: SessionRepository;
  /** Recently resolved sessions, trusted only while the database's change notifications arrive. */
  sessionCache: SessionCache;
  staff: StaffRepository;
  throttle: SignInThrottle;
  audit: AuditTrail;
  offices: OfficeLookup;
  /** Capability name → policy; the web shows only what the current user may do. */
  capabilities: Record<string, Policy>;
  clock: () => Date;
}

export function createAuthService(deps: AuthServiceDeps) {
  const { db, sessions, sessionCache, staff, throttle, audit, clock } = deps;

  function actorFrom(record: NonNullable<Awaited<ReturnType<SessionRepository['findActive']>>>): Actor {
    return {
      userId: record.userId,
      email: record.email,
      fullName: record.fullName,
      language: record.language,
      mustChangePassword: record.mustChangePassword,
      officeId: record.officeId,
      networkId: record.networkId,
      roles: record.assignments.filter((a) => a.officeId === record.officeId).map((a) => a.role),
      assignments: record.assignments,
      session: { tokenHash: record.tokenHash, csrfToken: record.csrfToken },
    };
  }

  // Housekeeping rides on sign-ins, at most once an hour per process: ended sessions are deleted,
  // and sign-in attempts are kept for 30 days (the audit log keeps the events themselves).
  let lastHousekeeping = Number.NEGATIVE_INFINITY;
  async function housekeeping(now: Date) {
    if (now.getTime() - lastHousekeeping < HOUSEKEEPING_EVERY_MS) return;
    lastHousekeeping = now.getTime();
    await db.transaction().execute(async (trx) => {
      await sessions.deleteExpired(trx, now);
      await throttle.purgeOlderThan(trx, new Date(now.getTime() - SIGN_IN_ATTEMPTS_KEPT_MS));
    });
  }

  function nextExpiry(createdAt: Date, now: Date): Date {
    return new Date(Math.min(createdAt.getTime() + SESSION_ABSOLUTE_MS, now.getTime() + SESSION_IDLE_MS));
  }

  return {
    async signIn(
      ctx: RequestContext,
      input: { email: string; password: string; userAgent: string },
    ): Promise<{ token: string; actor: Actor }> {
      const now = clock();
      const emailKey = input.email.toLowerCase();
      // The attempt is reserved (or refused) before any password is verified, in a short
      // transaction of its own: concurrent guesses cannot all pass the check at once.
      const reservation = await db.transaction().execute((trx) => throttle.reserve(trx, { emailKey, ip: ctx.ip, at: now }));
      if (!reservation.allowed) {
        await audit.record(db, ctx, {
          action: 'auth.sign_in_throttled',
          entityType: 'staff_user',
          entityId: null,
          officeId: null,
          details: { email: emailKey },
        });
        throw authErrors.throttled(reservation.retryAfterSeconds);
      }
      const account = await staff.findCredentialsByEmail(db, emailKey);
      // The password is verified whatever the account's state, and a disabled account's right
      // password is refused as a wrong one: neither the answer nor its timing tells them apart.
      const valid = await verifyPassword(account?.passwordHash ?? null, input.password);
      if (!account || !valid || account.disabled) {
        // The reservation already counts as a failure.
        await audit.record(db, ctx, {
          action: 'auth.sign_in_failed',
          entityType: 'staff_user',
          entityId: account?.id ?? null,
          officeId: null,
          details: { email: emailKey },
        });
        throw authErrors.invalidCredentials();
      }

      const token = randomBytes(32).toString('base64url');
      const tokenHash = hashToken(token);
      // The session starts in the office last chosen, if a role is still held there and the office
      // is open; otherwise in the first open office the account was given a role in. Read before
      // the transaction: inside it only the transaction handle may be used.
      const roles = await staff.rolesForSignIn(db, account.id);
      const open = new Map(
        (await deps.offices.byIds([...new Set(roles.map((r) => r.officeId))])).filter((o) => o.active).map((o) => [o.id, o.name]),
      );
      const firstRole = roles
        .filter((r) => open.has(r.officeId))
        .sort(
          (a, b) =>
            Number(b.isLastOffice) - Number(a.isLastOffice) ||
            a.grantedAt.getTime() - b.grantedAt.getTime() ||
            open.get(a.officeId)!.localeCompare(open.get(b.officeId)!),
        )[0];
      await db.transaction().execute(async (trx) => {
        await sessions.insert(trx, {
          tokenHash,
          userId: account.id,
          officeId: firstRole?.officeId ?? null,
          csrfToken: randomBytes(24).toString('base64url'),
          ip: ctx.ip,
          userAgent: input.userAgent,
          expiresAt: nextExpiry(now, now),
          now,
        });
        await throttle.markSucceeded(trx, reservation.attemptId);
        await staff.update(trx, account.id, { lastSignInAt: now }, now);
      });
      await housekeeping(now);
      const record = await sessions.findActive(db, tokenHash, now);
      if (!record) throw new Error('session vanished right after sign-in');
      const actor = actorFrom(record);
      await audit.record(
        db,
        { ...ctx, actor },
        {
          action: 'auth.sign_in',
          entityType: 'staff_user',
          entityId: account.id,
        },
      );
      return { token, actor };
    },

    /** Resolves a session cookie to the actor, sliding the idle expiry forward. */
    async authenticate(token: string): Promise<Actor | null> {
      if (!token || token.length > 100) return null;
      const now = clock();
      const tokenHash = hashToken(token);
      let record = sessionCache.get(tokenHash, now);
      if (!record) {
        const readAtEpoch = sessionCache.epoch();
        record = await sessions.findActive(db, tokenHash, now);
        if (!record) return null;
        sessionCache.remember(readAtEpoch, record);
      }
      if (now.getTime() - record.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
        const expiresAt = nextExpiry(record.createdAt, now);
        await sessions.touch(db, record.tokenHash, now, expiresAt);
        sessionCache.touched(record.tokenHash, now, expiresAt);
      }
      return actorFrom(record);
    },

    async signOut(ctx: ActorContext) {
      await db.transaction().execute(async (trx) => {
        await sessions.delete(trx, ctx.actor.session.tokenHash);
        await audit.record(trx, ctx, { action: 'auth.sign_out', entityType: 'staff_user', entityId: ctx.actor.userId });
      });
      sessionCache.forget(ctx.actor.session.tokenHash);
    },

    async changePassword(ctx: ActorContext, input: { currentPassword: string; newPassword: string }, language: Language = 'it') {
      const now = clock();
      const stored = await staff.findPasswordHash(db, ctx.actor.userId);
      if (!(await verifyPassword(stored ?? null, input.currentPassword))) throw authErrors.wrongCurrentPassword();
      if (input.currentPassword === input.newPassword) throw authErrors.passwordReused();
      checkNewPassword(input.newPassword, [ctx.actor.email, ctx.actor.fullName], { field: 'body/newPassword', language });
      const passwordHash = await hashPassword(input.newPassword);
      await db.transaction().execute(async (trx) => {
        await staff.update(trx, ctx.actor.userId, { passwordHash, mustChangePassword: false, passwordChangedAt: now }, now);
        // Every other session of this account ends: a changed password locks out whoever else had it.
        await sessions.deleteForUser(trx, ctx.actor.userId, ctx.actor.session.tokenHash);
        await audit.record(trx, ctx, { action: 'auth.password_changed', entityType: 'staff_user', entityId: ctx.actor.userId });
      });
      sessionCache.forgetUser(ctx.actor.userId);
    },

    async switchOffice(ctx: ActorContext, officeId: string): Promise<void> {
      if (!ctx.actor.assignments.some((a) => a.officeId === officeId)) throw authErrors.officeNotAssigned();
      await db.transaction().execute(async (trx) => {
        await sessions.setOffice(trx, ctx.actor.session.tokenHash, officeId);
        await staff.update(trx, ctx.actor.userId, { lastOfficeId: officeId }, clock());
        await audit.record(trx, ctx, {
          action: 'auth.office_switched',
          entityType: 'staff_user',
          entityId: ctx.actor.userId,
          officeId,
          details: { from: ctx.actor.officeId },
        });
      });
      sessionCache.forget(ctx.actor.session.tokenHash);
    },

    async setLanguage(ctx: ActorContext, language: 'it' | 'en') {
      const now = clock();
      await db.transaction().execute(async (trx) => {
        await staff.update(trx, ctx.actor.userId, { language }, now);
        await audit.record(trx, ctx, {
          action: 'auth.preferences_changed',
          entityType: 'staff_user',
          entityId: ctx.actor.userId,
          details: { language },
        });
      });
      sessionCache.forgetUser(ctx.actor.userId);
    },

    async view(actor: Actor): Promise<SessionView> {
      const officeIds = [...new Set(actor.assignments.map((a) => a.officeId))];
      const offices = await deps.offices.byIds(officeIds);
      const rolesOf = (officeId: string): Role[] => actor.assignments.filter((a) => a.officeId === officeId).map((a) => a.role);
      return {
        user: {
          id: actor.userId,
          email: actor.email,
          fullName: actor.fullName,
          language: actor.language,
          mustChangePassword: actor.mustChangePassword,
        },
        currentOfficeId: actor.officeId,
        offices: offices.map((o) => ({ id: o.id, code: o.code, name: o.name, roles: rolesOf(o.id) })),
        roles: actor.roles,
        capabilities: Object.entries(deps.capabilities)
          .filter(([, policy]) => policy(actor))
          .map(([name]) => name)
          .sort(),
        csrfToken: actor.session.csrfToken,
      };
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
