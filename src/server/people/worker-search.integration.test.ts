import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { createTestDatabase } from '../../../tests/helpers/test-database.js';
import { buildWorker, buildWorkers, insertWorkers, SURNAMES, type WorkerSeed } from '../../../tests/factories/workers.js';
import { computeCodiceFiscale } from '../../shared/identity/codice-fiscale.js';
import { createWorkerRepository } from './worker.repository.js';
import { addWorkerPhone } from './worker-intake.repository.js';
import { findWorkerMatches } from './worker-matches.js';
import { searchNameOf } from './worker-names.js';

/**
 * The worker search on the names people really have: every one of the 40 commonest surnames of
 * Emilia-Romagna, searched by surname, by "name surname", by "surname name", by codice fiscale,
 * by its start and by the last digits of the phone. Runs on PGlite and on PostgreSQL.
 */

let database: Database;
let networkId: string;
let officeId: string;
const repo = createWorkerRepository();
const people: Array<WorkerSeed & { id: string }> = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const network = await database.db
    .insertInto('networks')
    .values({ code: 'ER', name: 'Emilia-Romagna' })
    .returning('id')
    .executeTakeFirstOrThrow();
  networkId = network.id;
  const office = await database.db
    .insertInto('offices')
    .values({ network_id: networkId, code: 'CPI-BO', name: 'CPI di Bologna', opening_hours: '[]' })
    .returning('id')
    .executeTakeFirstOrThrow();
  officeId = office.id;
  const omocode = { surname: 'Barbieri', name: 'Emanuele', birthDate: '1975-04-12', sex: 'M' as const, birthPlaceCadastralCode: 'F257' };
  const rows = [
    ...buildWorkers(80, { officeId }),
    buildWorker({ officeId, firstName: 'Nicolò', lastName: "D'Angelo", sex: 'M' }, 900),
    buildWorker({ officeId, firstName: 'Giuseppe', lastName: 'De Luca', sex: 'M' }, 901),
    buildWorker({ officeId, firstName: 'Emanuele', lastName: "Dall'Olio", sex: 'M' }, 902),
    buildWorker({ officeId, firstName: 'Maria Rosa', lastName: 'Lo Russo', sex: 'F' }, 903),
    // Omocodia: the Agenzia replaced the digits with letters (L-V) for a second Barbieri Emanuele.
    buildWorker(
      {
        officeId,
        ...omocode,
        lastName: omocode.surname,
        firstName: omocode.name,
        birthPlaceCode: 'F257',
        codiceFiscale: computeCodiceFiscale(omocode, { omocodiaLevel: 7 }),
      },
      904,
    ),
  ];
  const ids = await insertWorkers(database.db, rows);
  rows.forEach((r, i) => people.push({ ...r, id: ids[i]! }));
});
afterAll(() => database.close());

async function search(q: string): Promise<string[]> {
  const page = await repo.list(database.db, networkId, null, { q, limit: 100 });
  return page.items.map((w) => w.id);
}

describe('worker search by name', () => {
  it('finds each of the 40 commonest surnames by surname, "name surname" and "surname name"', async () => {
    const misses: string[] = [];
    for (const w of people) {
      for (const q of [
        w.lastName,
        `${w.firstName} ${w.lastName}`,
        `${w.lastName} ${w.firstName}`,
        `${w.lastName.toUpperCase()} ${w.firstName.toUpperCase()}`,
      ]) {
        if (!(await search(q)).includes(w.id)) misses.push(q);
      }
    }
    expect(misses).toEqual([]);
    expect(new Set(people.map((w) => w.lastName))).toEqual(new Set([...SURNAMES]));
  });

  it('narrows to the person when both names are given', async () => {
    const barbieri =
      people.find((w) => w.lastName === 'Barbieri' && w.firstName === 'Giuseppe') ?? people.find((w) => w.lastName === 'Barbieri')!;
    const found = await search(`${barbieri.firstName} ${barbieri.lastName}`);
    expect(found).toContain(barbieri.id);
    expect(found.every((id) => people.find((w) => w.id === id)!.lastName === 'Barbieri')).toBe(true);
  });

  it('folds accents and apostrophes and joins surname particles, both name orders', async () => {
    // The workers added by hand after the generated ones.
    const byName = (last: string) => people.filter((p) => p.lastName === last).at(-1)!;
    const dangelo = byName("D'Angelo");
    for (const q of ["D'Angelo", 'dangelo', 'D Angelo', 'd’angelo nicolò', 'nicolo dangelo', 'Nicolò D’Angelo'])
      expect(await search(q), q).toContain(dangelo.id);
    const deluca = byName('De Luca');
    for (const q of ['De Luca', 'deluca', 'DE LUCA GIUSEPPE', 'Giuseppe De Luca', 'giuseppe deluca'])
      expect(await search(q), q).toContain(deluca.id);
    const dallolio = byName("Dall'Olio");
    for (const q of ["Dall'Olio", 'dallolio', 'Dall Olio', 'Emanuele Dall’Olio', 'olio']) expect(await search(q), q).toContain(dallolio.id);
    const lorusso = byName('Lo Russo');
    for (const q of ['Lo Russo', 'lorusso', 'Maria Rosa Lo Russo', 'Lo Russo Maria Rosa', 'russo rosa'])
      expect(await search(q), q).toContain(lorusso.id);
    expect(await search('Rossi Maria Giovanna Zzz')).toEqual([]);
  });
});

