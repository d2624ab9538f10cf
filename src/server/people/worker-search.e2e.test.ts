import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, createTestApp, expectProblem, officeIdByCode, signIn, type Agent, type TestApp } from '../../../tests/helpers/test-app.js';
import { buildWorker, insertWorkers, type WorkerSeed } from '../../../tests/factories/workers.js';
import { computeCodiceFiscale } from '../../shared/identity/codice-fiscale.js';
import { addDays } from '../../shared/time/rome-date.js';
import { insertImportedWorkers, searchNameOf } from './index.js';

/**
 * The worker search, the duplicate check and the worker form's server-side checks through HTTP,
 * on the demo network (about 700 workers already there) plus realistic workers from the factory.
 */

let t: TestApp;
let coordinator: Agent;
let frontoffice: Agent;
let modena: string;
let carpi: string;
let networkId: string;
const people: Array<WorkerSeed & { id: string }> = [];

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await signIn(t.app, DEMO.coordinator);
  frontoffice = await signIn(t.app, DEMO.frontoffice);
  modena = await officeIdByCode(t.database, 'CPI-MO');
  carpi = await officeIdByCode(t.database, 'CPI-CA');
  networkId = (await t.database.db.selectFrom('offices').select('network_id').where('id', '=', modena).executeTakeFirstOrThrow())
    .network_id;
  // Indices far from the demo's, so the codici fiscali and phones are the factory's own.
  const rows = Array.from({ length: 40 }, (_, i) => buildWorker({ officeId: modena }, 5000 + i));
  const ids = await insertWorkers(t.database.db, rows);
  rows.forEach((r, i) => people.push({ ...r, id: ids[i]! }));
});
afterAll(() => t.close());

