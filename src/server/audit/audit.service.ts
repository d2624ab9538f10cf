import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { requireNetwork, type ActorContext, type RequestContext } from '../auth/index.js';
import type { AuditQuery } from '../../shared/schemas/audit.schema.js';
import type { Language } from '../http/problem.js';
import { auditErrors } from './audit.errors.js';
import { createAuditBatcher, type AuditBatcherOptions } from './audit-batcher.js';
import type { AuditRepository, Executor, NewAuditEntry } from './audit.repository.js';

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
 * Organisation's office lookups, handed in by buildApp (organisation records to the audit log, so
 * audit does not import it). Needed only to search the log; recording works without.
 */
export interface AuditDirectory {
  officeIdsInNetwork(executor: Executor, networkId: string): Promise<Set<string>>;
  officeNamesById(executor: Executor, ids: string[]): Promise<Map<string, string>>;
}

/**
 * The audit trail: every write and every read of a person's record goes through `record`.
 * A write records inside the same transaction as the change it describes (its transaction handle),
 * so a change is never without its trace. A read records on the root database handle: its row
 * joins the rows of concurrent reads in one multi-row INSERT and one commit (group commit, see
 * audit-batcher.ts), and `record` resolves only once that commit is done, so no read is answered
 * before its row is durable; a failed write rejects every read it carried.
 */
export function createAuditService(deps: {
  db: Kysely<DB>;
  repository: AuditRepository;
  directory?: AuditDirectory;
  batch?: AuditBatcherOptions;
}) {
  const batcher = createAuditBatcher<NewAuditEntry>((rows) => deps.repository.insertMany(deps.db, rows), deps.batch);
  async function record(executor: Executor, ctx: RequestContext, event: AuditEvent): Promise<void> {
    const entry: NewAuditEntry = {
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
    };
    // Only the root handle is batched: a transaction's row must be written in that transaction.
    if (executor === deps.db) await batcher.add(entry);
    else await deps.repository.insert(executor, entry);
  }

  return {
    record,

    /** Audit rows queued or being written now. */
    get pendingRows() {
      return batcher.pending;
    },

    /** Writes every queued row (on app close); rows recorded later are written one by one. */
    close: () => batcher.close(),

    /**
     * A page of the log of the actor's network. The log names people (a worker in an entry's
     * label, the staff who acted), so reading it is itself recorded: one row per page read, naming
     * the entries shown and the filters (ids and dates, never a name).
     */
    async search(ctx: ActorContext, query: AuditQuery, language: Language = 'it') {
      const networkId = requireNetwork(ctx.actor);
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
      const { limit: _limit, ...filters } = query;
      await record(deps.db, ctx, {
        action: 'audit.log.read',
        entityType: 'audit_log',
        entityId: null,
        details: { ids: items.map((r) => r.id), query: filters },
      });
      const last = items.at(-1);
      return { items, nextBefore: items.length === query.limit && last ? last.id : null };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
