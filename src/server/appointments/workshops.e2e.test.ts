import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agendaConsultant, agendaWorkers } from '../../../tests/factories/agenda.js';
import { buildWorker, insertWorkers } from '../../../tests/factories/workers.js';
import { DEMO, createTestApp, expectProblem, officeIdByCode, signIn, type Agent, type TestApp } from '../../../tests/helpers/test-app.js';
import { createAuditRepository, createAuditService } from '../audit/index.js';
import { createJobsModule } from '../jobs/index.js';
import { createAppointmentsModule } from './appointments.module.js';

// Group workshops through HTTP: a weekly series across the change to winter time, seats and the
// waiting list under 200 concurrent bookings, a freed seat going to the first waiting, a change of
// time told to everyone, the attendance sheet, attendance into delivered services.

let t: TestApp;
let frontoffice: Agent;
let marta: Awaited<ReturnType<typeof agendaConsultant>>;
let modena: string;
let roomId: string;
const sent: Array<{ to: string; subject: string; text: string }> = [];
let runner: ReturnType<typeof createJobsModule>['runner'];
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-10-01T07:00:00Z'));
  frontoffice = await signIn(t.app, DEMO.frontoffice);
  modena = await officeIdByCode(t.database, 'CPI-MO');
  marta = await agendaConsultant(t.app, t.database.db, {
    officeId: modena,
    fullName: 'Marta D’Angelo',
    email: 'marta.dangelo@cpi-modena.example',
  });
  const coordinator = await signIn(t.app, DEMO.coordinator);
  const room = await coordinator.post('/api/v1/agenda/rooms', {
    officeId: modena,
    name: 'Aula Ghirlandina',
    capacity: 25,
    equipment: ['proiettore'],
  });
  expect(room.statusCode).toBe(201);
  roomId = room.json().id;
  const audit = createAuditService({ db: t.database.db, repository: createAuditRepository() });
  const recording = {
    email: {
      kind: 'outbox' as const,
      send: async (m: { to: string; subject: string; text: string }) => (sent.push(m), { providerId: `m${sent.length}` }),
    },
    sms: {
      kind: 'outbox' as const,
      send: async (to: string, text: string) => (sent.push({ to, subject: '', text }), { providerId: `s${sent.length}` }),
    },
  };
  const agenda = createAppointmentsModule({
    db: t.database.db,
    audit,
    clock: t.clock,
    channels: recording,
    publicUrl: 'https://lavoro.example.it',
  });
  const jobs = createJobsModule({ db: t.database.db, databaseKind: t.database.kind, audit, clock: t.clock, log: silent });
  for (const h of agenda.workshopNotifications.handlers) jobs.register(h);
  for (const h of agenda.notifications.handlers) jobs.register(h);
  runner = jobs.runner;
}, 60_000);
afterAll(() => t.close());

const create = (who: Agent, body: Record<string, unknown>) =>
  who.post('/api/v1/workshops', {
    officeId: modena,
    topic: 'cv_writing',
    title: 'Scrivere il curriculum',
    facilitatorIds: [marta.id],
    roomId,
    durationMinutes: 150,
    seats: 20,
    ...body,
  });

describe('a weekly series', () => {
  it('four Tuesday mornings at 09:30, across the return to winter time on 25 October', async () => {
    // Tuesday 13 October 2026, 09:30 in Rome (CEST, +02:00).
    const response = await create(marta.agent, { start: '2026-10-13T07:30:00Z', repeatWeekly: 4 });
    expect(response.statusCode).toBe(201);
    const items = response.json().items as Array<{ start: string; seriesId: string }>;
    expect(items.map((i) => i.start)).toEqual([
      '2026-10-13T07:30:00.000Z',
      '2026-10-20T07:30:00.000Z',
      // 09:30 CET (+01:00) from the 27th.
      '2026-10-27T08:30:00.000Z',
      '2026-11-03T08:30:00.000Z',
    ]);
    expect(new Set(items.map((i) => i.seriesId)).size).toBe(1);
  });

  it('refuses a session on a holiday, in the past, with more seats than the room, or when the facilitator is busy', async () => {
    const holiday = expectProblem(await create(marta.agent, { start: '2026-12-08T08:30:00Z' }), 422, 'WORKSHOP_ON_CLOSED_DAY');
    expect(holiday.detail).toContain('Immacolata');
    expectProblem(await create(marta.agent, { start: '2026-09-29T08:30:00Z' }), 422, 'WORKSHOP_IN_PAST');
    expectProblem(await create(marta.agent, { start: '2026-11-10T08:30:00Z', seats: 40 }), 422, 'ROOM_TOO_SMALL');
    // Overlaps the first session of the series (same facilitator, same room).
    expectProblem(
      await create(marta.agent, { start: '2026-10-13T08:00:00Z', roomId: null, place: 'Sala civica' }),
      409,
      'FACILITATOR_OR_ROOM_BUSY',
    );
  });
});

