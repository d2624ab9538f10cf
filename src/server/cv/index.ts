// What buildApp and the other domains use from the cv domain.

// CV out: the renderers (pure: the caller passes the profile, the identity and the labels).
export { visibleProfile, type CvIdentity, type CvInput, type CvLabels, type CvPhoto } from './export/cv-input.js';
export { renderCvPdf } from './export/cv-pdf.js';
export { toJsonResume, validateJsonResume, type JsonResume } from './export/json-resume.js';

// CV out: the worker's CVs (tables worker_cvs and worker_cv_versions), their routes and policy.
export { createCvExportModule, registerCvExportRoutes, type CvExportModule } from './export/cv.module.js';
export { canEditCvs, canReadCvs } from './export/cv.policy.js';