const ids = async (agent: Agent, q: string): Promise<string[]> => {
  const res = await agent.get(`/api/v1/workers?limit=100&q=${encodeURIComponent(q)}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items.map((w: { id: string }) => w.id);
};

describe('GET /api/v1/workers?q=', () => {
  it('finds each of the 40 commonest surnames by surname, "name surname", "surname name", codice fiscale, its start and the phone’s last digits', async () => {
    const misses: string[] = [];
    for (const w of people) {
      const national = w.phone!.slice(3);
      const queries = [
        w.lastName,
        `${w.firstName} ${w.lastName}`,
        `${w.lastName} ${w.firstName}`,
        w.codiceFiscale!,
        w.codiceFiscale!.slice(0, 11),
        national.slice(-7),
        `${national.slice(-7, -4)} ${national.slice(-4)}`,
      ];
      for (const q of queries) if (!(await ids(frontoffice, q)).includes(w.id)) misses.push(`${w.lastName} ${w.firstName} ← ${q}`);
    }
    expect(misses).toEqual([]);
  });

  it('finds Barbieri, Esposito and Benedetti, which once were taken for the start of a codice fiscale', async () => {
    for (const surname of ['Barbieri', 'Esposito', 'Benedetti']) {
      const w = people.find((p) => p.lastName === surname)!;
      expect(await ids(frontoffice, surname), surname).toContain(w.id);
      expect(await ids(frontoffice, `${w.firstName} ${surname}`), surname).toContain(w.id);
    }
  });

  it('audits each page of the list it shows', async () => {
    const before = await t.database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'worker.list.read')
      .executeTakeFirstOrThrow();
    const found = await ids(frontoffice, 'Benedetti');
    const entries = await t.database.db
      .selectFrom('audit_log')
      .select(['details'])
      .where('action', '=', 'worker.list.read')
      .orderBy('id', 'desc')
      .execute();
    expect(entries.length).toBe(Number(before.n) + 1);
    expect(entries[0]!.details).toEqual({ ids: found, query: { limit: 100, searched: true, nextPage: false } });
  });
});

describe('POST/PATCH /api/v1/workers: birth date and citizenship', () => {
  it('refuses a birth date in the future (Rome’s calendar day) or before 1900, beside the field', async () => {
    // The latest 23:30 UTC before now: in Rome it is already the next day (00:30 or 01:30).
    const now = new Date();
    const lateEvening = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 23, 30));
    if (lateEvening > now) lateEvening.setUTCDate(lateEvening.getUTCDate() - 1);
    const romeToday = addDays(lateEvening.toISOString().slice(0, 10), 1);
    t.clock.set(lateEvening);
    try {
      const future = expectProblem(
        await frontoffice.post('/api/v1/workers', { firstName: 'Nicolò', lastName: 'Ferrari', birthDate: addDays(romeToday, 1) }),
        400,
        'VALIDATION_FAILED',
      );
      expect(future.errors).toEqual([{ path: 'body/birthDate', message: 'La data di nascita non può essere nel futuro' }]);
      const today = await frontoffice.post('/api/v1/workers', { firstName: 'Nicolò', lastName: 'Ferrari', birthDate: romeToday });
      expect(today.statusCode, today.body).toBe(201);
      const edit = expectProblem(
        await frontoffice.patch(`/api/v1/workers/${today.json().id}`, { birthDate: '2999-01-01' }),
        400,
        'VALIDATION_FAILED',
      );
      expect(edit.errors.map((e: { path: string }) => e.path)).toEqual(['body/birthDate']);
    } finally {
      t.clock.set(new Date());
    }
    const old = expectProblem(
      await frontoffice.post('/api/v1/workers', { firstName: 'Nicolò', lastName: 'Ferrari', birthDate: '1899-12-31' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(old.errors).toEqual([{ path: 'body/birthDate', message: 'La data di nascita non può essere anteriore al 1900' }]);
    expect(
      (await frontoffice.post('/api/v1/workers', { firstName: 'Giuseppe', lastName: 'Romano', birthDate: '1900-01-01' })).statusCode,
    ).toBe(201);
  });

  it('refuses a citizenship that is no country of the reference list, accepts a real one in any case', async () => {
    const xx = expectProblem(
      await frontoffice.post('/api/v1/workers', { firstName: 'Emanuele', lastName: 'Costa', citizenship: 'XX' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(xx.errors).toEqual([{ path: 'body/citizenship', message: expect.stringMatching(/^Cittadinanza sconosciuta/) }]);
    // In the caller's language, as the schema's own field messages.
    const english = expectProblem(
      await frontoffice.request({
        method: 'POST',
        url: '/api/v1/workers',
        headers: { 'accept-language': 'en' },
        payload: { firstName: 'Emanuele', lastName: 'Costa', citizenship: 'XX', birthDate: '2999-01-01' },
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(english.errors).toEqual([
      { path: 'body/birthDate', message: 'The birth date cannot be in the future' },
      { path: 'body/citizenship', message: expect.stringMatching(/^Unknown citizenship/) },
    ]);
    const ro = await frontoffice.post('/api/v1/workers', { firstName: 'Ioana', lastName: 'Popescu', citizenship: 'ro' });
    expect(ro.statusCode, ro.body).toBe(201);
    expect(ro.json().citizenship).toBe('RO');
    const it = await frontoffice.post('/api/v1/workers', {
      firstName: 'Anna',
      lastName: 'Gallo',
      citizenship: 'IT',
      birthDate: '1970-05-01',
    });
    expect(it.statusCode, it.body).toBe(201);
  });
});

describe('GET /api/v1/workers/duplicates', () => {
  it('answers 401 without a session and 400 for a malformed birth date', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/workers/duplicates?phone=3331234567' }), 401, 'UNAUTHENTICATED');
    expectProblem(
      await frontoffice.get('/api/v1/workers/duplicates?firstName=Anna&lastName=Conti&birthDate=31/12/1970'),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('shows a worker of another office by initials and office only, as the hotline does', async () => {
    const esposito = buildWorker({ officeId: carpi, firstName: 'Giuseppe', lastName: 'Esposito' }, 6001);
    const [other] = await insertWorkers(t.database.db, [esposito]);
    const phone = esposito.phone!;
    const masked = (await frontoffice.get(`/api/v1/workers/duplicates?phone=${encodeURIComponent(phone.slice(3))}`)).json().items;
    expect(masked).toEqual([
      {
        id: other,
        firstName: 'G.',
        lastName: 'E.',
        codiceFiscale: null,
        phone: null,
        birthDate: null,
        officeId: carpi,
        officeName: 'Centro per l’impiego di Carpi',
        inScope: false,
        matchedOn: ['phone'],
      },
    ]);
    // The lookup is audited with the ids it showed and the keys asked, never the number itself.
    const entry = await t.database.db
      .selectFrom('audit_log')
      .select(['actor_label', 'details'])
      .where('action', '=', 'worker.duplicates.read')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry.actor_label).toContain('Luca Galli');
    expect(entry.details).toEqual({ ids: [other], masked: [other], query: ['phone'] });
    const seen = (await coordinator.get(`/api/v1/workers/duplicates?phone=${encodeURIComponent(phone)}`)).json().items;
    expect(seen).toEqual([
      expect.objectContaining({
        id: other,
        firstName: 'Giuseppe',
        lastName: 'Esposito',
        phone,
        inScope: true,
        officeName: 'Centro per l’impiego di Carpi',
      }),
    ]);
    expect(seen[0].codiceFiscale).toMatch(/^SPSGPP/);
  });
});

describe('one name key for the desk, the hotline and the import', () => {
  it('gives the same key to a worker written by each path, and each finds the others as duplicates', async () => {
    // The desk: the form's two fields.
    const desk = await frontoffice.post('/api/v1/workers', { firstName: 'Nicolò', lastName: "D'Angelo", phone: '347 812 0001' });
    expect(desk.statusCode, desk.body).toBe(201);
    // The hotline: "Nome e cognome" in one box, typed with a typographic apostrophe and no accent.
    const call = await frontoffice.post('/api/v1/hotline/calls', { name: 'Nicolo D’Angelo', phone: '347 812 0002', action: 'callback' });
    expect(call.statusCode, call.body).toBe(201);
    // The import: an INPS list in capitals, through the function the importer writes with.
    const imported = randomUUID();
    const cf = computeCodiceFiscale({
      surname: "D'Angelo",
      name: 'Nicolò',
      birthDate: '1968-02-11',
      sex: 'M',
      birthPlaceCadastralCode: 'F839',
    });
    await t.database.db.transaction().execute((trx) =>
      insertImportedWorkers(trx, { networkId, officeId: modena }, [
        {
          id: imported,
          codice_fiscale: cf,
          first_name: 'NICOLÒ',
          last_name: "D'ANGELO",
          birth_date: '1968-02-11',
          sex: 'M',
          birth_place_code: 'F839',
          residence_comune_code: null,
          address: '',
          postal_code: '',
          phone: null,
          email: null,
          cigs_case_id: null,
          cigs_end_date: null,
        },
      ]),
    );
    const written = [desk.json().id as string, call.json().workerId as string, imported];
    const keys = await t.database.db.selectFrom('workers').select(['id', 'search_name']).where('id', 'in', written).execute();
    expect(keys.map((k) => k.search_name)).toEqual(['dangelo nicolo', 'dangelo nicolo', 'dangelo nicolo']);
    expect(searchNameOf('Nicolò', "D'Angelo")).toBe('dangelo nicolo');
    // Whichever spelling and order the next person uses, all three are candidates.
    for (const [firstName, lastName] of [
      ['Nicolò', "D'Angelo"],
      ["D'Angelo", 'Nicolò'],
      ['NICOLO', 'D ANGELO'],
      ['Nicolo', 'Dangelo'],
    ]) {
      const res = await frontoffice.get(
        `/api/v1/workers/duplicates?firstName=${encodeURIComponent(firstName!)}&lastName=${encodeURIComponent(lastName!)}`,
      );
      const found = res
        .json()
        .items.filter((c: { matchedOn: string[] }) => c.matchedOn.includes('name'))
        .map((c: { id: string }) => c.id);
      expect(found, `${firstName} ${lastName}`).toEqual(expect.arrayContaining(written));
    }
    // And the search finds all three by either spelling.
    for (const q of ["D'Angelo Nicolò", 'nicolo dangelo', 'D Angelo'])
      expect(await ids(frontoffice, q), q).toEqual(expect.arrayContaining(written));
  });

  it('matches double surnames and particles in both orders: De Luca, Di Stefano, Dall’Olio, Lo Russo', async () => {
    for (const [first, last] of [
      ['Giuseppe', 'De Luca'],
      ['Maria', 'Di Stefano'],
      ['Emanuele', "Dall'Olio"],
      ['Anna', 'Lo Russo'],
    ] as const) {
      const created = await frontoffice.post('/api/v1/workers', { firstName: first, lastName: last });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json().id as string;
      for (const [f, l] of [
        [first, last],
        [last, first],
        [first.toLowerCase(), last.replace(/['\s]/g, '').toLowerCase()],
        [`${first} ${last.split(/['\s]/)[0]}`, last.split(/['\s]/).slice(1).join(' ')],
      ]) {
        const items = (
          await frontoffice.get(`/api/v1/workers/duplicates?firstName=${encodeURIComponent(f!)}&lastName=${encodeURIComponent(l!)}`)
        ).json().items;
        expect(
          items.map((c: { id: string }) => c.id),
          `${f} | ${l}`,
        ).toContain(id);
      }
    }
  });
});
