// What buildApp and the other domains use from plans (patto di servizio personalizzato): the module
// and its routes, the policy, and adding an action in the caller's transaction (the skill gap's
// "attend course X" in one click).
export { createPlansModule, registerPlansRoutes, type PlansModule } from './plans.module.js';
export { canWorkOnPlans } from './plans.policy.js';
export { addPlanAction, type NewPlanAction } from './plan-actions.js';
export { planErrors } from './plans.errors.js';
export { insertPlansBulk, type BulkPlan } from './plan-bulk.repository.js';
