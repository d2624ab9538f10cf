import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/index.js';
import type { Role } from '../db/schema.js';
import { canManageHotline, canManageOutreach, canUseHotline } from './outreach.policy.js';
import { canMoveRecipient } from './recipient-states.js';

const actor = (roles: Role[]): Actor => ({
  userId: 'u',
  email: 'e',
  fullName: 'n',
  language: 'it',
  mustChangePassword: false,
  officeId: 'o',
  networkId: 'n',
  roles,
  assignments: [],
  session: { tokenHash: '', csrfToken: '' },
});

describe('outreach policies', () => {
  it('lets every hotline role answer calls, but not the matchers', () => {
    for (const role of ['frontoffice', 'consultant', 'coordinator', 'admin'] as const) expect(canUseHotline(actor([role]))).toBe(true);
    expect(canUseHotline(actor(['matcher']))).toBe(false);
  });
  it('keeps hours and campaigns to coordinators and administrators', () => {
    for (const policy of [canManageHotline, canManageOutreach]) {
      expect(policy(actor(['coordinator']))).toBe(true);
      expect(policy(actor(['admin']))).toBe(true);
      expect(policy(actor(['frontoffice', 'consultant', 'matcher']))).toBe(false);
    }
  });
});

describe('outreach status machine', () => {
  it('moves forward from invitation to an answer, and never out of registered', () => {
    expect(canMoveRecipient('not_contacted', 'invited')).toBe(true);
    expect(canMoveRecipient('invited', 'reminded')).toBe(true);
    expect(canMoveRecipient('reminded', 'reminded')).toBe(true);
    expect(canMoveRecipient('reminded', 'registered')).toBe(true);
    expect(canMoveRecipient('declined', 'registered')).toBe(true); // people change their mind
    expect(canMoveRecipient('unreachable', 'declined')).toBe(false);
    expect(canMoveRecipient('registered', 'declined')).toBe(false);
    expect(canMoveRecipient('invited', 'not_contacted')).toBe(false);
  });
});
