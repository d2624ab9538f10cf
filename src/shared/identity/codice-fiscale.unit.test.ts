import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  createPlaceLookup,
  combinePlaceLookups,
  isCadastralCodeShape,
  isForeignCadastralCode,
  parseForeignCountriesCsv,
  type CadastralPlace,
} from './cadastral-codes.js';
import {
  maskCodiceFiscale,
  checkConsistency,
  computeCheckCharacter,
  computeCodiceFiscale,
  decodeCodiceFiscale,
  InvalidCodiceFiscaleError,
  nameCode,
  normaliseCodiceFiscale,
  surnameCode,
  validateCodiceFiscale,
} from './codice-fiscale.js';

/*
 * Test vectors and where they come from (none is produced by the code under test):
 *
 * [PCF] fabiocaccamo/python-codicefiscale, tests/test_encode.py and tests/test_decode.py
 *       (published person -> code pairs, and the omocodes of CCCFBA85D03L219P).
 * [CFJS] lucavandro/CodiceFiscaleJS, test/cf.static.spec.ts (MRNLCU00A01H501J,
 *       MRNLCU00A01Z100P, the BNZVCN32S10E573Z omocodes, the bad VNDLDL87D07B963G).
 * [HAND] built here by hand from D.M. 23/12/1976: letters per the surname/name rules,
 *       check character summed with the decree's odd/even tables (two sums are written
 *       out below) and re-checked with a separate throw-away script.
 * Every [PCF]/[CFJS] check character was also re-verified the same way.
 */

const REFERENCE_DATE = new Date('2025-06-15T12:00:00Z');

const foreignCountries = parseForeignCountriesCsv(
  readFileSync(new URL('../../../data/reference/foreign-countries-cadastral.csv', import.meta.url), 'utf8'),
);
// Comune codes are public facts (Agenzia delle Entrate list); only the few used here.
const comuni: CadastralPlace[] = [
  { kind: 'comune', code: 'L219', name: 'Torino', province: 'TO' },
  { kind: 'comune', code: 'H501', name: 'Roma', province: 'RM' },
];
const placeByCadastralCode = combinePlaceLookups(createPlaceLookup(comuni), createPlaceLookup(foreignCountries));

describe('normaliseCodiceFiscale', () => {
  it('trims, upper-cases and removes inner spaces', () => {
    expect(normaliseCodiceFiscale('  rssmra 85t10\ta562s \n')).toBe('RSSMRA85T10A562S');
  });
});

describe('computeCheckCharacter', () => {
  it('matches hand-computed sums', () => {
    // [HAND] R8 S18 S12 M12 R8 A0 8:19 5:5 T14 1:1 0:1 A0 5:13 6:6 2:5 = 122; 122 mod 26 = 18 -> S
    expect(computeCheckCharacter('RSSMRA85T10A562')).toBe('S');
    // [HAND] M18 R17 N20 L11 C5 U20 0:1 0:0 A1 0:0 1:0 H7 5:13 0:0 1:0 = 113; mod 26 = 9 -> J
    expect(computeCheckCharacter('MRNLCU00A01H501')).toBe('J');
  });
});

