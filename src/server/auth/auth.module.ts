import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.js';
import type { Policy } from './actor.js';
import { registerAccessControl } from './access.js';
import type { AuditTrail } from './audit-trail.js';
import { registerSessionRoutes } from './auth.routes.js';
import { createAuthService, type OfficeLookup } from './auth.service.js';
import { SESSION_CHANGED_CHANNEL, createSessionCache } from './session-cache.js';
import { createSessionRepository } from './session.repository.js';
import { createSignInThrottle } from './sign-in-throttle.repository.js';
import { createStaffRepository } from './staff.repository.js';
import { registerStaffRoutes } from './staff.routes.js';
import { createStaffService, type NetworkOffices } from './staff.service.js';

/**
 * Sign-in, sessions and staff accounts, wired once. Offices come from organisation's published
 * lookups and the audit trail from the audit service, both handed in by buildApp (organisation and
 * audit depend on auth, so auth imports neither).
 */
export function createAuthModule(deps: {
  database: Database;
  audit: AuditTrail;
  offices: OfficeLookup & NetworkOffices;
  /** Capability name → policy; the web shows only what the current user may do. */
  capabilities: Record<string, Policy>;
  clock: () => Date;
}) {
  const { db } = deps.database;
  const sessions = createSessionRepository();
  const sessionCache = createSessionCache();
  const staffRepository = createStaffRepository();
  const auth = createAuthService({
    db,
    sessions,
    sessionCache,
    staff: staffRepository,
    throttle: createSignInThrottle(),
    audit: deps.audit,
    offices: deps.offices,
    capabilities: deps.capabilities,
    clock: deps.clock,
  });
  const staff = createStaffService({
    db,
    staff: staffRepository,
    sessions,
    sessionCache,
    audit: deps.audit,
    offices: deps.offices,
    clock: deps.clock,
  });
  return { database: deps.database, auth, staff, sessionCache };
}

export type AuthModule = ReturnType<typeof createAuthModule>;

/**
 * Access control (every later route is authenticated and authorised in onRequest), the session
 * and staff routes, and the subscription that keeps the session cache honest.
 */
export function registerAuthRoutes(app: FastifyInstance, module: AuthModule) {
  const { sessionCache } = module;
  // The cache is trusted only while the database's notifications of changed sessions arrive.
  // Subscribed in the background: a PGlite database may still be opening.
  let closing = false;
  const sessionNotifications = module.database
    .listen(SESSION_CHANGED_CHANNEL, {
      onNotify: (tokenHash) => sessionCache.forget(tokenHash),
      onLive: (live) => {
        sessionCache.setLive(live);
        if (live) app.log.debug('session change notifications: subscribed');
        else if (!closing) app.log.warn('session change notifications lost: sessions are read from the database until they are back');
      },
    })
    .catch((err: unknown) => {
      app.log.error({ err }, 'session change notifications unavailable: sessions are read from the database');
      return async () => undefined;
    });
  app.addHook('onClose', async () => {
    closing = true;
    await (
      await sessionNotifications
    )();
  });
  registerAccessControl(app, module.auth);
  registerSessionRoutes(app, module.auth);
  registerStaffRoutes(app, module.staff);
}
