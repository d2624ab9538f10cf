import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.js';
import { canManageStaff, isSignedIn } from './auth.policy.js';
import { generateTemporaryPassword, hashPassword, verifyPassword } from './password.js';
import { checkPasswordStrength } from './password-strength.js';
import { canManageOffices, canReadOffices } from '../organisation/organisation.policy.js';
import { canReadAuditLog } from '../audit/index.js';

const actor = (roles: Actor['roles']): Actor => ({
  userId: 'u',
  email: 'e@x.it',
  fullName: 'E',
  language: 'it',
  mustChangePassword: false,
  officeId: 'o1',
  networkId: 'n',
  roles,
  assignments: roles.map((role) => ({ officeId: 'o1', role })),
  session: { tokenHash: 'h', csrfToken: 'c' },
});

describe('policies', () => {
  it('lets only administrators of the current office manage staff, offices and read the audit log', () => {
    for (const policy of [canManageStaff, canManageOffices, canReadAuditLog]) {
      expect(policy(actor(['admin']))).toBe(true);
      for (const role of ['coordinator', 'consultant', 'frontoffice', 'matcher'] as const) expect(policy(actor([role]))).toBe(false);
      expect(policy(actor([]))).toBe(false);
    }
  });

  it('lets every signed-in member of staff read offices', () => {
    expect(canReadOffices(actor(['frontoffice']))).toBe(true);
    expect(isSignedIn(actor([]))).toBe(true);
  });

  it('judges roles in the current office only, not roles held elsewhere', () => {
    const a = actor(['consultant']);
    a.assignments.push({ officeId: 'o2', role: 'admin' });
    expect(canManageStaff(a)).toBe(false);
  });
});

describe('passwords', () => {
  it('hashes with argon2id and verifies only the right password', async () => {
    const hash = await hashPassword('una frase lunga e sicura');
    expect(hash.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(hash, 'una frase lunga e sicura')).toBe(true);
    expect(await verifyPassword(hash, 'una frase lunga e sicurA')).toBe(false);
    expect(await verifyPassword(null, 'anything')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'anything')).toBe(false);
  });

  it('generates readable temporary passwords without ambiguous characters', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i += 1) {
      const p = generateTemporaryPassword();
      expect(p).toMatch(/^[A-HJ-NP-Za-km-z2-9]{14}$/);
      seen.add(p);
    }
    expect(seen.size).toBe(200);
  });

  it('refuses passwords built from the person’s name or e-mail, common words or few characters', () => {
    const personal = ['elena.rinaldi@cpi.example', 'Elena Rinaldi'];
    expect(checkPasswordStrength('rinaldi-elena-2026', personal)).toBe(false);
    expect(checkPasswordStrength('password1234567', personal)).toBe(false);
    expect(checkPasswordStrength('aaaaaaaaaaaabbbb', personal)).toBe(false);
    expect(checkPasswordStrength('torre ghirlandina al tramonto', personal)).toBe(true);
  });
});
