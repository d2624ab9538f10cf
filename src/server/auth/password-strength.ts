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
