import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { createAuditRepository } from './audit.repository.js';
import { registerAuditLogRoutes } from './audit.routes.js';
import { createAuditService, type AuditDirectory } from './audit.service.js';

/** The audit log, wired once: every other module records through `service`. */
export function createAuditModule(deps: { db: Kysely<DB>; directory: AuditDirectory }) {
  const service = createAuditService({ db: deps.db, repository: createAuditRepository(), directory: deps.directory });
  return { service };
}

export type AuditModule = ReturnType<typeof createAuditModule>;

export function registerAuditRoutes(app: FastifyInstance, module: AuditModule) {
  // Reads waiting for their audit rows are answered before the database is closed.
  app.addHook('onClose', async () => {
    await module.service.close();
  });
  registerAuditLogRoutes(app, module.service);
}
