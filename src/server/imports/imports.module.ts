import type { FastifyInstance } from 'fastify';
import { registerImportRoutes } from './imports.routes.js';
import { createImportService } from './imports.service.js';

/** Worker-list imports (upload → dry run → apply), wired once: buildApp constructs this and registers it. */
export function createImportsModule(deps: Parameters<typeof createImportService>[0]) {
  return { imports: createImportService(deps) };
}

export type ImportsModule = ReturnType<typeof createImportsModule>;

export function registerImportsRoutes(app: FastifyInstance, module: ImportsModule) {
  registerImportRoutes(app, module.imports);
}
