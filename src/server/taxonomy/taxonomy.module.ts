import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.js';
import type { Readiness } from '../http/readiness.js';
import { createEscoFirstStart, type EscoFirstStart, type Logger } from './import/esco-first-start.js';
import { createPlacesService } from './places.service.js';
import { createSearchService } from './search.service.js';
import { createSourcesService } from './sources.service.js';
import { registerReferenceDataRoutes } from './taxonomy.routes.js';
import { createTaxonomyRepository } from './taxonomy.repository.js';

/** The ESCO version the product loads on first start when the database lacks it. */
export const DEFAULT_ESCO_VERSION = 'v1.1.1';

/**
 * ESCO_AUTO_IMPORT=false turns the first-start import off (a PostgreSQL loaded with the CLI, or a
 * demo without ESCO); test runs (NODE_ENV=test) never start it, as each test imports what it needs.
 */
export function escoFirstStartConfig(env: NodeJS.ProcessEnv) {
  const off = ['0', 'false', 'off', 'no'].includes((env.ESCO_AUTO_IMPORT ?? '').toLowerCase());
  return { enabled: !off && env.NODE_ENV !== 'test', version: env.ESCO_VERSION || DEFAULT_ESCO_VERSION };
}

/** Reference classifications (search, places, sources) and the first-start ESCO import, wired once. */
export function createTaxonomyModule(deps: { database: Database; log: Logger; env?: NodeJS.ProcessEnv }) {
  const { db } = deps.database;
  const repository = createTaxonomyRepository();
  const config = escoFirstStartConfig(deps.env ?? process.env);
  const escoFirstStart: EscoFirstStart | undefined = config.enabled
    ? createEscoFirstStart({ database: deps.database, log: deps.log, version: config.version })
    : undefined;
  return {
    search: createSearchService({ db, repository }),
    places: createPlacesService({ db, repository }),
    sources: createSourcesService({ db, repository, escoImportRunning: () => escoFirstStart?.state() === 'running' }),
    escoFirstStart,
  };
}

export type TaxonomyModule = ReturnType<typeof createTaxonomyModule>;

/**
 * Routes, and the first-start ESCO import: it begins once the server listens (so the first page is
 * served at once, and `app.inject` in tests never triggers it) and is stopped before the app closes.
 */
export function registerTaxonomyRoutes(app: FastifyInstance, services: TaxonomyModule, readiness: Readiness) {
  registerReferenceDataRoutes(app, services);
  const job = services.escoFirstStart;
  if (!job) return;
  let closing = false;
  app.addHook('onListen', async () => {
    // After the migrations and the demo data: the import needs the schema, and must not compete with them.
    void readiness.whenReady.then(() => {
      if (!closing) void job.start();
    });
  });
  app.addHook('onClose', async () => {
    closing = true;
    await job.stop();
  });
}
