import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import type { DB } from '../db/schema.js';
import { createProfileService } from './profile.service.js';
import { registerProfileRoutes } from './profiles.routes.js';

/** The worker's profile, wired once: buildApp constructs this and registers its routes. */
export function createProfilesModule(deps: { db: Kysely<DB>; audit: AuditService }) {
  return { profiles: createProfileService(deps) };
}

export type ProfilesModule = ReturnType<typeof createProfilesModule>;

export function registerProfilesRoutes(app: FastifyInstance, module: ProfilesModule) {
  registerProfileRoutes(app, module.profiles);
}
