import { sql } from 'kysely';
import type { Executor } from '../db/executor.js';
import type { EnrollmentState } from '../db/schema-programmes.js';
import { workerProgrammeColumns } from '../people/index.js';
import { addressedTo, type NoticeRecipient } from './staff-notices.repository.js';
import { waitingAtOrBeforeRow, waitingKeySql } from './waiting-order.js';

/**
 * The programme page's reads: the enrolment list (one statement: workers joined through people's
 * published sub-query, so search and sort stay in SQL), the transition log and the staff notices.
 * Office, company and staff names are merged by the service from their owners' batch lookups.
 */
export function createEnrollmentListRepository() {
  return {
    async page(
      db: Executor,
      programmeId: string,
      f: { officeId: string | null; state?: EnrollmentState; nameKey?: string; codiceFiscale?: string; limit: number; offset: number },
    ) {
      let base = db
        .selectFrom('enrollments as e')
        .innerJoin(workerProgrammeColumns(db).as('w'), 'w.id', 'e.worker_id')
        .where('e.programme_id', '=', programmeId);
      if (f.officeId !== null) base = base.where('e.office_id', '=', f.officeId);
      if (f.state) base = base.where('e.state', '=', f.state);
      if (f.nameKey !== undefined || f.codiceFiscale !== undefined) {
        base = base.where((eb) =>
          eb.or([eb('w.search_name', 'like', `%${f.nameKey ?? ''}%`), eb('w.codice_fiscale', '=', f.codiceFiscale ?? '')]),
        );
      }
      const total = (await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
      const rows = await base
        .select([
          'e.id',
          'e.worker_id',
          'e.office_id',
          'e.state',
          'e.channel',
          'e.priority_cigs_end',
          'e.requested_at',
          'e.state_changed_at',
          'w.first_name',
          'w.last_name',
          'w.codice_fiscale',
          'w.cigs_case_id',
          'w.effective_cigs_end as cigs_end_date',
          sql<number | null>`case when e.state = 'waiting' then (
            select count(*)::int from enrollments x where x.programme_id = e.programme_id and x.state = 'waiting'
              and ${waitingAtOrBeforeRow('x', 'e')}) end`.as('waiting_position'),
        ])
        // Those holding or seeking a place first, the waiting list last in its own order (waiting-order.ts); the others by CIGS end, then name.
        .orderBy(sql`case when e.state = 'waiting' then 1 else 0 end`)
        .orderBy(sql`case when e.state = 'waiting' then ${waitingKeySql('e')} end`)
        .orderBy(sql`e.priority_cigs_end asc nulls last`)
        .orderBy('e.requested_at')
        .orderBy('w.last_name')
        .orderBy('e.id')
        .limit(f.limit)
        .offset(f.offset)
        .execute();
      return { total, rows };
    },

    transitions(db: Executor, enrollmentId: string) {
      return db
        .selectFrom('enrollment_transitions as t')
        .select(['t.id', 't.from_state', 't.to_state', 't.at', 't.actor_id', 't.reason', 't.channel'])
        .where('t.enrollment_id', '=', enrollmentId)
        .orderBy('t.at')
        .orderBy('t.id')
        .execute();
    },

    notifications(db: Executor, programmeId: string, recipient: NoticeRecipient) {
      return db
        .selectFrom('staff_notifications as n')
        .select(['n.id', 'n.kind', 'n.created_at', 'n.read_at', 'n.payload'])
        .where('n.programme_id', '=', programmeId)
        .where((eb) => addressedTo(eb, recipient))
        .orderBy('n.created_at', 'desc')
        .limit(20)
        .execute();
    },

    /**
     * Marks a notice read, only one addressed to this recipient (the same rule as the list):
     * 'missing' when the programme has no such notice for them, whoever else it may be for.
     */
    async markNotificationRead(
      db: Executor,
      programmeId: string,
      notificationId: string,
      recipient: NoticeRecipient,
      at: Date,
    ): Promise<'marked' | 'already' | 'missing'> {
      const res = await db
        .updateTable('staff_notifications as n')
        .set({ read_at: at })
        .where('n.id', '=', notificationId)
        .where('n.programme_id', '=', programmeId)
        .where('n.read_at', 'is', null)
        .where((eb) => addressedTo(eb, recipient))
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) > 0) return 'marked';
      const exists = await db
        .selectFrom('staff_notifications as n')
        .select('n.id')
        .where('n.id', '=', notificationId)
        .where('n.programme_id', '=', programmeId)
        .where((eb) => addressedTo(eb, recipient))
        .executeTakeFirst();
      return exists ? 'already' : 'missing';
    },
  };
}

export type EnrollmentListRepository = ReturnType<typeof createEnrollmentListRepository>;
