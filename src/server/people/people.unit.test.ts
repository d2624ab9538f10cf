import { describe, expect, it } from 'vitest';
import { companyTaxCodeSchema, isValidPartitaIva, partitaIvaCheckDigit } from '../../shared/schemas/companies.schema.js';
import { codiceFiscaleSchema, createWorkerRequestSchema } from '../../shared/schemas/people.schema.js';
import { computeCodiceFiscale } from '../../shared/identity/codice-fiscale.js';
import { classifySearch } from './worker-search.js';
import { normaliseName, searchNameCandidates, searchNameOf, tidyName } from './worker-names.js';
import { buildWorkers, SURNAMES } from '../../../tests/factories/workers.js';
import { canAccessWorker, canEditWorkers, workerOfficeFilter } from './worker.policy.js';
import type { Actor } from '../auth/index.js';

describe('partita IVA check digit', () => {
  it('accepts real-shaped numbers whose 11th digit is the Luhn-like check', () => {
    // Published partite IVA of public bodies and large companies.
    expect(isValidPartitaIva('01114601006')).toBe(true);
    expect(isValidPartitaIva('00488410010')).toBe(true);
  });

  it('rejects any single-digit change, wrong length and letters', () => {
    const valid = '01114601006';
    for (let i = 0; i < 11; i++) {
      const changed = valid.slice(0, i) + String((Number(valid[i]) + 1) % 10) + valid.slice(i + 1);
      expect(isValidPartitaIva(changed)).toBe(false);
    }
    expect(isValidPartitaIva('0111460100')).toBe(false);
    expect(isValidPartitaIva('0111460100A')).toBe(false);
  });

  it('computes the check digit of a 10-digit base', () => {
    expect(partitaIvaCheckDigit('0111460100')).toBe('6');
    expect(isValidPartitaIva(`0287436036${partitaIvaCheckDigit('0287436036')}`)).toBe(true);
  });

  it('accepts a company tax code of 11 valid digits or 16 characters, with an Italian message otherwise', () => {
    expect(companyTaxCodeSchema.parse(' 01114601006 ')).toBe('01114601006');
    expect(companyTaxCodeSchema.parse('rssmra80a01f257s')).toBe('RSSMRA80A01F257S');
    const result = companyTaxCodeSchema.safeParse('01114601007');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/cifra di controllo/);
  });
});

describe('codice fiscale in the worker schema', () => {
  it('normalises spaces and case, and explains the failure', () => {
    const cf = computeCodiceFiscale({
      surname: 'Rossi',
      name: 'Mario',
      birthDate: '1980-01-01',
      sex: 'M',
      birthPlaceCadastralCode: 'F205',
    });
    expect(codiceFiscaleSchema.parse(` ${cf.slice(0, 6).toLowerCase()} ${cf.slice(6)}`)).toBe(cf);
    const wrongCheck = cf.slice(0, 15) + (cf[15] === 'A' ? 'B' : 'A');
    expect(codiceFiscaleSchema.safeParse(wrongCheck).error?.issues[0]?.message).toMatch(/carattere di controllo/);
    expect(codiceFiscaleSchema.safeParse('RSSMRA80').error?.issues[0]?.message).toMatch(/16 caratteri/);
  });

  it('needs only first and last name; phones become E.164', () => {
    const parsed = createWorkerRequestSchema.parse({ firstName: 'Anna', lastName: 'Zini', phone: '0039 347 555 0101' });
    expect(parsed.phone).toBe('+393475550101');
    expect(createWorkerRequestSchema.safeParse({ firstName: 'Anna' }).success).toBe(false);
  });
});

describe('name normalisation', () => {
  it('folds accents, apostrophes and case into "last first"', () => {
    expect(searchNameOf('Nicolò', 'D’Angelo')).toBe('dangelo nicolo');
    expect(searchNameOf('Maria  Luisa', 'De Luca')).toBe('deluca maria luisa');
    expect(normaliseName('  ÉLODIE-Anne ')).toBe('elodie anne');
  });

  it('joins surname particles to the next word, however they were typed or imported', () => {
    // The desk wrote "dangelo", the importer "d angelo": both must be one key.
    for (const spelling of ["D'Angelo", 'D’Angelo', 'D Angelo', 'DANGELO', "d'angelo"])
      expect(searchNameOf('Nicolò', spelling)).toBe('dangelo nicolo');
    for (const spelling of ['De Luca', 'DE LUCA', 'DeLuca', 'de  luca']) expect(searchNameOf('Giuseppe', spelling)).toBe('deluca giuseppe');
    expect(searchNameOf('Emanuele', "Dall'Olio")).toBe(searchNameOf('Emanuele', 'Dall Olio'));
    expect(searchNameOf('Emanuele', "Dall'Olio")).toBe('dallolio emanuele');
    expect(searchNameOf('Maria', 'Di Stefano')).toBe('distefano maria');
    expect(searchNameOf('Luca', 'Lo Russo')).toBe('lorusso luca');
    expect(normaliseName('De La Cruz')).toBe('delacruz');
    // A particle at the very end joins nothing.
    expect(normaliseName('Luca De')).toBe('luca de');
  });

  it('gives every key a name may be stored under, whichever field holds which part', () => {
    const desk = searchNameOf('Giuseppe', 'De Luca');
    // The hotline takes "Nome e cognome" in one box and cuts at the first space.
    const hotlineInOrder = searchNameOf('Giuseppe', 'De Luca');
    const hotlineReversed = searchNameOf('De', 'Luca Giuseppe');
    for (const [first, last] of [
      ['Giuseppe', 'De Luca'],
      ['De Luca', 'Giuseppe'],
      ['De', 'Luca Giuseppe'],
      ['Giuseppe De', 'Luca'],
    ] as const) {
      expect(searchNameCandidates(first, last)).toEqual(expect.arrayContaining([desk, hotlineInOrder, hotlineReversed]));
    }
    expect(searchNameCandidates('Maria Rosa', 'Bianchi')).toEqual(
      expect.arrayContaining([searchNameOf('Maria Rosa', 'Bianchi'), searchNameOf('Rosa', 'Bianchi Maria')]),
    );
    expect(searchNameCandidates('Anna', 'Conti')).not.toContain(searchNameOf('Anna', 'Costa'));
  });

  it('title-cases names typed in capitals only', () => {
    expect(tidyName('ROSSI  MARIA')).toBe('Rossi Maria');
    expect(tidyName("D'ANGELO")).toBe("D'Angelo");
    expect(tidyName('McDonald')).toBe('McDonald');
  });
});

