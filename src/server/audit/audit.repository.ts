import { sql } from 'kysely';
import type { DB } from '../db/schema.js';
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

    async search(executor: Executor, networkId: string, query: AuditQuery): Promise<AuditEntry[]> {
      let q = executor
        .selectFrom('audit_log as a')
        .leftJoin('offices as o', 'o.id', 'a.office_id')
        .select([
          'a.id',
          'a.at',
          'a.actor_id',
          'a.actor_label',
          'a.office_id',
          'o.name as office_name',
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
            eb('o.network_id', '=', networkId),
            eb.and([
              eb('a.office_id', 'is', null),
              eb.or([
                eb('a.actor_id', 'is', null),
                eb.exists(
                  eb
                    .selectFrom('staff_roles as r')
                    .innerJoin('offices as ro', 'ro.id', 'r.office_id')
                    .select(sql`1`.as('one'))
                    .whereRef('r.user_id', '=', 'a.actor_id')
                    .where('ro.network_id', '=', networkId),
                ),
              ]),
            ]),
          ]),
        );
      if (query.actorId) q = q.where('a.actor_id', '=', query.actorId);
      if (query.officeId) q = q.where('a.office_id', '=', query.officeId);
      if (query.action) q = q.where('a.action', '=', query.action);
      if (query.entityType) q = q.where('a.entity_type', '=', query.entityType);
      if (query.entityId) q = q.where('a.entity_id', '=', query.entityId);
      // A worker's trail: entries about their record, and entries about something of theirs
      // (an enrolment, a call) that name them in the details.
      if (query.workerId) {
        const workerId = query.workerId;
        q = q.where((eb) =>
          eb.or([
            eb.and([eb('a.entity_type', '=', 'worker'), eb('a.entity_id', '=', workerId)]),
            eb(sql<string>`a.details ->> 'workerId'`, '=', workerId),
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
        officeName: r.office_name,
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
