// What other domains use from audit: the service every write and personal-data read goes through.
export { createAuditService, type AuditEvent, type AuditService } from './audit.service.js';
export { createAuditRepository } from './audit.repository.js';
export { canReadAuditLog } from './audit.policy.js';
export { registerAuditRoutes } from './audit.routes.js';
