import type { Executor } from '../db/executor.js';
import type { VacancyState } from '../db/schema-vacancies.js';

/**
 * What applications read of the vacancies to tell an employer's history: which vacancies are an
 * employer's (a sub-query, so the history stays one statement), and how many are in each state.
 */

/** The vacancies of these employers, as (vacancy_id, employer_id): composed by applications' history query. */
export function vacanciesOfEmployersQuery(db: Executor, employerIds: readonly string[]) {
  return db
    .selectFrom('vacancies as v')
    .select(['v.id as vacancy_id', 'v.employer_id as employer_id'])
    .where('v.employer_id', 'in', employerIds.length > 0 ? [...employerIds] : ['00000000-0000-0000-0000-000000000000']);
}

/** Each employer's vacancies per state (states with none left out). */
export async function vacancyStateCountsByEmployer(
  db: Executor,
  employerIds: readonly string[],
): Promise<Map<string, Partial<Record<VacancyState, number>>>> {
  const out = new Map<string, Partial<Record<VacancyState, number>>>();
  const unique = [...new Set(employerIds)];
  if (unique.length === 0) return out;
  const rows = await db
    .selectFrom('vacancies')
    .select((eb) => ['employer_id', 'state', eb.fn.countAll<number>().as('n')])
    .where('employer_id', 'in', unique)
    .groupBy(['employer_id', 'state'])
    .execute();
  for (const r of rows) {
    const counts = out.get(r.employer_id) ?? {};
    counts[r.state] = Number(r.n);
    out.set(r.employer_id, counts);
  }
  return out;
}

/** The ids of an office's published vacancies (the board asks applications which of them have no answer yet). */
export async function publishedVacancyIdsOfOffice(db: Executor, officeId: string): Promise<string[]> {
  const rows = await db.selectFrom('vacancies').select('id').where('office_id', '=', officeId).where('state', '=', 'published').execute();
  return rows.map((r) => r.id);
}
