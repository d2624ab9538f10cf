import type { Executor } from '../db/executor.js';
import type { RequestContext } from './actor.js';

/**
 * What sign-in and staff administration need from the audit log: to record an event in the
 * caller's transaction. Declared here rather than imported because the audit domain depends on
 * auth (actors, policies, the request context), and domains must not import each other in a
 * cycle; buildApp hands in the audit service, which has this shape.
 */
export interface AuditTrail {
  record(
    executor: Executor,
    ctx: RequestContext,
    event: {
      action: string;
      entityType: string;
      entityId: string | null;
      entityLabel?: string;
      officeId?: string | null;
      details?: Record<string, unknown>;
    },
  ): Promise<void>;
}
