// What buildApp and the other domains use from the cv domain (the worker's CV in and out).

// CV out: the renderers (pure: the caller passes the profile, the identity and the labels).
export { visibleProfile, type CvIdentity, type CvInput, type CvLabels, type CvPhoto } from './export/cv-input.js';
export { renderCvPdf } from './export/cv-pdf.js';
export { toJsonResume, validateJsonResume, type JsonResume } from './export/json-resume.js';

// CV out: the worker's CVs (tables worker_cvs and worker_cv_versions), their routes and policy.
export { createCvExportModule, registerCvExportRoutes, type CvExportModule } from './export/cv.module.js';
export { canEditCvs, canReadCvs } from './export/cv.policy.js';
export { createCvFromProfile, cvForEmployer, type CvForEmployer } from './export/cv.service.js';
// The worker's CV by id (null when it is not that worker's): applications name the CV they send.
export { cvById } from './export/cv.repository.js';

// CV in: a CV file (JSON Resume, Europass XML 2.0–3.4, Europass JSON, Europass PDF+XML) to a
// draft profile for the consultant's review.
export { convertCv, detectFormat, type DetectedFormat } from './import/convert-cv.js';
export type { CvDraft, CvIdentity as CvStatedIdentity, CvSource, CvWarning, SkillPhrase, SkillPhraseOrigin } from './import/cv-draft.js';
export { MAX_CV_BYTES, cvImportErrors } from './import/cv-import.errors.js';
// The CV import's review and apply routes, built by buildApp.
export { canImportCv } from './import/cv-import.policy.js';
export { createCvImportModule, registerCvImportModuleRoutes, type CvImportModule } from './import/cv-import.module.js';