describe('validateCodiceFiscale', () => {
  it.each([
    'RSSMRA85T10A562S', // [HAND] the classic Mario Rossi example
    'MRNLCU00A01H501J', // [CFJS]
    'MRNLCU00A01Z100P', // [CFJS] born in Albania
    'THDSDA95P08Z330H', // [PCF] born in Morocco
    'BLSLGS84C22Z145O', // [PCF] born in Latvia
    'BRNGNN71B26L219T', // [PCF]
    'CCCFBA85D03L219P', // [PCF]
    'GMBLSN84A05G674H', // [PCF]
    'MRTMRA83T56A269B', // [PCF] woman
    'PNLMHL79R27I158P', // [PCF]
    'QTRDRA71P13G388J', // [PCF]
    'TKKYKU87B68L219F', // [PCF] woman, 28 February
    'RSSMRA68A01H501Y', // [PCF]
    'RSSMRA50B17A558W', // [PCF]
  ])('accepts %s', (cf) => {
    expect(validateCodiceFiscale(cf)).toEqual({ valid: true });
  });

  it('accepts lower case and spaces', () => {
    expect(validateCodiceFiscale(' ccc fba 85d03 l219p ')).toEqual({ valid: true });
  });

  it.each([
    'VNDLDL87D07B963G', // [CFJS] published as invalid; the right character is O
    'RSSMRA85T10A562T',
    'CCCFBA85D03L219Q',
    'MRNLCU00A01H501K',
  ])('rejects the wrong check character in %s', (cf) => {
    expect(validateCodiceFiscale(cf)).toEqual({ valid: false, reason: 'check_character' });
  });

  it.each([
    '',
    'RSSMRA85T10A562', // 15 characters
    'MRNLCU00A01H501JK', // [CFJS] 17 characters
    'MRNLCU00A01H501J3', // [CFJS]
    'CC0FBA85X03L219P', // [PCF] digit in the surname part
    'CCCFBAA5D03L219X', // "A" is not an omocodia letter
    'CCCFBA85D03L2W9A', // "W" is not an omocodia letter
    'CCCFBA85303L219P', // digit where the month letter goes
    'CCCFBA85D031219P', // digit where the birthplace letter goes
    'CCCFBA85D03L2195', // digit as check character
    'RSSMRA-85T10A562S',
  ])('rejects the malformed %j', (cf) => {
    expect(validateCodiceFiscale(cf)).toEqual({ valid: false, reason: 'format' });
  });

  it.each([
    ['CCCFBA85B31L219E', '31 February'], // [HAND]
    ['CCCFBA85B70L219J', '30 February, woman'], // [HAND]
    ['CCCFBA85B29L219Y', '29 February of a non-leap year'], // [HAND]
    ['CCCFBA85D31L219L', '31 April'], // [HAND]
    ['CCCFBA85D71L219P', '31 April, woman'], // [HAND]
    ['CCCFBA85D00L219J', 'day 00'], // [HAND]
    ['CCCFBA85D32L219Q', 'day 32'], // [HAND]
    ['CCCFBA85D40L219N', 'day 40 (neither sex)'], // [HAND]
    ['CCCFBA85D72L219U', 'day 72'], // [HAND]
    ['CCCFBA85F03L219V', 'F is not a month letter'], // [HAND]
  ])('rejects %s (%s)', (cf) => {
    expect(validateCodiceFiscale(cf)).toEqual({ valid: false, reason: 'date' });
  });

  it.each([
    ['CCCFBA84B29L219X', '29 February 1984'],
    ['CCCFBA00B29L219B', '29 February 2000'],
    ['CCCFBA85E31L219N', '31 May'],
    ['CCCFBA85D41L219M', 'day 41: a woman born on the 1st'],
  ])('accepts the possible date in %s (%s)', (cf) => {
    // [HAND] check characters
    expect(validateCodiceFiscale(cf)).toEqual({ valid: true });
  });

  it('rejects birthplaces that no code can have', () => {
    // [HAND] N is past the comuni range A-M; Z000 is not a country
    expect(validateCodiceFiscale('CCCFBA85D03N219R')).toEqual({ valid: false, reason: 'place' });
    expect(validateCodiceFiscale('CCCFBA85D03Z000E')).toEqual({ valid: false, reason: 'place' });
  });

  it('rejects unknown birthplaces only when asked to', () => {
    const isKnownPlace = (code: string) => placeByCadastralCode(code) !== undefined;
    expect(validateCodiceFiscale('CCCFBA85D03L219P', { isKnownPlace })).toEqual({ valid: true });
    expect(validateCodiceFiscale('RSSMRA85T10A562S')).toEqual({ valid: true });
    expect(validateCodiceFiscale('RSSMRA85T10A562S', { isKnownPlace })).toEqual({
      valid: false,
      reason: 'place',
    });
  });
});

