import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import type { DB } from '../db/schema.js';
import type { Executor } from '../db/executor.js';
import { createCcnlMinimumRepository, type MinimumValues } from './ccnl-minimum.repository.js';
import { checkPayAgainstMinimum, createCcnlMinimumService } from './ccnl-minimum.service.js';
import { registerContractRoutes } from './contracts.routes.js';

/** Contracts, wired once: buildApp constructs this and registers its routes. */
export function createContractsModule(deps: { db: Kysely<DB>; audit: AuditService; clock: () => Date }) {
  return { minimums: createCcnlMinimumService({ ...deps, repository: createCcnlMinimumRepository() }) };
}

export type ContractsModule = ReturnType<typeof createContractsModule>;

export function registerContractsRoutes(app: FastifyInstance, module: ContractsModule) {
  registerContractRoutes(app, module.minimums);
}

/**
 * The minimum in force on `date` for a CCNL and level of the network, and the offer checked
 * against it (pro-rated to the hours; below = a warning). For the applications domain, on its
 * own executor (inside its transaction when it records an offer).
 */
export function lookUpAndCheckOfferPay(
  db: Executor,
  networkId: string,
  offer: { ccnlCode: string; level: string; weeklyHours: number; offeredMonthlyCents: number; date: string },
) {
  return checkPayAgainstMinimum(db, networkId, offer, createCcnlMinimumRepository());
}

/** The demo's tables, written on the demo's transaction. */
export function insertDemoCcnlMinimums(db: Executor, networkId: string, rows: readonly MinimumValues[], actorId: string | null, now: Date) {
  return createCcnlMinimumRepository().insertMany(db, networkId, rows, actorId, now);
}
