import { sql } from 'kysely';
import type { Executor } from '../db/executor.js';
import type { VacancyContractType } from '../db/schema-vacancies.js';

/** The only file that writes SQL on placements and placement_follow_ups. */

export interface PlacementRow {
  id: string;
  networkId: string;
  officeId: string;
  applicationId: string;
  vacancyId: string;
  employerId: string;
  workerId: string;
  contractType: VacancyContractType;
  startDate: string;
  endDate: string | null;
  endReason: string;
  version: number;
}

export interface FollowUpRow {
  id: string;
  placementId: string;
  officeId: string;
  months: number;
  dueOn: string;
  consultantId: string | null;
  stillEmployed: boolean | null;
  satisfaction: number | null;
  needs: string;
  answeredAt: Date | null;
}

const PLACEMENT_COLUMNS = [
  'id',
  'network_id',
  'office_id',
  'application_id',
  'vacancy_id',
  'employer_id',
  'worker_id',
  'contract_type',
  'start_date',
  'end_date',
  'end_reason',
  'version',
] as const;

const toPlacement = (r: {
  id: string;
  network_id: string;
  office_id: string;
  application_id: string;
  vacancy_id: string;
  employer_id: string;
  worker_id: string;
  contract_type: VacancyContractType;
  start_date: string;
  end_date: string | null;
  end_reason: string;
  version: number;
}): PlacementRow => ({
  id: r.id,
  networkId: r.network_id,
  officeId: r.office_id,
  applicationId: r.application_id,
  vacancyId: r.vacancy_id,
  employerId: r.employer_id,
  workerId: r.worker_id,
  contractType: r.contract_type,
  startDate: r.start_date,
  endDate: r.end_date,
  endReason: r.end_reason,
  version: r.version,
});

const FOLLOW_UP_COLUMNS = [
  'f.id',
  'f.placement_id',
  'f.office_id',
  'f.months',
  'f.due_on',
  'f.consultant_id',
  'f.still_employed',
  'f.satisfaction',
  'f.needs',
  'f.answered_at',
] as const;

const toFollowUp = (r: {
  id: string;
  placement_id: string;
  office_id: string;
  months: number;
  due_on: string;
  consultant_id: string | null;
  still_employed: boolean | null;
  satisfaction: number | null;
  needs: string;
  answered_at: Date | null;
}): FollowUpRow => ({
  id: r.id,
  placementId: r.placement_id,
  officeId: r.office_id,
  months: r.months,
  dueOn: r.due_on,
  consultantId: r.consultant_id,
  stillEmployed: r.still_employed,
  satisfaction: r.satisfaction,
  needs: r.needs,
  answeredAt: r.answered_at,
});

export type NewPlacement = Omit<PlacementRow, 'id' | 'endDate' | 'endReason' | 'version'>;

