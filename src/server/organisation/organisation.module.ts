import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import type { DB } from '../db/schema.js';
import { createOfficeRepository } from './office.repository.js';
import { registerOfficeRoutes } from './office.routes.js';
import { createOfficeService } from './office.service.js';

/** Networks and offices, wired once: buildApp constructs this and registers its routes. */
export function createOrganisationModule(deps: { db: Kysely<DB>; audit: AuditService; clock: () => Date }) {
  const offices = createOfficeService({ db: deps.db, offices: createOfficeRepository(), audit: deps.audit, clock: deps.clock });
  return { offices };
}

export type OrganisationModule = ReturnType<typeof createOrganisationModule>;

export function registerOrganisationRoutes(app: FastifyInstance, module: OrganisationModule) {
  registerOfficeRoutes(app, module.offices);
}
