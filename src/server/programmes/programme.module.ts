import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import type { DB } from '../db/schema.js';
import { createEnrollmentService } from './enrollment.service.js';
import { createEnrollmentListRepository } from './enrollment-list.repository.js';
import { createProgrammeRepository } from './programme.repository.js';
import { registerProgrammeRoutes } from './programme.routes.js';
import { createProgrammeService } from './programme.service.js';
import { registerNoticeRoutes } from './notice.routes.js';
import { createNoticeService, type NoticeVacancyTitles } from './notice.service.js';
import { createStaffInboxRepository } from './staff-notices.repository.js';

/** Programmes and enrollments, wired once: buildApp constructs this and registers its routes (reports are their own module). */
export function createProgrammesModule(deps: {
  db: Kysely<DB>;
  audit: AuditService;
  clock: () => Date;
  vacancyTitles?: NoticeVacancyTitles;
}) {
  const repository = createProgrammeRepository();
  const enrollments = createEnrollmentService({ ...deps, repository });
  const programmes = createProgrammeService({ ...deps, repository, lists: createEnrollmentListRepository(), enrollments });
  // The staff's notices: programmes own the table; other domains write theirs through insertStaffNotice.
  const notices = createNoticeService({ ...deps, inbox: createStaffInboxRepository() });
  return { repository, enrollments, programmes, notices };
}

export type ProgrammesModule = ReturnType<typeof createProgrammesModule>;

export function registerProgrammesRoutes(app: FastifyInstance, module: ProgrammesModule) {
  registerProgrammeRoutes(app, module.programmes, module.enrollments);
  registerNoticeRoutes(app, module.notices);
}
