import type { Executor } from '../db/executor.js';
import type { VacancyState } from '../db/schema-vacancies.js';
import { createVacancyRepository, type VacancySkillRow, type VacancyValues } from './vacancy.repository.js';

/** A vacancy of the demo (or the benchmark), with its state, skills and log, written in bulk. */
export type DemoVacancy = VacancyValues & {
  state: VacancyState;
  positionsFilled: number;
  skills: readonly VacancySkillRow[];
  log: ReadonlyArray<{ from: VacancyState | null; to: VacancyState; reason: string; actorId: string | null; at: Date }>;
};

/** Writes the demo's vacancies in a few statements (the demo load stays fast); ids in input order. */
export function insertDemoVacancies(db: Executor, networkId: string, vacancies: readonly DemoVacancy[], now: Date): Promise<string[]> {
  return createVacancyRepository().insertBulk(db, networkId, vacancies, now);
}
