import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import type { DB } from '../db/schema.js';
import { registerCandidateSearchRoutes } from './candidate-search.routes.js';
import { createCandidateSearch } from './candidate-search.service.js';

/** Matching, wired once: the candidate search of a vacancy. It owns no table. */
export function createMatchingModule(deps: { db: Kysely<DB>; audit: AuditService; clock: () => Date }) {
  return { candidates: createCandidateSearch(deps) };
}

export type MatchingModule = ReturnType<typeof createMatchingModule>;

export function registerMatchingRoutes(app: FastifyInstance, module: MatchingModule) {
  registerCandidateSearchRoutes(app, module.candidates);
}
