import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agendaConsultant, agendaWorkers } from '../../../tests/factories/agenda.js';
import { DEMO, createTestApp, expectProblem, officeIdByCode, signIn, type Agent, type TestApp } from '../../../tests/helpers/test-app.js';

// The agenda through HTTP, as the front office and a consultant use it, on the demo's offices:
// availability, the first free slots, booking (and the refusals a person would meet), moving,
// cancelling, attendance, the worker's meetings and the .ics file.

let t: TestApp;
let consultant: Agent;
let frontoffice: Agent;
let modena: string;
let carpi: string;
let consultantId: string;
let firstInterview: string;
const workers: { id: string; name: string }[] = [];
let carpiWorker: string;

// Tuesday 1 December 2026, 08:00 in Rome: the notice (two hours) leaves 10:00 as the first time today.
const NOW = new Date('2026-12-01T07:00:00Z');

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(NOW);
  frontoffice = await signIn(t.app, DEMO.frontoffice);
  modena = await officeIdByCode(t.database, 'CPI-MO');
  carpi = await officeIdByCode(t.database, 'CPI-CA');
  const marta = await agendaConsultant(t.app, t.database.db, {
    officeId: modena,
    fullName: 'Marta D’Angelo',
    email: 'marta.dangelo@cpi-modena.example',
  });
  consultant = marta.agent;
  consultantId = marta.id;
  workers.push(
    ...(await agendaWorkers(t.database.db, modena, [
      { firstName: 'Emanuele', lastName: 'Barbieri' },
      { firstName: 'Nicolò', lastName: 'D’Angelo' },
      { firstName: 'Maria Grazia', lastName: 'Esposito Russo' },
    ])),
  );
  carpiWorker = (await t.database.db.selectFrom('workers').select('id').where('office_id', '=', carpi).executeTakeFirstOrThrow()).id;
  const setup = await consultant.get(`/api/v1/agenda/setup?officeId=${modena}`);
  expect(setup.statusCode).toBe(200);
  firstInterview = setup.json().types.find((x: { code: string }) => x.code === 'first_interview').id;
  // Marta D’Angelo sees workers in Modena on weekday mornings, and on Thursday afternoons too.
  const rules = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: '09:00', to: '13:00', validFrom: '2026-11-01', validTo: null }));
  rules.push({ weekday: 4, from: '14:30', to: '17:30', validFrom: '2026-11-01', validTo: null });
  const saved = await consultant.put(`/api/v1/agenda/consultants/${consultantId}/availability`, { officeId: modena, rules });
  expect(saved.statusCode).toBe(200);
});
afterAll(() => t.close());

const book = (who: Agent, body: Record<string, unknown>) =>
  who.post('/api/v1/appointments', { officeId: modena, typeId: firstInterview, consultantId, mode: 'phone', ...body });

describe('the agenda’s guards', () => {
  it('answers 401 without a session, 403 to a job matcher, 400 to a malformed request', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: `/api/v1/agenda/setup?officeId=${modena}` }), 401, 'UNAUTHENTICATED');
    const matcher = await signIn(t.app, DEMO.matcher);
    expectProblem(await matcher.get(`/api/v1/agenda/free-slots?officeId=${modena}&typeId=${firstInterview}`), 403, 'FORBIDDEN');
    expectProblem(await frontoffice.get(`/api/v1/agenda/free-slots?officeId=${modena}`), 400, 'VALIDATION_FAILED');
    const bad = expectProblem(await book(frontoffice, { workerId: workers[0]!.id, start: '2 dicembre alle 10' }), 400, 'VALIDATION_FAILED');
    expect(bad.errors, JSON.stringify(bad.errors)).toContainEqual(expect.objectContaining({ path: 'body/start' }));
    expectProblem(
      await book(frontoffice, {
        workerId: workers[0]!.id,
        start: '2026-12-02T09:00:00+01:00',
        mode: 'video',
        videoLink: 'meet.example/abc',
      }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('refuses overlapping availability ranges, naming the row', async () => {
    const body = {
      officeId: modena,
      rules: [
        { weekday: 1, from: '09:00', to: '13:00', validFrom: '2026-11-01', validTo: null },
        { weekday: 1, from: '12:00', to: '14:00', validFrom: '2026-11-01', validTo: null },
      ],
    };
    const problem = expectProblem(
      await consultant.put(`/api/v1/agenda/consultants/${consultantId}/availability`, body),
      409,
      'AVAILABILITY_OVERLAP',
    );
    expect(problem.errors[0].path).toBe('body/rules/1/from');
    const backwards = { officeId: modena, rules: [{ weekday: 2, from: '13:00', to: '09:00', validFrom: '2026-11-01', validTo: null }] };
    expectProblem(await consultant.put(`/api/v1/agenda/consultants/${consultantId}/availability`, backwards), 400, 'AVAILABILITY_INVALID');
  });

  it('does not let the front office change a consultant’s availability', async () => {
    expectProblem(
      await frontoffice.put(`/api/v1/agenda/consultants/${consultantId}/availability`, { officeId: modena, rules: [] }),
      403,
      'OWN_AVAILABILITY_ONLY',
    );
  });
});

