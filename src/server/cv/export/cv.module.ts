import type { FastifyInstance } from 'fastify';
import { registerCvRoutes } from './cv.routes.js';
import { createCvService } from './cv.service.js';

/** The CVs out (export), wired once: buildApp constructs this and registers it. */
export function createCvExportModule(deps: Parameters<typeof createCvService>[0]) {
  return { cvs: createCvService(deps) };
}

export type CvExportModule = ReturnType<typeof createCvExportModule>;

export function registerCvExportRoutes(app: FastifyInstance, module: CvExportModule) {
  registerCvRoutes(app, module.cvs);
}
