// What buildApp and the other domains use from the cv domain.

// CV out: the renderers (pure: the caller passes the profile, the identity and the labels).
export { visibleProfile, type CvIdentity, type CvInput, type CvLabels, type CvPhoto } from './export/cv-input.js';
export { renderCvPdf } from './export/cv-pdf.js';
export { toJsonResume, validateJsonResume, type JsonResume } from './export/json-resume.js';
