import { sql, type RawBuilder } from 'kysely';
import { romeToday } from '../../shared/time/rome-date.js';
import { INELIGIBILITY_REASONS } from './programme.errors.js';

export interface EligibilityResult {
  eligible: boolean;
  /** Reasons of ineligibility in the language asked for (Italian by default), empty when eligible. */
  reasons: string[];
}

export type EligibilityLanguage = 'it' | 'en';

/** Today's date in Italy (the legal day a CIGS is active on), as 'YYYY-MM-DD'. */
export const romeDate = romeToday;

/** A programme's rules, as both forms of the rule read them. */
export interface EligibilityRule {
  networkId: string;
  officeIds: readonly string[];
  eligibleReasons: readonly string[];
  requireActiveCigs: boolean;
}

export function eligibilityRuleOf(p: {
  networkId: string;
  officeIds: readonly string[];
  eligibleReasons: readonly string[];
  requireActiveCigs: boolean;
}): EligibilityRule {
  return { networkId: p.networkId, officeIds: p.officeIds, eligibleReasons: p.eligibleReasons, requireActiveCigs: p.requireActiveCigs };
}

/** What the rules look at: the worker, and the effective CIGS period (workers.effective_cigs_start/end, migration 0009). */
export interface WorkerEligibilityFacts {
  networkId: string;
  officeId: string;
  caseId: string | null;
  reason: string | null;
  cigsStart: string | null;
  cigsEnd: string | null;
}

/**
 * The eligibility rules, written once, each with its readable test and its SQL form side by side
 * (the SQL reads a worker as `w` — people's workerProgrammeColumns — and their CIGS case as `c` —
 * companies' cigsCaseColumns):
 * - the worker belongs to the programme's network and to one of its offices;
 * - the worker has a CIGS case, whose reason is one of the programme's (by default cessazione
 *   attività or concordato preventivo senza continuità: the crisis types without a return to
 *   work, D.Lgs. 148/2015 art. 21 and 44, for which the service is set up);
 * - when the programme requires it, the CIGS is active that day (effective start ≤ day ≤
 *   effective end, both in Europe/Rome).
 * `appliesWhen` only keeps a reason from being repeated (no office check for another network's
 * worker; no reason or period check without a case): the conjunction is the same either way.
 */
interface Clause {
  appliesWhen: (w: WorkerEligibilityFacts, rule: EligibilityRule) => boolean;
  holds: (w: WorkerEligibilityFacts, rule: EligibilityRule, on: string) => boolean;
  reason: (w: WorkerEligibilityFacts, on: string) => { it: string; en: string };
  sql: (rule: EligibilityRule, on: string) => RawBuilder<boolean> | null;
}

const hasCase = (w: WorkerEligibilityFacts) => w.caseId !== null && w.reason !== null;
const inList = (column: string, values: readonly string[], cast: string) =>
  values.length === 0
    ? sql<boolean>`false`
    : sql<boolean>`${sql.ref(column)} in (${sql.join(values.map((v) => sql`${v}::${sql.raw(cast)}`))})`;

const CLAUSES: readonly Clause[] = [
  {
    appliesWhen: () => true,
    holds: (w, rule) => w.networkId === rule.networkId,
    reason: () => INELIGIBILITY_REASONS.otherNetwork,
    sql: (rule) => sql<boolean>`w.network_id = ${rule.networkId}::uuid`,
  },
  {
    appliesWhen: (w, rule) => w.networkId === rule.networkId,
    holds: (w, rule) => rule.officeIds.includes(w.officeId),
    reason: () => INELIGIBILITY_REASONS.officeNotInProgramme,
    sql: (rule) => inList('w.office_id', rule.officeIds, 'uuid'),
  },
  {
    appliesWhen: () => true,
    holds: hasCase,
    reason: () => INELIGIBILITY_REASONS.noCigsCase,
    sql: () => sql<boolean>`(c.id is not null and c.reason is not null)`,
  },
  {
    appliesWhen: hasCase,
    holds: (w, rule) => rule.eligibleReasons.includes(w.reason!),
    reason: (w) => INELIGIBILITY_REASONS.reasonNotCovered(w.reason!.replaceAll('_', ' ')),
    sql: (rule) => inList('c.reason', rule.eligibleReasons, 'text'),
  },
  {
    appliesWhen: (w, rule) => hasCase(w) && rule.requireActiveCigs,
    holds: (w, _rule, on) => (w.cigsStart === null || w.cigsStart <= on) && (w.cigsEnd === null || on <= w.cigsEnd),
    reason: (_w, on) => INELIGIBILITY_REASONS.cigsNotActive(on.split('-').reverse().join('/')),
    sql: (rule, on) =>
      rule.requireActiveCigs
        ? sql<boolean>`((w.effective_cigs_start is null or w.effective_cigs_start <= ${on}::date) and (w.effective_cigs_end is null or ${on}::date <= w.effective_cigs_end))`
        : null,
  },
];

/** The rules in TypeScript, with the reasons a worker is refused (unit-tested, shown to staff). */
export function evaluateEligibility(
  rule: EligibilityRule,
  worker: WorkerEligibilityFacts,
  on: string,
  language: EligibilityLanguage = 'it',
): EligibilityResult {
  const reasons = CLAUSES.filter((c) => c.appliesWhen(worker, rule) && !c.holds(worker, rule, on)).map(
    (c) => c.reason(worker, on)[language],
  );
  return { eligible: reasons.length === 0, reasons };
}

/** The same rules as one SQL condition over `w` (worker) and `c` (CIGS case): true when eligible on `on`. */
export function eligibleSql(rule: EligibilityRule, on: string): RawBuilder<boolean> {
  const parts = CLAUSES.map((c) => c.sql(rule, on)).filter((p): p is RawBuilder<boolean> => p !== null);
  return sql<boolean>`(${sql.join(parts, sql` and `)})`;
}