describe('omocodia', () => {
  const base = 'CCCFBA85D03L219P';
  const decodedBase = decodeCodiceFiscale(base, { placeByCadastralCode, referenceDate: REFERENCE_DATE });

  // [PCF] one substitution at a time, for each of the seven digit positions
  it.each([
    ['CCCFBA85D03L21VE', 15],
    ['CCCFBA85D03L2M9A', 14],
    ['CCCFBA85D03LN19E', 13],
    ['CCCFBA85D0PL219L', 11],
    ['CCCFBA85DL3L219A', 10],
    ['CCCFBA8RD03L219B', 8],
    ['CCCFBAU5D03L219M', 7],
    ['CCCFBAURDLPLNMVU', 0], // all seven
  ])('%s (position %i) is valid and decodes like the base code', (cf) => {
    expect(validateCodiceFiscale(cf)).toEqual({ valid: true });
    const decoded = decodeCodiceFiscale(cf, { placeByCadastralCode, referenceDate: REFERENCE_DATE });
    expect(decoded).toEqual({ ...decodedBase, omocodia: true });
  });

  it('reports no omocodia for the base code', () => {
    expect(decodedBase).toEqual({
      birthDate: '1985-04-03',
      sex: 'M',
      cadastralCode: 'L219',
      place: { kind: 'comune', code: 'L219', name: 'Torino', province: 'TO' },
      omocodia: false,
    });
  });

  it('accepts the omocodes published with CodiceFiscaleJS', () => {
    // [CFJS]
    for (const cf of ['BNZVCN32S10E573Z', 'BNZVCN32S10E57PV', 'BNZVCNPNSMLERTPX']) {
      expect(validateCodiceFiscale(cf)).toEqual({ valid: true });
      expect(decodeCodiceFiscale(cf, { referenceDate: REFERENCE_DATE })).toMatchObject({
        birthDate: '1932-11-10',
        sex: 'M',
        cadastralCode: 'E573',
      });
    }
  });
});

describe('decodeCodiceFiscale', () => {
  const decode = (cf: string, referenceDate = REFERENCE_DATE) => decodeCodiceFiscale(cf, { placeByCadastralCode, referenceDate });

  it('decodes a woman (day + 40)', () => {
    // [PCF] Maria Martini, 16/12/1983; Yuuki Takakura, 28/02/1987
    expect(decode('MRTMRA83T56A269B')).toMatchObject({ birthDate: '1983-12-16', sex: 'F' });
    expect(decode('TKKYKU87B68L219F')).toMatchObject({ birthDate: '1987-02-28', sex: 'F' });
  });

  it('decodes people born abroad with the country from the reference table', () => {
    expect(decode('THDSDA95P08Z330H')).toEqual({
      birthDate: '1995-09-08',
      sex: 'M',
      cadastralCode: 'Z330',
      place: { kind: 'country', code: 'Z330', name: 'Marocco', isoAlpha2: 'MA' },
      omocodia: false,
    }); // [PCF]
    expect(decode('BLSLGS84C22Z145O').place).toMatchObject({ name: 'Lettonia', isoAlpha2: 'LV' }); // [PCF]
    expect(decode('MRNLCU00A01Z100P').place).toMatchObject({ name: 'Albania', isoAlpha2: 'AL' }); // [CFJS]
    expect(decode('SMTJHN78S02Z404G')).toMatchObject({
      birthDate: '1978-11-02',
      place: { kind: 'country', code: 'Z404', isoAlpha2: 'US' },
    }); // [HAND] John Smith, 2/11/1978, United States
  });

  it('leaves place out when the lookup does not know the code, or there is none', () => {
    const decoded = decode('RSSMRA85T10A562S');
    expect(decoded.cadastralCode).toBe('A562');
    expect(decoded).not.toHaveProperty('place');
    expect(decodeCodiceFiscale('MRNLCU00A01H501J', { referenceDate: REFERENCE_DATE })).not.toHaveProperty('place');
  });

  it('resolves the century to the latest date not after the reference date', () => {
    expect(decode('MRNLCU00A01H501J').birthDate).toBe('2000-01-01');
    expect(decode('CCCFBA25A10L219Q').birthDate).toBe('2025-01-10'); // [HAND] before the reference
    expect(decode('CCCFBA25T10L219D').birthDate).toBe('1925-12-10'); // [HAND] after it: a century back
    expect(decode('CCCFBA25T10L219D', new Date('2025-12-10T00:00:00Z')).birthDate).toBe('2025-12-10');
    expect(decode('MRNLCU00A01H501J', new Date('1999-12-31T00:00:00Z')).birthDate).toBe('1900-01-01');
  });

  it('does not invent 29 February 1900', () => {
    // 2000 is after this reference date, and 1900 was not a leap year
    expect(() => decode('CCCFBA00B29L219B', new Date('1999-12-31T00:00:00Z'))).toThrow(expect.objectContaining({ reason: 'date' }));
    expect(decode('CCCFBA00B29L219B').birthDate).toBe('2000-02-29');
  });

  it('throws InvalidCodiceFiscaleError with the reason', () => {
    expect(() => decode('VNDLDL87D07B963G')).toThrow(InvalidCodiceFiscaleError);
    expect(() => decode('CCCFBA85B31L219E')).toThrow(expect.objectContaining({ reason: 'date' }));
  });
});

