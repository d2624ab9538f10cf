import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, createTestApp, expectProblem, officeIdByCode, signIn, type Agent, type TestApp } from '../../../tests/helpers/test-app.js';
import { buildCigsCase, buildProgramme, buildWorkers, networkOf } from '../../../tests/factories/programmes.js';

// Monday 30 November 2026, 10:30 in Rome: the hotline (demo hours) is open.
const MONDAY_1030 = new Date('2026-11-30T09:30:00Z');

let t: TestApp;
let front: Agent;
let coordinator: Agent;
let matcher: Agent;
let modena: string;
let carpi: string;
let network: string;
let programme: string;

async function workerWithPhone(
  phone: string,
  o: { reason?: 'cessazione_attivita' | 'riorganizzazione'; office?: string; last?: string } = {},
) {
  const { caseId } = await buildCigsCase(t.database.db, network, { reason: o.reason ?? 'cessazione_attivita' });
  const [id] = await buildWorkers(t.database.db, {
    networkId: network,
    officeId: o.office ?? modena,
    caseId,
    lastName: o.last ?? 'Bianchi',
  });
  await t.database.db.updateTable('workers').set({ phone }).where('id', '=', id!).execute();
  return id!;
}

/** Moves the fake clock; sessions follow the clock, so sign in again at the new time. */
async function at(when: Date) {
  t.clock.set(when);
  front = await signIn(t.app, DEMO.frontoffice);
  coordinator = await signIn(t.app, DEMO.coordinator);
  matcher = await signIn(t.app, DEMO.matcher);
}

beforeAll(async () => {
  t = await createTestApp();
  await at(MONDAY_1030);
  modena = await officeIdByCode(t.database, 'CPI-MO');
  carpi = await officeIdByCode(t.database, 'CPI-CA');
  network = await networkOf(t.database.db, modena);
  programme = await buildProgramme(t.database.db, { networkId: network, officeIds: [modena, carpi], capacity: 1000 });
});
afterAll(() => t.close());

const id = '00000000-0000-4000-8000-000000000000';
const endpoints: Array<[string, string]> = [
  ['GET', '/api/v1/hotline/status'],
  ['PUT', `/api/v1/hotline/hours/${id}`],
  ['POST', '/api/v1/hotline/holidays'],
  ['POST', '/api/v1/hotline/matches'],
  ['POST', '/api/v1/hotline/calls'],
  ['GET', '/api/v1/callbacks'],
  ['POST', `/api/v1/callbacks/${id}/attempts`],
];

