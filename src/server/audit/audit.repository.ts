import { sql } from 'kysely';
import { staffInOfficesQuery } from '../auth/index.js';
import { insertMany, type UnnestColumn } from '../db/unnest.js';
import type { AuditEntry, AuditQuery } from '../../shared/schemas/audit.schema.js';

import type { Executor } from '../db/executor.js';

export type { Executor };

export interface NewAuditEntry {
  actorId: string | null;
  actorLabel: string;
  officeId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  entityLabel?: string;
  details?: Record<string, unknown>;
  requestId: string | null;
  ip: string | null;
}

/** The columns of a multi-row insert, in one statement whatever the number of rows (unnest). */
const AUDIT_COLUMNS: ReadonlyArray<UnnestColumn<NewAuditEntry>> = [
  { name: 'actor_id', type: 'uuid', value: (e) => e.actorId },
  { name: 'actor_label', type: 'text', value: (e) => e.actorLabel },
  { name: 'office_id', type: 'uuid', value: (e) => e.officeId },
  { name: 'action', type: 'text', value: (e) => e.action },
  { name: 'entity_type', type: 'text', value: (e) => e.entityType },
  { name: 'entity_id', type: 'text', value: (e) => e.entityId },
  { name: 'entity_label', type: 'text', value: (e) => e.entityLabel ?? '' },
  { name: 'details', type: 'jsonb', value: (e) => e.details ?? {} },
  { name: 'request_id', type: 'text', value: (e) => e.requestId },
  { name: 'ip', type: 'text', value: (e) => e.ip },
];

export function createAuditRepository() {
  return {
    async insert(executor: Executor, entry: NewAuditEntry): Promise<void> {
      await executor
        .insertInto('audit_log')
        .values({
          actor_id: entry.actorId,
          actor_label: entry.actorLabel,
          office_id: entry.officeId,
          action: entry.action,
          entity_type: entry.entityType,
          entity_id: entry.entityId,
          entity_label: entry.entityLabel ?? '',
          details: JSON.stringify(entry.details ?? {}),
          request_id: entry.requestId,
          ip: entry.ip,
        })
        .execute();
    },

    /** Several entries in one statement, in the order given (ids ascending). */
    async insertMany(executor: Executor, entries: readonly NewAuditEntry[]): Promise<void> {
      await insertMany(executor, 'audit_log', AUDIT_COLUMNS, entries);
    },

    /**
     * Entries of a network, newest first. The network's offices come from organisation's lookup
     * (a handful of ids); the office names are merged in by the service.
     */
    async search(
      executor: Executor,
      networkOfficeIds: readonly string[],
      query: AuditQuery,
    ): Promise<Array<Omit<AuditEntry, 'officeName'>>> {
      if (networkOfficeIds.length === 0) return [];
      let q = executor
        .selectFrom('audit_log as a')
        .select([
          'a.id',
          'a.at',
          'a.actor_id',
          'a.actor_label',
          'a.office_id',
          'a.action',
          'a.entity_type',
          'a.entity_id',
          'a.entity_label',
          'a.details',
          'a.request_id',
          'a.ip',
        ])
        // An administrator sees the trail of their own network, and entries tied to no office
        // (such as failed sign-ins) that concern the network's staff.
        .where((eb) =>
          eb.or([
            eb('a.office_id', 'in', networkOfficeIds),
            eb.and([
              eb('a.office_id', 'is', null),
              eb.or([eb('a.actor_id', 'is', null), eb('a.actor_id', 'in', staffInOfficesQuery(executor, networkOfficeIds))]),
            ]),
          ]),
        );
      if (query.actorId) q = q.where('a.actor_id', '=', query.actorId);
      if (query.officeId) q = q.where('a.office_id', '=', query.officeId);
      if (query.action) q = q.where('a.action', '=', query.action);
      if (query.entityType) q = q.where('a.entity_type', '=', query.entityType);
      if (query.entityId) q = q.where('a.entity_id', '=', query.entityId);
      // A worker's trail: entries about their record, entries about something of theirs (an
      // enrolment, a call) that name them in the details, and the reads of lists that showed them
      // (`ids` of a list of workers, `workerIds` of a list of anything else).
      if (query.workerId) {
        const workerId = query.workerId;
        const named = (key: 'ids' | 'workerIds') =>
          sql<boolean>`a.details @> jsonb_build_object(${key}::text, jsonb_build_array(${workerId}::text))`;
        q = q.where((eb) =>
          eb.or([
            eb.and([eb('a.entity_type', '=', 'worker'), eb('a.entity_id', '=', workerId)]),
            eb(sql<string>`a.details ->> 'workerId'`, '=', workerId),
            eb.and([eb('a.entity_type', '=', 'worker'), named('ids')]),
            named('workerIds'),
          ]),
        );
      }
      if (query.from) q = q.where('a.at', '>=', new Date(query.from));
      // Inclusive: the web asks up to the last instant of the chosen day.
      if (query.to) q = q.where('a.at', '<=', new Date(query.to));
      if (query.before) q = q.where('a.id', '<', query.before);
      const rows = await q.orderBy('a.id', 'desc').limit(query.limit).execute();
      return rows.map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        actorId: r.actor_id,
        actorLabel: r.actor_label,
        officeId: r.office_id,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        entityLabel: r.entity_label,
        details: r.details,
        requestId: r.request_id,
        ip: r.ip,
      }));
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
