/**
 * Contact details as job-seekers and operators actually type them: phone numbers
 * normalised to E.164 (ITU-T E.164, the "+39..." form that SMS gateways expect) and
 * e-mail addresses trimmed and checked against the RFC 5321 limits.
 */
import {
  parsePhoneNumberWithError,
  ParseError,
  validatePhoneNumberLength,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js/max';

// The "max" metadata is needed: the smaller bundles cannot tell mobile from fixed-line
// numbers, and that distinction decides whether we may send an SMS.

export type PhoneType = 'mobile' | 'fixed' | 'other';

export type PhoneInvalidReason = 'empty' | 'invalid_characters' | 'invalid_country' | 'too_short' | 'too_long' | 'invalid';

export type PhoneNormalisation =
  { valid: true; e164: string; type: PhoneType; national: string; country?: string } | { valid: false; reason: PhoneInvalidReason };

/** Longest input we bother parsing; real numbers with separators stay well below it. */
const MAX_PHONE_INPUT_LENGTH = 40;
/**
 * Digits, the usual separators, and one "+" at the start, possibly in brackets as in
 * "(+39)" (the Italian "0039" prefix is handled by the parser).
 */
const ALLOWED_PHONE_CHARACTERS = /^\(?\+?[\d\s\-./()]+$/;

function phoneType(number: PhoneNumber): PhoneType {
  switch (number.getType()) {
    case 'MOBILE':
      return 'mobile';
    case 'FIXED_LINE':
      return 'fixed';
    default:
      // FIXED_LINE_OR_MOBILE (e.g. North America), toll-free, VoIP, premium...: we cannot
      // promise that an SMS would arrive, so callers treat them as "other".
      return 'other';
  }
}

function reasonFromParseError(error: ParseError): PhoneInvalidReason {
  switch (error.message) {
    case 'INVALID_COUNTRY':
      return 'invalid_country';
    case 'TOO_SHORT':
      return 'too_short';
    case 'TOO_LONG':
      return 'too_long';
    default:
      return 'invalid';
  }
}

/**
 * Parses a phone number, by default as Italian: "059 123456", "333-123 4567",
 * "+39 333 1234567" and "0039 333 1234567" all work. Numbers must be valid for their
 * country's numbering plan, not merely of a plausible length. Letters (vanity numbers,
 * "int. 12" extensions) are rejected rather than guessed at.
 */
export function normalisePhoneNumber(input: string, options: { defaultCountry?: CountryCode } = {}): PhoneNormalisation {
  const text = input.trim();
  if (text === '') return { valid: false, reason: 'empty' };
  if (text.length > MAX_PHONE_INPUT_LENGTH) return { valid: false, reason: 'too_long' };
  if (!ALLOWED_PHONE_CHARACTERS.test(text)) return { valid: false, reason: 'invalid_characters' };

  const country = options.defaultCountry ?? 'IT';
  let number: PhoneNumber;
  try {
    number = parsePhoneNumberWithError(text, country);
  } catch (error) {
    if (error instanceof ParseError) return { valid: false, reason: reasonFromParseError(error) };
    throw error;
  }
  if (!number.isValid()) {
    // Report length problems specifically: a missing or extra digit is the usual typo.
    const length = validatePhoneNumberLength(text, country);
    if (length === 'TOO_SHORT') return { valid: false, reason: 'too_short' };
    if (length === 'TOO_LONG') return { valid: false, reason: 'too_long' };
    return { valid: false, reason: 'invalid' };
  }
  return {
    valid: true,
    e164: number.number,
    type: phoneType(number),
    national: number.formatNational(),
    ...(number.country ? { country: number.country } : {}),
  };
}

export type EmailInvalidReason = 'empty' | 'too_long' | 'format' | 'local_part' | 'domain';

export type EmailValidation = { valid: true; email: string } | { valid: false; reason: EmailInvalidReason };

/** RFC 5321 §4.5.3.1: 64 octets of local part, 254 for the usable address (path 256 − "<>"). */
const MAX_EMAIL_LENGTH = 254;
const MAX_LOCAL_PART_LENGTH = 64;
const MAX_DOMAIN_LENGTH = 253;
/** RFC 5322 "atext" joined by single dots (dot-atom); quoted local parts are not accepted. */
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
/** A DNS label: letters (including non-ASCII, for IDN), digits, inner hyphens, ≤ 63 chars. */
const DOMAIN_LABEL = /^(?!-)[\p{L}\p{N}-]{1,63}(?<!-)$/u;
/** The top-level domain is never all-numeric; "xn--" labels cover punycode TLDs. */
const TOP_LEVEL_DOMAIN = /^(?:\p{L}{2,63}|xn--[a-z0-9-]{2,59})$/u;

/**
 * Trims and lower-cases the domain. The local part keeps its case: RFC 5321 §2.4 lets
 * the receiving server treat it as case-sensitive, even if few do.
 */
export function normaliseEmail(s: string): string {
  const email = s.trim();
  const at = email.lastIndexOf('@');
  if (at < 0) return email;
  return email.slice(0, at) + '@' + email.slice(at + 1).toLowerCase();
}

/**
 * Rejects addresses that are obviously wrong (no "@", spaces, empty or dotted-away
 * parts, a domain without a dot, over-long parts). It does not try to prove an address
 * exists: only a confirmation e-mail can do that.
 */
export function validateEmail(s: string): EmailValidation {
  const email = normaliseEmail(s);
  if (email === '') return { valid: false, reason: 'empty' };
  if (email.length > MAX_EMAIL_LENGTH) return { valid: false, reason: 'too_long' };
  if (/\s/.test(email)) return { valid: false, reason: 'format' };
  const parts = email.split('@');
  if (parts.length !== 2) return { valid: false, reason: 'format' };
  const [local = '', domain = ''] = parts;
  if (local === '' || domain === '') return { valid: false, reason: 'format' };
  if (local.length > MAX_LOCAL_PART_LENGTH || !LOCAL_PART.test(local)) {
    return { valid: false, reason: 'local_part' };
  }
  if (domain.length > MAX_DOMAIN_LENGTH) return { valid: false, reason: 'domain' };
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) {
    return { valid: false, reason: 'domain' };
  }
  if (!TOP_LEVEL_DOMAIN.test(labels[labels.length - 1] ?? '')) return { valid: false, reason: 'domain' };
  return { valid: true, email };
}
