import type { Executor } from '../db/executor.js';
import { createVacancyRepository, type VacancyRow } from './vacancy.repository.js';

const repository = createVacancyRepository();

export interface VacancyForMatching {
  id: string;
  networkId: string;
  officeId: string;
  title: string;
  comuneCode: string;
  escoOccupationUri: string | null;
  workingTime: VacancyRow['workingTime'];
  startDate: string | null;
  requiredSkillUris: string[];
  optionalSkillUris: string[];
}

/** What the candidate search (matching) reads of a vacancy: its place, occupation and skills; undefined when unknown. */
export async function vacancyForMatching(db: Executor, id: string): Promise<VacancyForMatching | undefined> {
  const row = await repository.find(db, id);
  if (!row) return undefined;
  const skills = await repository.skillsOf(db, id);
  return {
    id: row.id,
    networkId: row.networkId,
    officeId: row.officeId,
    title: row.title,
    comuneCode: row.comuneCode,
    escoOccupationUri: row.escoOccupationUri,
    workingTime: row.workingTime,
    startDate: row.startDate,
    requiredSkillUris: skills.filter((s) => s.relevance === 'essential').map((s) => s.uri),
    optionalSkillUris: skills.filter((s) => s.relevance === 'optional').map((s) => s.uri),
  };
}
