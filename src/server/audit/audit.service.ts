import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { RequestContext } from '../auth/index.js';
import type { AuditQuery } from '../../shared/schemas/audit.schema.js';
import type { Language } from '../http/problem.js';
import { auditErrors } from './audit.errors.js';
import type { AuditRepository, Executor } from './audit.repository.js';

export interface AuditEvent {
  action: string;
  entityType: string;
  entityId: string | null;
  /**
   * The object's display name as a reader of the log knows it ("Barbieri Emanuele", a programme's
   * name), stored with the entry: the log stays readable when the object is renamed or deleted.
   */
  entityLabel?: string;
  /** The office the record belongs to; defaults to the actor's current office. */
  officeId?: string | null;
  details?: Record<string, unknown>;
}

/**
 * The audit trail: every write and every read of a person's record goes through `record`,
 * inside the same transaction as the change it describes, so a change is never without its trace.
 */
/**
 * Organisation's office lookups, handed in by buildApp (organisation records to the audit log, so
 * audit does not import it). Needed only to search the log; recording works without.
 */
export interface AuditDirectory {
  officeIdsInNetwork(executor: Executor, networkId: string): Promise<Set<string>>;
  officeNamesById(executor: Executor, ids: string[]): Promise<Map<string, string>>;
}

export function createAuditService(deps: { db: Kysely<DB>; repository: AuditRepository; directory?: AuditDirectory }) {
  return {
    async record(executor: Executor, ctx: RequestContext, event: AuditEvent): Promise<void> {
      await deps.repository.insert(executor, {
        actorId: ctx.actor?.userId ?? null,
        actorLabel: ctx.actor ? `${ctx.actor.fullName} <${ctx.actor.email}>` : '',
        officeId: event.officeId === undefined ? (ctx.actor?.officeId ?? null) : event.officeId,
        action: event.action,
        entityType: event.entityType,
        entityId: event.entityId,
        entityLabel: event.entityLabel ?? '',
        details: event.details,
        requestId: ctx.requestId,
        ip: ctx.ip,
      });
    },

    async search(networkId: string, query: AuditQuery, language: Language = 'it') {
      // `to` is inclusive (the web sends the last instant of the chosen day), so only a start
      // strictly after the end is a reversed period.
      if (query.from && query.to && Date.parse(query.from) > Date.parse(query.to)) throw auditErrors.rangeReversed(language);
      const directory = deps.directory;
      if (!directory) throw new Error('searching the audit log needs the office directory (createAuditModule)');
      const offices = await directory.officeIdsInNetwork(deps.db, networkId);
      const rows = await deps.repository.search(deps.db, [...offices], query);
      const names = await directory.officeNamesById(
        deps.db,
        rows.flatMap((r) => (r.officeId ? [r.officeId] : [])),
      );
      const items = rows.map((r) => ({ ...r, officeName: r.officeId ? (names.get(r.officeId) ?? null) : null }));
      const last = items.at(-1);
      return { items, nextBefore: items.length === query.limit && last ? last.id : null };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
