// What other domains (hotline intake, imports, outreach, reports) and buildApp use from programmes.
export { checkEligibility, evaluateEligibility, romeDate, type EligibilityResult } from './eligibility.js';
export type { EnrollmentService, RegisterInput, RegisterResult } from './enrollment.service.js';
export { withRetry } from './retry.js';
export { createProgrammeModule, registerProgrammeModule, type ProgrammeModule } from './programme.module.js';
export { canManageProgrammes, canRegisterWorkers } from './programme.policy.js';
export { enrollmentOfWorker, openProgrammesOfOffice, programmeNameOf, type OpenProgramme, type WorkerEnrollment } from './intake-lookup.repository.js';
