// What other modules (hotline intake, importer, programmes, outreach) use from people.
export { appendWorkerEvent, type WorkerEventInput } from './worker-events.repository.js';
export { findWorkerMatches, maskWorkerMatch, type MatchQuery, type WorkerMatch } from './worker-matches.js';
export { normaliseName, searchNameCandidates, searchNameOf, tidyName } from './worker-names.js';
export { canAccessWorker, workerOfficeFilter, worksAcrossNetwork } from './worker.policy.js';
export { addWorkerPhone, insertWorker, workerPhones, workerQueueColumns, workerRefByCodiceFiscale, workerRefsByIds, type NewWorkerValues, type WorkerRef } from './worker-intake.repository.js';
export { appendWorkerEvents, insertImportedWorkers, updateImportedWorkers, workersByCodiceFiscale, type ImportExistingWorker, type ImportWorkerColumns, type ImportWorkerRow } from './worker-import.repository.js';
export { createPeopleModule, registerPeopleRoutes, type PeopleModule } from './people.module.js';
export { canEditWorkers } from './worker.policy.js';
export { workerCountsByCigsCase, workersOfCigsCases, type CohortWorker } from './company-cohort.repository.js';
export { workerContactsByIds, workerProgrammeColumns, type WorkerContact } from './worker-programme.repository.js';
export { appendWorkerEventsAt, insertConsentsBulk, insertWorkersBulk, workersOfCasesWithPeriod, type BulkConsent, type BulkWorker, type CaseWorker } from './worker-bulk.repository.js';
