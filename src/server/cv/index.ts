// What other code uses of the cv domain (the worker's CV in and out).

// CV in: a CV file (JSON Resume, Europass XML 2.0–3.4, Europass JSON, Europass PDF+XML) to a
// draft profile for the consultant's review.
export { convertCv, detectFormat, type DetectedFormat } from './import/convert-cv.js';
export type { CvDraft, CvIdentity, CvSource, CvWarning, SkillPhrase, SkillPhraseOrigin } from './import/cv-draft.js';
export { MAX_CV_BYTES, cvImportErrors } from './import/cv-import.errors.js';
// The CV import's review and apply routes, built by buildApp.
export { canImportCv } from './import/cv-import.policy.js';
export { createCvImportModule, registerCvImportModuleRoutes, type CvImportModule } from './import/cv-import.module.js';
