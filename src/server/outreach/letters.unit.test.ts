import { describe, expect, it } from 'vitest';
import { addressLines, keepPhoneNumbersTogether } from './letters.js';

describe('letters', () => {
  it('keeps phone numbers on one line and leaves dates and other numbers alone', () => {
    expect(keepPhoneNumbersTogether('Chiami il +39 059 000 9999 dalle 10 alle 13.')).toBe(
      'Chiami il +39\u00a0059\u00a0000\u00a09999 dalle 10 alle 13.',
    );
    expect(keepPhoneNumbersTogether('Tel. 0536 000 400')).toBe('Tel. 0536\u00a0000\u00a0400');
    expect(keepPhoneNumbersTogether('La CIGS termina il 30/12/2026, tra 30 giorni.')).toBe('La CIGS termina il 30/12/2026, tra 30 giorni.');
  });

  it('writes the address block without salutation: name, street, CAP comune (province)', () => {
    expect(
      addressLines({ name: "Nicolò D'Angelo", address: 'Via Emilia Est 120, 41122', postalCode: '', comune: 'Modena', province: 'MO' }),
    ).toEqual(["Nicolò D'Angelo", 'Via Emilia Est 120', '41122 Modena (MO)']);
    expect(
      addressLines({ name: 'Giuseppe Esposito', address: 'Via Roma 12', postalCode: '41037', comune: 'Mirandola', province: 'MO' }),
    ).toEqual(['Giuseppe Esposito', 'Via Roma 12', '41037 Mirandola (MO)']);
    expect(
      addressLines({ name: 'Maria De Luca', address: 'Via Libertà 5', postalCode: '', comune: 'Vignola', province: 'MO' })[0],
    ).not.toMatch(/^Gentile/);
  });
});
