import ICAL from 'ical.js';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agendaWorkers, AGENDA_PASSWORD } from '../../../tests/factories/agenda.js';
import { applicationsEmployer, publishedVacancy, seedWorkers, type SeededWorker } from '../../../tests/factories/applications.js';
import { networkOf } from '../../../tests/factories/programmes.js';
import { startLocalTransports, type LocalTransports } from '../../../tests/helpers/local-transports.js';
import { DEMO, createTestApp, expectProblem, officeIdByCode, signIn, type Agent, type TestApp } from '../../../tests/helpers/test-app.js';
import { createAppointmentsModule } from '../appointments/index.js';
import { createAuditRepository, createAuditService } from '../audit/index.js';
import { hashPassword } from '../auth/index.js';
import { createJobsModule } from '../jobs/index.js';
import { channelsFromEnv } from '../outreach/index.js';

// The «interview» move books the worker's meeting at the employer's in the agenda (issue 12): seen
// by the worker's page and the matcher's agenda, claiming no staff time, told to the worker through
// a real SMTP server, and cancelled when the employer turns the application down before it.

const mails: ParsedMail[] = [];
let transports: LocalTransports;
let t: TestApp;
let matcher: Agent;
let matcherId: string;
let consultant: Agent;
let frontoffice: Agent;
let modena: string;
let network: string;
let vacancyId: string;
let runner: ReturnType<typeof createJobsModule>['runner'];
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const DAY = 86_400_000;
const ID_OF_ANY_TYPE = '00000000-0000-4000-8000-000000000000';

/** Thursday 10 December 2026, 15:00 in Rome: the employer's time. */
const AT = '2026-12-10T14:00:00Z';
const PLACE = 'Biomedica Mirandolese S.p.A., Via Statale Nord 112, Mirandola';
const CONTACT = 'Sig.ra Francesca Barbieri, 0535 612345';

