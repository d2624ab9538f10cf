import { sql } from 'kysely';
import type { Executor } from '../db/executor.js';
import type { EnrollmentChannel, EnrollmentState, ProgrammeStatus } from '../db/schema-programmes.js';
import { PLACE_HOLDING_STATES } from './enrollment.states.js';
import { waitingAtOrBefore, waitingOrderSql } from './waiting-order.js';

export interface EnrollmentRow {
  id: string;
  programmeId: string;
  workerId: string;
  officeId: string;
  state: EnrollmentState;
  channel: EnrollmentChannel | null;
  priorityCigsEnd: string | null;
  requestedAt: Date | null;
  stateChangedAt: Date;
}

export interface ProgrammeFields {
  code: string;
  name: string;
  description: string;
  startsOn: string;
  endsOn: string | null;
  capacity: number;
  fundingSource: string;
  eligibleReasons: string[];
  requireActiveCigs: boolean;
  status: ProgrammeStatus;
}

/** A stored programme: its editable fields plus identity, network and offices. */
export interface ProgrammeRow extends ProgrammeFields {
  id: string;
  networkId: string;
  officeIds: string[];
}

const enrollmentColumns = [
  'e.id',
  'e.programme_id',
  'e.worker_id',
  'e.office_id',
  'e.state',
  'e.channel',
  'e.priority_cigs_end',
  'e.requested_at',
  'e.state_changed_at',
] as const;
const plainColumns = [
  'id',
  'programme_id',
  'worker_id',
  'office_id',
  'state',
  'channel',
  'priority_cigs_end',
  'requested_at',
  'state_changed_at',
] as const;

function toEnrollment(r: {
  id: string;
  programme_id: string;
  worker_id: string;
  office_id: string;
  state: EnrollmentState;
  channel: EnrollmentChannel | null;
  priority_cigs_end: string | null;
  requested_at: Date | null;
  state_changed_at: Date;
}): EnrollmentRow {
  return {
    id: r.id,
    programmeId: r.programme_id,
    workerId: r.worker_id,
    officeId: r.office_id,
    state: r.state,
    channel: r.channel,
    priorityCigsEnd: r.priority_cigs_end,
    requestedAt: r.requested_at,
    stateChangedAt: r.state_changed_at,
  };
}

