import type { FastifyInstance } from 'fastify';
import { ALREADY_READY, type Readiness } from '../http/readiness.js';
import { purgeExpiredImports, startImportPurgeJob } from './import-retention.js';
import { registerImportRoutes } from './imports.routes.js';
import { createImportService } from './imports.service.js';
import type { ImportDeps } from './imports.types.js';

/** Worker-list imports (upload → dry run → apply), wired once: buildApp constructs this and registers it. */
export function createImportsModule(deps: ImportDeps) {
  return { imports: createImportService(deps), db: deps.db, clock: deps.clock };
}

export type ImportsModule = ReturnType<typeof createImportsModule>;

/**
 * Routes, and the purge of import data past its retention period: once when the database is
 * ready, then daily (env IMPORT_PURGE_INTERVAL_MS, 0 = off). Not started under the test
 * runner, where tests call purgeExpiredImports with a moved clock.
 */
export function registerImportsRoutes(app: FastifyInstance, module: ImportsModule, readiness: Readiness = ALREADY_READY) {
  registerImportRoutes(app, module.imports);
  const interval = Number(process.env.IMPORT_PURGE_INTERVAL_MS ?? 24 * 60 * 60 * 1000);
  if (process.env.VITEST || !(interval > 0)) return;
  let stop: (() => void) | null = null;
  let closing = false;
  app.addHook('onReady', async () => {
    void readiness.whenReady.then(() => {
      if (!closing) stop = startImportPurgeJob(() => purgeExpiredImports(module.db, module.clock()), app.log, interval);
    });
  });
  app.addHook('onClose', async () => {
    closing = true;
    stop?.();
  });
}