describe('surnameCode and nameCode', () => {
  it.each([
    ['Rossi', 'RSS'], // [HAND]
    ['Caccamo', 'CCC'], // [PCF]
    ['Fò', 'FOX'], // [PCF] accent dropped, padded with X
    ["D'Angelo", 'DNG'], // [HAND] apostrophe ignored
    ['De Luca', 'DLC'], // [HAND] space ignored
    ['Ait Hadda', 'THD'], // [PCF]
    ['Takakura', 'TKK'], // [PCF]
    ['Bo', 'BOX'], // [HAND] fewer than three letters
    ['Oe', 'OEX'], // [HAND] vowels only
    ['', 'XXX'], // [PCF]
    ['Müller-Lüdenscheidt', 'MLL'], // [HAND] umlauts and hyphen
    ['Øberg', 'BRG'], // [HAND] Ø becomes O
  ])('surname %j -> %s', (surname, code) => {
    expect(surnameCode(surname)).toBe(code);
  });

  it.each([
    ['Mario', 'MRA'], // [HAND]
    ['Alessandro', 'LSN'], // [PCF] four or more consonants: 1st, 3rd, 4th
    ['Giovanni', 'GNN'], // [PCF] G V N N -> G N N
    ['Michele', 'MHL'], // [PCF] M C H L -> M H L
    ['Fabio', 'FBA'], // [PCF]
    ['Dario', 'DRA'], // [PCF] two consonants
    ['Maria', 'MRA'], // [PCF]
    ['Hu', 'HUX'], // [PCF] padded
    ['Yuuki', 'YKU'], // [PCF] Y counts as a consonant
    ['Saad', 'SDA'], // [PCF]
    ['Nicolò', 'NCL'], // [HAND] accent dropped
    ['Gian Luca', 'GLC'], // [HAND] G N L C -> G L C
    ['Ida', 'DIA'], // [HAND] one consonant
    ['', 'XXX'], // [PCF]
  ])('name %j -> %s', (name, code) => {
    expect(nameCode(name)).toBe(code);
  });
});

