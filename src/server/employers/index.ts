// What other domains use from employers: the employers that hire and their sites.
export {
  candidateRecipientsOf,
  employerNamesByIds,
  employerSitesByIds,
  type CandidateRecipients,
  type EmployerSiteRef,
} from './employer-lookup.repository.js';
export { createEmployersModule, registerEmployersRoutes, type EmployersModule } from './employers.module.js';
export { canManageEmployers, canReadEmployers } from './employer.policy.js';
export { insertEmployersBulk, type BulkEmployer } from './employer-bulk.repository.js';
export type { EmployerHistorySource } from './employer.service.js';
