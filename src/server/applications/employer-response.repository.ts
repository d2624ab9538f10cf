import { sql } from 'kysely';
import type { Executor } from '../db/executor.js';
import { vacanciesOfEmployersQuery, vacancyStateCountsByEmployer } from '../vacancies/index.js';
import { EMPTY_RESPONSE, type EmployerHistory, type ResponseIndicator } from '../../shared/schemas/employer-history.schema.js';

/**
 * The one definition of an employer's answer (issue 12 item 1), used by the employer's history, the
 * employers list and the board's vacancies without an answer. See responseIndicatorSchema for the
 * words; in SQL: an application was answered at the first of its events that is an employer's answer
 * through the signed link (kind `employer_answer`) or a move out of «sent» to a state only the
 * employer's word leads to. Withdrawn (by the office), declined (by the worker) and expired are not
 * answers.
 */
const EMPLOYER_SIDE_STATES = ['interview', 'offer', 'refused', 'hired'] as const;

/** When the application was first answered by the employer, or null. */
const firstAnswerAt = sql<Date | null>`(
  select min(e.at) from application_events e
  where e.application_id = a.id
    and (e.kind = 'employer_answer'
      or (e.kind = 'move' and e.from_state = 'sent' and e.to_state in (${sql.join(EMPLOYER_SIDE_STATES.map((s) => sql.lit(s)))})))
)`;

/** The applications that reached «sent», with when they were first answered (null: not yet). */
function sentApplications(db: Executor) {
  return db
    .selectFrom('applications as a')
    .select(['a.vacancy_id', 'a.state', 'a.sent_at', 'a.interview_at', firstAnswerAt.as('answered_at')])
    .where('a.sent_at', 'is not', null);
}

/** The aggregate over those facts, grouped by the caller's key. */
const aggregates = {
  sent: sql<number>`count(*)::int`,
  answered: sql<number>`count(f.answered_at)::int`,
  considered: sql<number>`(count(*) filter (where f.answered_at is not null or f.state not in ('withdrawn', 'declined')))::int`,
  interviews: sql<number>`(count(*) filter (where f.interview_at is not null))::int`,
  hires: sql<number>`(count(*) filter (where f.state = 'hired'))::int`,
  medianDays: sql<number | null>`percentile_cont(0.5) within group (order by extract(epoch from (f.answered_at - f.sent_at)) / 86400.0)`,
};

type AggregateRow = { sent: number; answered: number; considered: number; median_days: number | string | null };

const toIndicator = (r: AggregateRow): ResponseIndicator => ({
  sent: Number(r.sent),
  answered: Number(r.answered),
  considered: Number(r.considered),
  medianDaysToAnswer: r.median_days === null ? null : Math.round(Number(r.median_days) * 10) / 10,
});

/** Each employer's history with the network (every employer asked gets one, empty when it has none), one statement for the applications. */
export async function employerHistories(db: Executor, employerIds: readonly string[]): Promise<Map<string, EmployerHistory>> {
  const ids = [...new Set(employerIds)];
  const out = new Map<string, EmployerHistory>();
  if (ids.length === 0) return out;
  const [rows, vacancies] = await Promise.all([
    db
      .selectFrom(
        sentApplications(db)
          .innerJoin(vacanciesOfEmployersQuery(db, ids).as('ve'), 've.vacancy_id', 'a.vacancy_id')
          .select('ve.employer_id')
          .as('f'),
      )
      .select([
        'f.employer_id',
        aggregates.sent.as('sent'),
        aggregates.answered.as('answered'),
        aggregates.considered.as('considered'),
        aggregates.interviews.as('interviews'),
        aggregates.hires.as('hires'),
        aggregates.medianDays.as('median_days'),
      ])
      .groupBy('f.employer_id')
      .execute(),
    vacancyStateCountsByEmployer(db, ids),
  ]);
  const byEmployer = new Map(rows.map((r) => [r.employer_id, r]));
  for (const id of ids) {
    const r = byEmployer.get(id);
    out.set(id, {
      vacancies: vacancies.get(id) ?? {},
      interviews: r ? Number(r.interviews) : 0,
      hires: r ? Number(r.hires) : 0,
      response: r ? toIndicator(r) : EMPTY_RESPONSE,
    });
  }
  return out;
}

/** The same indicator per vacancy (the board: vacancies with candidates sent and no answer); vacancies with none sent are left out. */
export async function responseByVacancy(db: Executor, vacancyIds: readonly string[]): Promise<Map<string, ResponseIndicator>> {
  const ids = [...new Set(vacancyIds)];
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom(sentApplications(db).where('a.vacancy_id', 'in', ids).as('f'))
    .select([
      'f.vacancy_id',
      aggregates.sent.as('sent'),
      aggregates.answered.as('answered'),
      aggregates.considered.as('considered'),
      aggregates.medianDays.as('median_days'),
    ])
    .groupBy('f.vacancy_id')
    .execute();
  return new Map(rows.map((r) => [r.vacancy_id, toIndicator(r)]));
}
