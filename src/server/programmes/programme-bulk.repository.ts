import type { Executor } from '../db/executor.js';
import type { EnrollmentChannel, EnrollmentState, ProgrammeStatus } from '../db/schema-programmes.js';

/**
 * A programme and enrolments with their whole history written at once, in the caller's
 * transaction: the demo scenario loads a programme with about 200 enrolments and their
 * transitions on every first start and in every test database, so they insert in batches. The
 * history is given, not replayed through the lifecycle: it is a past the scenario describes.
 */

export interface NewProgrammeRecord {
  networkId: string;
  code: string;
  name: string;
  description: string;
  startsOn: string;
  endsOn: string | null;
  capacity: number;
  fundingSource: string;
  status: ProgrammeStatus;
  officeIds: readonly string[];
  at: Date;
}

export async function insertProgrammeRecord(trx: Executor, p: NewProgrammeRecord): Promise<string> {
  const { id } = await trx
    .insertInto('programmes')
    .values({
      network_id: p.networkId,
      code: p.code,
      name: p.name,
      description: p.description,
      starts_on: p.startsOn,
      ends_on: p.endsOn,
      capacity: p.capacity,
      funding_source: p.fundingSource,
      status: p.status,
      created_at: p.at,
      updated_at: p.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (p.officeIds.length)
    await trx
      .insertInto('programme_offices')
      .values(p.officeIds.map((office_id) => ({ programme_id: id, office_id })))
      .execute();
  return id;
}

export interface EnrollmentHistory {
  workerId: string;
  officeId: string;
  companyId: string | null;
  state: EnrollmentState;
  reachedRank: number;
  channel: EnrollmentChannel | null;
  priorityCigsEnd: string | null;
  requestedAt: Date | null;
  stateChangedAt: Date;
  createdAt: Date;
  transitions: ReadonlyArray<{
    from: EnrollmentState | null;
    to: EnrollmentState;
    at: Date;
    actorId: string | null;
    reason: string;
    channel: string | null;
  }>;
}

/** Enrolments of one programme with their transition logs; returns worker id → enrolment id. */
export async function insertEnrollmentHistories(
  trx: Executor,
  programmeId: string,
  items: readonly EnrollmentHistory[],
): Promise<Map<string, string>> {
  const idByWorker = new Map<string, string>();
  for (let k = 0; k < items.length; k += 500) {
    const rows = await trx
      .insertInto('enrollments')
      .values(
        items.slice(k, k + 500).map((e) => ({
          programme_id: programmeId,
          worker_id: e.workerId,
          office_id: e.officeId,
          company_id: e.companyId,
          state: e.state,
          reached_rank: e.reachedRank,
          channel: e.channel,
          priority_cigs_end: e.priorityCigsEnd,
          requested_at: e.requestedAt,
          state_changed_at: e.stateChangedAt,
          created_at: e.createdAt,
          updated_at: e.stateChangedAt,
        })),
      )
      .returning(['id', 'worker_id'])
      .execute();
    for (const r of rows) idByWorker.set(r.worker_id, r.id);
  }
  const transitions = items.flatMap((e) =>
    e.transitions.map((t) => ({
      enrollment_id: idByWorker.get(e.workerId)!,
      programme_id: programmeId,
      office_id: e.officeId,
      from_state: t.from,
      to_state: t.to,
      at: t.at,
      actor_id: t.actorId,
      reason: t.reason,
      channel: t.channel,
    })),
  );
  for (let k = 0; k < transitions.length; k += 1000)
    await trx
      .insertInto('enrollment_transitions')
      .values(transitions.slice(k, k + 1000))
      .execute();
  return idByWorker;
}
