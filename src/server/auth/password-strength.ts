import { PASSWORD_MIN_LENGTH } from '../../shared/schemas/auth.schema.js';
import type { Language } from '../http/problem.js';
import { authErrors } from './auth.errors.js';
import { isPublishedPassword } from './published-passwords.js';

/**
 * A password is refused when it is built from what an attacker knows first (the e-mail's local
 * part, words of the name) or from a handful of repeated characters. Length (≥ 12) is checked by
 * the request schema. NIST SP 800-63B favours length and blocklists over composition rules.
 */
export function checkPasswordStrength(password: string, personal: string[]): boolean {
  const lower = password.toLowerCase();
  if (new Set(lower).size < 5) return false;
  const words = personal.flatMap((p) => p.toLowerCase().split(/[^a-zà-ÿ0-9]+/)).filter((w) => w.length >= 4);
  if (words.some((w) => lower.includes(w))) return false;
  const common = ['password', 'qwerty', '12345678', 'ricolloca', 'passw0rd', 'abcdefgh'];
  return !common.some((c) => lower.includes(c));
}

/**
 * The one check of a password someone chooses (a change, an account created with a chosen
 * password, the first administrator's): long enough, not a published password (the demo's), not
 * built from the account's e-mail or name. Throws a 400 naming the field; returns when it is fine.
 * `field` is the path the form knows the field by (`body/newPassword`), `language` the caller's.
 */
export function checkNewPassword(password: string, personal: string[], options: { field?: string; language?: Language } = {}): void {
  const field = options.field ?? 'body/newPassword';
  const language = options.language ?? 'it';
  if (password.length < PASSWORD_MIN_LENGTH) throw authErrors.passwordTooShort(field, language);
  if (isPublishedPassword(password)) throw authErrors.passwordPublished(field, language);
  if (!checkPasswordStrength(password, personal)) throw authErrors.passwordTooWeak(field, language);
}
