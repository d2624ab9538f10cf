import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agendaConsultant } from '../../../tests/factories/agenda.js';
import { carpiWorkshopWorld, enrolledWorkers, type OfficeWorker } from '../../../tests/factories/workshops.js';
import { startLocalTransports, type GatewayRequest, type LocalTransports } from '../../../tests/helpers/local-transports.js';
import { createTestApp, expectProblem, signIn, type TestApp } from '../../../tests/helpers/test-app.js';
import { createAuditRepository, createAuditService } from '../audit/index.js';
import { createJobsModule } from '../jobs/index.js';
import { channelsFromEnv } from '../outreach/index.js';
import { createAppointmentsModule } from './appointments.module.js';

// The worker answers a workshop through the link in its messages, and booked participants are
// reminded 48 hours before: through real transports (an SMTP server, an HTTP SMS gateway), the
// queue's runner driven by hand with the test's clock.

const mails: ParsedMail[] = [];
const sms: GatewayRequest['body'][] = [];
let transports: LocalTransports;
let t: TestApp;
let laura: Awaited<ReturnType<typeof agendaConsultant>>;
let runner: ReturnType<typeof createJobsModule>['runner'];
let carpi: string;
let sessionId: string;
let w: Record<'esposito' | 'conti' | 'ricci' | 'dangelo', OfficeWorker>;
const tokens = new Map<string, string>();
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const PUBLIC = 'https://lavoro.provincia.modena.example';

const tokenIn = (text: string) => new RegExp(`${PUBLIC.replace(/\./g, '\\.')}/incontro/([A-Za-z0-9_-]{24})`).exec(text)?.[1];
const mailsTo = (worker: OfficeWorker, subject: string) =>
  mails.filter((m) => (m.to && 'text' in m.to ? m.to.text : '').includes(worker.email!) && m.subject?.startsWith(subject));
const link = (method: 'GET' | 'POST', token: string, action = '') =>
  t.app.inject({ method, url: `/api/v1/public/workshops/${token}${action ? `/${action}` : ''}` });

function calendarOf(mail: ParsedMail) {
  const attachment = mail.attachments.find((a) => a.contentType.startsWith('text/calendar') || a.filename?.endsWith('.ics'));
  expect(attachment, 'the e-mail carries an iCalendar part').toBeDefined();
  const component = new ICAL.Component(ICAL.parse(attachment!.content.toString('utf8')));
  ICAL.TimezoneService.register(component.getFirstSubcomponent('vtimezone')!);
  return { method: component.getFirstPropertyValue('method'), event: new ICAL.Event(component.getFirstSubcomponent('vevent')!) };
}

beforeAll(async () => {
  transports = await startLocalTransports({ from: 'CPI Carpi <cpi.carpi@ricolloca.example>', mails, sms });

  t = await createTestApp();
  const world = await carpiWorkshopWorld(t, { code: 'CPI-CARPI-L', email: 'laura.ferrari@carpi.example', capacity: 50 });
  ({ carpi, laura } = world);
  const { programmeId } = world;
  const people = [
    { firstName: 'Giuseppe', lastName: 'Esposito', email: 'giuseppe.esposito@posta.example' },
    { firstName: 'Francesca', lastName: 'Conti', email: 'francesca.conti@posta.example' },
    { firstName: 'Marco', lastName: 'Ricci', email: 'marco.ricci@posta.example' },
    { firstName: 'Nicolò', lastName: 'D’Angelo', email: 'nicolo.dangelo@posta.example' },
  ].map((p) => ({ ...p, caseId: null, state: 'registered' as const }));
  const [esposito, conti, ricci, dangelo] = await enrolledWorkers(t.database.db, { officeId: carpi, programmeId }, people, 9400);
  w = { esposito: esposito!, conti: conti!, ricci: ricci!, dangelo: dangelo! };

  // A second instance of the agenda and the queue on the same database: the background runner.
  const audit = createAuditService({ db: t.database.db, repository: createAuditRepository() });
  const agenda = createAppointmentsModule({ db: t.database.db, audit, clock: t.clock, channels: channelsFromEnv(), publicUrl: PUBLIC });
  const jobs = createJobsModule({ db: t.database.db, databaseKind: t.database.kind, audit, clock: t.clock, log: silent });
  for (const handler of [...agenda.notifications.handlers, ...agenda.workshopNotifications.handlers]) jobs.register(handler);
  runner = jobs.runner;

  // Thursday 15 October, 09:30 to 11:30 in Rome; two seats.
  const created = await laura.agent.post('/api/v1/workshops', {
    officeId: carpi,
    topic: 'interview_practice',
    title: 'Prepararsi al colloquio di lavoro',
    facilitatorIds: [laura.id],
    start: '2026-10-15T07:30:00Z',
    durationMinutes: 120,
    seats: 2,
  });
  expect(created.statusCode).toBe(201);
  sessionId = created.json().items[0].id;
}, 60_000);

