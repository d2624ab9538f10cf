import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import type { DB } from '../db/schema.js';
import { createEnrollmentService } from './enrollment.service.js';
import { createEnrollmentListRepository } from './enrollment-list.repository.js';
import { createProgrammeRepository } from './programme.repository.js';
import { registerProgrammeRoutes } from './programme.routes.js';
import { createProgrammeService } from './programme.service.js';

/** Programmes and enrollments, wired once: buildApp constructs this and registers its routes (reports are their own module). */
export function createProgrammesModule(deps: { db: Kysely<DB>; audit: AuditService; clock: () => Date }) {
  const repository = createProgrammeRepository();
  const enrollments = createEnrollmentService({ ...deps, repository });
  const programmes = createProgrammeService({ ...deps, repository, lists: createEnrollmentListRepository(), enrollments });
  return { repository, enrollments, programmes };
}

export type ProgrammesModule = ReturnType<typeof createProgrammesModule>;

export function registerProgrammesRoutes(app: FastifyInstance, module: ProgrammesModule) {
  registerProgrammeRoutes(app, module.programmes, module.enrollments);
}
