import type { RecipientStatus } from '../db/schema-outreach.js';

/**
 * A worker's outreach status in a campaign, as a state machine: not contacted → invited →
 * reminded (repeatable up to the campaign's maximum) → registered / declined / unreachable.
 * Every change is logged in outreach_recipient_events (who, when, from, to, why).
 */
export const RECIPIENT_TRANSITIONS: Record<RecipientStatus, readonly RecipientStatus[]> = {
  not_contacted: ['invited', 'registered', 'declined', 'unreachable'],
  invited: ['reminded', 'registered', 'declined', 'unreachable'],
  reminded: ['reminded', 'registered', 'declined', 'unreachable'],
  registered: [],
  declined: ['registered'],
  unreachable: ['registered'],
};

export function canMoveRecipient(from: RecipientStatus, to: RecipientStatus): boolean {
  return RECIPIENT_TRANSITIONS[from].includes(to);
}

// The SQL of the recipient log lives in recipient.repository.ts.
export { logRecipientTransition, markRecipientRegistered } from './recipient.repository.js';
