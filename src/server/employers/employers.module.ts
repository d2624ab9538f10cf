import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import type { DB } from '../db/schema.js';
import { createEmployerRepository } from './employer.repository.js';
import { registerEmployerRoutes } from './employer.routes.js';
import { createEmployerService, type EmployerHistorySource } from './employer.service.js';

/** The employers that hire, with their sites and contacts, wired once: buildApp constructs and registers it. */
export function createEmployersModule(deps: { db: Kysely<DB>; audit: AuditService; clock: () => Date; history: EmployerHistorySource }) {
  return { employers: createEmployerService({ ...deps, employers: createEmployerRepository() }) };
}

export type EmployersModule = ReturnType<typeof createEmployersModule>;

export function registerEmployersRoutes(app: FastifyInstance, module: EmployersModule) {
  registerEmployerRoutes(app, module.employers);
}
