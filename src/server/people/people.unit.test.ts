import { describe, expect, it } from 'vitest';
import { companyTaxCodeSchema, isValidPartitaIva, partitaIvaCheckDigit } from '../../shared/schemas/companies.schema.js';
import { codiceFiscaleSchema, createWorkerRequestSchema } from '../../shared/schemas/people.schema.js';
import { computeCodiceFiscale } from '../../shared/identity/codice-fiscale.js';
import { classifySearch } from './worker.repository.js';
import { normaliseName, searchNameOf, tidyName } from './worker-names.js';
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
    const cf = computeCodiceFiscale({ surname: 'Rossi', name: 'Mario', birthDate: '1980-01-01', sex: 'M', birthPlaceCadastralCode: 'F205' });
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
    expect(searchNameOf('Maria  Luisa', 'De Luca')).toBe('de luca maria luisa');
    expect(normaliseName('  ÉLODIE-Anne ')).toBe('elodie anne');
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
    expect(classifySearch('347 555 01')).toEqual({ kind: 'phone', value: '+3934755501' });
    expect(classifySearch('+39 347')).toEqual({ kind: 'phone', value: '+39347' });
    expect(classifySearch('Maria Rossi')).toEqual({ kind: 'name', words: ['maria', 'rossi'] });
  });
});

describe('worker policies', () => {
  const actor = (roles: Actor['roles'], officeId = 'o1'): Actor => ({
    userId: 'u', email: 'e', fullName: 'n', language: 'it', mustChangePassword: false, officeId, networkId: 'n1', roles, assignments: [], session: { tokenHash: '', csrfToken: '' },
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