describe('hotline endpoints: 401, 403, 400 first', () => {
  it('answers 401 to anonymous callers', async () => {
    for (const [method, url] of endpoints) {
      expectProblem(
        await t.app.inject({ method: method as 'GET', url, payload: method === 'GET' ? undefined : {} }),
        401,
        'UNAUTHENTICATED',
      );
    }
  });

  it('answers 403 to a matcher (not a hotline role) and to the front office on hours and holidays', async () => {
    for (const [method, url] of endpoints)
      expectProblem(await matcher.request({ method: method as 'GET', url, payload: method === 'GET' ? undefined : {} }), 403, 'FORBIDDEN');
    expectProblem(await front.put(`/api/v1/hotline/hours/${modena}`, { slots: [] }), 403, 'FORBIDDEN');
    expectProblem(await front.post('/api/v1/hotline/holidays', { date: '2026-12-07', name: 'Chiusura', officeId: null }), 403, 'FORBIDDEN');
  });

  it('answers 400 to bad input', async () => {
    expectProblem(await front.post('/api/v1/hotline/calls', { phone: '333 1234567' }), 400, 'VALIDATION_FAILED');
    expectProblem(await front.post('/api/v1/hotline/calls', { name: 'Mario Rossi', phone: 'non lo so' }), 400, 'INVALID_PHONE');
    expectProblem(
      await front.post('/api/v1/hotline/calls', { name: 'Mario Rossi', phone: '3331234567', codiceFiscale: 'RSSMRA80A01F257X' }),
      400,
      'INVALID_CODICE_FISCALE',
    );
    expectProblem(await front.post('/api/v1/hotline/matches', { name: '', phone: '333' }), 400, 'VALIDATION_FAILED');
    expectProblem(
      await coordinator.put(`/api/v1/hotline/hours/${modena}`, { slots: [{ weekday: 8, opens: '10:00', closes: '09:00' }] }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(await front.post(`/api/v1/callbacks/${id}/attempts`, { outcome: 'maybe' }), 400, 'VALIDATION_FAILED');
    expectProblem(await front.get('/api/v1/hotline/status?officeId=nope'), 400, 'VALIDATION_FAILED');
  });
});

describe('is the line open now?', () => {
  it('says the Modena line is open on Monday at 10:30 and closes at 13:30', async () => {
    const res = await front.get('/api/v1/hotline/status');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ officeId: modena, open: true, closesAt: '2026-11-30T12:30:00.000Z', holiday: null });
    expect(res.json().hours).toContainEqual({ weekday: 4, opens: '13:00', closes: '17:00' });
  });

  it('is closed on a closed day added by the coordinator, and names it', async () => {
    expect(
      (await coordinator.post('/api/v1/hotline/holidays', { date: '2026-12-01', name: 'Chiusura straordinaria', officeId: modena }))
        .statusCode,
    ).toBe(201);
    await at(new Date('2026-12-01T09:30:00Z'));
    const res = await front.get('/api/v1/hotline/status');
    expect(res.json()).toMatchObject({ open: false, holiday: 'Chiusura straordinaria', nextOpening: '2026-12-02T09:00:00.000Z' });
    await at(MONDAY_1030);
  });

  it('answers 409 with the date named when a closed day is added twice, for the office or for the network', async () => {
    const day = { date: '2026-12-24', name: 'Vigilia di Natale', officeId: modena };
    expect((await coordinator.post('/api/v1/hotline/holidays', day)).statusCode).toBe(201);
    const again = expectProblem(await coordinator.post('/api/v1/hotline/holidays', { ...day, name: 'Chiusura' }), 409, 'HOLIDAY_EXISTS');
    expect(again.detail).toBe('Il 24/12/2026 è già un giorno di chiusura della sede.');
    expect(again.errors).toEqual([{ path: 'body/date', message: 'Il 24/12/2026 è già un giorno di chiusura della sede.' }]);
    // Carpi may close that day too: the rule is one closed day per office.
    expect((await coordinator.post('/api/v1/hotline/holidays', { ...day, officeId: carpi })).statusCode).toBe(201);
    const network = { date: '2026-12-31', name: 'San Silvestro', officeId: null };
    expect((await coordinator.post('/api/v1/hotline/holidays', network)).statusCode).toBe(201);
    const english = await coordinator.request({
      method: 'POST',
      url: '/api/v1/hotline/holidays',
      payload: network,
      headers: { 'accept-language': 'en' },
    });
    expect(expectProblem(english, 409, 'HOLIDAY_EXISTS')).toMatchObject({
      detail: '31/12/2026 is already a closed day of the whole network.',
      errors: [{ path: 'body/date', message: '31/12/2026 is already a closed day of the whole network.' }],
    });
  });

  it('refuses a closed day in a year that does not exist, or was typed wrong, beside the date', async () => {
    // Year 0 has no 29 February in PostgreSQL's calendar (it gave a 500); 0202 is 2020 mistyped.
    for (const date of ['0000-02-29', '0202-12-08', '2026-02-30']) {
      const refused = expectProblem(
        await coordinator.post('/api/v1/hotline/holidays', { date, name: 'Immacolata', officeId: modena }),
        400,
        'VALIDATION_FAILED',
      );
      expect(refused.errors.map((e: { path: string }) => e.path)).toEqual(['body/date']);
    }
  });

  it('lets the coordinator change the hours of an office', async () => {
    const slots = [{ weekday: 1, opens: '09:00', closes: '12:00' }];
    expect((await coordinator.put(`/api/v1/hotline/hours/${carpi}`, { slots })).statusCode).toBe(200);
    expect((await coordinator.get(`/api/v1/hotline/status?officeId=${carpi}`)).json()).toMatchObject({ hours: slots, open: true });
  });
});