async function moveOk(id: string, body: Record<string, unknown>) {
  const res = await matcher.post(`/api/v1/applications/${id}/moves`, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** Proposed by the consultant, pre-selected and sent by the matcher. */
async function sentApplication(w: SeededWorker) {
  const proposed = await consultant.post('/api/v1/applications', { vacancyId, workerId: w.id, source: 'consultant' });
  expect(proposed.statusCode, proposed.body).toBe(201);
  let a = proposed.json();
  a = await moveOk(a.id, { action: 'preselect', version: a.version });
  return moveOk(a.id, { action: 'send', version: a.version, cvId: w.cvId });
}

/** The clock moved on: sessions idle that long have expired, so staff sign in again. */
async function advanceDays(days: number) {
  t.clock.advance(days * DAY);
  matcher = await signIn(t.app, 'chiara.ferrari.incontro@cpi-modena.example', AGENDA_PASSWORD);
  consultant = await signIn(t.app, DEMO.consultant);
  expect((await consultant.put('/api/v1/auth/session/office', { officeId: modena })).statusCode).toBe(200);
}

async function withEmail(w: SeededWorker, email: string) {
  await t.database.db.updateTable('workers').set({ email }).where('id', '=', w.id).execute();
}

function calendarOf(mail: ParsedMail) {
  const attachment = mail.attachments.find((a) => a.contentType.startsWith('text/calendar') || a.filename?.endsWith('.ics'));
  expect(attachment, 'the e-mail carries an iCalendar part').toBeDefined();
  const component = new ICAL.Component(ICAL.parse(attachment!.content.toString('utf8')));
  ICAL.TimezoneService.register(component.getFirstSubcomponent('vtimezone')!);
  return { method: component.getFirstPropertyValue('method'), event: new ICAL.Event(component.getFirstSubcomponent('vevent')!) };
}

beforeAll(async () => {
  transports = await startLocalTransports({ from: 'CPI Modena <cpi.modena@ricolloca.example>', mails });
  t = await createTestApp();
  // Tuesday 1 December 2026, 08:00 in Rome.
  t.clock.set(new Date('2026-12-01T07:00:00Z'));
  modena = await officeIdByCode(t.database, 'CPI-MO');
  network = await networkOf(t.database.db, modena);
  // A job matcher who also meets workers as a consultant in Modena, with an empty agenda.
  const user = await t.database.db
    .insertInto('staff_users')
    .values({
      email: 'chiara.ferrari.incontro@cpi-modena.example',
      full_name: 'Chiara Ferrari',
      password_hash: await hashPassword(AGENDA_PASSWORD),
      must_change_password: false,
      last_office_id: modena,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  matcherId = user.id;
  await t.database.db
    .insertInto('staff_roles')
    .values([
      { user_id: user.id, office_id: modena, role: 'matcher' },
      { user_id: user.id, office_id: modena, role: 'consultant' },
    ])
    .execute();
  matcher = await signIn(t.app, 'chiara.ferrari.incontro@cpi-modena.example', AGENDA_PASSWORD);
  [consultant, frontoffice] = await Promise.all([signIn(t.app, DEMO.consultant), signIn(t.app, DEMO.frontoffice)]);
  expect((await consultant.put('/api/v1/auth/session/office', { officeId: modena })).statusCode).toBe(200);
  const rules = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: '09:00', to: '17:00', validFrom: '2026-11-01', validTo: null }));
  expect((await matcher.put(`/api/v1/agenda/consultants/${matcherId}/availability`, { officeId: modena, rules })).statusCode).toBe(200);
  const employer = await applicationsEmployer(t.database.db, network, modena);
  vacancyId = await publishedVacancy(t.database.db, {
    networkId: network,
    officeId: modena,
    employerId: employer.employerId,
    siteId: employer.siteIds[0]!,
    title: 'Tecnico/a di laboratorio biomedicale',
    positions: 3,
  });

  // The queue's runner, driven by hand on the test's clock, sending through the local SMTP server.
  const audit = createAuditService({ db: t.database.db, repository: createAuditRepository() });
  const agenda = createAppointmentsModule({ db: t.database.db, audit, clock: t.clock, channels: channelsFromEnv() });
  const jobs = createJobsModule({ db: t.database.db, databaseKind: t.database.kind, audit, clock: t.clock, log: silent });
  for (const handler of agenda.notifications.handlers) jobs.register(handler);
  runner = jobs.runner;
}, 120_000);

afterAll(async () => {
  await t.close();
  await transports.close();
});

describe('the interview move: errors first', () => {
  it('answers 401 without a session, 403 to the front office, 400 beside the field for a bad interview', async () => {
    const [w] = await seedWorkers(t.database.db, { networkId: network, officeId: modena, names: [['Salvatore', 'Esposito']] });
    const a = await sentApplication(w!);
    const body = { action: 'interview', version: a.version, interview: { at: AT, place: PLACE } };
    expectProblem(await t.app.inject({ method: 'POST', url: `/api/v1/applications/${a.id}/moves`, payload: body }), 401, 'UNAUTHENTICATED');
    expectProblem(await frontoffice.post(`/api/v1/applications/${a.id}/moves`, body), 403, 'FORBIDDEN');
    const bad = expectProblem(
      await matcher.post(`/api/v1/applications/${a.id}/moves`, {
        ...body,
        interview: { at: 'giovedì alle 15', place: '', durationMinutes: 7 },
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(bad.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['body/interview/at', 'body/interview/place', 'body/interview/durationMinutes']),
    );
    // Nothing was booked by the refused moves.
    expect((await matcher.get(`/api/v1/workers/${w!.id}/appointments`)).json().upcoming).toEqual([]);
  });
});

describe('the interview as a meeting of the agenda', () => {
  let w: SeededWorker;
  let application: { id: string; version: number };
  let appointmentId: string;

  it('books the worker at the employer’s, in the matcher’s agenda and on the worker’s page', async () => {
    w = (await seedWorkers(t.database.db, { networkId: network, officeId: modena, names: [['Nicolò', 'D’Angelo']] }))[0]!;
    await withEmail(w, 'nicolo.dangelo@posta.example');
    const a = await sentApplication(w);
    // The request the existing dialog sends: time, place, contact.
    application = await moveOk(a.id, { action: 'interview', version: a.version, interview: { at: AT, place: PLACE, contact: CONTACT } });
    expect(application).toMatchObject({
      state: 'interview',
      interview: { at: new Date(AT).toISOString(), place: PLACE, contact: CONTACT },
    });

    const page = (await matcher.get(`/api/v1/workers/${w.id}/appointments`)).json();
    expect(page.upcoming).toHaveLength(1);
    const meeting = page.upcoming[0];
    appointmentId = meeting.id;
    expect(meeting).toMatchObject({
      type: { name: 'Colloquio con l’azienda' },
      consultant: { id: matcherId, name: 'Chiara Ferrari' },
      room: null,
      mode: 'in_person',
      place: PLACE,
      applicationId: application.id,
      start: new Date(AT).toISOString(),
      end: '2026-12-10T15:00:00.000Z',
      status: 'booked',
    });
    expect(meeting.note).toContain('Francesca Barbieri');

    const agenda = (await matcher.get(`/api/v1/appointments?consultantId=${matcherId}&from=2026-12-10&to=2026-12-10`)).json();
    expect(agenda.items.map((i: { id: string }) => i.id)).toEqual([appointmentId]);
  });

  it('claims none of the matcher’s time: a meeting at the office can still be booked with them at that hour', async () => {
    const [other] = await agendaWorkers(t.database.db, modena, [{ firstName: 'Maria Grazia', lastName: 'De Luca' }], 9300);
    const setup = (await matcher.get(`/api/v1/agenda/setup?officeId=${modena}`)).json();
    const types = setup.types.map((ty: { name: string }) => ty.name);
    // The interview type is booked by applications only: the agenda does not offer it.
    expect(types).not.toContain('Colloquio con l’azienda');
    // The worker's own time is held: a meeting at the office over the interview is refused.
    const clash = await matcher.post('/api/v1/appointments', {
      workerId: w.id,
      officeId: modena,
      typeId: setup.types[0].id,
      consultantId: matcherId,
      mode: 'phone',
      start: '2026-12-10T14:30:00Z',
      bookedVia: 'agenda',
    });
    expect(expectProblem(clash, 422, 'SLOT_UNAVAILABLE').detail).toContain('Il lavoratore ha già un appuntamento');
    // The matcher's own hour is free: a phone meeting with another worker is booked over the interview.
    const booked = await matcher.post('/api/v1/appointments', {
      workerId: other!.id,
      officeId: modena,
      typeId: setup.types[0].id,
      consultantId: matcherId,
      mode: 'phone',
      start: AT,
      bookedVia: 'agenda',
    });
    expect(booked.statusCode, booked.body).toBe(201);
    // The employer's time is moved from the application, not from the agenda.
    expectProblem(
      await matcher.post(`/api/v1/appointments/${appointmentId}/move`, { start: '2026-12-11T09:00:00Z', reason: 'Spostato' }),
      409,
      'APPOINTMENT_AT_EMPLOYER',
    );
  });

  it('sends the worker the confirmation with the invitation at the employer’s place', async () => {
    mails.length = 0;
    await runner.drain();
    const mail = mails.find((m) => (m.to && 'text' in m.to ? m.to.text : '').includes('nicolo.dangelo@posta.example'));
    expect(mail, 'the confirmation reached the local SMTP server').toBeDefined();
    expect(mail!.subject).toBe('Appuntamento confermato: Colloquio con l’azienda del giovedì 10 dicembre 2026');
    expect(mail!.text).toContain('alle ore 15:00');
    expect(mail!.text).toContain(PLACE);
    const { method, event } = calendarOf(mail!);
    expect(method).toBe('REQUEST');
    expect(event.startDate.toString()).toBe('2026-12-10T15:00:00');
    expect(event.startDate.zone.tzid).toBe('Europe/Rome');
    expect(String(event.location)).toBe(PLACE);
    expect(String(event.description)).toContain('Chiara Ferrari');
    // The worker's link shows where to go and lets them confirm; the employer's time is not offered for moving.
    const token = /\/appuntamento\/([A-Za-z0-9_-]{24,64})/.exec(mail!.text ?? '')?.[1];
    expect(token).toBeDefined();
    const shown = await t.app.inject({ method: 'GET', url: `/api/v1/public/appointments/${token}` });
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.json()).toMatchObject({ typeName: 'Colloquio con l’azienda', place: PLACE, canChange: true, freeSlots: [] });
    expect(
      expectProblem(
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/public/appointments/${token}/reschedule`,
          payload: { start: '2026-12-11T09:00:00Z' },
        }),
        409,
        'APPOINTMENT_AT_EMPLOYER',
      ).detail,
    ).toContain('orario dato dall’azienda');
  });

  it('cancels the meeting when the employer turns the application down before the interview, and tells the worker', async () => {
    mails.length = 0;
    await advanceDays(1);
    const refused = await moveOk(application.id, { action: 'refuse', version: application.version, reason: 'profile_not_suitable' });
    expect(refused.state).toBe('refused');
    const page = (await matcher.get(`/api/v1/workers/${w.id}/appointments`)).json();
    expect(page.upcoming).toEqual([]);
    expect(page.past.find((p: { id: string }) => p.id === appointmentId)).toMatchObject({
      status: 'cancelled',
      cancelReason: 'L’azienda ha chiuso la candidatura',
    });
    await runner.drain();
    const mail = mails.find((m) => (m.to && 'text' in m.to ? m.to.text : '').includes('nicolo.dangelo@posta.example'));
    expect(mail?.subject).toContain('Appuntamento annullato');
    expect(calendarOf(mail!).method).toBe('CANCEL');
  });

  it('writes each move on the worker’s timeline, the interview booked and cancelled among them', async () => {
    const items = (await matcher.get(`/api/v1/workers/${w.id}/timeline`)).json().items as Array<{
      kind: string;
      details: Record<string, unknown>;
    }>;
    const kinds = items.map((i) => i.kind);
    for (const kind of [
      'application.proposed',
      'application.preselected',
      'application.sent',
      'application.interview',
      'appointment.booked',
      'application.refused',
      'appointment.cancelled',
    ])
      expect(kinds).toContain(kind);
    expect(items.find((i) => i.kind === 'application.interview')?.details).toMatchObject({
      applicationId: application.id,
      place: PLACE,
      appointmentId,
      vacancyTitle: 'Tecnico/a di laboratorio biomedicale',
    });
    expect(items.find((i) => i.kind === 'application.refused')?.details).toMatchObject({
      from: 'interview',
      reason: 'profile_not_suitable',
    });
  });

  it('books the interview over a meeting the worker already has, and says so instead of refusing the employer’s time', async () => {
    const [busy] = await seedWorkers(t.database.db, { networkId: network, officeId: modena, names: [['Giuseppe', 'Russo']] });
    const setup = (await matcher.get(`/api/v1/agenda/setup?officeId=${modena}`)).json();
    const office = await matcher.post('/api/v1/appointments', {
      workerId: busy!.id,
      officeId: modena,
      typeId: setup.types[0].id,
      consultantId: matcherId,
      mode: 'phone',
      start: '2026-12-11T09:00:00Z',
      bookedVia: 'agenda',
    });
    expect(office.statusCode, office.body).toBe(201);
    const a = await sentApplication(busy!);
    const moved = await moveOk(a.id, {
      action: 'interview',
      version: a.version,
      interview: { at: '2026-12-11T09:30:00Z', place: PLACE },
    });
    expect(moved.state).toBe('interview');
    expect(moved.warnings).toEqual([
      expect.objectContaining({
        code: 'INTERVIEW_OVERLAPS_MEETING',
        message: 'Il lavoratore ha già un appuntamento in quell’orario: spostarlo dall’agenda.',
      }),
    ]);
    const page = (await matcher.get(`/api/v1/workers/${busy!.id}/appointments`)).json();
    expect(page.upcoming.map((p: { type: { name: string } }) => p.type.name).sort()).toEqual([
      'Colloquio con l’azienda',
      'Primo colloquio',
    ]);
  });

  it('shows a job matcher without an agenda role their own interviews, and nobody else’s agenda', async () => {
    const demoMatcher = await signIn(t.app, DEMO.matcher);
    expect((await demoMatcher.put('/api/v1/auth/session/office', { officeId: modena })).statusCode).toBe(200);
    const me = await t.database.db.selectFrom('staff_users').select('id').where('email', '=', DEMO.matcher).executeTakeFirstOrThrow();
    const [w2] = await seedWorkers(t.database.db, { networkId: network, officeId: modena, names: [['Federica', 'Mancini']] });
    const proposed = (await consultant.post('/api/v1/applications', { vacancyId, workerId: w2!.id, source: 'consultant' })).json();
    const move = async (body: Record<string, unknown>) => {
      const res = await demoMatcher.post(`/api/v1/applications/${proposed.id}/moves`, body);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    let a = await move({ action: 'preselect', version: proposed.version });
    a = await move({ action: 'send', version: a.version, cvId: w2!.cvId });
    await move({ action: 'interview', version: a.version, interview: { at: '2026-12-14T10:00:00Z', place: PLACE } });
    const mine = await demoMatcher.get(`/api/v1/appointments?consultantId=${me.id}&from=2026-12-14&to=2026-12-14`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().items.map((i: { applicationId: string }) => i.applicationId)).toEqual([proposed.id]);
    expectProblem(await demoMatcher.get(`/api/v1/appointments?consultantId=${matcherId}&from=2026-12-10&to=2026-12-10`), 403, 'FORBIDDEN');
    expectProblem(await demoMatcher.get(`/api/v1/appointments/${appointmentId}`), 404, 'APPOINTMENT_NOT_FOUND');
    expect((await demoMatcher.get(`/api/v1/workers/${w2!.id}/appointments`)).json().upcoming).toHaveLength(1);
    // Reading is all: booking stays the agenda's users'.
    expectProblem(
      await demoMatcher.post('/api/v1/appointments', {
        workerId: w2!.id,
        officeId: modena,
        typeId: ID_OF_ANY_TYPE,
        consultantId: matcherId,
        mode: 'phone',
        start: '2026-12-15T09:00:00Z',
        bookedVia: 'agenda',
      }),
      403,
      'FORBIDDEN',
    );
  });

  it('keeps an interview already held when the application closes after it', async () => {
    const [held] = await seedWorkers(t.database.db, { networkId: network, officeId: modena, names: [['Anna', 'Colombo']] });
    const a = await sentApplication(held!);
    const at = new Date(t.clock().getTime() + 2 * DAY);
    const moved = await moveOk(a.id, { action: 'interview', version: a.version, interview: { at: at.toISOString(), place: PLACE } });
    await advanceDays(3);
    await moveOk(a.id, { action: 'decline', version: moved.version, reason: 'pay' });
    const page = (await matcher.get(`/api/v1/workers/${held!.id}/appointments`)).json();
    expect([...page.upcoming, ...page.past].map((p: { status: string }) => p.status)).toEqual(['booked']);
  });

  it('tells the office’s matchers when the worker calls the interview off through their link, and leaves the application at interview', async () => {
    const [w3] = await seedWorkers(t.database.db, { networkId: network, officeId: modena, names: [['Marco', 'Gualtieri']] });
    await withEmail(w3!, 'marco.gualtieri@posta.example');
    const a = await sentApplication(w3!);
    const at = new Date(t.clock().getTime() + 5 * DAY);
    const moved = await moveOk(a.id, { action: 'interview', version: a.version, interview: { at: at.toISOString(), place: PLACE } });
    mails.length = 0;
    await runner.drain();
    const mail = mails.find((m) => (m.to && 'text' in m.to ? m.to.text : '').includes('marco.gualtieri@posta.example'));
    const token = /\/appuntamento\/([A-Za-z0-9_-]{24,64})/.exec(mail?.text ?? '')?.[1];
    expect(token, 'the confirmation carries the worker’s link').toBeDefined();
    const cancelled = await t.app.inject({
      method: 'POST',
      url: `/api/v1/public/appointments/${token}/cancel`,
      payload: { reason: 'Ho trovato lavoro da un’altra parte' },
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    // The application is the matcher's to move: still at the interview.
    expect((await matcher.get(`/api/v1/applications/${a.id}`)).json()).toMatchObject({ state: 'interview', version: moved.version });
    const notices = (await matcher.get('/api/v1/notices')).json() as { items: Array<{ kind: string; text: { it: string } }> };
    const notice = notices.items.find((n) => n.kind === 'appointment.interview_cancelled_by_worker');
    expect(notice?.text.it).toMatch(
      /^Gualtieri Marco ha disdetto con il suo link il colloquio con l’azienda \(\d{2}\/\d{2}\/\d{2,4},? \d{2}:\d{2}\): la candidatura resta a colloquio/,
    );
  });
});
