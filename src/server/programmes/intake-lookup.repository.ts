import type { Executor } from '../db/executor.js';
import type { EnrollmentState } from '../db/schema-programmes.js';
import { createProgrammeRepository } from './programme.repository.js';

/** What the hotline intake reads from programmes: the office's open programmes and a worker's enrolments. */

export interface OpenProgramme {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string | null;
}

/**
 * The open programmes an office takes part in, its default first. There is no "default" flag: the
 * default is the one whose period started first (the longest-running service, the one operators
 * have registered callers into so far), then by name so the order is stable.
 */
export async function openProgrammesOfOffice(db: Executor, officeId: string): Promise<OpenProgramme[]> {
  const rows = await db
    .selectFrom('programmes as p')
    .innerJoin('programme_offices as po', 'po.programme_id', 'p.id')
    .select(['p.id', 'p.name', 'p.starts_on', 'p.ends_on'])
    .where('po.office_id', '=', officeId)
    .where('p.status', '=', 'open')
    .orderBy('p.starts_on')
    .orderBy('p.name')
    .orderBy('p.id')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, startsOn: r.starts_on, endsOn: r.ends_on }));
}

export interface WorkerEnrollment {
  programmeId: string;
  programmeName: string;
  state: EnrollmentState;
  stateChangedAt: Date;
  /** 1-based, for a waiting enrolment (the waiting-list order of programme.repository.ts). */
  waitingPosition: number | null;
}

const programmes = createProgrammeRepository();

/** A worker's enrolment in one programme, with its name and waiting position; undefined when none. */
export async function enrollmentOfWorker(db: Executor, programmeId: string, workerId: string): Promise<WorkerEnrollment | undefined> {
  const e = await programmes.findEnrollmentOf(db, programmeId, workerId);
  if (!e) return undefined;
  const p = await db.selectFrom('programmes').select('name').where('id', '=', programmeId).executeTakeFirstOrThrow();
  return {
    programmeId,
    programmeName: p.name,
    state: e.state,
    stateChangedAt: e.stateChangedAt,
    waitingPosition: e.state === 'waiting' ? await programmes.waitingPosition(db, e) : null,
  };
}

/** The name of a programme of the network, or undefined (another network's programme is unknown). */
export async function programmeNameOf(db: Executor, networkId: string, programmeId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('programmes')
    .select('name')
    .where('id', '=', programmeId)
    .where('network_id', '=', networkId)
    .executeTakeFirst();
  return row?.name;
}