describe('computeCodiceFiscale', () => {
  it.each([
    // [PCF] published inputs and results
    ['Ait Hadda', 'Saad', 'M', '1995-09-08', 'Z330', 'THDSDA95P08Z330H'],
    ['Belousovs', 'Olegs', 'M', '1984-03-22', 'Z145', 'BLSLGS84C22Z145O'],
    ['Bruno', 'Giovanni', 'M', '1971-02-26', 'L219', 'BRNGNN71B26L219T'],
    ['Caccamo', 'Fabio', 'M', '1985-04-03', 'L219', 'CCCFBA85D03L219P'],
    ['Gomba', 'Alessandro', 'M', '1984-01-05', 'G674', 'GMBLSN84A05G674H'],
    ['Martini', 'Maria', 'F', '1983-12-16', 'A269', 'MRTMRA83T56A269B'],
    ['Panella', 'Michele', 'M', '1979-10-27', 'I158', 'PNLMHL79R27I158P'],
    ['Quatrini', 'Dario', 'M', '1971-09-13', 'G388', 'QTRDRA71P13G388J'],
    ['Takakura', 'Yuuki', 'F', '1987-02-28', 'L219', 'TKKYKU87B68L219F'],
    ['Rossi', 'Mario', 'M', '1950-02-17', 'A558', 'RSSMRA50B17A558W'],
    // [CFJS]
    ['Moreno', 'Luca', 'M', '2000-01-01', 'H501', 'MRNLCU00A01H501J'],
    ['Moreno', 'Luca', 'M', '2000-01-01', 'Z100', 'MRNLCU00A01Z100P'],
    // [HAND]
    ['Rossi', 'Mario', 'M', '1985-12-10', 'A562', 'RSSMRA85T10A562S'],
    ["D'Angelo", 'Nicolò', 'M', '1990-07-15', 'F205', 'DNGNCL90L15F205W'],
    ['De Luca', 'Maria', 'F', '1992-03-05', 'H501', 'DLCMRA92C45H501E'],
    ['Smith', 'John', 'M', '1978-11-02', 'Z404', 'SMTJHN78S02Z404G'],
  ] as const)('%s %s -> %s', (surname, name, sex, birthDate, birthPlaceCadastralCode, expected) => {
    expect(computeCodiceFiscale({ surname, name, sex, birthDate, birthPlaceCadastralCode })).toBe(expected);
  });

  it('substitutes digits right to left for omocodia levels', () => {
    const person = {
      surname: 'Caccamo',
      name: 'Fabio',
      sex: 'M',
      birthDate: '1985-04-03',
      birthPlaceCadastralCode: 'L219',
    } as const;
    // [PCF] the right-to-left omocodes of CCCFBA85D03L219P
    expect(computeCodiceFiscale(person, { omocodiaLevel: 1 })).toBe('CCCFBA85D03L21VE');
    expect(computeCodiceFiscale(person, { omocodiaLevel: 2 })).toBe('CCCFBA85D03L2MVP');
    expect(computeCodiceFiscale(person, { omocodiaLevel: 3 })).toBe('CCCFBA85D03LNMVE');
    expect(computeCodiceFiscale(person, { omocodiaLevel: 7 })).toBe('CCCFBAURDLPLNMVU');
  });

  it('rejects impossible input', () => {
    const person = { surname: 'Rossi', name: 'Mario', sex: 'M', birthPlaceCadastralCode: 'H501' } as const;
    expect(() => computeCodiceFiscale({ ...person, birthDate: '1985-02-30' })).toThrow(RangeError);
    expect(() => computeCodiceFiscale({ ...person, birthDate: '10/12/1985' })).toThrow(RangeError);
    expect(() => computeCodiceFiscale({ ...person, birthDate: '1985-12-10', birthPlaceCadastralCode: 'H50' })).toThrow(RangeError);
    expect(() => computeCodiceFiscale({ ...person, birthDate: '1985-12-10' }, { omocodiaLevel: 8 })).toThrow(RangeError);
  });

  it('round-trips generated people through validate, decode and checkConsistency', () => {
    // A fixed pseudo-random walk instead of a property-testing library.
    let seed = 20250615;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const surnames = ["D'Angelo", 'De Luca', 'Fò', 'Xu', 'Esposito', 'Brambilla', 'Ng', 'Öztürk'];
    const names = ['Nicolò', 'Ai', 'Giancarlo', 'Maria Grazia', 'Li', 'Aurora', 'Tommaso'];
    const places = ['L219', 'H501', 'Z330', 'Z404', 'Z210', 'F205'];
    for (let i = 0; i < 300; i++) {
      const year = 1926 + next(99);
      const month = 1 + next(12);
      const day = 1 + next(new Date(Date.UTC(year, month, 0)).getUTCDate());
      const person = {
        surname: surnames[next(surnames.length)] ?? '',
        name: names[next(names.length)] ?? '',
        sex: next(2) === 0 ? 'M' : 'F',
        birthDate: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
        birthPlaceCadastralCode: places[next(places.length)] ?? '',
      } as const;
      const cf = computeCodiceFiscale(person, { omocodiaLevel: next(8) });
      expect(validateCodiceFiscale(cf)).toEqual({ valid: true });
      const decoded = decodeCodiceFiscale(cf, { referenceDate: REFERENCE_DATE });
      expect(decoded).toMatchObject({
        birthDate: person.birthDate,
        sex: person.sex,
        cadastralCode: person.birthPlaceCadastralCode,
      });
      expect(checkConsistency(cf, person)).toEqual([]);
    }
  });
});

