import type { AttemptOutcome } from '../db/schema-outreach.js';
import { isOpenAt, nextOpeningAfter, type HotlineSlot } from './hotline-hours.js';

/**
 * When to call back, after an attempt (the rule the callback queue follows):
 * - reached or declined: the callback is done;
 * - wrong_number: done, closed as 'wrong_number' (nobody to call);
 * - no_answer or busy: try again 2 hours later if the line is open then, otherwise at the
 *   hotline's next opening (the same afternoon slot or the next working day, holidays skipped);
 *   after the 3rd unanswered attempt the callback is closed as 'unreachable'.
 * Calls are made during hotline hours because that is when operators staff the phones.
 */
export const RETRY_AFTER_MS = 2 * 60 * 60 * 1000;
export const MAX_UNANSWERED_ATTEMPTS = 3;

export type NextStep =
  { done: false; nextAttemptAt: Date } | { done: true; closedAs: 'reached' | 'declined' | 'wrong_number' | 'unreachable' };

export function nextStepAfterAttempt(input: {
  outcome: AttemptOutcome;
  /** unanswered attempts (no_answer, busy) before this one */
  unansweredBefore: number;
  at: Date;
  slots: HotlineSlot[];
  holidays: Map<string, string>;
}): NextStep {
  const { outcome, at, slots, holidays } = input;
  if (outcome === 'reached' || outcome === 'declined' || outcome === 'wrong_number') return { done: true, closedAs: outcome };
  if (input.unansweredBefore + 1 >= MAX_UNANSWERED_ATTEMPTS) return { done: true, closedAs: 'unreachable' };
  const candidate = new Date(at.getTime() + RETRY_AFTER_MS);
  if (isOpenAt(slots, holidays, candidate)) return { done: false, nextAttemptAt: candidate };
  // No hours configured: fall back to the plain 2-hour delay rather than never calling back.
  return { done: false, nextAttemptAt: nextOpeningAfter(slots, holidays, candidate) ?? candidate };
}

/** A new callback is due now if the line is open, else at the next opening. */
export function firstAttemptAt(slots: HotlineSlot[], holidays: Map<string, string>, at: Date): Date {
  if (isOpenAt(slots, holidays, at)) return at;
  return nextOpeningAfter(slots, holidays, at) ?? at;
}
