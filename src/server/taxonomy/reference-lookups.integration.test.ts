import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { createTestDatabase } from '../../../tests/helpers/test-database.js';
import { comuniByCadastralCodes, comuniByCodes, forgetReferenceLookups } from './reference-lookups.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const rename = (istatCode: string, name: string) =>
  database.db.updateTable('taxonomy_comuni').set({ name }).where('istat_code', '=', istatCode).execute();

describe('comuni looked up by a worker page', () => {
  it('are remembered once found, and read again after a release of the comuni becomes current', async () => {
    // Formigine (036015, cadastral code D711) and Sassuolo (036040, I462), as the codice fiscale names them.
    expect((await comuniByCodes(database.db, ['036015', '036040'])).get('036015')).toMatchObject({ name: 'Formigine', province: 'MO' });
    expect((await comuniByCadastralCodes(database.db, ['I462'])).get('I462')).toBe('Sassuolo');

    await rename('036015', 'Formigine (rinominato)');
    await database.db.updateTable('taxonomy_comuni').set({ name: 'Sassuolo (rinominato)' }).where('cadastral_code', '=', 'I462').execute();
    // Remembered: no query, the name as found.
    expect((await comuniByCodes(database.db, ['036015'])).get('036015')?.name).toBe('Formigine');
    expect((await comuniByCadastralCodes(database.db, ['I462'])).get('I462')).toBe('Sassuolo');
    // A code not asked before is read (and Carpi found beside the remembered one).
    expect([...(await comuniByCodes(database.db, ['036015', '036005'])).values()].map((c) => c.name)).toEqual(['Formigine', 'Carpi']);

    forgetReferenceLookups();
    expect((await comuniByCodes(database.db, ['036015'])).get('036015')?.name).toBe('Formigine (rinominato)');
    expect((await comuniByCadastralCodes(database.db, ['I462'])).get('I462')).toBe('Sassuolo (rinominato)');
    await rename('036015', 'Formigine');
    await database.db.updateTable('taxonomy_comuni').set({ name: 'Sassuolo' }).where('cadastral_code', '=', 'I462').execute();
    forgetReferenceLookups();
  });

  it('remember a code the current release does not know as unknown, until a release becomes current', async () => {
    // Z129 is Romania in the codice fiscale: the birth place of a worker born abroad, not a comune.
    expect((await comuniByCodes(database.db, ['999999'])).size).toBe(0);
    expect((await comuniByCadastralCodes(database.db, ['Z129'])).size).toBe(0);
    // A comune given that code behind the cache's back stays unknown (no query) until the release changes.
    await database.db.updateTable('taxonomy_comuni').set({ cadastral_code: 'Z129' }).where('cadastral_code', '=', 'I462').execute();
    try {
      expect((await comuniByCadastralCodes(database.db, ['Z129'])).size).toBe(0);
      forgetReferenceLookups();
      expect((await comuniByCadastralCodes(database.db, ['Z129'])).get('Z129')).toBe('Sassuolo');
    } finally {
      await database.db.updateTable('taxonomy_comuni').set({ cadastral_code: 'I462' }).where('cadastral_code', '=', 'Z129').execute();
      forgetReferenceLookups();
    }
  });
});
