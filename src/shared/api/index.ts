/** The API contract: every operation, by domain. Server routes and the web client both use these. */
export * from './endpoint.js';
export {
  agendaEndpoints,
  appointmentEndpoints,
  publicAgendaEndpoints,
  publicWorkshopEndpoints,
  workshopEndpoints,
} from './appointments.endpoints.js';
export { auditEndpoints, authEndpoints } from './auth.endpoints.js';
export { companyEndpoints } from './companies.endpoints.js';
export { contractEndpoints } from './contracts.endpoints.js';
export { cvEndpoints } from './cv.endpoints.js';
export { employerEndpoints } from './employers.endpoints.js';
export { cvImportEndpoints } from './cv-import.endpoints.js';
export { importEndpoints } from './imports.endpoints.js';
export { jobEndpoints } from './jobs.endpoints.js';
export { campaignEndpoints, hotlineEndpoints } from './outreach.endpoints.js';
export { workerEndpoints } from './people.endpoints.js';
export { profileEndpoints } from './profiles.endpoints.js';
export { planEndpoints } from './plans.endpoints.js';
export { noticeEndpoints } from './notices.endpoints.js';
export { programmeEndpoints } from './programmes.endpoints.js';
export { reportEndpoints } from './reports.endpoints.js';
export { serviceEndpoints } from './services.endpoints.js';
export { setupEndpoints } from './setup.endpoints.js';
export { officeEndpoints, staffEndpoints } from './staff.endpoints.js';
export { trainingEndpoints } from './training.endpoints.js';
export { vacancyEndpoints } from './vacancies.endpoints.js';
export { applicationEndpoints, placementEndpoints, publicCandidateOutcomeEndpoints } from './applications.endpoints.js';
export { matchingEndpoints } from './matching.endpoints.js';
export { skillLabelEndpoints, taxonomyEndpoints, taxonomySearchEndpoints } from './taxonomy.endpoints.js';
export { skillGapEndpoints } from './skillgap.endpoints.js';

import {
  agendaEndpoints,
  appointmentEndpoints,
  publicAgendaEndpoints,
  publicWorkshopEndpoints,
  workshopEndpoints,
} from './appointments.endpoints.js';
import { auditEndpoints, authEndpoints } from './auth.endpoints.js';
import { companyEndpoints } from './companies.endpoints.js';
import { contractEndpoints } from './contracts.endpoints.js';
import { cvEndpoints } from './cv.endpoints.js';
import { employerEndpoints } from './employers.endpoints.js';
import { cvImportEndpoints } from './cv-import.endpoints.js';
import type { EndpointDefinition } from './endpoint.js';
import { importEndpoints } from './imports.endpoints.js';
import { jobEndpoints } from './jobs.endpoints.js';
import { campaignEndpoints, hotlineEndpoints } from './outreach.endpoints.js';
import { workerEndpoints } from './people.endpoints.js';
import { profileEndpoints } from './profiles.endpoints.js';
import { planEndpoints } from './plans.endpoints.js';
import { noticeEndpoints } from './notices.endpoints.js';
import { programmeEndpoints } from './programmes.endpoints.js';
import { reportEndpoints } from './reports.endpoints.js';
import { serviceEndpoints } from './services.endpoints.js';
import { setupEndpoints } from './setup.endpoints.js';
import { officeEndpoints, staffEndpoints } from './staff.endpoints.js';
import { trainingEndpoints } from './training.endpoints.js';
import { vacancyEndpoints } from './vacancies.endpoints.js';
import { applicationEndpoints, placementEndpoints, publicCandidateOutcomeEndpoints } from './applications.endpoints.js';
import { matchingEndpoints } from './matching.endpoints.js';
import { skillGapEndpoints } from './skillgap.endpoints.js';
import { skillLabelEndpoints, taxonomyEndpoints, taxonomySearchEndpoints } from './taxonomy.endpoints.js';

/** Every operation, flat: the contract test checks each one is registered exactly once. */
export const ALL_ENDPOINTS: EndpointDefinition[] = [
  authEndpoints,
  auditEndpoints,
  setupEndpoints,
  staffEndpoints,
  officeEndpoints,
  companyEndpoints,
  employerEndpoints,
  workerEndpoints,
  programmeEndpoints,
  noticeEndpoints,
  importEndpoints,
  hotlineEndpoints,
  campaignEndpoints,
  reportEndpoints,
  taxonomyEndpoints,
  taxonomySearchEndpoints,
  skillLabelEndpoints,
  skillGapEndpoints,
  jobEndpoints,
  agendaEndpoints,
  appointmentEndpoints,
  publicAgendaEndpoints,
  publicWorkshopEndpoints,
  workshopEndpoints,
  profileEndpoints,
  trainingEndpoints,
  vacancyEndpoints,
  applicationEndpoints,
  placementEndpoints,
  publicCandidateOutcomeEndpoints,
  matchingEndpoints,
  planEndpoints,
  serviceEndpoints,
  cvEndpoints,
  cvImportEndpoints,
  contractEndpoints,
].flatMap((group) => Object.values(group));
