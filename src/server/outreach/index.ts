// What buildApp and the command line use from outreach: the module (hotline, intake, campaigns,
// delivery and its reminder job) and its routes.
export { createOutreachModule, registerOutreachRoutes, type OutreachModule } from './outreach.module.js';
export { canManageHotline, canManageOutreach, canUseHotline } from './outreach.policy.js';
export {
  insertCallbacks,
  insertCampaignWithRecipients,
  insertHotlineHours,
  insertOfficeHolidays,
  insertTemplate,
  type RecipientHistory,
} from './outreach-bulk.repository.js';
// The demo scenario renders its letters and messages with the campaigns' own placeholders and hours.
export { REGISTERED_STATES } from './campaign.repository.js';
export { romeLocal, romeToUtc } from './hotline-hours.js';
export { daysBetween, describeHours, italianDate, renderTemplate } from './placeholders.js';
export { recipientStatusCounts } from './campaign-reports.repository.js';
