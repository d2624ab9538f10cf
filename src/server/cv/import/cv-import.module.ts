import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { AuditService } from '../../audit/index.js';
import type { DB } from '../../db/schema.js';
import { registerCvImportRoutes } from './cv-import.routes.js';
import { createCvImportService, type SkillSearch } from './cv-import.service.js';

/** The CV import: review and apply, over people's worker record, profiles' published writes and taxonomy's skill search. */
export function createCvImportModule(deps: { db: Kysely<DB>; audit: AuditService; searchSkills: SkillSearch }) {
  return { service: createCvImportService(deps) };
}

export type CvImportModule = ReturnType<typeof createCvImportModule>;

export function registerCvImportModuleRoutes(app: FastifyInstance, module: CvImportModule) {
  registerCvImportRoutes(app, module.service);
}
