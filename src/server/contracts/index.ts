// What buildApp, the demo and the applications domain use from contracts: the module with its
// routes, the pay check (pure, and with its lookup), the hiring incentives and the checklist.
export {
  createContractsModule,
  insertDemoCcnlMinimums,
  lookUpAndCheckOfferPay,
  registerContractsRoutes,
  type ContractsModule,
} from './contracts.module.js';
export { checkOfferPay, proratedMinimumCents, type MinimumPay, type OfferPay, type PayCheck } from './pay-check.js';
export type { MinimumValues } from './ccnl-minimum.repository.js';
export {
  applicableIncentives,
  HIRING_INCENTIVES,
  type HireContractType,
  type HireFacts,
  type IncentiveAnswer,
  type IncentiveOutcome,
  type IncentiveRule,
} from './hiring-incentives.js';
export { contractChecklist, type ChecklistFacts, type ChecklistItem, type ContractChecklist } from './contract-checklist.js';
export { canManageCcnlMinimums, canReadCcnlMinimums } from './contracts.policy.js';
