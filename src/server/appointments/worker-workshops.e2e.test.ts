import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agendaConsultant, agendaWorkers } from '../../../tests/factories/agenda.js';
import { buildWorker, insertWorkers } from '../../../tests/factories/workers.js';
import { DEMO, createTestApp, expectProblem, officeIdByCode, signIn, type Agent, type TestApp } from '../../../tests/helpers/test-app.js';

// The worker page's one read of the agenda: the meetings and, beside them, the group workshops the
// worker was invited to or booked (the waiting list with its place, a cancelled session said so),
// scoped to the offices of the reader and audited; a session's participants told apart when two
// share a name; and type names in the language of the interface, not of the stored account.

let t: TestApp;
let marta: Awaited<ReturnType<typeof agendaConsultant>>;
let carpiConsultant: Awaited<ReturnType<typeof agendaConsultant>>;
let modena: string;
let people: Awaited<ReturnType<typeof agendaWorkers>>;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-10-01T07:00:00Z'));
  modena = await officeIdByCode(t.database, 'CPI-MO');
  const carpi = await officeIdByCode(t.database, 'CPI-CA');
  marta = await agendaConsultant(t.app, t.database.db, {
    officeId: modena,
    fullName: 'Marta Colombo',
    email: 'marta.colombo@cpi-modena.example',
  });
  carpiConsultant = await agendaConsultant(t.app, t.database.db, {
    officeId: carpi,
    fullName: 'Sara Ferrari',
    email: 'sara.ferrari@cpi-carpi.example',
  });
  people = await agendaWorkers(t.database.db, modena, [
    { firstName: 'Nicolò', lastName: "D'Angelo" },
    { firstName: 'Gennaro', lastName: 'Esposito' },
    { firstName: 'Maria Grazia', lastName: 'Barbieri' },
  ]);
}, 60_000);
afterAll(() => t.close());

const session = async (who: Agent, start: string, seats: number, title: string) => {
  const response = await who.post('/api/v1/workshops', {
    officeId: modena,
    topic: 'cv_writing',
    title,
    facilitatorIds: [marta.id],
    place: 'Biblioteca Delfini, corso Canalgrande 103',
    start,
    durationMinutes: 90,
    seats,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().items[0].id as string;
};
const book = (who: Agent, id: string, workerId: string) => who.put(`/api/v1/workshops/${id}/participants/${workerId}`, {});

describe('the worker page lists the worker’s group workshops', () => {
  it('with the worker’s status in each: booked, waiting at their place, invited, withdrawn, a cancelled session; then attended', async () => {
    const nicolo = people[0]!.id;
    const cv = await session(marta.agent, '2026-10-14T08:00:00Z', 10, 'Il curriculum che funziona');
    const full = await session(marta.agent, '2026-10-15T08:00:00Z', 1, 'Prepararsi al colloquio');
    const invited = await session(marta.agent, '2026-10-20T08:00:00Z', 10, 'I percorsi formativi della regione');
    const withdrawn = await session(marta.agent, '2026-10-21T08:00:00Z', 10, 'Un’azienda che assume');
    const cancelled = await session(marta.agent, '2026-10-22T08:00:00Z', 10, 'Orientamento al lavoro');
    expect((await book(marta.agent, cv, nicolo)).json()).toMatchObject({ status: 'booked' });
    expect((await book(marta.agent, full, people[1]!.id)).json()).toMatchObject({ status: 'booked' });
    expect((await book(marta.agent, full, people[2]!.id)).json()).toMatchObject({ status: 'waiting', waitingPosition: 1 });
    expect((await book(marta.agent, full, nicolo)).json()).toMatchObject({ status: 'waiting', waitingPosition: 2 });
    expect((await marta.agent.post(`/api/v1/workshops/${invited}/invitations`, { workerIds: [nicolo] })).statusCode).toBe(200);
    await book(marta.agent, withdrawn, nicolo);
    expect((await marta.agent.request({ method: 'DELETE', url: `/api/v1/workshops/${withdrawn}/participants/${nicolo}` })).statusCode).toBe(
      200,
    );
    await book(marta.agent, cancelled, nicolo);
    const cancel = await marta.agent.post(`/api/v1/workshops/${cancelled}/cancel`, { reason: 'La conduttrice è in malattia' });
    expect(cancel.statusCode, cancel.body).toBe(200);
    // The first on the waiting list moves up when the booked worker leaves: Nicolò is now first.
    expect(
      (await marta.agent.request({ method: 'DELETE', url: `/api/v1/workshops/${full}/participants/${people[1]!.id}` })).statusCode,
    ).toBe(200);

    const response = await marta.agent.get(`/api/v1/workers/${nicolo}/appointments`);
    expect(response.statusCode, response.body).toBe(200);
    const workshops = response.json().workshops as Array<Record<string, unknown>>;
    expect(workshops.map((w) => [w.title, w.sessionStatus, w.status, w.waitingPosition])).toEqual([
      ['Orientamento al lavoro', 'cancelled', 'booked', null],
      ['Un’azienda che assume', 'scheduled', 'cancelled', null],
      ['I percorsi formativi della regione', 'scheduled', 'invited', null],
      ['Prepararsi al colloquio', 'scheduled', 'waiting', 1],
      ['Il curriculum che funziona', 'scheduled', 'booked', null],
    ]);
    expect(workshops.at(-1)).toMatchObject({
      id: cv,
      topic: 'cv_writing',
      officeName: 'Centro per l’impiego di Modena',
      room: null,
      place: 'Biblioteca Delfini, corso Canalgrande 103',
      start: '2026-10-14T08:00:00.000Z',
      end: '2026-10-14T09:30:00.000Z',
    });

    // The read names the worker: it is audited, with the number of sessions listed.
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['actor_id', 'details'])
      .where('action', '=', 'appointment.worker_listed')
      .where('entity_id', '=', nicolo)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_id: marta.id, details: { count: 0, workshops: 5 } });

    // Once the session has started, the attendance recorded shows on the worker's page.
    t.clock.set(new Date('2026-10-14T08:30:00Z'));
    const again = await signIn(t.app, 'marta.colombo@cpi-modena.example', 'Agenda.Prova.2026!');
    const marked = await again.post(`/api/v1/workshops/${cv}/participants/${nicolo}/attendance`, { status: 'attended' });
    expect(marked.statusCode, marked.body).toBe(200);
    const after = (await again.get(`/api/v1/workers/${nicolo}/appointments`)).json().workshops as Array<{ id: string; status: string }>;
    expect(after.find((w) => w.id === cv)?.status).toBe('attended');
    // Back to the first of October: signed in again, as a moved clock expires sessions.
    t.clock.set(new Date('2026-10-01T07:00:00Z'));
    marta.agent = await signIn(t.app, 'marta.colombo@cpi-modena.example', 'Agenda.Prova.2026!');
  });

  it('keeps a worker of another office out of reach, workshops included', async () => {
    const carpiAgent = await signIn(t.app, 'sara.ferrari@cpi-carpi.example', 'Agenda.Prova.2026!');
    expectProblem(await carpiAgent.get(`/api/v1/workers/${people[0]!.id}/appointments`), 404, 'WORKER_NOT_FOUND');
    expect(carpiConsultant.id).toBeTruthy();
    const coordinator = await signIn(t.app, DEMO.coordinator);
    // The network's coordinator reads it: the same answer, with the workshops.
    const read = await coordinator.get(`/api/v1/workers/${people[0]!.id}/appointments`);
    expect(read.statusCode).toBe(200);
    expect(read.json().workshops.length).toBeGreaterThan(0);
  });
});

