import type { Executor } from '../db/executor.js';
import { INELIGIBILITY_REASONS } from './programme.errors.js';

export interface EligibilityResult {
  eligible: boolean;
  /** Italian reasons of ineligibility, empty when eligible. */
  reasons: string[];
}

import { romeToday } from '../../shared/time/rome-date.js';

/** Today's date in Italy (the legal day a CIGS is active on): the one definition in shared/time. */
export const romeDate = romeToday;

/**
 * Whether a worker meets a programme's rules on a day (default: today in Italy):
 * - the worker's CIGS reason is one of the programme's (by default cessazione attività or
 *   concordato preventivo senza continuità: the crisis types without a return to work, for which
 *   the Modena service was set up);
 * - when the programme requires it, the CIGS is active that day (case start ≤ day ≤ the worker's
 *   own CIGS end, or the case's end when the worker has none);
 * - the worker belongs to one of the programme's offices (and so to its network).
 * Returns undefined when the programme or the worker does not exist.
 */
export async function checkEligibility(
  db: Executor,
  programmeId: string,
  workerId: string,
  on: string = romeDate(new Date()),
): Promise<EligibilityResult | undefined> {
  const programme = await db
    .selectFrom('programmes')
    .select(['network_id', 'eligible_reasons', 'require_active_cigs'])
    .where('id', '=', programmeId)
    .executeTakeFirst();
  if (!programme) return undefined;
  const worker = await db
    .selectFrom('workers as w')
    .leftJoin('cigs_cases as c', 'c.id', 'w.cigs_case_id')
    .select(['w.network_id', 'w.office_id', 'w.effective_cigs_start', 'w.effective_cigs_end', 'c.id as case_id', 'c.reason'])
    .where('w.id', '=', workerId)
    .executeTakeFirst();
  if (!worker) return undefined;
  const inProgramme = await db
    .selectFrom('programme_offices')
    .select('office_id')
    .where('programme_id', '=', programmeId)
    .where('office_id', '=', worker.office_id)
    .executeTakeFirst();
  return evaluateEligibility(
    { networkId: programme.network_id, eligibleReasons: programme.eligible_reasons, requireActiveCigs: programme.require_active_cigs },
    {
      networkId: worker.network_id,
      officeInProgramme: inProgramme !== undefined,
      caseId: worker.case_id,
      reason: worker.reason,
      cigsStart: worker.effective_cigs_start,
      cigsEnd: worker.effective_cigs_end,
    },
    on,
  );
}

/** The rules themselves, pure (unit-tested). */
export function evaluateEligibility(
  programme: { networkId: string; eligibleReasons: string[]; requireActiveCigs: boolean },
  worker: { networkId: string; officeInProgramme: boolean; caseId: string | null; reason: string | null; cigsStart: string | null; cigsEnd: string | null },
  on: string,
): EligibilityResult {
  const reasons: string[] = [];
  if (worker.networkId !== programme.networkId) reasons.push(INELIGIBILITY_REASONS.otherNetwork);
  else if (!worker.officeInProgramme) reasons.push(INELIGIBILITY_REASONS.officeNotInProgramme);
  if (!worker.caseId || !worker.reason) {
    reasons.push(INELIGIBILITY_REASONS.noCigsCase);
  } else {
    if (!programme.eligibleReasons.includes(worker.reason)) reasons.push(INELIGIBILITY_REASONS.reasonNotCovered(worker.reason.replaceAll('_', ' ')));
    const active = (worker.cigsStart === null || worker.cigsStart <= on) && (worker.cigsEnd === null || on <= worker.cigsEnd);
    if (programme.requireActiveCigs && !active) reasons.push(INELIGIBILITY_REASONS.cigsNotActive(on.split('-').reverse().join('/')));
  }
  return { eligible: reasons.length === 0, reasons };
}
