import ICAL from 'ical.js';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agendaConsultant, agendaWorkers } from '../../../tests/factories/agenda.js';
import { startLocalTransports, type GatewayRequest, type LocalTransports } from '../../../tests/helpers/local-transports.js';
import { DEMO, createTestApp, expectProblem, officeIdByCode, signIn, type Agent, type TestApp } from '../../../tests/helpers/test-app.js';
import { createAuditRepository, createAuditService } from '../audit/index.js';
import { createJobsModule } from '../jobs/index.js';
import { channelsFromEnv, countSms } from '../outreach/index.js';
import { createAppointmentsModule } from './appointments.module.js';

// What the worker receives, through real transports: an SMTP server (smtp-server, mailparser)
// and an HTTP server standing in for the SMS gateway. The queue's runner is driven by hand with
// the test's clock; the app answers the worker's link.

const mails: ParsedMail[] = [];
const sms: GatewayRequest['body'][] = [];
let transports: LocalTransports;
let t: TestApp;
let frontoffice: Agent;
let consultant: Agent;
let runner: ReturnType<typeof createJobsModule>['runner'];
let worker: { id: string; first_name: string; last_name: string; email: string | null; phone: string | null };
let modena: string;
let firstInterview: string;
let consultantId: string;
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

beforeAll(async () => {
  transports = await startLocalTransports({ from: 'CPI Modena <cpi.modena@ricolloca.example>', mails, sms });

  t = await createTestApp();
  // Tuesday 1 December 2026, 08:00 in Rome.
  t.clock.set(new Date('2026-12-01T07:00:00Z'));
  frontoffice = await signIn(t.app, DEMO.frontoffice);
  modena = await officeIdByCode(t.database, 'CPI-MO');
  const elena = await agendaConsultant(t.app, t.database.db, {
    officeId: modena,
    fullName: 'Elena Colombo',
    email: 'elena.colombo@cpi-modena.example',
  });
  consultant = elena.agent;
  consultantId = elena.id;
  firstInterview = (await consultant.get(`/api/v1/agenda/setup?officeId=${modena}`)).json().types[0].id;
  const rules = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: '09:00', to: '13:00', validFrom: '2026-11-01', validTo: null }));
  expect((await consultant.put(`/api/v1/agenda/consultants/${consultantId}/availability`, { officeId: modena, rules })).statusCode).toBe(
    200,
  );
  const [person] = await agendaWorkers(t.database.db, modena, [
    { firstName: 'Giuseppe', lastName: 'Esposito', email: 'giuseppe.esposito@posta.example' },
  ]);
  worker = { id: person!.id, first_name: person!.firstName, last_name: person!.lastName, email: person!.email, phone: person!.phone };

  // A second instance of the agenda and the queue on the same database: the background runner.
  const audit = createAuditService({ db: t.database.db, repository: createAuditRepository() });
  const agenda = createAppointmentsModule({
    db: t.database.db,
    audit,
    clock: t.clock,
    channels: channelsFromEnv(),
    publicUrl: 'https://lavoro.provincia.modena.example',
  });
  const jobs = createJobsModule({ db: t.database.db, databaseKind: t.database.kind, audit, clock: t.clock, log: silent });
  for (const handler of agenda.notifications.handlers) jobs.register(handler);
  runner = jobs.runner;
}, 60_000);

afterAll(async () => {
  await t.close();
  await transports.close();
});

function invitation(mail: ParsedMail) {
  const attachment = mail.attachments.find((a) => a.contentType.startsWith('text/calendar') || a.filename?.endsWith('.ics'));
  expect(attachment, 'the e-mail carries an iCalendar part').toBeDefined();
  const component = new ICAL.Component(ICAL.parse(attachment!.content.toString('utf8')));
  ICAL.TimezoneService.register(component.getFirstSubcomponent('vtimezone')!);
  const vevent = component.getFirstSubcomponent('vevent')!;
  return { method: component.getFirstPropertyValue('method'), event: new ICAL.Event(vevent), vevent };
}

const tokenIn = (text: string) => /\/appuntamento\/([A-Za-z0-9_-]{24,64})/.exec(text)?.[1];