describe('recording a call', () => {
  it('finds a known worker by phone, whichever way round the name is said', async () => {
    const workerId = await workerWithPhone('+393351112233', { last: 'Lombardi' });
    const res = await front.post('/api/v1/hotline/matches', { name: 'Lombardi Mario', phone: '335 111 2233' });
    expect(res.statusCode).toBe(200);
    expect(res.json().phone).toBe('+393351112233');
    expect(res.json().candidates[0]).toMatchObject({ id: workerId, lastName: 'Lombardi', inScope: true });
    expect(res.json().candidates[0].matchedOn).toEqual(expect.arrayContaining(['phone', 'name']));
  });

  it('shows a worker of another office only by initials', async () => {
    await workerWithPhone('+393351119999', { office: carpi, last: 'Ferri' });
    const res = await front.post('/api/v1/hotline/matches', { name: 'Mario Ferri', phone: '3351119999' });
    expect(res.json().candidates[0]).toMatchObject({
      lastName: 'F.',
      inScope: false,
      phone: null,
      officeName: 'Centro per l’impiego di Carpi',
    });
  });

  it('registers a known eligible worker and marks them registered in running campaigns', async () => {
    const workerId = await workerWithPhone('+393351113344', { last: 'Conti' });
    const db = t.database.db;
    const template = await db
      .insertInto('outreach_templates')
      .values({ network_id: network, name: 't', channel: 'sms', body: 'Ciao {{nome}}' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const campaign = await db
      .insertInto('outreach_campaigns')
      .values({ network_id: network, name: 'c', channel: 'sms', template_id: template.id, status: 'running' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('outreach_recipients')
      .values({ campaign_id: campaign.id, worker_id: workerId, office_id: modena, status: 'invited', priority: '2099-06-30' })
      .execute();

    const res = await front.post('/api/v1/hotline/calls', { name: 'Mario Conti', phone: '3351113344', workerId, programmeId: programme });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      workerId,
      workerCreated: false,
      outcome: 'registered',
      eligibility: { eligible: true },
      callbackId: null,
    });
    const recipient = await db
      .selectFrom('outreach_recipients')
      .select('status')
      .where('worker_id', '=', workerId)
      .executeTakeFirstOrThrow();
    expect(recipient.status).toBe('registered');
    const events = await db.selectFrom('worker_events').select('kind').where('worker_id', '=', workerId).execute();
    expect(events.map((e) => e.kind)).toEqual(expect.arrayContaining(['hotline.call', 'outreach.registered']));
  });

  it('creates a new worker from name and phone and queues a callback to check requirements', async () => {
    const res = await front.post('/api/v1/hotline/calls', { name: 'Giovanna De Luca', phone: '347 765 4321', programmeId: programme });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ workerCreated: true, outcome: 'callback_queued', eligibility: { eligible: false } });
    const worker = await t.database.db.selectFrom('workers').selectAll().where('id', '=', body.workerId).executeTakeFirstOrThrow();
    expect(worker).toMatchObject({ first_name: 'Giovanna', last_name: 'De Luca', phone: '+393477654321', office_id: modena });
    // The audit log names her as every other entry names a worker: surname first.
    const created = await t.database.db
      .selectFrom('audit_log')
      .select('entity_label')
      .where('action', '=', 'worker.created')
      .where('entity_id', '=', body.workerId)
      .executeTakeFirstOrThrow();
    expect(created.entity_label).toBe('De Luca Giovanna');
    const queue = (await front.get('/api/v1/callbacks')).json().items;
    expect(queue.find((c: { id: string }) => c.id === body.callbackId)).toMatchObject({
      name: 'Giovanna De Luca',
      reason: 'Verificare i requisiti: dati CIGS mancanti',
      due: true,
    });
  });

  it('says not eligible when the CIGS reason is not covered', async () => {
    const workerId = await workerWithPhone('+393351115566', { reason: 'riorganizzazione', last: 'Villa' });
    const res = await front.post('/api/v1/hotline/calls', { name: 'Mario Villa', phone: '3351115566', workerId, programmeId: programme });
    expect(res.json()).toMatchObject({ outcome: 'not_eligible', eligibility: { eligible: false }, callbackId: null });
  });

  it('puts the caller on the waiting list when the programme is full', async () => {
    const full = await buildProgramme(t.database.db, { networkId: network, officeIds: [modena], capacity: 1 });
    const first = await workerWithPhone('+393351117700', { last: 'Primo' });
    expect(
      (await front.post('/api/v1/hotline/calls', { name: 'Mario Primo', phone: '3351117700', workerId: first, programmeId: full })).json()
        .outcome,
    ).toBe('registered');
    const workerId = await workerWithPhone('+393351117788', { last: 'Greco' });
    const res = await front.post('/api/v1/hotline/calls', { name: 'Mario Greco', phone: '3351117788', workerId, programmeId: full });
    expect(res.json()).toMatchObject({ outcome: 'waiting_list', enrollmentState: 'waiting' });
  });

  it('refuses to confirm a worker of another office, naming that office (409), and creates nobody', async () => {
    const other = await workerWithPhone('+393351110000', { office: carpi, last: 'Neri' });
    const before = await t.database.db.selectFrom('workers').select('id').where('last_name', '=', 'Neri').execute();
    const problem = expectProblem(
      await front.post('/api/v1/hotline/calls', { name: 'Mario Neri', phone: '3351110000', workerId: other }),
      409,
      'WORKER_IN_OTHER_OFFICE',
    );
    expect(problem.detail).toBe('Il lavoratore è seguito dal CPI di Carpi: passare la chiamata a quella sede.');
    expect(await t.database.db.selectFrom('workers').select('id').where('last_name', '=', 'Neri').execute()).toEqual(before);
  });

  it('does not find a worker of another network (404)', async () => {
    const id = '00000000-0000-4000-8000-00000000abcd';
    expectProblem(
      await front.post('/api/v1/hotline/calls', { name: 'Mario Neri', phone: '3351110000', workerId: id }),
      404,
      'WORKER_NOT_FOUND',
    );
  });
});

