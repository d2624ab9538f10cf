import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import type { DB } from '../db/schema.js';
import { createPlanPrint } from './plan-print.js';
import { createPlanService, type EnrollOnPlanSigned } from './plan.service.js';
import { registerPlanRoutes } from './plans.routes.js';

/** Personal action plans, wired once: buildApp hands in the programmes' enrolment move on signature. */
export function createPlansModule(deps: {
  db: Kysely<DB>;
  audit: AuditService;
  clock: () => Date;
  enrollOnPlanSigned: EnrollOnPlanSigned;
}) {
  const plans = createPlanService(deps);
  const pdf = createPlanPrint({ db: deps.db, clock: deps.clock, plans });
  return { plans, pdf };
}

export type PlansModule = ReturnType<typeof createPlansModule>;

export function registerPlansRoutes(app: FastifyInstance, module: PlansModule) {
  registerPlanRoutes(app, module);
}