describe('a first interview, told to the worker from booking to cancellation', () => {
  let id: string;
  let token: string;
  let later: { start: string; date: string; startTime: string };

  it('sends the confirmation by e-mail with an invitation Outlook and Thunderbird accept', async () => {
    // Friday 4 December, 10:00 in Rome.
    const booked = await frontoffice.post('/api/v1/appointments', {
      workerId: worker.id,
      officeId: modena,
      typeId: firstInterview,
      consultantId,
      mode: 'in_person',
      start: '2026-12-04T09:00:00Z',
      bookedVia: 'hotline',
    });
    expect(booked.statusCode).toBe(201);
    id = booked.json().id;
    expect(await runner.drain()).toBe(1);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toContain(worker.email!);
    expect(mail.subject).toBe('Appuntamento confermato: Primo colloquio del venerdì 4 dicembre 2026');
    expect(mail.text).toContain(`Gentile ${worker.first_name} ${worker.last_name}`);
    expect(mail.text).toContain('alle ore 10:00');
    expect(mail.text).toContain('Elena Colombo');
    const { method, event, vevent } = invitation(mail);
    expect(method).toBe('REQUEST');
    expect(event.uid).toBe(`${id}@lavoro.provincia.modena.example`);
    expect(event.sequence).toBe(0);
    expect(event.startDate.toString()).toBe('2026-12-04T10:00:00');
    expect(event.startDate.zone.tzid).toBe('Europe/Rome');
    expect(event.endDate.toString()).toBe('2026-12-04T11:00:00');
    expect(String(event.location)).toContain('Modena');
    expect(String(vevent.getFirstPropertyValue('attendee'))).toBe(`mailto:${worker.email}`);
    // No SMS for a confirmation when the worker has an e-mail address.
    expect(sms).toHaveLength(0);
    token = tokenIn(mail.text ?? '')!;
    expect(token).toBeDefined();
    // What is kept of the message (what staff see) shows the link masked: only its hash is stored.
    const stored = await t.database.db
      .selectFrom('appointment_messages')
      .select('body')
      .where('appointment_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.body).toContain('/appuntamento/…');
    expect(stored.body).not.toContain(token);
  });

  it('opens the worker’s link without signing in, and lets the worker confirm', async () => {
    const shown = await t.app.inject({ method: 'GET', url: `/api/v1/public/appointments/${token}` });
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject({
      typeName: 'Primo colloquio',
      workerFirstName: worker.first_name,
      startTime: '10:00',
      status: 'booked',
      canChange: true,
    });
    expect(shown.json().freeSlots.length).toBeGreaterThan(0);
    // Nothing but the first name of the worker: no surname, no codice fiscale.
    expect(shown.body).not.toContain(worker.last_name);
    const confirmed = await t.app.inject({ method: 'POST', url: `/api/v1/public/appointments/${token}/confirm` });
    expect(confirmed.json().status).toBe('confirmed');
    expectProblem(
      await t.app.inject({ method: 'GET', url: `/api/v1/public/appointments/${'x'.repeat(32)}` }),
      404,
      'APPOINTMENT_LINK_INVALID',
    );
  });

  it('moves the meeting from the link to a free time: the change goes out with SEQUENCE 1, the old reminder never', async () => {
    const slots = (await t.app.inject({ method: 'GET', url: `/api/v1/public/appointments/${token}` })).json().freeSlots;
    // A choice of days, a few times each.
    const days = new Set(slots.map((s: { date: string }) => s.date));
    expect(days.size).toBeGreaterThanOrEqual(4);
    later = slots.find((s: { date: string }) => s.date > '2026-12-04')!;
    expect(later).toBeDefined();
    const moved = await t.app.inject({
      method: 'POST',
      url: `/api/v1/public/appointments/${token}/reschedule`,
      payload: { start: later.start },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ date: later.date, startTime: later.startTime, status: 'confirmed' });
    expect(await runner.drain()).toBe(1);
    const change = mails[1]!;
    expect(change.subject).toContain('Appuntamento modificato');
    expect(invitation(change).event.sequence).toBe(1);
    const reminders = await t.database.db
      .selectFrom('jobs')
      .select(['state', 'subject_version'])
      .where('subject_id', '=', id)
      .where('kind', '=', 'appointments.reminder')
      .orderBy('subject_version')
      .execute();
    expect(reminders.map((r) => [r.state, r.subject_version])).toEqual([
      ['cancelled', 0],
      ['queued', 1],
    ]);
    const log = (await consultant.get(`/api/v1/appointments/${id}`)).json();
    expect(log.events.map((e: { kind: string; byWorker: boolean }) => [e.kind, e.byWorker])).toEqual([
      ['booked', false],
      ['confirmed', true],
      ['moved', true],
    ]);
  });

  it('reminds 48 hours before by e-mail and SMS, retries the SMS the gateway refused, and never reminds twice', async () => {
    const job = await t.database.db
      .selectFrom('jobs')
      .select('run_at')
      .where('subject_id', '=', id)
      .where('kind', '=', 'appointments.reminder')
      .where('state', '=', 'queued')
      .executeTakeFirstOrThrow();
    t.clock.set(new Date(job.run_at));
    transports.failNextSms();
    await runner.drain();
    expect(mails.filter((m) => m.subject?.startsWith('Promemoria'))).toHaveLength(1);
    expect(sms).toHaveLength(0);
    // The queue tries again after its backoff: only the SMS, the e-mail went out already.
    t.clock.advance(2 * 60 * 60_000);
    await runner.drain();
    expect(sms).toHaveLength(1);
    expect(sms[0]!.to).toBe(worker.phone);
    const [, month, day] = later.date.split('-');
    expect(sms[0]!.text).toMatch(
      new RegExp(
        `^CPI Modena: promemoria ${day}/${month} ore ${later.startTime}, [^,]+\\. Info: https://lavoro\\.provincia\\.modena\\.example/appuntamento/[A-Za-z0-9_-]{24}$`,
      ),
    );
    // One segment of the GSM alphabet: no typographic apostrophe switched it to UCS-2.
    expect(countSms(sms[0]!.text)).toMatchObject({ encoding: 'GSM-7', segments: 1 });
    t.clock.advance(2 * 60 * 60_000);
    expect(await runner.drain()).toBe(0);
    expect(mails.filter((m) => m.subject?.startsWith('Promemoria'))).toHaveLength(1);
    expect(sms).toHaveLength(1);
  });

  it('does not send again a message whose first attempt died while sending: it is shown as uncertain', async () => {
    const before = mails.length;
    // As if a runner had died between recording the send and the SMTP server's answer.
    await t.database.db
      .insertInto('appointment_messages')
      .values({
        network_id: (await t.database.db.selectFrom('appointments').select('network_id').where('id', '=', id).executeTakeFirstOrThrow())
          .network_id,
        appointment_id: id,
        kind: 'cancellation',
        channel: 'email',
        sequence: 2,
        recipient: worker.email!,
      })
      .execute();
    const cancelled = await t.app.inject({
      method: 'POST',
      url: `/api/v1/public/appointments/${token}/cancel`,
      payload: { reason: 'Ho trovato lavoro' },
    });
    expect(cancelled.json().status).toBe('cancelled');
    await runner.drain();
    expect(mails.length).toBe(before);
    const row = await t.database.db
      .selectFrom('appointment_messages')
      .select(['status', 'error'])
      .where('appointment_id', '=', id)
      .where('kind', '=', 'cancellation')
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('failed');
    expect(row.error).toMatch(/^uncertain/);
    // The link now shows the cancelled meeting and offers nothing to change.
    const shown = (await t.app.inject({ method: 'GET', url: `/api/v1/public/appointments/${token}` })).json();
    expect(shown).toMatchObject({ status: 'cancelled', canChange: false, freeSlots: [] });
  });

  it('sends the cancellation of a meeting with METHOD:CANCEL and a higher SEQUENCE', async () => {
    // The clock moved on two days: the front office signs in again.
    frontoffice = await signIn(t.app, DEMO.frontoffice);
    const booked = await frontoffice.post('/api/v1/appointments', {
      workerId: worker.id,
      officeId: modena,
      typeId: firstInterview,
      consultantId,
      mode: 'phone',
      start: '2026-12-11T09:00:00Z',
    });
    const other = booked.json().id;
    await runner.drain();
    expect((await frontoffice.post(`/api/v1/appointments/${other}/cancel`, { reason: 'Sciopero dei trasporti' })).statusCode).toBe(200);
    await runner.drain();
    const cancellation = mails.at(-1)!;
    expect(cancellation.subject).toContain('Appuntamento annullato');
    const { method, event } = invitation(cancellation);
    expect(method).toBe('CANCEL');
    expect(event.uid).toBe(`${other}@lavoro.provincia.modena.example`);
    expect(event.sequence).toBe(1);
    const left = await t.database.db
      .selectFrom('jobs')
      .select('state')
      .where('subject_id', '=', other)
      .where('kind', '=', 'appointments.reminder')
      .execute();
    expect(left.map((j) => j.state)).toEqual(['cancelled']);
  });
});
