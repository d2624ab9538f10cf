// What buildApp and the command line use from outreach: the module (hotline, intake, campaigns,
// delivery and its reminder job) and its routes.
export { createOutreachModule, registerOutreachRoutes, type OutreachModule } from './outreach.module.js';
export { canManageHotline, canManageOutreach, canUseHotline } from './outreach.policy.js';