describe('booking a first interview', () => {
  let bookedId: string;
  let firstStart: string;

  it('proposes the first free slots: from two hours ahead, on working days, never on 8 December', async () => {
    const response = await frontoffice.get(
      `/api/v1/agenda/free-slots?officeId=${modena}&typeId=${firstInterview}&consultantId=${consultantId}&mode=phone&limit=40`,
    );
    expect(response.statusCode).toBe(200);
    const slots = response.json().items as { start: string; date: string; startTime: string; consultantName: string }[];
    expect(slots[0]).toMatchObject({ date: '2026-12-01', startTime: '10:00', consultantName: 'Marta D’Angelo' });
    // A one-hour meeting in a 09:00–13:00 morning starts at 12:00 at the latest.
    expect(slots.every((s) => s.startTime >= '09:00' && s.startTime <= '16:30')).toBe(true);
    const dec8 = await frontoffice.get(
      `/api/v1/agenda/free-slots?officeId=${modena}&typeId=${firstInterview}&consultantId=${consultantId}&mode=phone&from=2026-12-08&to=2026-12-08`,
    );
    expect(dec8.json().items).toEqual([]);
    firstStart = slots[0]!.start;
  });

  it('books the slot for the caller, and a second booking of it is refused with the next free times', async () => {
    const response = await book(frontoffice, { workerId: workers[0]!.id, start: firstStart, bookedVia: 'hotline' });
    expect(response.statusCode).toBe(201);
    const booked = response.json();
    expect(booked).toMatchObject({ status: 'booked', sequence: 0, mode: 'phone', worker: { id: workers[0]!.id, name: workers[0]!.name } });
    expect(booked.end).toBe(new Date(Date.parse(firstStart) + 60 * 60_000).toISOString());
    bookedId = booked.id;

    const again = expectProblem(await book(frontoffice, { workerId: workers[1]!.id, start: firstStart }), 422, 'SLOT_UNAVAILABLE');
    expect(again.reason).toBe('consultant_busy');
    expect(again.nextSlots.length).toBeGreaterThan(0);
    expect(
      again.nextSlots.filter((s: { start: string; consultantId: string }) => s.start === firstStart && s.consultantId === consultantId),
    ).toEqual([]);

    const timeline = await frontoffice.get(`/api/v1/workers/${workers[0]!.id}/timeline`);
    expect(timeline.json().items.map((e: { kind: string }) => e.kind)).toContain('appointment.booked');
    // Booked for today: no reminder 48 hours before (the confirmation is the reminder).
    const jobs = await t.database.db
      .selectFrom('jobs')
      .select(['kind', 'subject_id', 'subject_version'])
      .where('subject_id', '=', bookedId)
      .execute();
    expect(jobs.map((j) => j.kind)).toEqual(['appointments.notify']);
  });

  it('refuses a time outside availability, on a holiday, or too soon, in words the operator can repeat', async () => {
    const afternoon = expectProblem(
      await book(frontoffice, { workerId: workers[1]!.id, start: '2026-12-02T14:00:00Z' }),
      422,
      'SLOT_UNAVAILABLE',
    );
    expect(afternoon.detail).toContain('fuori dalla disponibilità');
    const holiday = expectProblem(
      await book(frontoffice, { workerId: workers[1]!.id, start: '2026-12-08T09:00:00Z' }),
      422,
      'SLOT_UNAVAILABLE',
    );
    expect(holiday.detail).toContain('Immacolata');
    const soon = expectProblem(
      await book(frontoffice, { workerId: workers[1]!.id, start: '2026-12-01T08:00:00Z' }),
      422,
      'SLOT_UNAVAILABLE',
    );
    expect(soon.reason).toBe('too_soon');
  });

  it('keeps a worker of another office out of reach', async () => {
    expectProblem(await book(frontoffice, { workerId: carpiWorker, start: '2026-12-02T10:00:00Z' }), 404, 'WORKER_NOT_FOUND');
    expectProblem(await frontoffice.get(`/api/v1/workers/${carpiWorker}/appointments`), 404, 'WORKER_NOT_FOUND');
  });

  it('moves the meeting with a reason: the sequence rises, the old time is free again, the reminder follows', async () => {
    expectProblem(
      await consultant.post(`/api/v1/appointments/${bookedId}/move`, { start: '2026-12-03T13:30:00Z' }),
      400,
      'VALIDATION_FAILED',
    );
    // Thursday 3 December, 15:00 in Rome (14:00 UTC): the afternoon availability.
    const moved = await consultant.post(`/api/v1/appointments/${bookedId}/move`, {
      start: '2026-12-03T14:00:00Z',
      reason: 'Il lavoratore lavora la mattina',
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ sequence: 1, start: '2026-12-03T14:00:00.000Z' });
    const slots = await frontoffice.get(
      `/api/v1/agenda/free-slots?officeId=${modena}&typeId=${firstInterview}&consultantId=${consultantId}&mode=phone&from=2026-12-01&to=2026-12-01`,
    );
    expect(slots.json().items.map((s: { start: string }) => s.start)).toContain(firstStart);
    const reminders = await t.database.db
      .selectFrom('jobs')
      .select(['state', 'subject_version', 'run_at'])
      .where('subject_id', '=', bookedId)
      .where('kind', '=', 'appointments.reminder')
      .orderBy('subject_version')
      .execute();
    expect(reminders.map((r) => [r.state, r.subject_version])).toEqual([['queued', 1]]);
    expect(new Date(reminders[0]!.run_at).toISOString()).toBe('2026-12-01T14:00:00.000Z');
    const detail = (await consultant.get(`/api/v1/appointments/${bookedId}`)).json();
    expect(detail.events.map((e: { kind: string }) => e.kind)).toEqual(['booked', 'moved']);
    expect(detail.events[1]).toMatchObject({ actorName: 'Marta D’Angelo', reason: 'Il lavoratore lavora la mattina' });
  });

  it('gives the meeting as an .ics an independent parser reads: UID, SEQUENCE, Rome time', async () => {
    const response = await consultant.get(`/api/v1/appointments/${bookedId}/ics`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/calendar');
    const component = new ICAL.Component(ICAL.parse(response.body));
    const vtimezone = component.getFirstSubcomponent('vtimezone')!;
    ICAL.TimezoneService.register(vtimezone);
    const event = new ICAL.Event(component.getFirstSubcomponent('vevent')!);
    expect(component.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.uid).toBe(`${bookedId}@localhost`);
    expect(event.sequence).toBe(1);
    expect(event.startDate.toString()).toBe('2026-12-03T15:00:00');
    expect(event.startDate.zone.tzid).toBe('Europe/Rome');
  });

  it('records attendance only once the meeting has started', async () => {
    expectProblem(
      await consultant.post(`/api/v1/appointments/${bookedId}/attendance`, { status: 'attended' }),
      409,
      'ATTENDANCE_BEFORE_START',
    );
  });

  it('cancels with a reason: the time is freed, nothing more can change, the worker’s page shows it as past', async () => {
    expectProblem(await frontoffice.post(`/api/v1/appointments/${bookedId}/cancel`, { reason: '' }), 400, 'VALIDATION_FAILED');
    const cancelled = await frontoffice.post(`/api/v1/appointments/${bookedId}/cancel`, { reason: 'Ha trovato lavoro' });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelReason: 'Ha trovato lavoro', sequence: 2 });
    expectProblem(
      await frontoffice.post(`/api/v1/appointments/${bookedId}/cancel`, { reason: 'Doppio clic' }),
      409,
      'APPOINTMENT_NOT_CHANGEABLE',
    );
    expectProblem(
      await consultant.post(`/api/v1/appointments/${bookedId}/move`, { start: '2026-12-03T14:00:00Z', reason: 'Ripensamento' }),
      409,
      'APPOINTMENT_NOT_CHANGEABLE',
    );
    const again = await book(frontoffice, { workerId: workers[1]!.id, start: '2026-12-03T14:00:00Z' });
    expect(again.statusCode).toBe(201);
    const mine = (await frontoffice.get(`/api/v1/workers/${workers[0]!.id}/appointments`)).json();
    expect(mine.upcoming).toEqual([]);
    expect(mine.past[0]).toMatchObject({ id: bookedId, status: 'cancelled' });
    const pending = await t.database.db
      .selectFrom('jobs')
      .select(['kind', 'state'])
      .where('subject_id', '=', bookedId)
      .where('state', '=', 'queued')
      .execute();
    expect(pending).toEqual([{ kind: 'appointments.notify', state: 'queued' }]);
  });

  it('lists the office’s week for the calendar, and audits the read with the workers it names', async () => {
    const week = await consultant.get(`/api/v1/appointments?consultantId=${consultantId}&from=2026-11-30&to=2026-12-06`);
    expect(week.statusCode).toBe(200);
    const items = week.json().items;
    expect(items.map((i: { worker: { id: string } }) => i.worker.id)).toEqual([workers[1]!.id]);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'appointment.listed')
      .orderBy('at', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.details)).toContain(workers[1]!.id);
  });
});

