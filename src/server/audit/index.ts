// What other domains and buildApp use from audit: the service every write and personal-data read
// goes through, and the module.
export { createAuditService, type AuditDirectory, type AuditEvent, type AuditService } from './audit.service.js';
export { createAuditRepository } from './audit.repository.js';
export { canReadAuditLog } from './audit.policy.js';
export { createAuditModule, registerAuditRoutes, type AuditModule } from './audit.module.js';
