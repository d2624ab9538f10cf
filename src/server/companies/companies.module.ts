import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import type { DB } from '../db/schema.js';
import { createCompanyRepository } from './company.repository.js';
import { registerCompanyRoutes } from './company.routes.js';
import { createCompanyService, type CohortSources } from './company.service.js';

/** Companies in crisis and their CIGS cases, wired once: buildApp constructs this and registers it. */
export function createCompaniesModule(deps: { db: Kysely<DB>; audit: AuditService; clock: () => Date; cohort: CohortSources }) {
  const companies = createCompanyService({ ...deps, companies: createCompanyRepository() });
  return { companies };
}

export type CompaniesModule = ReturnType<typeof createCompaniesModule>;

export function registerCompaniesRoutes(app: FastifyInstance, module: CompaniesModule) {
  registerCompanyRoutes(app, module.companies);
}
