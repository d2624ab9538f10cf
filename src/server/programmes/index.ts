// What other domains (hotline intake, imports, outreach, reports) and buildApp use from programmes.
export { eligibilityRuleOf, evaluateEligibility, romeDate, type EligibilityResult, type EligibilityRule } from './eligibility.js';
export { checkEligibility } from './eligibility-check.js';
export { eligibleWorkerIds, eligibleWorkersByUrgency } from './eligibility.repository.js';
export type { EnrollmentService, PlanSignedEnrollment, RegisterInput, RegisterResult, ReopenedEnrollment } from './enrollment.service.js';
export { withRetry } from './retry.js';
export { createProgrammesModule, registerProgrammesRoutes, type ProgrammesModule } from './programme.module.js';
export { canManageProgrammes, canRegisterWorkers } from './programme.policy.js';
export {
  enrollmentOfWorker,
  openProgrammesOfOffice,
  programmeNameOf,
  type OpenProgramme,
  type WorkerEnrollment,
} from './intake-lookup.repository.js';
export { currentProgrammeOf, latestEnrollmentStates } from './worker-enrollment-state.repository.js';
export { programmeNamesById, servicePeriodsOfWorker, type ServicePeriod } from './service-periods.repository.js';
export {
  insertEnrollmentHistories,
  insertProgrammeRecord,
  type EnrollmentHistory,
  type NewProgrammeRecord,
} from './programme-bulk.repository.js';
export { FUNNEL_RANK, holdsPlace } from './enrollment.states.js';
export {
  expiringEligible,
  funnelByCompany,
  funnelByOffice,
  programmeFunnels,
  waitingListHead,
  type FunnelCounts,
} from './programme-reports.repository.js';
export { programmeErrors } from './programme.errors.js';
export {
  enrollmentsInStates,
  OPEN_ENROLLMENT_STATES,
  programmeForOutreach,
  workersWithEnrollmentIn,
  workersWithOpenEnrollment,
  type ProgrammeForOutreach,
} from './outreach-lookup.repository.js';
// Notices to an office's staff, for other domains (applications).
export { insertStaffNotice } from './staff-notices.repository.js';
