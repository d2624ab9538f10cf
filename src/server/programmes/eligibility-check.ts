import type { Executor } from '../db/executor.js';
import { eligibilityRuleOf, evaluateEligibility, romeDate, type EligibilityLanguage, type EligibilityResult } from './eligibility.js';
import { eligibilityFactsOf } from './eligibility.repository.js';
import { createProgrammeRepository } from './programme.repository.js';

const programmes = createProgrammeRepository();

/**
 * Whether a worker meets a programme's rules on a day (default: today in Italy), with the reasons
 * when not (evaluateEligibility). Reads through `db`, which may be the caller's transaction.
 * Returns undefined when the programme or the worker does not exist.
 */
export async function checkEligibility(
  db: Executor,
  programmeId: string,
  workerId: string,
  on: string = romeDate(new Date()),
  language: EligibilityLanguage = 'it',
): Promise<EligibilityResult | undefined> {
  const programme = await programmes.findProgramme(db, programmeId);
  if (!programme) return undefined;
  const worker = await eligibilityFactsOf(db, workerId);
  if (!worker) return undefined;
  return evaluateEligibility(eligibilityRuleOf(programme), worker, on, language);
}