/** The only place that writes SQL for programmes and enrollments. */
export function createProgrammeRepository() {
  async function officeIdsOf(executor: Executor, programmeIds: string[]): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>();
    if (programmeIds.length === 0) return map;
    const rows = await executor
      .selectFrom('programme_offices')
      .select(['programme_id', 'office_id'])
      .where('programme_id', 'in', programmeIds)
      .execute();
    for (const r of rows) map.set(r.programme_id, [...(map.get(r.programme_id) ?? []), r.office_id]);
    return map;
  }

  const programmeSelect = (executor: Executor) =>
    executor
      .selectFrom('programmes')
      .select([
        'id',
        'network_id',
        'code',
        'name',
        'description',
        'starts_on',
        'ends_on',
        'capacity',
        'funding_source',
        'eligible_reasons',
        'require_active_cigs',
        'status',
      ]);
  type PRow = Awaited<ReturnType<ReturnType<typeof programmeSelect>['executeTakeFirstOrThrow']>>;
  const toProgramme = (r: PRow, officeIds: string[]): ProgrammeRow => ({
    id: r.id,
    networkId: r.network_id,
    code: r.code,
    name: r.name,
    description: r.description,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    capacity: r.capacity,
    fundingSource: r.funding_source,
    eligibleReasons: r.eligible_reasons,
    requireActiveCigs: r.require_active_cigs,
    status: r.status,
    officeIds,
  });

  return {
    async findProgramme(executor: Executor, id: string): Promise<ProgrammeRow | undefined> {
      const row = await programmeSelect(executor).where('id', '=', id).executeTakeFirst();
      if (!row) return undefined;
      return toProgramme(row, (await officeIdsOf(executor, [id])).get(id) ?? []);
    },

    /**
     * Locks the programme row until the transaction ends: every change of who holds a place goes
     * through this lock, so two transactions never both take the last place (PostgreSQL; PGlite
     * serialises transactions anyway).
     */
    async lockProgramme(executor: Executor, id: string): Promise<{ capacity: number; status: ProgrammeStatus } | undefined> {
      return executor.selectFrom('programmes').select(['capacity', 'status']).where('id', '=', id).forUpdate().executeTakeFirst();
    },

    async listProgrammes(executor: Executor, networkId: string): Promise<ProgrammeRow[]> {
      const rows = await programmeSelect(executor)
        .where('network_id', '=', networkId)
        .orderBy('starts_on', 'desc')
        .orderBy('name')
        .execute();
      const offices = await officeIdsOf(
        executor,
        rows.map((r) => r.id),
      );
      return rows.map((r) => toProgramme(r, offices.get(r.id) ?? []));
    },

    async codeExists(executor: Executor, networkId: string, code: string, exceptId?: string): Promise<boolean> {
      let q = executor.selectFrom('programmes').select('id').where('network_id', '=', networkId).where('code', '=', code);
      if (exceptId) q = q.where('id', '<>', exceptId);
      return (await q.executeTakeFirst()) !== undefined;
    },

    async insertProgramme(executor: Executor, networkId: string, f: ProgrammeFields, officeIds: string[], now: Date): Promise<string> {
      const row = await executor
        .insertInto('programmes')
        .values({
          network_id: networkId,
          code: f.code,
          name: f.name,
          description: f.description,
          starts_on: f.startsOn,
          ends_on: f.endsOn,
          capacity: f.capacity,
          funding_source: f.fundingSource,
          eligible_reasons: f.eligibleReasons,
          require_active_cigs: f.requireActiveCigs,
          status: f.status,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.setOffices(executor, row.id, officeIds);
      return row.id;
    },

    async updateProgramme(executor: Executor, id: string, f: Partial<ProgrammeFields>, now: Date): Promise<void> {
      await executor
        .updateTable('programmes')
        .set({
          ...(f.code !== undefined && { code: f.code }),
          ...(f.name !== undefined && { name: f.name }),
          ...(f.description !== undefined && { description: f.description }),
          ...(f.startsOn !== undefined && { starts_on: f.startsOn }),
          ...(f.endsOn !== undefined && { ends_on: f.endsOn }),
          ...(f.capacity !== undefined && { capacity: f.capacity }),
          ...(f.fundingSource !== undefined && { funding_source: f.fundingSource }),
          ...(f.eligibleReasons !== undefined && { eligible_reasons: f.eligibleReasons }),
          ...(f.requireActiveCigs !== undefined && { require_active_cigs: f.requireActiveCigs }),
          ...(f.status !== undefined && { status: f.status }),
          updated_at: now,
        })
        .where('id', '=', id)
        .execute();
    },

    async setOffices(executor: Executor, programmeId: string, officeIds: string[]): Promise<void> {
      await executor.deleteFrom('programme_offices').where('programme_id', '=', programmeId).execute();
      if (officeIds.length > 0) {
        await executor
          .insertInto('programme_offices')
          .values(officeIds.map((office_id) => ({ programme_id: programmeId, office_id })))
          .execute();
      }
    },

    async countByState(executor: Executor, programmeId: string): Promise<Record<string, number>> {
      const rows = await executor
        .selectFrom('enrollments')
        .select(['state', sql<number>`count(*)::int`.as('n')])
        .where('programme_id', '=', programmeId)
        .groupBy('state')
        .execute();
      return Object.fromEntries(rows.map((r) => [r.state, r.n]));
    },

    async placesUsed(executor: Executor, programmeId: string): Promise<number> {
      const row = await executor
        .selectFrom('enrollments')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('programme_id', '=', programmeId)
        .where('state', 'in', PLACE_HOLDING_STATES)
        .executeTakeFirstOrThrow();
      return row.n;
    },

    async findEnrollment(executor: Executor, id: string): Promise<EnrollmentRow | undefined> {
      const row = await executor.selectFrom('enrollments as e').select(enrollmentColumns).where('e.id', '=', id).executeTakeFirst();
      return row ? toEnrollment(row) : undefined;
    },

    async findEnrollmentOf(executor: Executor, programmeId: string, workerId: string): Promise<EnrollmentRow | undefined> {
      const row = await executor
        .selectFrom('enrollments as e')
        .select(enrollmentColumns)
        .where('e.programme_id', '=', programmeId)
        .where('e.worker_id', '=', workerId)
        .executeTakeFirst();
      return row ? toEnrollment(row) : undefined;
    },

    /**
     * The worker's enrolments closed as placed within [since, before): the ones a hire made at
     * `since` placed (a later hire's, from `before` on, are not its).
     */
    async placedEnrollmentsOf(executor: Executor, workerId: string, since: Date, before: Date | null): Promise<EnrollmentRow[]> {
      let query = executor
        .selectFrom('enrollments as e')
        .select(enrollmentColumns)
        .where('e.worker_id', '=', workerId)
        .where('e.state', '=', 'placed')
        .where('e.state_changed_at', '>=', since);
      if (before) query = query.where('e.state_changed_at', '<', before);
      const rows = await query.orderBy('e.programme_id').execute();
      return rows.map(toEnrollment);
    },

    /** The worker's enrolments that hold a place (registered, assessed, enrolled), any programme. */
    async placeHoldingEnrollmentsOf(executor: Executor, workerId: string): Promise<EnrollmentRow[]> {
      const rows = await executor
        .selectFrom('enrollments as e')
        .select(enrollmentColumns)
        .where('e.worker_id', '=', workerId)
        .where('e.state', 'in', [...PLACE_HOLDING_STATES])
        .orderBy('e.programme_id')
        .execute();
      return rows.map(toEnrollment);
    },

    async insertEnrollment(
      executor: Executor,
      e: {
        programmeId: string;
        workerId: string;
        officeId: string;
        state: EnrollmentState;
        rank: number;
        channel: EnrollmentChannel | null;
        priorityCigsEnd: string | null;
        requestedAt: Date | null;
        companyId?: string | null;
      },
      now: Date,
    ): Promise<EnrollmentRow> {
      const row = await executor
        .insertInto('enrollments')
        .values({
          programme_id: e.programmeId,
          worker_id: e.workerId,
          office_id: e.officeId,
          state: e.state,
          reached_rank: e.rank,
          channel: e.channel,
          company_id: e.companyId ?? null,
          priority_cigs_end: e.priorityCigsEnd,
          requested_at: e.requestedAt,
          state_changed_at: now,
          created_at: now,
          updated_at: now,
        })
        .returning(plainColumns)
        .executeTakeFirstOrThrow();
      return toEnrollment(row);
    },

    async updateEnrollmentState(
      executor: Executor,
      id: string,
      change: {
        state: EnrollmentState;
        rank?: number;
        channel?: EnrollmentChannel | null;
        priorityCigsEnd?: string | null;
        requestedAt?: Date | null;
      },
      now: Date,
    ): Promise<EnrollmentRow> {
      const row = await executor
        .updateTable('enrollments as e')
        .set({
          state: change.state,
          ...(change.rank !== undefined && { reached_rank: sql<number>`greatest(reached_rank, ${change.rank})` }),
          ...(change.channel !== undefined && { channel: change.channel }),
          ...(change.priorityCigsEnd !== undefined && { priority_cigs_end: change.priorityCigsEnd }),
          ...(change.requestedAt !== undefined && { requested_at: change.requestedAt }),
          state_changed_at: now,
          updated_at: now,
        })
        .where('e.id', '=', id)
        .returning(enrollmentColumns)
        .executeTakeFirstOrThrow();
      return toEnrollment(row);
    },

    async logTransition(
      executor: Executor,
      t: {
        enrollmentId: string;
        programmeId: string;
        officeId: string;
        from: EnrollmentState | null;
        to: EnrollmentState;
        actorId: string | null;
        reason: string;
        channel: string | null;
      },
      now: Date,
    ): Promise<void> {
      await executor
        .insertInto('enrollment_transitions')
        .values({
          enrollment_id: t.enrollmentId,
          programme_id: t.programmeId,
          office_id: t.officeId,
          from_state: t.from,
          to_state: t.to,
          actor_id: t.actorId,
          reason: t.reason,
          channel: t.channel,
          at: now,
        })
        .execute();
    },

    /** The first `limit` of the waiting list, in priority order (waiting-order.ts). */
    async firstInLine(executor: Executor, programmeId: string, limit: number): Promise<EnrollmentRow[]> {
      const rows = await executor
        .selectFrom('enrollments as e')
        .select(enrollmentColumns)
        .where('e.programme_id', '=', programmeId)
        .where('e.state', '=', 'waiting')
        .orderBy(waitingOrderSql('e'))
        .limit(limit)
        .execute();
      return rows.map(toEnrollment);
    },

    /** 1-based position a waiting enrollment holds in the list. */
    async waitingPosition(executor: Executor, e: EnrollmentRow): Promise<number> {
      const row = await executor
        .selectFrom('enrollments as w')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('w.programme_id', '=', e.programmeId)
        .where('w.state', '=', 'waiting')
        .where(waitingAtOrBefore('w', e))
        .executeTakeFirstOrThrow();
      return row.n;
    },

    async insertNotification(
      executor: Executor,
      n: { officeId: string; programmeId: string; recipientRole: string; kind: string; payload: Record<string, unknown> },
      now: Date,
    ): Promise<void> {
      await executor
        .insertInto('staff_notifications')
        .values({
          office_id: n.officeId,
          programme_id: n.programmeId,
          recipient_role: n.recipientRole,
          kind: n.kind,
          payload: JSON.stringify(n.payload),
          created_at: now,
        })
        .execute();
    },
  };
}

export type ProgrammeRepository = ReturnType<typeof createProgrammeRepository>;
