import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import type { DB } from '../db/schema.js';
import { createCatalogueImportService } from './catalogue-import.service.js';
import { createCatalogueService } from './catalogue.service.js';
import { createEnrolmentService, type AddProfileSkills } from './enrolment.service.js';
import { createTrainingRepository } from './training.repository.js';

/** Training paths, wired once: buildApp constructs this and registers its routes. */
export function createTrainingModule(deps: {
  db: Kysely<DB>;
  audit: AuditService;
  clock: () => Date;
  addProfileSkills?: AddProfileSkills;
}) {
  const repository = createTrainingRepository();
  const base = { db: deps.db, repository, audit: deps.audit, clock: deps.clock };
  return {
    catalogue: createCatalogueService(base),
    enrolments: createEnrolmentService({ ...base, addProfileSkills: deps.addProfileSkills }),
    imports: createCatalogueImportService(base),
  };
}

export type TrainingModule = ReturnType<typeof createTrainingModule>;