afterAll(async () => {
  await t.close();
  await transports.close();
});

describe('the worker’s link to a workshop', () => {
  it('each invitation carries a link of its own; only the token’s hash is kept, valid until the session ends', async () => {
    const invited = await laura.agent.post(`/api/v1/workshops/${sessionId}/invitations`, { workerIds: Object.values(w).map((x) => x.id) });
    expect(invited.json()).toEqual({ invited: 4, already: 0 });
    await runner.drain();
    for (const worker of Object.values(w)) {
      const [mail] = mailsTo(worker, 'Invito all’incontro "Prepararsi al colloquio di lavoro"');
      expect(mail, `${worker.lastName} is invited`).toBeDefined();
      const token = tokenIn(mail!.text ?? '')!;
      expect(token).toBeDefined();
      tokens.set(worker.id, token);
    }
    expect(new Set(tokens.values()).size).toBe(4);
    const stored = await t.database.db
      .selectFrom('appointment_links')
      .select(['token_hash', 'worker_id', 'session_id', 'appointment_id', 'expires_at'])
      .where('session_id', '=', sessionId)
      .execute();
    const hash = createHash('sha256').update(tokens.get(w.esposito.id)!).digest('hex');
    const mine = stored.find((r) => r.token_hash === hash);
    expect(mine).toMatchObject({ worker_id: w.esposito.id, appointment_id: null });
    expect(new Date(mine!.expires_at).toISOString()).toBe('2026-10-15T09:30:00.000Z');
    // The record of what was sent keeps the text, not the token.
    const bodies = await t.database.db.selectFrom('group_session_messages').select('body').where('session_id', '=', sessionId).execute();
    expect(bodies.map((b) => b.body).join('\n')).not.toContain(tokens.get(w.esposito.id)!);
  });

  it('shows the session in Rome time, the office’s address and the seats left, with the first name only', async () => {
    const shown = await link('GET', tokens.get(w.esposito.id)!);
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject({
      title: 'Prepararsi al colloquio di lavoro',
      workerFirstName: 'Giuseppe',
      date: '2026-10-15',
      startTime: '09:30',
      endTime: '11:30',
      place: 'CPI Carpi, Via Peruzzi 22, Carpi',
      officeAddress: 'Via Peruzzi 22, 41012 Carpi',
      sessionStatus: 'scheduled',
      status: 'invited',
      seatsLeft: 2,
      canAnswer: true,
    });
    expect(shown.body).not.toContain('Esposito');
    const opened = await t.database.db
      .selectFrom('audit_log')
      .select(['actor_id', 'details'])
      .where('action', '=', 'workshop.link_opened')
      .where('entity_id', '=', sessionId)
      .executeTakeFirstOrThrow();
    expect(opened.actor_id).toBeNull();
    expect(opened.details).toMatchObject({ workerId: w.esposito.id, byWorker: true });
  });

  it('Partecipo takes a seat, then the waiting list with its position when full; a second click changes nothing', async () => {
    expect((await link('POST', tokens.get(w.esposito.id)!, 'accept')).json()).toMatchObject({ status: 'booked', seatsLeft: 1 });
    expect((await link('POST', tokens.get(w.conti.id)!, 'accept')).json()).toMatchObject({ status: 'booked', seatsLeft: 0 });
    const waiting = (await link('POST', tokens.get(w.ricci.id)!, 'accept')).json();
    expect(waiting).toMatchObject({ status: 'waiting', waitingPosition: 1, seatsLeft: 0 });
    expect((await link('POST', tokens.get(w.esposito.id)!, 'accept')).json()).toMatchObject({ status: 'booked', seatsLeft: 0 });
    await runner.drain();
    const booked = mailsTo(w.esposito, 'Posto confermato');
    expect(booked).toHaveLength(1);
    expect(tokenIn(booked[0]!.text ?? '')).toBeDefined();
    expect(calendarOf(booked[0]!).method).toBe('REQUEST');
    expect(calendarOf(booked[0]!).event.startDate.toString()).toBe('2026-10-15T09:30:00');
    expect(mailsTo(w.ricci, 'Lista d’attesa')).toHaveLength(1);
    // Audited as the worker's, with no staff actor; on the worker's timeline too.
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['actor_id', 'details'])
      .where('action', '=', 'workshop.booked')
      .where('entity_id', '=', sessionId)
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit.every((a) => a.actor_id === null && (a.details as { byWorker?: boolean }).byWorker === true)).toBe(true);
    const session = (await laura.agent.get(`/api/v1/workshops/${sessionId}`)).json();
    expect(session).toMatchObject({ booked: 2, waiting: 1 });
  });

  it('Non partecipo declines the invitation, once; a booked worker is told to withdraw instead', async () => {
    expect((await link('POST', tokens.get(w.dangelo.id)!, 'decline')).json()).toMatchObject({ status: 'declined', seatsLeft: 0 });
    expect((await link('POST', tokens.get(w.dangelo.id)!, 'decline')).json()).toMatchObject({ status: 'declined' });
    const declines = await t.database.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'workshop.declined')
      .where('entity_id', '=', sessionId)
      .execute();
    expect(declines).toHaveLength(1);
    expectProblem(await link('POST', tokens.get(w.esposito.id)!, 'decline'), 409, 'WORKSHOP_ALREADY_BOOKED');
  });

  it('Non posso più venire gives the seat to the first waiting, who is told with a link of their own; a second click does nothing', async () => {
    expect((await link('POST', tokens.get(w.conti.id)!, 'withdraw')).json()).toMatchObject({ status: 'cancelled', seatsLeft: 0 });
    expect((await link('POST', tokens.get(w.conti.id)!, 'withdraw')).json()).toMatchObject({ status: 'cancelled', seatsLeft: 0 });
    await runner.drain();
    const promoted = mailsTo(w.ricci, 'Si è liberato un posto');
    expect(promoted).toHaveLength(1);
    const fresh = tokenIn(promoted[0]!.text ?? '')!;
    expect(fresh).not.toBe(tokens.get(w.ricci.id));
    expect((await link('GET', fresh)).json()).toMatchObject({ status: 'booked', workerFirstName: 'Marco' });
    const session = (await laura.agent.get(`/api/v1/workshops/${sessionId}`)).json();
    expect(session).toMatchObject({ booked: 2, waiting: 0 });
    const status = Object.fromEntries(session.participants.map((p: { worker: { id: string }; status: string }) => [p.worker.id, p.status]));
    expect(status).toEqual({ [w.esposito.id]: 'booked', [w.ricci.id]: 'booked', [w.conti.id]: 'cancelled', [w.dangelo.id]: 'declined' });
  });

  it('a token acts only on its own worker’s place; an unknown one is 404, a meeting’s path refuses it', async () => {
    // Conti's link shows her own answer, never Esposito's seat.
    expect((await link('GET', tokens.get(w.conti.id)!)).json()).toMatchObject({ workerFirstName: 'Francesca', status: 'cancelled' });
    expectProblem(await link('GET', 'x'.repeat(24)), 404, 'APPOINTMENT_LINK_INVALID');
    expectProblem(
      await t.app.inject({ method: 'GET', url: `/api/v1/public/appointments/${tokens.get(w.esposito.id)!}` }),
      404,
      'APPOINTMENT_LINK_INVALID',
    );
  });

  it('a cancelled session’s link shows it cancelled and takes no answer', async () => {
    const other = await laura.agent.post('/api/v1/workshops', {
      officeId: carpi,
      topic: 'orientation',
      title: 'Orientamento al lavoro',
      facilitatorIds: [laura.id],
      start: '2026-10-22T07:30:00Z',
      durationMinutes: 90,
      seats: 10,
    });
    const id = other.json().items[0].id;
    await laura.agent.post(`/api/v1/workshops/${id}/invitations`, { workerIds: [w.dangelo.id] });
    await runner.drain();
    const token = tokenIn(mailsTo(w.dangelo, 'Invito all’incontro "Orientamento al lavoro"')[0]!.text ?? '')!;
    expect((await laura.agent.post(`/api/v1/workshops/${id}/cancel`, { reason: 'Conduttrice in malattia' })).statusCode).toBe(200);
    expect((await link('GET', token)).json()).toMatchObject({
      sessionStatus: 'cancelled',
      cancelReason: 'Conduttrice in malattia',
      canAnswer: false,
    });
    expectProblem(await link('POST', token, 'accept'), 409, 'WORKSHOP_CANCELLED');
  });
});

