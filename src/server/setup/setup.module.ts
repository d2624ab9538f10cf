import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import type { DB } from '../db/schema.js';
import { createSetupLink, type SetupLink } from './setup-link.js';
import { registerSetupEndpoints } from './setup.routes.js';
import { createSetupService } from './setup.service.js';

/**
 * The first start of a real installation, through the one-time link `serve` prints (no tables of
 * its own: it writes through organisation's and auth's published functions). `link` is the one
 * `serve` issues the token of; without it no token is ever valid.
 */
export function createSetupModule(deps: { db: Kysely<DB>; audit: AuditService; clock: () => Date; link?: SetupLink }) {
  return { service: createSetupService({ ...deps, link: deps.link ?? createSetupLink() }) };
}

export type SetupModule = ReturnType<typeof createSetupModule>;

export function registerSetupRoutes(app: FastifyInstance, module: SetupModule) {
  registerSetupEndpoints(app, module.service);
}
