import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.js';
import { canManageStaff, isSignedIn } from './auth.policy.js';
import { generateTemporaryPassword, hashPassword, verifyPassword } from './password.js';
import { checkNewPassword, checkPasswordStrength } from './password-strength.js';
import { DEMO_PASSWORD, isPublishedPassword } from './published-passwords.js';
import { DomainError } from '../http/problem.js';
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

describe('a new password', () => {
  const personal = ['giovanna.deluca@ricolloca.example', 'De Luca Giovanna'];
  const refusal = (password: string, options?: Parameters<typeof checkNewPassword>[2]) => {
    try {
      checkNewPassword(password, personal, options);
      return null;
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      return { code: err.code, status: err.status, errors: err.extra.errors };
    }
  };

  it('is refused when it is the published demo password, whatever its case, spacing or a character added', () => {
    for (const password of [DEMO_PASSWORD, 'DEMO.MODENA.2026', 'demo modena 2026', 'Demo.Modena.2026!']) {
      expect(isPublishedPassword(password)).toBe(true);
      expect(refusal(password)).toEqual({
        code: 'PASSWORD_PUBLISHED',
        status: 400,
        errors: [{ path: 'body/newPassword', message: expect.stringMatching(/^Questa password è pubblicata/) }],
      });
    }
    expect(isPublishedPassword('Modena.Demo.2027')).toBe(false);
  });

  it('names the field the caller gives, in the caller’s language', () => {
    expect(refusal(DEMO_PASSWORD, { field: 'body/password', language: 'en' })?.errors).toEqual([
      { path: 'body/password', message: expect.stringMatching(/^This password is published/) },
    ]);
  });

  it('is refused when too short or built from the account, and accepted otherwise', () => {
    expect(refusal('breve.2026')?.code).toBe('PASSWORD_TOO_SHORT');
    expect(refusal('giovanna-2026-modena')?.code).toBe('PASSWORD_TOO_WEAK');
    expect(refusal('torre ghirlandina al tramonto')).toBeNull();
  });
});
