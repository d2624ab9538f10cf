import { describe, expect, it } from 'vitest';
import { normaliseEmail, normalisePhoneNumber, validateEmail } from './phone.js';

/*
 * Phone vectors follow the Italian numbering plan (AGCOM, Piano di numerazione): fixed
 * lines start with 0 and keep it after +39 (059 = Modena, 06 = Roma), mobiles start with
 * 3, 800 is toll-free. The digits themselves are made up.
 */

describe('normalisePhoneNumber', () => {
  it.each([
    ['059 123456', '+39059123456', 'fixed', '059 123456'],
    ['059/1234567', '+390591234567', 'fixed', '059 123 4567'],
    ['06 1234 5678', '+390612345678', 'fixed', '06 1234 5678'],
    ['+39 333 1234567', '+393331234567', 'mobile', '333 123 4567'],
    ['0039 333 1234567', '+393331234567', 'mobile', '333 123 4567'],
    ['0039-333-1234567', '+393331234567', 'mobile', '333 123 4567'],
    ['333-123 4567', '+393331234567', 'mobile', '333 123 4567'],
    ['3331234567', '+393331234567', 'mobile', '333 123 4567'],
    ['(+39) 333.123.4567', '+393331234567', 'mobile', '333 123 4567'],
    ['  +39 059 123456  ', '+39059123456', 'fixed', '059 123456'],
    ['800 123456', '+39800123456', 'other', '800 123 456'],
  ])('%j -> %s (%s)', (input, e164, type, national) => {
    expect(normalisePhoneNumber(input)).toEqual({ valid: true, e164, type, national, country: 'IT' });
  });

  it('keeps foreign numbers given with their prefix', () => {
    expect(normalisePhoneNumber('+44 20 7946 0958')).toMatchObject({
      valid: true,
      e164: '+442079460958',
      type: 'fixed',
      country: 'GB',
    });
    // North American numbers do not tell mobile from fixed: "other", not a guess.
    expect(normalisePhoneNumber('+1 212 555 0123')).toMatchObject({ valid: true, type: 'other', country: 'US' });
  });

  it('honours another default country', () => {
    expect(normalisePhoneNumber('030 123456', { defaultCountry: 'DE' })).toMatchObject({
      valid: true,
      e164: '+4930123456',
      country: 'DE',
    });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['333 CALL ME', 'invalid_characters'],
    ['059 123456 int. 12', 'invalid_characters'],
    ['+39 333 123456+7', 'invalid_characters'],
    ['12', 'too_short'],
    ['0039', 'too_short'],
    ['333 1234567890123', 'too_long'],
    ['3'.repeat(41), 'too_long'],
    ['+999 1234', 'invalid_country'],
    ['+39 999 123456', 'invalid'],
  ])('rejects %j as %s', (input, reason) => {
    expect(normalisePhoneNumber(input)).toEqual({ valid: false, reason });
  });
});

describe('normaliseEmail', () => {
  it('trims and lower-cases the domain only', () => {
    expect(normaliseEmail('  Mario.Rossi@Example.IT ')).toBe('Mario.Rossi@example.it');
    expect(normaliseEmail('no-at-sign')).toBe('no-at-sign');
  });
});

describe('validateEmail', () => {
  it.each([
    ['mario.rossi@example.it', 'mario.rossi@example.it'],
    [' Mario.Rossi@CPI.Regione.Emilia-Romagna.IT ', 'Mario.Rossi@cpi.regione.emilia-romagna.it'],
    ['a+tag@example.com', 'a+tag@example.com'],
    ["o'brien@example.ie", "o'brien@example.ie"],
    ['user@sub.example.xn--p1ai', 'user@sub.example.xn--p1ai'],
    ['utente@città.it', 'utente@città.it'],
  ])('accepts %j', (input, email) => {
    expect(validateEmail(input)).toEqual({ valid: true, email });
  });

  const longLocal = 'a'.repeat(65);
  const longLabel = 'b'.repeat(64);
  const tooLong = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(60)}.it`;

  it.each([
    ['', 'empty'],
    ['  ', 'empty'],
    [tooLong, 'too_long'],
    ['mario rossi@example.it', 'format'],
    ['mario.rossi.example.it', 'format'],
    ['mario@rossi@example.it', 'format'],
    ['@example.it', 'format'],
    ['mario@', 'format'],
    ['.mario@example.it', 'local_part'],
    ['mario.@example.it', 'local_part'],
    ['ma..rio@example.it', 'local_part'],
    ['"mario rossi"@example.it', 'format'],
    ['ma(rio)@example.it', 'local_part'],
    [`${longLocal}@example.it`, 'local_part'],
    ['mario@localhost', 'domain'],
    ['mario@example', 'domain'],
    ['mario@-example.it', 'domain'],
    ['mario@example-.it', 'domain'],
    ['mario@example..it', 'domain'],
    ['mario@example.it.', 'domain'],
    ['mario@192.168.0.1', 'domain'],
    ['mario@example.i', 'domain'],
    [`mario@${longLabel}.it`, 'domain'],
    ['mario@exa_mple.it', 'domain'],
  ])('rejects %j as %s', (input, reason) => {
    expect(validateEmail(input)).toEqual({ valid: false, reason });
  });

  it('accepts exactly 254 characters', () => {
    const email = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}.it`;
    expect(email).toHaveLength(254);
    expect(validateEmail(email)).toEqual({ valid: true, email });
  });
});