describe('two participants of the same name', () => {
  it('are told apart by birth date and the codice fiscale’s ending, never the whole code', async () => {
    const seeds = [
      buildWorker({ officeId: modena, firstName: 'Giuseppe', lastName: 'Russo', birthDate: '1968-03-12', birthPlaceCode: 'F257' }, 9301),
      buildWorker({ officeId: modena, firstName: 'Giuseppe', lastName: 'Russo', birthDate: '1975-11-02', birthPlaceCode: 'F839' }, 9302),
    ];
    const ids = await insertWorkers(t.database.db, seeds);
    const id = await session(marta.agent, '2026-10-28T08:00:00Z', 10, 'Scrivere il curriculum');
    for (const w of ids) expect((await book(marta.agent, id, w)).statusCode).toBe(200);
    const view = (await marta.agent.get(`/api/v1/workshops/${id}`)).json();
    const russo = (view.participants as Array<{ worker: { id: string; name: string; birthDate: string; codiceFiscale: string } }>)
      .map((p) => p.worker)
      .sort((a, b) => a.birthDate.localeCompare(b.birthDate));
    expect(russo.map((w) => [w.name, w.birthDate])).toEqual([
      ['Russo Giuseppe', '1968-03-12'],
      ['Russo Giuseppe', '1975-11-02'],
    ]);
    for (const [i, w] of russo.entries()) {
      const cf = seeds.find((s) => s.birthDate === w.birthDate)!.codiceFiscale!;
      expect(w.codiceFiscale.endsWith(cf.slice(-4)), `${i}`).toBe(true);
      expect(w.codiceFiscale).not.toContain(cf.slice(0, 6));
    }
    expect(russo[0]!.codiceFiscale).not.toBe(russo[1]!.codiceFiscale);
  });
});

describe('type names follow the language of the interface', () => {
  it('an Italian account reading in English gets the English names, and the other way round', async () => {
    const inEnglish = await marta.agent.request({
      method: 'GET',
      url: `/api/v1/agenda/setup?officeId=${modena}`,
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
    });
    const inItalian = await marta.agent.request({
      method: 'GET',
      url: `/api/v1/agenda/setup?officeId=${modena}`,
      headers: { 'accept-language': 'it-IT' },
    });
    const name = (r: typeof inEnglish) => r.json().types.find((x: { code: string }) => x.code === 'first_interview').name;
    expect(name(inEnglish)).toBe('First interview');
    expect(name(inItalian)).toBe('Primo colloquio');
    // The stored language changed to English: an Italian interface still reads Italian.
    expect((await marta.agent.put('/api/v1/auth/preferences', { language: 'en' })).statusCode).toBe(200);
    const stored = await signIn(t.app, 'marta.colombo@cpi-modena.example', 'Agenda.Prova.2026!');
    const after = await stored.request({
      method: 'GET',
      url: `/api/v1/agenda/setup?officeId=${modena}`,
      headers: { 'accept-language': 'it' },
    });
    expect(name(after)).toBe('Primo colloquio');
  });
});
