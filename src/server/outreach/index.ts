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
export { daysBetween, describeHours, fillPlaceholders, italianDate, placeholdersIn, renderTemplate } from './placeholders.js';
export { countSms, toGsmFriendly } from '../../shared/messages/sms-segments.js';
export { recipientStatusCounts } from './campaign-reports.repository.js';
// The offices' closed days, which the agenda's free slots skip as the hotline does.
export { officeClosedDays } from './closed-days.js';
// The e-mail and SMS transports, one set per app: the agenda sends through them too.
export { channelsFromEnv, type Channels, type EmailMessage, type EmailSender } from './channels.js';