describe('checkConsistency', () => {
  const fabio = {
    surname: 'Caccamo',
    name: 'Fabio',
    birthDate: '1985-04-03',
    sex: 'M',
    birthPlaceCadastralCode: 'L219',
  } as const;

  it('finds nothing wrong when everything matches', () => {
    expect(checkConsistency('CCCFBA85D03L219P', fabio)).toEqual([]);
    expect(checkConsistency(' cccfba85d03l219p ', { ...fabio, birthPlaceCadastralCode: 'l219' })).toEqual([]);
  });

  it('is omocodia-aware', () => {
    for (const cf of ['CCCFBA85D03L21VE', 'CCCFBA8RD03L219B', 'CCCFBAURDLPLNMVU']) {
      expect(checkConsistency(cf, fabio)).toEqual([]);
    }
  });

  it('reports each mismatching field', () => {
    const cf = 'CCCFBA85D03L219P';
    expect(checkConsistency(cf, { ...fabio, surname: 'Rossi' })).toEqual(['surname']);
    expect(checkConsistency(cf, { ...fabio, name: 'Mario' })).toEqual(['name']);
    expect(checkConsistency(cf, { ...fabio, birthDate: '1985-04-04' })).toEqual(['birthDate']);
    expect(checkConsistency(cf, { ...fabio, birthDate: '1985-05-03' })).toEqual(['birthDate']);
    expect(checkConsistency(cf, { ...fabio, birthDate: '1986-04-03' })).toEqual(['birthDate']);
    expect(checkConsistency(cf, { ...fabio, sex: 'F' })).toEqual(['sex']);
    expect(checkConsistency(cf, { ...fabio, birthPlaceCadastralCode: 'H501' })).toEqual(['birthPlace']);
    expect(
      checkConsistency(cf, {
        surname: 'Rossi',
        name: 'Maria',
        birthDate: '1990-01-01',
        sex: 'F',
        birthPlaceCadastralCode: 'Z404',
      }),
    ).toEqual(['surname', 'name', 'birthDate', 'sex', 'birthPlace']);
  });

  it('does not depend on the century', () => {
    // The code holds "85" only: 1885 is consistent with it, by design.
    expect(checkConsistency('CCCFBA85D03L219P', { ...fabio, birthDate: '1885-04-03' })).toEqual([]);
  });

  it('skips the birthplace when none is declared', () => {
    const { birthPlaceCadastralCode: _omit, ...withoutPlace } = fabio;
    expect(checkConsistency('CCCFBA85D03L219P', withoutPlace)).toEqual([]);
  });

  it('matches accented and apostrophised names like the code does', () => {
    const person = { surname: "D'Angelo", name: 'Nicolo', birthDate: '1990-07-15', sex: 'M' } as const;
    expect(checkConsistency('DNGNCL90L15F205W', person)).toEqual([]);
    expect(checkConsistency('DNGNCL90L15F205W', { ...person, surname: 'd angelo', name: 'NICOLÒ' })).toEqual([]);
  });

  it('throws on an invalid code or date', () => {
    expect(() => checkConsistency('CCCFBA85D03L219Q', fabio)).toThrow(InvalidCodiceFiscaleError);
    expect(() => checkConsistency('CCCFBA85D03L219P', { ...fabio, birthDate: '1985-04-31' })).toThrow(RangeError);
  });
});