describe('workshop reminders, 48 hours before', () => {
  let cancelledId: string;

  it('are queued when the seat is taken; a cancelled session’s are not sent', async () => {
    const reminders = await t.database.db
      .selectFrom('jobs')
      .select(['payload', 'run_at'])
      .where('subject_id', '=', sessionId)
      .where('kind', '=', 'appointments.workshop_reminder')
      .execute();
    // Esposito and Conti (seats through the link), Ricci (promoted): Conti's will find her withdrawn.
    expect(reminders.map((r) => (r.payload as { workerId: string }).workerId).sort()).toEqual(
      [w.esposito.id, w.conti.id, w.ricci.id].sort(),
    );
    expect(reminders.every((r) => new Date(r.run_at).toISOString() === '2026-10-13T07:30:00.000Z')).toBe(true);
    const other = await laura.agent.post('/api/v1/workshops', {
      officeId: carpi,
      topic: 'training_paths',
      title: 'Percorsi formativi',
      facilitatorIds: [laura.id],
      start: '2026-10-14T12:00:00Z',
      durationMinutes: 90,
      seats: 10,
    });
    cancelledId = other.json().items[0].id;
    expect(
      (await laura.agent.request({ method: 'PUT', url: `/api/v1/workshops/${cancelledId}/participants/${w.conti.id}` })).json().status,
    ).toBe('booked');
    expect((await laura.agent.post(`/api/v1/workshops/${cancelledId}/cancel`, { reason: 'Aula non disponibile' })).statusCode).toBe(200);
    const dropped = await t.database.db
      .selectFrom('jobs')
      .select('state')
      .where('subject_id', '=', cancelledId)
      .where('kind', '=', 'appointments.workshop_reminder')
      .execute();
    expect(dropped.map((j) => j.state)).toEqual(['cancelled']);
  });

  it('a moved session is reminded at its new time, never at the old one', async () => {
    // Friday 16 October, same time: the participants are told, and their reminders follow.
    const moved = await laura.agent.patch(`/api/v1/workshops/${sessionId}`, { start: '2026-10-16T07:30:00Z', reason: 'Sala occupata' });
    expect(moved.statusCode).toBe(200);
    await runner.drain();
    expect(mailsTo(w.esposito, 'Incontro modificato')).toHaveLength(1);
    const queued = await t.database.db
      .selectFrom('jobs')
      .select(['state', 'run_at'])
      .where('subject_id', '=', sessionId)
      .where('kind', '=', 'appointments.workshop_reminder')
      .orderBy('run_at')
      .execute();
    // The old time's three are dropped; the two still booked have one each at the new time.
    expect(queued.map((j) => [j.state, new Date(j.run_at).toISOString()])).toEqual([
      ['cancelled', '2026-10-13T07:30:00.000Z'],
      ['cancelled', '2026-10-13T07:30:00.000Z'],
      ['cancelled', '2026-10-13T07:30:00.000Z'],
      ['queued', '2026-10-14T07:30:00.000Z'],
      ['queued', '2026-10-14T07:30:00.000Z'],
    ]);
    // The old time's reminder moment, and the cancelled session's: nothing goes out.
    t.clock.set(new Date('2026-10-13T07:31:00Z'));
    const before = { mails: mails.length, sms: sms.length };
    await runner.drain();
    t.clock.set(new Date('2026-10-13T12:01:00Z'));
    await runner.drain();
    expect({ mails: mails.length, sms: sms.length }).toEqual(before);
  });

  it('goes by e-mail with the invitation and by SMS to the mobile, not to who withdrew, once even after a crash', async () => {
    const s = await t.database.db
      .selectFrom('group_sessions')
      .select(['network_id', 'sequence'])
      .where('id', '=', sessionId)
      .executeTakeFirstOrThrow();
    // As if a runner had died between recording Ricci's e-mail and the SMTP server's answer.
    await t.database.db
      .insertInto('group_session_messages')
      .values({
        network_id: s.network_id,
        session_id: sessionId,
        worker_id: w.ricci.id,
        kind: 'reminder',
        channel: 'email',
        sequence: s.sequence,
        recipient: w.ricci.email!,
      })
      .execute();
    t.clock.set(new Date('2026-10-14T07:31:00Z'));
    await runner.drain();
    const reminded = mailsTo(w.esposito, 'Promemoria: Prepararsi al colloquio di lavoro');
    expect(reminded).toHaveLength(1);
    expect(reminded[0]!.text).toContain('venerdì 16 ottobre 2026 alle ore 09:30');
    const { method, event } = calendarOf(reminded[0]!);
    expect(method).toBe('REQUEST');
    expect(event.startDate.toString()).toBe('2026-10-16T09:30:00');
    expect(mailsTo(w.ricci, 'Promemoria')).toHaveLength(0);
    expect(mailsTo(w.conti, 'Promemoria')).toHaveLength(0);
    expect(sms.map((m) => m.to).sort()).toEqual([w.esposito.phone, w.ricci.phone].sort());
    for (const m of sms) {
      expect(m.text).toMatch(
        /^CPI Carpi: le ricordiamo l'incontro di gruppo "Prepararsi al colloquio di lavoro" di venerdì 16 ottobre 2026 alle ore 09:30, /,
      );
      expect(tokenIn(m.text)).toBeDefined();
    }
    const uncertain = await t.database.db
      .selectFrom('group_session_messages')
      .select(['status', 'error'])
      .where('session_id', '=', sessionId)
      .where('worker_id', '=', w.ricci.id)
      .where('kind', '=', 'reminder')
      .where('channel', '=', 'email')
      .executeTakeFirstOrThrow();
    expect(uncertain).toMatchObject({ status: 'failed', error: expect.stringMatching(/^uncertain/) });
    // Later runs send nothing more.
    t.clock.advance(4 * 60 * 60_000);
    await runner.drain();
    expect(mails.filter((m) => m.subject?.startsWith('Promemoria'))).toHaveLength(1);
    expect(sms).toHaveLength(2);
  });

  it('the link expires when the session ends: 410', async () => {
    t.clock.set(new Date('2026-10-16T09:31:00Z'));
    expectProblem(await link('GET', tokens.get(w.esposito.id)!), 410, 'APPOINTMENT_LINK_EXPIRED');
    // Sessions expire with a moved clock: the consultant signs in again to read the session.
    const again = await signIn(t.app, 'laura.ferrari@carpi.example', 'Agenda.Prova.2026!');
    expect((await again.get(`/api/v1/workshops/${sessionId}`)).statusCode).toBe(200);
  });
});
