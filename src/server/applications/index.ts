// What buildApp and the demo use from applications: the module with its routes and daily expiry, and the policies.
export {
  applicationExpiryJob,
  APPLICATION_EXPIRY_KIND,
  createApplicationsModule,
  registerApplicationsRoutes,
  type ApplicationsModule,
} from './applications.module.js';
export { canMoveApplications, canProposeApplications, canReadApplications } from './application.policy.js';
export { DEFAULT_EXPIRY_DAYS, recordOnlyReminder, type EmployerReminder, type EmployerReminderSender } from './application.service.js';
export { createEmployerMailRepository } from './employer-mail.repository.js';
export { createApplicationRepository } from './application.repository.js';
export { insertDemoApplications, insertDemoEmployerMessages, insertDemoOffers, type DemoApplication } from './demo-writes.js';
// The one definition of an employer's answer: the employer's history and response indicator, and per vacancy for the board.
export { employerHistories, responseByVacancy } from './employer-response.repository.js';
// The board's candidates in each stage of its vacancies.
export { applicationStageCounts, BOARD_STAGES, type BoardStage } from './application-stages.repository.js';