describe('foreign-countries reference table', () => {
  it('covers the current states with unique codes', () => {
    expect(foreignCountries.length).toBeGreaterThanOrEqual(196);
    const codes = foreignCountries.map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
    const isoCodes = foreignCountries.flatMap((p) => (p.kind === 'country' && p.isoAlpha2 ? [p.isoAlpha2] : []));
    expect(new Set(isoCodes).size).toBe(isoCodes.length);
    expect(codes.every(isForeignCadastralCode)).toBe(true);
  });

  it('knows a few codes checked against both sources', () => {
    expect(placeByCadastralCode('Z404')).toMatchObject({ name: "Stati Uniti d'America", isoAlpha2: 'US' });
    expect(placeByCadastralCode('z112')).toMatchObject({ name: 'Germania', isoAlpha2: 'DE' });
    expect(placeByCadastralCode('Z907')).toMatchObject({ name: 'Sud Sudan', isoAlpha2: 'SS' });
    expect(placeByCadastralCode('Z160')).toEqual({ kind: 'country', code: 'Z160', name: 'Kosovo' });
    expect(placeByCadastralCode('Z999')).toBeUndefined();
  });
});

describe('cadastral-codes helpers', () => {
  it('checks code shapes', () => {
    expect(isCadastralCodeShape('A001')).toBe(true);
    expect(isCadastralCodeShape('M297')).toBe(true);
    expect(isCadastralCodeShape('Z404')).toBe(true);
    expect(isCadastralCodeShape('N001')).toBe(false);
    expect(isCadastralCodeShape('A000')).toBe(false);
    expect(isCadastralCodeShape('a001')).toBe(false);
    expect(isForeignCadastralCode('Z404')).toBe(true);
    expect(isForeignCadastralCode('L219')).toBe(false);
  });

  it('parses quoted fields, CRLF and a BOM', () => {
    const csv = '\uFEFFcode,name_it,iso_alpha2\r\nZ404,"Stati Uniti d\'America",US\r\nZ160,"Kosovo, ""Repubblica""",\r\n';
    expect(parseForeignCountriesCsv(csv)).toEqual([
      { kind: 'country', code: 'Z404', name: "Stati Uniti d'America", isoAlpha2: 'US' },
      { kind: 'country', code: 'Z160', name: 'Kosovo, "Repubblica"' },
    ]);
  });

  it('fails loudly on damaged data', () => {
    expect(() => parseForeignCountriesCsv('code,name\nZ404,USA')).toThrow(/header/);
    expect(() => parseForeignCountriesCsv('code,name_it,iso_alpha2\nL219,Torino,IT')).toThrow(/Line 2/);
    expect(() => parseForeignCountriesCsv('code,name_it,iso_alpha2\nZ404,USA,usa')).toThrow(/ISO/);
    expect(() => parseForeignCountriesCsv('code,name_it,iso_alpha2\nZ404,"USA,US')).toThrow(/unterminated/);
    expect(() => createPlaceLookup([...foreignCountries, ...foreignCountries])).toThrow(/Duplicate/);
  });
});

describe('maskCodiceFiscale', () => {
  it('keeps only the last four characters, which tell two people of the same name and birth date apart', () => {
    const a = computeCodiceFiscale({
      surname: 'Russo',
      name: 'Giuseppe',
      birthDate: '1968-03-12',
      sex: 'M',
      birthPlaceCadastralCode: 'F257',
    });
    const b = computeCodiceFiscale({
      surname: 'Russo',
      name: 'Giuseppe',
      birthDate: '1968-03-12',
      sex: 'M',
      birthPlaceCadastralCode: 'F839',
    });
    expect(maskCodiceFiscale(a)).toBe(`${'•'.repeat(12)}${a.slice(-4)}`);
    expect(maskCodiceFiscale(a)).not.toBe(maskCodiceFiscale(b));
    expect(maskCodiceFiscale(` ${a.toLowerCase().slice(0, 8)} ${a.toLowerCase().slice(8)} `)).toBe(maskCodiceFiscale(a));
  });
});
