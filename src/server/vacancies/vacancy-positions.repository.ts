import { sql } from 'kysely';
import type { Executor } from '../db/executor.js';
import type { VacancyContractType, VacancyState } from '../db/schema-vacancies.js';
import { vacancyErrors } from './vacancy.errors.js';

/** What other domains (applications) need to know of a vacancy. */
export interface VacancyRef {
  id: string;
  networkId: string;
  officeId: string;
  employerId: string;
  title: string;
  state: VacancyState;
  contractType: VacancyContractType;
  positions: number;
  positionsFilled: number;
}

export async function vacancyRefsByIds(db: Executor, ids: readonly string[]): Promise<Map<string, VacancyRef>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('vacancies')
    .select(['id', 'network_id', 'office_id', 'employer_id', 'title', 'state', 'contract_type', 'positions', 'positions_filled'])
    .where('id', 'in', unique)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        networkId: r.network_id,
        officeId: r.office_id,
        employerId: r.employer_id,
        title: r.title,
        state: r.state,
        contractType: r.contract_type,
        positions: r.positions,
        positionsFilled: r.positions_filled,
      },
    ]),
  );
}

const LAST_POSITION_REASON = 'Ultimo posto coperto da un’assunzione';

/**
 * A hire takes one position of a published vacancy, inside the caller's transaction. The row is
 * locked (`select … for update`) so concurrent hires on the same vacancy queue here: each sees the
 * count the previous one committed, and none takes a position that is not there. The last position
 * moves the vacancy to filled, logged as a system move. Throws VACANCY_NO_POSITION_LEFT (409) when
 * the vacancy is not published or every position is taken.
 */
export async function takeVacancyPosition(
  trx: Executor,
  vacancyId: string,
  now: Date,
): Promise<{ positions: number; positionsFilled: number; filled: boolean }> {
  const row = await trx
    .selectFrom('vacancies')
    .select(['state', 'positions', 'positions_filled'])
    .where('id', '=', vacancyId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw vacancyErrors.notFound();
  if (row.state !== 'published' || row.positions_filled >= row.positions) throw vacancyErrors.noPositionLeft();
  const positionsFilled = row.positions_filled + 1;
  const filled = positionsFilled >= row.positions;
  await trx
    .updateTable('vacancies')
    .set({ positions_filled: positionsFilled, ...(filled ? { state: 'filled' as const } : {}), version: sql`version + 1`, updated_at: now })
    .where('id', '=', vacancyId)
    .execute();
  if (filled) {
    await trx
      .insertInto('vacancy_transitions')
      .values({ vacancy_id: vacancyId, from_state: 'published', to_state: 'filled', reason: LAST_POSITION_REASON, actor_id: null, at: now })
      .execute();
  }
  return { positions: row.positions, positionsFilled, filled };
}