describe('seats and the waiting list', () => {
  let sessionId: string;
  let workerIds: string[];

  it('200 concurrent bookings for 20 seats: exactly 20 booked, the rest waiting in order, no 5xx', async () => {
    const created = await create(marta.agent, {
      start: '2026-11-17T08:30:00Z',
      title: 'Prepararsi al colloquio di lavoro',
      topic: 'interview_practice',
    });
    sessionId = created.json().items[0].id;
    workerIds = await insertWorkers(
      t.database.db,
      Array.from({ length: 200 }, (_, i) => buildWorker({ officeId: modena }, 9700 + i)),
    );
    const answers = await Promise.all(
      workerIds.map((w) => frontoffice.request({ method: 'PUT', url: `/api/v1/workshops/${sessionId}/participants/${w}` })),
    );
    expect(answers.filter((a) => a.statusCode >= 500)).toEqual([]);
    expect(answers.every((a) => a.statusCode === 200)).toBe(true);
    const statuses = answers.map((a) => a.json().status);
    expect(statuses.filter((s) => s === 'booked')).toHaveLength(20);
    expect(statuses.filter((s) => s === 'waiting')).toHaveLength(180);
    const session = (await frontoffice.get(`/api/v1/workshops/${sessionId}`)).json();
    expect(session).toMatchObject({ seats: 20, booked: 20, waiting: 180 });
    const positions = session.participants
      .filter((p: { status: string }) => p.status === 'waiting')
      .map((p: { waitingPosition: number }) => p.waitingPosition);
    expect([...positions].sort((a, b) => a - b)).toEqual(Array.from({ length: 180 }, (_, i) => i + 1));
    // In order of arrival: each worker keeps the place the booking's answer gave, though all of them
    // booked at the same instant of the test's clock.
    const placeOf = new Map(
      session.participants.map((p: { worker: { id: string }; waitingPosition: number | null }) => [p.worker.id, p.waitingPosition]),
    );
    answers.forEach((a, i) => {
      if (a.json().status === 'waiting') expect(placeOf.get(workerIds[i]!)).toBe(a.json().waitingPosition);
    });
    // A second click on a booked worker changes nothing.
    const again = await frontoffice.request({ method: 'PUT', url: `/api/v1/workshops/${sessionId}/participants/${workerIds[0]}` });
    expect(again.statusCode).toBe(200);
    expect((await frontoffice.get(`/api/v1/workshops/${sessionId}`)).json().booked).toBe(20);
  });

  it('a freed seat goes to the first on the waiting list, who is told', async () => {
    const session = (await frontoffice.get(`/api/v1/workshops/${sessionId}`)).json();
    const booked = session.participants.find((p: { status: string }) => p.status === 'booked').worker.id;
    const first = session.participants.find((p: { waitingPosition: number | null }) => p.waitingPosition === 1).worker.id;
    const second = session.participants.find((p: { waitingPosition: number | null }) => p.waitingPosition === 2).worker.id;
    expect((await frontoffice.request({ method: 'DELETE', url: `/api/v1/workshops/${sessionId}/participants/${booked}` })).statusCode).toBe(
      200,
    );
    const after = (await frontoffice.get(`/api/v1/workshops/${sessionId}`)).json();
    const status = (id: string) => after.participants.find((p: { worker: { id: string } }) => p.worker.id === id);
    expect(status(first)).toMatchObject({ status: 'booked', waitingPosition: null });
    expect(status(second)).toMatchObject({ status: 'waiting', waitingPosition: 1 });
    expect(after).toMatchObject({ booked: 20, waiting: 179 });
    sent.length = 0;
    await runner.drain();
    const promoted = await t.database.db
      .selectFrom('group_session_messages')
      .select(['worker_id', 'kind'])
      .where('session_id', '=', sessionId)
      .where('kind', '=', 'promoted')
      .execute();
    expect(promoted).toEqual([{ worker_id: first, kind: 'promoted' }]);
  });

  it('seats below the number booked are refused; more seats serve the waiting list', async () => {
    expectProblem(
      await frontoffice.patch(`/api/v1/workshops/${sessionId}`, { seats: 10, reason: 'Aula più piccola' }),
      409,
      'SEATS_BELOW_BOOKED',
    );
    const more = await frontoffice.patch(`/api/v1/workshops/${sessionId}`, { seats: 25, reason: 'Aula più grande' });
    expect(more.json()).toMatchObject({ seats: 25, booked: 25, waiting: 174 });
  });

  it('moving the session tells every participant and the waiting list once, and their time follows', async () => {
    await runner.drain();
    const moved = await frontoffice.patch(`/api/v1/workshops/${sessionId}`, { start: '2026-11-18T08:30:00Z', reason: 'Aula occupata' });
    expect(moved.json()).toMatchObject({ sequence: 1, start: '2026-11-18T08:30:00.000Z' });
    await runner.drain();
    await runner.drain();
    const changes = await t.database.db
      .selectFrom('group_session_messages')
      .select('worker_id')
      .where('session_id', '=', sessionId)
      .where('kind', '=', 'change')
      .execute();
    expect(changes).toHaveLength(25 + 174);
    expect(new Set(changes.map((c) => c.worker_id)).size).toBe(199);
    const claims = await t.database.db
      .selectFrom('agenda_claims')
      .select(['resource_type', 'during'])
      .where('session_id', '=', sessionId)
      .execute();
    expect(claims.filter((c) => c.resource_type === 'worker')).toHaveLength(25);
    expect(claims.every((c) => String(c.during).includes('2026-11-18'))).toBe(true);
  });

  it('prints the attendance sheet with the booked participants, and attendance becomes a delivered group service', async () => {
    const sheet = await frontoffice.get(`/api/v1/workshops/${sessionId}/attendance-sheet`);
    expect(sheet.statusCode).toBe(200);
    expect(sheet.headers['content-type']).toBe('application/pdf');
    expect(sheet.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expectProblem(
      await marta.agent.post(`/api/v1/workshops/${sessionId}/participants/${workerIds[1]}/attendance`, { status: 'attended' }),
      409,
      'ATTENDANCE_BEFORE_START',
    );
    t.clock.set(new Date('2026-11-18T12:00:00Z'));
    const agent = await signIn(t.app, 'marta.dangelo@cpi-modena.example', 'Agenda.Prova.2026!');
    const session = (await agent.get(`/api/v1/workshops/${sessionId}`)).json();
    const present = session.participants.find((p: { status: string }) => p.status === 'booked').worker.id;
    expect((await agent.post(`/api/v1/workshops/${sessionId}/participants/${present}/attendance`, { status: 'attended' })).statusCode).toBe(
      200,
    );
    const records = await t.database.db
      .selectFrom('service_records')
      .select(['service_code', 'delivery', 'minutes', 'staff_id'])
      .where('source_id', '=', sessionId)
      .execute();
    expect(records).toEqual([{ service_code: 'group_workshop', delivery: 'group', minutes: 150, staff_id: marta.id }]);
  });
});

describe('invitations and cancellation', () => {
  it('invites a hand-picked list, then cancelling tells everyone invited or booked', async () => {
    t.clock.set(new Date('2026-11-20T07:00:00Z'));
    frontoffice = await signIn(t.app, DEMO.frontoffice);
    const agent = await signIn(t.app, 'marta.dangelo@cpi-modena.example', 'Agenda.Prova.2026!');
    const created = (
      await create(agent, {
        start: '2026-11-24T08:30:00Z',
        title: 'Presentazione dei corsi di formazione',
        topic: 'training_paths',
        seats: 2,
      })
    ).json();
    const id = created.items[0].id;
    const people = await agendaWorkers(t.database.db, modena, [
      { firstName: 'Nicolò', lastName: 'Barbieri', email: 'nicolo.barbieri@posta.example' },
      { firstName: 'Anna Maria', lastName: 'D’Angelo', email: 'annamaria.dangelo@posta.example' },
      { firstName: 'Salvatore', lastName: 'Esposito' },
    ]);
    const invited = await frontoffice.post(`/api/v1/workshops/${id}/invitations`, { workerIds: people.map((p) => p.id) });
    expect(invited.json()).toEqual({ invited: 3, already: 0 });
    expect((await frontoffice.post(`/api/v1/workshops/${id}/invitations`, { workerIds: [people[0]!.id] })).json()).toEqual({
      invited: 0,
      already: 1,
    });
    await frontoffice.request({ method: 'PUT', url: `/api/v1/workshops/${id}/participants/${people[0]!.id}` });
    sent.length = 0;
    await runner.drain();
    // Two e-mails of invitation, an SMS to the worker without e-mail, and the seat confirmed.
    expect(sent.map((m) => m.subject).sort()).toEqual([
      '',
      'Invito all’incontro "Presentazione dei corsi di formazione"',
      'Invito all’incontro "Presentazione dei corsi di formazione"',
      'Posto confermato: Presentazione dei corsi di formazione',
    ]);
    sent.length = 0;
    const cancelled = await frontoffice.post(`/api/v1/workshops/${id}/cancel`, { reason: 'Docente malato' });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelReason: 'Docente malato' });
    await runner.drain();
    expect(sent).toHaveLength(3);
    expect(sent.find((m) => m.to === 'nicolo.barbieri@posta.example')!.text).toContain('è stato annullato (Docente malato)');
    expectProblem(
      await frontoffice.request({ method: 'PUT', url: `/api/v1/workshops/${id}/participants/${people[1]!.id}` }),
      409,
      'WORKSHOP_CANCELLED',
    );
  });
});