describe('the callback queue', () => {
  it('retries 2 hours later within hours, then at the next opening, then closes as unreachable', async () => {
    const created = (
      await front.post('/api/v1/hotline/calls', {
        name: 'Paolo Rinaldi',
        phone: '3381234567',
        action: 'callback',
        reason: 'Chiede informazioni',
      })
    ).json();
    const cb = created.callbackId as string;
    const first = await front.post(`/api/v1/callbacks/${cb}/attempts`, { outcome: 'no_answer' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ attempts: 1, lastOutcome: 'no_answer', nextAttemptAt: '2026-11-30T11:30:00.000Z', doneAt: null });
    await at(new Date('2026-11-30T11:30:00Z'));
    const second = (await front.post(`/api/v1/callbacks/${cb}/attempts`, { outcome: 'busy' })).json();
    expect(second).toMatchObject({ attempts: 2, nextAttemptAt: '2026-12-02T09:00:00.000Z' }); // 1 Dec is closed (holiday above)
    const third = (await front.post(`/api/v1/callbacks/${cb}/attempts`, { outcome: 'no_answer' })).json();
    expect(third).toMatchObject({ attempts: 3, closedAs: 'unreachable' });
    expectProblem(await front.post(`/api/v1/callbacks/${cb}/attempts`, { outcome: 'reached' }), 409, 'CALLBACK_ALREADY_DONE');
    const done = (await front.get('/api/v1/callbacks?include=done')).json().items;
    expect(done.map((c: { id: string }) => c.id)).toContain(cb);
    await at(MONDAY_1030);
  });

  it('lists the queue by next attempt and shows the demo callbacks', async () => {
    const items = (await front.get('/api/v1/callbacks')).json().items as Array<{ nextAttemptAt: string }>;
    expect(items.length).toBeGreaterThanOrEqual(5);
    const times = items.map((i) => i.nextAttemptAt);
    expect([...times].sort()).toEqual(times);
  });

  it('keeps another office’s callbacks out of reach of the front office', async () => {
    const cb = await t.database.db
      .insertInto('callbacks')
      .values({
        network_id: network,
        office_id: carpi,
        reason: 'x',
        next_attempt_at: MONDAY_1030,
        worker_id: await workerWithPhone('+393351110011', { office: carpi }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expectProblem(await front.post(`/api/v1/callbacks/${cb.id}/attempts`, { outcome: 'reached' }), 404, 'CALLBACK_NOT_FOUND');
    expect((await coordinator.post(`/api/v1/callbacks/${cb.id}/attempts`, { outcome: 'reached' })).json()).toMatchObject({
      closedAs: 'reached',
    });
  });
});