describe('search text classification', () => {
  it('tells a codice fiscale, a phone number and a name apart', () => {
    expect(classifySearch('rssmra80')).toEqual({ kind: 'cf', value: 'RSSMRA80' });
    expect(classifySearch('347 555 01')).toEqual({ kind: 'phone', prefix: '+3934755501', suffix: '34755501' });
    expect(classifySearch('+39 347')).toEqual({ kind: 'phone', prefix: '+39347', suffix: null });
    expect(classifySearch('0039 347 555')).toEqual({ kind: 'phone', prefix: '+39347555', suffix: '0039347555' });
    // The last digits of +39 333 119 0056, not the country code 56.
    expect(classifySearch('0056')).toEqual({ kind: 'phone', prefix: '+56', suffix: '0056' });
    expect(classifySearch('4567')).toEqual({ kind: 'phone', prefix: '+394567', suffix: '4567' });
    expect(classifySearch('Maria Rossi')).toEqual({ kind: 'name', words: ['maria', 'rossi'], cfPrefix: null });
  });

  it('takes common surnames and full names for names, not for the start of a codice fiscale', () => {
    // Their 7th character is one of L M N P Q R S T U V, which once made them "codici fiscali".
    for (const q of [
      'Barbieri',
      'Esposito',
      'Benedetti',
      'Giuseppe',
      'Emanuele Barbieri',
      'Barbieri Emanuele',
      'Montanari',
      'Pellegrini',
      'Emanuele',
      "D'Angelo",
    ]) {
      expect(classifySearch(q), q).toMatchObject({ kind: 'name', cfPrefix: null });
    }
    for (const q of [...SURNAMES]) expect(classifySearch(q).kind, q).toBe('name');
    // Fitting the shape by accident ("Russo Anna": R U S S O A, N N in digit places, A a month):
    // still a name, and the code's prefix is only tried beside it.
    expect(classifySearch('Russo Anna')).toEqual({ kind: 'name', words: ['russo', 'anna'], cfPrefix: 'RUSSOANNA' });
    expect(classifySearch('De Luca')).toEqual({ kind: 'name', words: ['deluca'], cfPrefix: 'DELUCA' });
  });

  it('takes the shape of a codice fiscale, omocodia letters included, for one', () => {
    const workers = buildWorkers(80);
    for (const w of workers) {
      const cf = w.codiceFiscale!;
      expect(classifySearch(cf)).toEqual({ kind: 'cf', value: cf });
      expect(classifySearch(cf.toLowerCase().slice(0, 11))).toEqual({ kind: 'cf', value: cf.slice(0, 11) });
      expect(classifySearch(`${cf.slice(0, 6)} ${cf.slice(6, 11)}`)).toEqual({ kind: 'cf', value: cf.slice(0, 11) });
    }
    const omocode = computeCodiceFiscale(
      { surname: 'Barbieri', name: 'Emanuele', birthDate: '1975-04-12', sex: 'M', birthPlaceCadastralCode: 'F257' },
      { omocodiaLevel: 7 },
    );
    expect(omocode.slice(6, 8)).toMatch(/^[L-V]{2}$/);
    expect(classifySearch(omocode.slice(0, 9))).toMatchObject({ cfPrefix: omocode.slice(0, 9) });
    // Six to eight letters that fit the shape may be either: both are searched.
    expect(classifySearch('rssmra')).toEqual({ kind: 'name', words: ['rssmra'], cfPrefix: 'RSSMRA' });
  });
});

describe('worker policies', () => {
  const actor = (roles: Actor['roles'], officeId = 'o1'): Actor => ({
    userId: 'u',
    email: 'e',
    fullName: 'n',
    language: 'it',
    mustChangePassword: false,
    officeId,
    networkId: 'n1',
    roles,
    assignments: [],
    session: { tokenHash: '', csrfToken: '' },
  });

  it('scopes front office and consultants to their office, coordinators and matchers to the network', () => {
    expect(workerOfficeFilter(actor(['frontoffice']))).toBe('o1');
    expect(workerOfficeFilter(actor(['consultant']))).toBe('o1');
    expect(workerOfficeFilter(actor(['coordinator']))).toBeNull();
    expect(workerOfficeFilter(actor(['matcher']))).toBeNull();
    expect(canAccessWorker(actor(['consultant']), { networkId: 'n1', officeId: 'o2' })).toBe(false);
    expect(canAccessWorker(actor(['admin']), { networkId: 'n1', officeId: 'o2' })).toBe(true);
    expect(canAccessWorker(actor(['admin']), { networkId: 'n2', officeId: 'o2' })).toBe(false);
  });

  it('lets matchers read but not edit personal data', () => {
    expect(canEditWorkers(actor(['matcher']))).toBe(false);
    expect(canEditWorkers(actor(['frontoffice']))).toBe(true);
  });
});
