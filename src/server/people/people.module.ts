import type { FastifyInstance } from 'fastify';
import { createWorkerRepository } from './worker.repository.js';
import { registerWorkerRoutes } from './worker.routes.js';
import { createWorkerService } from './worker.service.js';

/** Workers, their consents, notes and timeline, wired once: buildApp constructs this and registers it. */
export function createPeopleModule(deps: Omit<Parameters<typeof createWorkerService>[0], 'workers'>) {
  return { workers: createWorkerService({ ...deps, workers: createWorkerRepository() }) };
}

export type PeopleModule = ReturnType<typeof createPeopleModule>;

export function registerPeopleRoutes(app: FastifyInstance, module: PeopleModule) {
  registerWorkerRoutes(app, module.workers);
}
