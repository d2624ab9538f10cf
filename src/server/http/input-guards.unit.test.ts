import { describe, expect, it } from 'vitest';
import { isStorableText, unstorableTextPaths } from './input-guards.js';

describe('text the database can store', () => {
  it('accepts Italian names, accents, apostrophes and characters outside the BMP', () => {
    for (const text of ["D'Angelo", 'De Luca Giovanna', 'Nicolò Barbieri', 'Dall’Olio', '😀 Emanuele', '', 'riga 1\nriga 2\t']) {
      expect(isStorableText(text), text).toBe(true);
    }
  });

  it('refuses a NUL character and a surrogate without its pair, wherever it is', () => {
    for (const text of ['\u0000', 'Rossi\u0000', '\ud800', 'Esposito\ud83d', '\ude00Conti', '\ude00\ud83d']) {
      expect(isStorableText(text), JSON.stringify(text)).toBe(false);
    }
  });

  it('names every bad field of a nested input once, keys included, and leaves files alone', () => {
    const input = {
      name: 'Ceramiche Barbieri',
      contacts: [{ name: 'De Luca Giovanna' }, { name: 'D\u0000Angelo', phone: '\ud800' }],
      'note\u0000': 'x',
      file: Buffer.from([0, 0xed, 0xa0, 0x80]),
    };
    expect(unstorableTextPaths(input, 'body')).toEqual(['body/contacts/1/name', 'body/contacts/1/phone', 'body/note\uFFFD']);
    expect(unstorableTextPaths(['ok', 'Rossi\u0000'], 'querystring')).toEqual(['querystring/1']);
    expect(unstorableTextPaths({ id: '2f0c4a1e-8a51-4c1b-9d0e-0b7a1d9e6a01' }, 'params')).toEqual([]);
  });
});
