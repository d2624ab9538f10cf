import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import type { DB } from '../db/schema.js';
import { createEnrollmentService } from './enrollment.service.js';
import { createProgrammeRepository } from './programme.repository.js';
import { registerProgrammeRoutes } from './programme.routes.js';
import { createProgrammeService } from './programme.service.js';
import { createReportsModule, registerReportsRoutes } from '../reports/reports.routes.js';

/** Programmes, enrollments and their reports, wired once: buildApp constructs this and registers its routes. */
export function createProgrammeModule(deps: { db: Kysely<DB>; audit: AuditService; clock: () => Date }) {
  const repository = createProgrammeRepository();
  const enrollments = createEnrollmentService({ ...deps, repository });
  const programmes = createProgrammeService({ ...deps, repository, enrollments });
  const reports = createReportsModule(deps);
  return { repository, enrollments, programmes, reports };
}

export type ProgrammeModule = ReturnType<typeof createProgrammeModule>;

export function registerProgrammeModule(app: FastifyInstance, module: ProgrammeModule) {
  registerProgrammeRoutes(app, module.programmes, module.enrollments);
  registerReportsRoutes(app, module.reports);
}