describe('worker search by codice fiscale and phone', () => {
  it('finds each worker by the whole codice fiscale and by its first 6 to 11 characters', async () => {
    const misses: string[] = [];
    for (const w of people) {
      const cf = w.codiceFiscale!;
      if ((await search(cf)).join() !== w.id) misses.push(cf);
      for (const q of [cf.slice(0, 11), cf.slice(0, 11).toLowerCase(), `${cf.slice(0, 6)} ${cf.slice(6, 11)}`, cf.slice(0, 9)]) {
        if (!(await search(q)).includes(w.id)) misses.push(q);
      }
    }
    expect(misses).toEqual([]);
  });

  it('finds an omocodia code by its letters', async () => {
    const omocode = people.at(-1)!;
    expect(omocode.codiceFiscale!.slice(6, 8)).toMatch(/^[L-V]{2}$/);
    expect(await search(omocode.codiceFiscale!.slice(0, 11))).toEqual([omocode.id]);
  });

  it('finds each worker by the last 4 or more digits of the phone, typed with or without spaces or +39', async () => {
    const misses: string[] = [];
    for (const w of people) {
      const national = w.phone!.slice(3);
      for (const q of [
        national.slice(-4),
        national.slice(-7),
        `${national.slice(-7, -4)} ${national.slice(-4)}`,
        national,
        `+39 ${national.slice(0, 3)} ${national.slice(3)}`,
        `0039${national}`,
        national.slice(0, 6),
      ]) {
        if (!(await search(q)).includes(w.id)) misses.push(`${w.phone} ← ${q}`);
      }
    }
    expect(misses).toEqual([]);
    const w = people[7]!;
    expect(await search(w.phone!.slice(3))).toEqual([w.id]);
  });
});

describe('a further phone number the worker gave', () => {
  it('finds the worker by it in the search and in the duplicate check', async () => {
    const w = people.find((p) => p.lastName === 'Fontana')!;
    const further = '+393489990123';
    expect(
      await addWorkerPhone(database.db, { workerId: w.id, officeId, phone: further, source: 'hotline', recordedBy: null, at: new Date() }),
    ).toBe('added');
    expect(await search('0123')).toContain(w.id);
    expect(await search('348 999 0123')).toEqual([w.id]);
    const matches = await findWorkerMatches(database.db, networkId, { phone: '348 999 0123' });
    expect(matches.map((m) => [m.id, m.matchedOn])).toEqual([[w.id, ['phone']]]);
  });
});

describe('migration 0014', () => {
  it('re-keys names stored before particles joined, as searchNameOf keys them now', async () => {
    // Keys as the desk (old normaliseName) and the importer (its own normaliseLabel) wrote them.
    const before: Array<[string, string, string]> = [
      ['Nicolò', "D'Angelo", 'd angelo nicolo'],
      ['Giuseppe', 'De Luca', 'de luca giuseppe'],
      ['Emanuele', "Dall'Olio", 'dall olio emanuele'],
      ['Maria', 'Di Stefano', 'di stefano maria'],
      ['Anna', 'Lo Russo', 'lo russo anna'],
      ['Ana', 'De La Cruz', 'de la cruz ana'],
      ['Luca', 'Benedetti', 'benedetti luca'],
      ['Delia', 'Lodi', 'lodi delia'],
    ];
    const ids = await insertWorkers(
      database.db,
      before.map(([firstName, lastName], i) => buildWorker({ officeId, firstName, lastName, codiceFiscale: null }, 2000 + i)),
    );
    for (const [i, [, , old]] of before.entries())
      await database.db.updateTable('workers').set({ search_name: old }).where('id', '=', ids[i]!).execute();
    const text = readFileSync(new URL('../../../migrations/0014_worker_search_keys.sql', import.meta.url), 'utf8');
    const update = /update workers[\s\S]*?;/.exec(text.replace(/--.*$/gm, ''))![0];
    await sql.raw(update).execute(database.db);
    const rows = await database.db.selectFrom('workers').select(['id', 'search_name']).where('id', 'in', ids).execute();
    const keyOf = new Map(rows.map((r) => [r.id, r.search_name]));
    expect(ids.map((id) => keyOf.get(id))).toEqual(before.map(([first, last]) => searchNameOf(first, last)));
  });
});