describe('attendance', () => {
  it('an attended meeting becomes a delivered service; absent takes it back and queues a callback; repeated absences are flagged', async () => {
    const worker = workers[2]!;
    // Friday 4 December, 09:00 and 11:00 in Rome, then the day after.
    const first = (await book(frontoffice, { workerId: worker.id, start: '2026-12-04T08:00:00Z' })).json();
    const second = (await book(frontoffice, { workerId: worker.id, start: '2026-12-04T10:00:00Z' })).json();
    t.clock.set(new Date('2026-12-05T08:00:00Z'));
    const agent = await signIn(t.app, 'marta.dangelo@cpi-modena.example', 'Agenda.Prova.2026!');
    const attended = await agent.post(`/api/v1/appointments/${first.id}/attendance`, { status: 'attended', minutes: 75 });
    expect(attended.json().status).toBe('attended');
    const services = () =>
      t.database.db
        .selectFrom('service_records')
        .select(['service_code', 'minutes', 'delivery', 'delivered_on', 'source_id'])
        .where('worker_id', '=', worker.id)
        .execute();
    expect(await services()).toEqual([
      { service_code: 'first_interview', minutes: 75, delivery: 'individual', delivered_on: '2026-12-04', source_id: first.id },
    ]);
    // Recorded twice (a double click): still one record.
    await agent.post(`/api/v1/appointments/${first.id}/attendance`, { status: 'attended', minutes: 75 });
    expect(await services()).toHaveLength(1);

    const callbacks = () => t.database.db.selectFrom('callbacks').select('reason').where('worker_id', '=', worker.id).execute();
    const before = (await callbacks()).length;
    await agent.post(`/api/v1/appointments/${first.id}/attendance`, { status: 'absent' });
    await agent.post(`/api/v1/appointments/${second.id}/attendance`, { status: 'absent' });
    expect(await services()).toEqual([]);
    const queued = await callbacks();
    expect(queued).toHaveLength(before + 2);
    expect(queued.at(-1)!.reason).toContain('Assente all’appuntamento “Primo colloquio” del 04/12/2026');

    const page = (await agent.get(`/api/v1/workers/${worker.id}/appointments`)).json();
    expect(page.noShows).toBe(2);
    const coordinator = await signIn(t.app, DEMO.coordinator);
    const flagged = (await coordinator.get(`/api/v1/agenda/no-shows?officeId=${modena}`)).json().items;
    expect(flagged).toContainEqual({ worker: { id: worker.id, name: worker.name }, absences: 2, lastAbsence: '2026-12-04T10:00:00.000Z' });
  });
});

