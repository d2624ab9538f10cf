// What buildApp and the other domains use from people. Each table of people (workers, their
// consents, notes, phones and timeline) is written only through these functions; those that
// write take the caller's transaction handle, so one use case stays one transaction.

// The module, its routes and the policy buildApp names.
export { createPeopleModule, registerPeopleRoutes, type PeopleModule } from './people.module.js';
export { canAccessWorker, canEditWorkers, workerOfficeFilter, worksAcrossNetwork } from './worker.policy.js';

// The one name search key, and the one duplicate check with its masking for other offices.
export { displayNameOf, normaliseName, searchNameCandidates, searchNameOf, tidyName } from './worker-names.js';
export { findWorkerMatches, maskWorkerMatch, type MatchQuery, type WorkerMatch } from './worker-matches.js';

// The consent in force for a purpose (applications check «share_with_employers» before sending a CV).
export { latestConsentOf } from './worker-consent-lookup.repository.js';

// The timeline, appended by every domain.
export { appendWorkerEvent, type WorkerEventInput } from './worker-events.repository.js';

// Hotline intake and the callback queue.
export {
  addWorkerPhone,
  insertWorker,
  workerQueueColumns,
  workerBirthDate,
  workerRefByCodiceFiscale,
  workerRefsByIds,
  type NewWorkerValues,
  type WorkerRef,
} from './worker-intake.repository.js';

// The import of eligible-worker lists.
export {
  addImportedPhones,
  appendWorkerEvents,
  insertImportedWorkers,
  removeImportEvents,
  removeImportedPhones,
  removeImportedWorkers,
  updateImportedWorkers,
  vacuumWorkers,
  workersByCodiceFiscale,
  type ImportExistingWorker,
  type ImportWorkerColumns,
  type ImportWorkerRow,
} from './worker-import.repository.js';

// Programmes (enrolment lists, notices) and companies (case counts and cohort).
export { workerContactsByIds, workerProgrammeColumns, type WorkerContact } from './worker-programme.repository.js';
export { workerCountsByCigsCase, workersOfCigsCases, type CohortWorker } from './company-cohort.repository.js';

// Workshop invitations: an office's workers chosen by other domains' rules.
export { cigsCasesOfOfficeWorkers, officeWorkersWhere, type SelectedWorker, type WorkerIdsQuery } from './office-selection.repository.js';

// The demo's bulk writes.
export {
  appendWorkerEventsAt,
  insertConsentsBulk,
  insertWorkersBulk,
  workersOfCasesWithPeriod,
  type BulkConsent,
  type BulkWorker,
  type CaseWorker,
} from './worker-bulk.repository.js';

// The candidate search (matching): workers by office and comune as a sub-query, the page by id, masked per office.
export { candidateWorkerPlaces, candidateWorkersByIds, type CandidateWorker } from './candidate-workers.repository.js';
export { maskCandidateWorker, type MaskedCandidateWorker } from './worker-matches.js';