export function createPlacementRepository() {
  return {
    async insert(trx: Executor, p: NewPlacement, createdBy: string | null, now: Date): Promise<string> {
      const row = await trx
        .insertInto('placements')
        .values({
          network_id: p.networkId,
          office_id: p.officeId,
          application_id: p.applicationId,
          vacancy_id: p.vacancyId,
          employer_id: p.employerId,
          worker_id: p.workerId,
          contract_type: p.contractType,
          start_date: p.startDate,
          created_by: createdBy,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async insertFollowUps(
      trx: Executor,
      rows: ReadonlyArray<{ placementId: string; officeId: string; months: 1 | 3 | 6; dueOn: string; consultantId: string | null }>,
    ): Promise<void> {
      if (rows.length === 0) return;
      await trx
        .insertInto('placement_follow_ups')
        .values(
          rows.map((r) => ({
            placement_id: r.placementId,
            office_id: r.officeId,
            months: r.months,
            due_on: r.dueOn,
            consultant_id: r.consultantId,
          })),
        )
        .execute();
    },

    async find(db: Executor, id: string): Promise<PlacementRow | undefined> {
      const row = await db.selectFrom('placements').select(PLACEMENT_COLUMNS).where('id', '=', id).executeTakeFirst();
      return row ? toPlacement(row) : undefined;
    },

    /**
     * When this hire was made, and when the worker's next hire was (null: none since): the
     * enrolments placed in between are this hire's.
     */
    async hireWindow(db: Executor, id: string): Promise<{ since: Date; before: Date | null }> {
      const row = await db
        .selectFrom('placements as p')
        .select([
          'p.created_at',
          (eb) =>
            eb
              .selectFrom('placements as n')
              .select((n) => n.fn.min('n.created_at').as('next'))
              .whereRef('n.worker_id', '=', 'p.worker_id')
              .whereRef('n.created_at', '>', 'p.created_at')
              .as('next_at'),
        ])
        .where('p.id', '=', id)
        .executeTakeFirstOrThrow();
      const toDate = (v: unknown) => (v instanceof Date ? v : new Date(String(v)));
      return { since: toDate(row.created_at), before: row.next_at ? toDate(row.next_at) : null };
    },

    async idsByApplications(db: Executor, applicationIds: readonly string[]): Promise<Map<string, string>> {
      if (applicationIds.length === 0) return new Map();
      const rows = await db
        .selectFrom('placements')
        .select(['id', 'application_id'])
        .where('application_id', 'in', [...applicationIds])
        .execute();
      return new Map(rows.map((r) => [r.application_id, r.id]));
    },

    async followUpsOf(db: Executor, placementId: string): Promise<FollowUpRow[]> {
      const rows = await db
        .selectFrom('placement_follow_ups as f')
        .select(FOLLOW_UP_COLUMNS)
        .where('f.placement_id', '=', placementId)
        .orderBy('f.months')
        .execute();
      return rows.map(toFollowUp);
    },

    async findFollowUp(db: Executor, id: string): Promise<FollowUpRow | undefined> {
      const row = await db.selectFrom('placement_follow_ups as f').select(FOLLOW_UP_COLUMNS).where('f.id', '=', id).executeTakeFirst();
      return row ? toFollowUp(row) : undefined;
    },

    /** Unanswered follow-ups of an office due by a day, of placements still running, soonest first. */
    async dueFollowUps(
      db: Executor,
      officeId: string,
      dueBy: string,
      consultantId: string | null,
      limit: number,
    ): Promise<Array<FollowUpRow & { placement: PlacementRow }>> {
      let q = db
        .selectFrom('placement_follow_ups as f')
        .innerJoin('placements as p', 'p.id', 'f.placement_id')
        .select(FOLLOW_UP_COLUMNS)
        .select([
          'p.network_id',
          'p.application_id',
          'p.vacancy_id',
          'p.employer_id',
          'p.worker_id',
          'p.contract_type',
          'p.start_date',
          'p.end_date',
          'p.end_reason',
          'p.version',
        ])
        .where('f.office_id', '=', officeId)
        .where('f.answered_at', 'is', null)
        .where('f.due_on', '<=', dueBy)
        .where('p.end_date', 'is', null);
      if (consultantId) q = q.where('f.consultant_id', '=', consultantId);
      const rows = await q.orderBy('f.due_on').orderBy('f.id').limit(limit).execute();
      return rows.map((r) => ({
        ...toFollowUp(r),
        placement: toPlacement({ ...r, id: r.placement_id, office_id: r.office_id }),
      }));
    },

    /** Records the answer once: false when it was answered already. */
    async answerFollowUp(
      trx: Executor,
      id: string,
      a: { stillEmployed: boolean; satisfaction: number | null; needs: string },
      by: string,
      now: Date,
    ): Promise<boolean> {
      const result = await trx
        .updateTable('placement_follow_ups')
        .set({ still_employed: a.stillEmployed, satisfaction: a.satisfaction, needs: a.needs, answered_at: now, answered_by: by })
        .where('id', '=', id)
        .where('answered_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async end(trx: Executor, id: string, version: number, e: { endDate: string; reason: string }, by: string, now: Date): Promise<boolean> {
      const result = await trx
        .updateTable('placements')
        .set({ end_date: e.endDate, end_reason: e.reason, ended_by: by, version: sql`version + 1`, updated_at: now })
        .where('id', '=', id)
        .where('version', '=', version)
        .where('end_date', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Many placements with their follow-ups (the demo), in bulk. */
    async insertBulk(
      trx: Executor,
      rows: ReadonlyArray<NewPlacement & { followUps: ReadonlyArray<{ months: 1 | 3 | 6; dueOn: string; consultantId: string | null }> }>,
      now: Date,
    ): Promise<void> {
      if (rows.length === 0) return;
      const inserted = await trx
        .insertInto('placements')
        .values(
          rows.map((p) => ({
            network_id: p.networkId,
            office_id: p.officeId,
            application_id: p.applicationId,
            vacancy_id: p.vacancyId,
            employer_id: p.employerId,
            worker_id: p.workerId,
            contract_type: p.contractType,
            start_date: p.startDate,
            created_at: now,
            updated_at: now,
          })),
        )
        .returning('id')
        .execute();
      const followUps = rows.flatMap((p, i) =>
        p.followUps.map((f) => ({
          placementId: inserted[i]!.id,
          officeId: p.officeId,
          months: f.months,
          dueOn: f.dueOn,
          consultantId: f.consultantId,
        })),
      );
      await this.insertFollowUps(trx, followUps);
    },
  };
}

export type PlacementRepository = ReturnType<typeof createPlacementRepository>;