describe('rooms', () => {
  it('an individual meeting in person takes the smallest free room, not the training room', async () => {
    const coordinator = await signIn(t.app, DEMO.coordinator);
    const office = await t.database.db
      .insertInto('offices')
      .values({
        network_id: (await t.database.db.selectFrom('offices').select('network_id').where('id', '=', modena).executeTakeFirstOrThrow())
          .network_id,
        code: 'CPI-FA',
        name: 'Centro per l’impiego di Fanano',
        comune: 'Fanano',
        province: 'MO',
        opening_hours: '[]',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const rossi = await agendaConsultant(t.app, t.database.db, {
      officeId: office.id,
      fullName: 'Giulia Rossi',
      email: 'giulia.rossi@cpi-fanano.example',
    });
    for (const [name, capacity] of [
      ['Aula corsi', 20],
      ['Sala colloqui', 3],
    ] as const) {
      expect((await coordinator.post('/api/v1/agenda/rooms', { officeId: office.id, name, capacity })).statusCode).toBe(201);
    }
    const rules = [{ weekday: 3, from: '09:00', to: '12:00', validFrom: '2026-11-01', validTo: null }];
    expect((await rossi.agent.put(`/api/v1/agenda/consultants/${rossi.id}/availability`, { officeId: office.id, rules })).statusCode).toBe(
      200,
    );
    const slots = (
      await coordinator.get(`/api/v1/agenda/free-slots?officeId=${office.id}&typeId=${firstInterview}&mode=in_person&limit=3`)
    ).json().items;
    expect(slots.map((s: { roomName: string }) => s.roomName)).toEqual(['Sala colloqui', 'Sala colloqui', 'Sala colloqui']);
  });
});

describe('message texts', () => {
  it('shows each text with an example and the SMS size; a coordinator changes one, unknown placeholders are refused, and it can go back', async () => {
    // The clock moved on days since the first sign-in.
    frontoffice = await signIn(t.app, DEMO.frontoffice);
    const list = (await frontoffice.get('/api/v1/agenda/templates')).json();
    expect(list.items).toHaveLength(8);
    expect(list.placeholders).toContain('link');
    const reminder = list.items.find((i: { kind: string; channel: string }) => i.kind === 'reminder' && i.channel === 'sms');
    // The default reminder fits one SMS with an ordinary address and a real link.
    expect(reminder.sms, JSON.stringify(reminder)).toMatchObject({ encoding: 'GSM-7', segments: 1 });
    expect(reminder.sample).toContain('CPI Modena: promemoria 15/12 ore 10:30');

    expectProblem(await frontoffice.put('/api/v1/agenda/templates/reminder/sms', { body: 'Ciao' }), 403, 'FORBIDDEN');
    const coordinator = await signIn(t.app, DEMO.coordinator);
    const wrong = expectProblem(
      await coordinator.put('/api/v1/agenda/templates/reminder/sms', { body: 'Ciao {{nome}}, ci vediamo il {{giorno}}' }),
      400,
      'UNKNOWN_PLACEHOLDER',
    );
    expect(wrong.errors[0]).toMatchObject({ path: 'body/body' });
    expect(wrong.detail).toContain('giorno');
    const long =
      'Gentile {{nome}} {{cognome}}, le ricordiamo l’appuntamento “{{tipo}}” di {{data}} alle {{ora}} in {{luogo}}. Per disdire: {{link}}';
    const saved = (await coordinator.put('/api/v1/agenda/templates/reminder/sms', { body: long })).json();
    expect(saved).toMatchObject({ custom: true, body: long });
    // Longer than one SMS, and said so; the typographic quotes are sent as plain ones (GSM-7).
    expect(saved.sms.segments).toBe(2);
    expect(saved.sample).toContain('"Colloquio di orientamento"');
    expect(
      (await frontoffice.get('/api/v1/agenda/templates'))
        .json()
        .items.find((i: { kind: string; channel: string }) => i.kind === 'reminder' && i.channel === 'sms').custom,
    ).toBe(true);
    const reset = (await coordinator.request({ method: 'DELETE', url: '/api/v1/agenda/templates/reminder/sms' })).json();
    expect(reset).toMatchObject({ custom: false, body: reminder.body });
  });
});

describe('changes made at once', () => {
  it('three coordinators saving one text, and a consultant renewing the feed three times at once: no 5xx, one text, one feed', async () => {
    const coordinator = await signIn(t.app, DEMO.coordinator);
    const saves = await Promise.all(
      ['Primo testo {{link}}', 'Secondo testo {{link}}', 'Terzo testo {{link}}'].map((body) =>
        coordinator.put('/api/v1/agenda/templates/confirmation/sms', { body }),
      ),
    );
    expect(saves.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    const rows = await t.database.db
      .selectFrom('appointment_templates')
      .select('body')
      .where('kind', '=', 'confirmation')
      .where('channel', '=', 'sms')
      .where('network_id', 'is not', null)
      .execute();
    expect(rows).toHaveLength(1);
    const agent = await signIn(t.app, 'marta.dangelo@cpi-modena.example', 'Agenda.Prova.2026!');
    const renewals = await Promise.all([1, 2, 3].map(() => agent.post('/api/v1/agenda/feed')));
    expect(renewals.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    const current = await t.database.db
      .selectFrom('agenda_feeds')
      .select('id')
      .where('consultant_id', '=', consultantId)
      .where('revoked_at', 'is', null)
      .execute();
    expect(current).toHaveLength(1);
    // Only the last address made works; the others were revoked by it.
    const answers = await Promise.all(renewals.map((r) => t.app.inject({ method: 'GET', url: new URL(r.json().url).pathname })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 404, 404]);
  });
});
