/** Checks of weekly availability rules as a consultant or coordinator types them. */
import type { WeeklyAvailability } from './slots.js';

export type AvailabilityProblem = 'invalid_weekday' | 'invalid_time' | 'empty_range' | 'invalid_dates';

/**
 * What is wrong with a weekly availability rule as typed, for the form that edits it. Times are
 * checked against a plain day: a range that crosses the spring-forward gap is valid (it is shortened
 * on that one Sunday).
 */
export function checkAvailabilityRule(rule: Omit<WeeklyAvailability, 'consultantId' | 'officeId'>): AvailabilityProblem[] {
  const problems: AvailabilityProblem[] = [];
  if (!Number.isInteger(rule.weekday) || rule.weekday < 1 || rule.weekday > 7) problems.push('invalid_weekday');
  const time = /^([01]\d|2[0-3]):[0-5]\d$/;
  if (!time.test(rule.from) || !time.test(rule.to)) problems.push('invalid_time');
  else if (rule.from >= rule.to) problems.push('empty_range');
  const date = /^\d{4}-\d{2}-\d{2}$/;
  if (!date.test(rule.validFrom) || (rule.validTo !== null && (!date.test(rule.validTo) || rule.validTo < rule.validFrom))) {
    problems.push('invalid_dates');
  }
  return problems;
}

/** Two rules of one consultant that overlap in time on the same weekday and period (in any offices). */
export function overlappingRules(rules: WeeklyAvailability[]): [WeeklyAvailability, WeeklyAvailability][] {
  const out: [WeeklyAvailability, WeeklyAvailability][] = [];
  for (let i = 0; i < rules.length; i++) {
    for (let j = i + 1; j < rules.length; j++) {
      const a = rules[i]!;
      const b = rules[j]!;
      if (a.consultantId !== b.consultantId || a.weekday !== b.weekday) continue;
      const periods = (a.validTo === null || b.validFrom <= a.validTo) && (b.validTo === null || a.validFrom <= b.validTo);
      if (periods && a.from < b.to && b.from < a.to) out.push([a, b]);
    }
  }
  return out;
}
