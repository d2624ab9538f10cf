import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import type { DB } from '../db/schema.js';
import type { JobScheduler, PeriodicJob } from '../jobs/index.js';
import { registerVacancyRoutes } from './vacancy.routes.js';
import { createVacancyRepository } from './vacancy.repository.js';
import { createVacancyService, type VacancyResponseSource, type VacancyService, type VacancyStageSource } from './vacancy.service.js';

/** Vacancies, wired once: buildApp constructs this and registers its routes and the daily expiry. */
export function createVacanciesModule(deps: {
  db: Kysely<DB>;
  audit: AuditService;
  clock: () => Date;
  responses?: VacancyResponseSource;
  stages?: VacancyStageSource;
}) {
  return { vacancies: createVacancyService({ ...deps, repository: createVacancyRepository() }) };
}

export type VacanciesModule = ReturnType<typeof createVacanciesModule>;

export const VACANCY_EXPIRY_KIND = 'vacancies.expiry';
const DAY_MS = 86_400_000;

/**
 * The daily expiry on the job queue: published vacancies whose deadline has passed become
 * expired. Once at start (a server down at midnight catches up), then every day.
 */
export function vacancyExpiryJob(
  service: VacancyService,
  log: FastifyInstance['log'] | { info(o: object, m?: string): void },
  everyMs = DAY_MS,
): PeriodicJob {
  return {
    kind: VACANCY_EXPIRY_KIND,
    everyMs,
    runAtStart: true,
    run: async () => {
      const expired = await service.expireOverdue();
      if (expired > 0) log.info({ expired }, 'vacancies: published vacancies past their deadline expired');
    },
  };
}

/** Routes, and the expiry (env VACANCY_EXPIRY_INTERVAL_MS, 0 = off). */
export function registerVacanciesRoutes(app: FastifyInstance, module: VacanciesModule, jobs: JobScheduler) {
  registerVacancyRoutes(app, module.vacancies);
  const interval = Number(process.env.VACANCY_EXPIRY_INTERVAL_MS ?? DAY_MS);
  if (interval > 0) jobs.registerPeriodic(vacancyExpiryJob(module.vacancies, app.log, interval));
}
