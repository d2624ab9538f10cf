import { sql } from 'kysely';
import type { Executor } from '../db/executor.js';
import type { ApplicationState } from '../db/schema-applications.js';
import { OPEN_APPLICATION_STATES } from './application.states.js';

/** The stages a job matcher's board counts per vacancy: the open ones and the hires. */
export const BOARD_STAGES = [...OPEN_APPLICATION_STATES, 'hired'] as const satisfies readonly ApplicationState[];
export type BoardStage = (typeof BOARD_STAGES)[number];

/**
 * How many candidates each vacancy has in each stage, from every office of the network (vacancies
 * are the network's): the board's «candidates in each stage». Vacancies without any are absent.
 */
export async function applicationStageCounts(
  db: Executor,
  vacancyIds: readonly string[],
): Promise<Map<string, Record<BoardStage, number>>> {
  const out = new Map<string, Record<BoardStage, number>>();
  if (vacancyIds.length === 0) return out;
  const rows = await db
    .selectFrom('applications')
    .select(['vacancy_id', 'state', (eb) => eb.fn.countAll<number>().as('n')])
    .where(sql<boolean>`vacancy_id = any(${[...vacancyIds]}::uuid[])`)
    .where('state', 'in', [...BOARD_STAGES])
    .groupBy(['vacancy_id', 'state'])
    .execute();
  for (const r of rows) {
    const counts = out.get(r.vacancy_id) ?? (Object.fromEntries(BOARD_STAGES.map((s) => [s, 0])) as Record<BoardStage, number>);
    counts[r.state as BoardStage] = Number(r.n);
    out.set(r.vacancy_id, counts);
  }
  return out;
}
