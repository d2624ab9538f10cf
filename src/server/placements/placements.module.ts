import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import type { DB } from '../db/schema.js';
import { createPlacementRepository } from './placement.repository.js';
import { registerPlacementRoutes } from './placement.routes.js';
import { createPlacementService, type ReopenAfterEarlyEnd } from './placement.service.js';

/**
 * Placements, wired once: buildApp constructs this with programmes' reopen move (an early end),
 * hands it to applications (the hire) and registers its routes.
 */
export function createPlacementsModule(deps: {
  db: Kysely<DB>;
  audit: AuditService;
  clock: () => Date;
  reopenAfterEarlyEnd: ReopenAfterEarlyEnd;
}) {
  return { placements: createPlacementService({ ...deps, repository: createPlacementRepository() }) };
}

export type PlacementsModule = ReturnType<typeof createPlacementsModule>;

export function registerPlacementsRoutes(app: FastifyInstance, module: PlacementsModule) {
  registerPlacementRoutes(app, module.placements);
}
