// What other domains and buildApp use from auth: who is acting, the office-scope rule, the
// module, and the account writes of the command line and the demo.
export { hasRole, type Actor, type Policy, type RequestContext } from './actor.js';
export { actorContext, requestContext, type RouteAccess } from './access.js';
export {
  canActOnWorker,
  noCurrentOffice,
  requireNetwork,
  requireOffice,
  workerOfficeFilter,
  worksAcrossNetwork,
  type ActorContext,
} from './scope.js';
export { generateTemporaryPassword, hashPassword } from './password.js';
export { DEMO_PASSWORD, isPublishedPassword } from './published-passwords.js';
export { checkNewPassword } from './password-strength.js';
export { createAuthModule, registerAuthRoutes, type AuthModule } from './auth.module.js';
export { canManageStaff } from './auth.policy.js';
export type { AuditTrail } from './audit-trail.js';
export { createStaffAccount, staffIdsByEmail, staffInOfficesQuery, type NewStaffAccount } from './staff-accounts.js';
export { staffNameColumns, staffNamesById, staffWithRolesInOffice, type StaffMember } from './staff-names.repository.js';
export { anyStaffAccountExists } from './staff-presence.repository.js';
