import type { FastifyInstance } from 'fastify';
import type { JobScheduler } from '../jobs/index.js';
import { PURGE_INTERVAL_MS, purgeExpiredImports } from './import-retention.js';
import { registerImportRoutes } from './imports.routes.js';
import { createImportService } from './imports.service.js';
import type { ImportDeps } from './imports.types.js';

/** Worker-list imports (upload → dry run → apply), wired once: buildApp constructs this and registers it. */
export function createImportsModule(deps: ImportDeps) {
  return { imports: createImportService(deps), db: deps.db, clock: deps.clock };
}

export type ImportsModule = ReturnType<typeof createImportsModule>;

/**
 * Routes, and the purge of import data past its retention period as a periodic job of the queue:
 * once when the queue starts, then daily (env IMPORT_PURGE_INTERVAL_MS, 0 = off), one run at a
 * time across instances. The queue's runner is not started under the test runner, where tests
 * call purgeExpiredImports with a moved clock.
 */
export function registerImportsRoutes(app: FastifyInstance, module: ImportsModule, jobs: JobScheduler) {
  registerImportRoutes(app, module.imports);
  const interval = Number(process.env.IMPORT_PURGE_INTERVAL_MS ?? PURGE_INTERVAL_MS);
  if (!(interval > 0)) return;
  jobs.registerPeriodic({
    kind: 'imports.retention',
    everyMs: interval,
    runAtStart: true,
    run: async (db) => {
      const purged = await purgeExpiredImports(db, module.clock());
      if (purged > 0) app.log.info({ purged }, 'imports: personal data past the retention period purged');
    },
  });
}
