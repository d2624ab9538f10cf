import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, createTestApp, expectProblem, officeIdByCode, signIn, type Agent, type TestApp } from '../../../tests/helpers/test-app.js';
import { buildCigsCase, buildProgramme, buildWorkers, networkOf } from '../../../tests/factories/programmes.js';
import { buildWorker, insertWorkers } from '../../../tests/factories/workers.js';
import { formatItalianDate, romeToday } from '../../shared/time/rome-date.js';

let t: TestApp;
let coordinator: Agent;
let consultant: Agent;
let frontoffice: Agent;
let matcher: Agent;
let admin: Agent;
let modena: string;
let carpi: string;
let vignola: string;
let network: string;
let caseId: string;

const newProgramme = (officeIds: string[], extra: Record<string, unknown> = {}) => ({
  code: `RIC-${Math.random().toString(36).slice(2, 7)}`,
  name: 'Ricollocazione lavoratori in CIGS',
  startsOn: '2026-01-01',
  endsOn: '2027-12-31',
  capacity: 2,
  fundingSource: 'Fondo nazionale per le politiche attive',
  status: 'open',
  officeIds,
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp();
  [coordinator, consultant, frontoffice, matcher, admin] = (await Promise.all(
    [DEMO.coordinator, DEMO.consultant, DEMO.frontoffice, DEMO.matcher, DEMO.admin].map((e) => signIn(t.app, e)),
  )) as [Agent, Agent, Agent, Agent, Agent];
  modena = await officeIdByCode(t.database, 'CPI-MO');
  carpi = await officeIdByCode(t.database, 'CPI-CA');
  vignola = await officeIdByCode(t.database, 'CPI-VI');
  network = await networkOf(t.database.db, modena);
  caseId = (await buildCigsCase(t.database.db, network)).caseId;
});
afterAll(() => t.close());

describe('programme and enrollment endpoints: 401, 403, 400 first', () => {
  const id = '00000000-0000-4000-8000-000000000000';
  it('answers 401 to anonymous callers on every endpoint', async () => {
    const calls: Array<[string, string]> = [
      ['GET', '/api/v1/programmes'],
      ['POST', '/api/v1/programmes'],
      ['GET', `/api/v1/programmes/${id}`],
      ['PATCH', `/api/v1/programmes/${id}`],
      ['GET', `/api/v1/programmes/${id}/enrollments`],
      ['POST', `/api/v1/programmes/${id}/enrollments`],
      ['POST', `/api/v1/programmes/${id}/eligible`],
      ['GET', `/api/v1/programmes/${id}/eligible`],
      ['GET', `/api/v1/programmes/${id}/eligibility/${id}`],
      ['GET', `/api/v1/programmes/${id}/notifications`],
      ['POST', `/api/v1/programmes/${id}/notifications/${id}/read`],
      ['POST', `/api/v1/enrollments/${id}/transitions`],
      ['GET', `/api/v1/enrollments/${id}/transitions`],
    ];
    for (const [method, url] of calls) {
      expectProblem(
        await t.app.inject({ method: method as 'GET', url, payload: method === 'GET' ? undefined : {} }),
        401,
        'UNAUTHENTICATED',
      );
    }
  });

  it('answers 403 to roles without the permission', async () => {
    expectProblem(await consultant.post('/api/v1/programmes', newProgramme([modena])), 403, 'FORBIDDEN');
    expectProblem(await frontoffice.patch(`/api/v1/programmes/${id}`, { capacity: 5 }), 403, 'FORBIDDEN');
    expectProblem(await matcher.post(`/api/v1/programmes/${id}/enrollments`, { workerId: id }), 403, 'FORBIDDEN');
    expectProblem(await consultant.post(`/api/v1/programmes/${id}/eligible`, { workerIds: [id] }), 403, 'FORBIDDEN');
    expectProblem(await consultant.post(`/api/v1/programmes/${id}/eligible`, { all: true }), 403, 'FORBIDDEN');
    expectProblem(await frontoffice.get(`/api/v1/programmes/${id}/eligible`), 403, 'FORBIDDEN');
    expectProblem(await matcher.get(`/api/v1/programmes/${id}/eligibility/${id}`), 403, 'FORBIDDEN');
  });

  it('answers 400 to invalid programmes, registrations and transitions', async () => {
    const bad = expectProblem(
      await coordinator.post('/api/v1/programmes', {
        ...newProgramme([modena]),
        capacity: 0,
        endsOn: '2025-01-01',
        eligibleReasons: ['sciopero'],
        colour: 'red',
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(bad.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['body/capacity', 'body/eligibleReasons/0']));
    expectProblem(
      await coordinator.post('/api/v1/programmes', { ...newProgramme([modena]), endsOn: '2025-01-01' }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await coordinator.post(`/api/v1/programmes/${id}/enrollments`, { workerId: 'abc', channel: 'fax' }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(await coordinator.post(`/api/v1/enrollments/${id}/transitions`, { to: 'hired' }), 400, 'VALIDATION_FAILED');
    expectProblem(await coordinator.get(`/api/v1/programmes/${id}/enrollments?limit=5000`), 400, 'VALIDATION_FAILED');
    expectProblem(await coordinator.post(`/api/v1/programmes/${id}/eligible`, { all: false }), 400, 'VALIDATION_FAILED');
    expectProblem(await coordinator.post(`/api/v1/programmes/${id}/eligible`, { all: true, workerIds: [id] }), 400, 'VALIDATION_FAILED');
    expectProblem(await coordinator.get('/api/v1/programmes/not-a-uuid/eligible'), 400, 'VALIDATION_FAILED');
    expectProblem(await coordinator.post('/api/v1/programmes', newProgramme([id])), 400, 'PROGRAMME_OFFICE_UNKNOWN');
  });
});

describe('programmes', () => {
  it('lets a coordinator create, list and change a programme; the code is unique', async () => {
    const body = newProgramme([modena, carpi], { capacity: 200 });
    const created = await coordinator.post('/api/v1/programmes', body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      name: 'Ricollocazione lavoratori in CIGS',
      capacity: 200,
      placesUsed: 0,
      placesFree: 200,
      eligibleReasons: ['cessazione_attivita', 'concordato_senza_continuita'],
      requireActiveCigs: true,
    });
    const list = (await consultant.get('/api/v1/programmes')).json().items;
    expect(list.map((p: { code: string }) => p.code)).toContain(body.code.toUpperCase());
    expectProblem(await coordinator.post('/api/v1/programmes', body), 409, 'PROGRAMME_CODE_ALREADY_USED');
    const changed = await coordinator.patch(`/api/v1/programmes/${created.json().id}`, { capacity: 250, officeIds: [modena] });
    expect(changed.json()).toMatchObject({ capacity: 250, officeIds: [modena] });
  });

  it('hides programmes of another network', async () => {
    const other = await t.database.db
      .insertInto('networks')
      .values({ code: 'RE', name: 'Reggio Emilia' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const office = await t.database.db
      .insertInto('offices')
      .values({ network_id: other.id, code: 'CPI-RE', name: 'CPI RE', opening_hours: '[]' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const pid = await buildProgramme(t.database.db, { networkId: other.id, officeIds: [office.id] });
    expectProblem(await coordinator.get(`/api/v1/programmes/${pid}`), 404, 'PROGRAMME_NOT_FOUND');
  });
});

describe('registration, capacity and the waiting list', () => {
  it('registers eligible workers, then queues them by CIGS end date, and refuses the ineligible with a reason', async () => {
    const pid = (await coordinator.post('/api/v1/programmes', newProgramme([modena]))).json().id;
    const [a, b, late, soon] = await buildWorkers(t.database.db, {
      networkId: network,
      officeId: modena,
      caseId,
      count: 4,
      cigsEnd: (i) => ['2099-01-01', '2099-01-01', '2099-12-31', '2099-03-01'][i]!,
    });
    expect((await frontoffice.post(`/api/v1/programmes/${pid}/enrollments`, { workerId: a, channel: 'hotline' })).json()).toMatchObject({
      state: 'registered',
    });
    expect((await frontoffice.post(`/api/v1/programmes/${pid}/enrollments`, { workerId: b })).json()).toMatchObject({
      state: 'registered',
    });
    expect((await frontoffice.post(`/api/v1/programmes/${pid}/enrollments`, { workerId: late })).json()).toMatchObject({
      state: 'waiting',
      waitingPosition: 1,
    });
    // CIGS ending sooner goes ahead of an earlier registration.
    expect((await frontoffice.post(`/api/v1/programmes/${pid}/enrollments`, { workerId: soon })).json()).toMatchObject({
      state: 'waiting',
      waitingPosition: 1,
    });
    const again = expectProblem(
      await frontoffice.post(`/api/v1/programmes/${pid}/enrollments`, { workerId: a }),
      409,
      'ENROLLMENT_ALREADY_EXISTS',
    );
    // The state in words, as the screen says it, never the code.
    expect(again.detail).toBe('Il lavoratore è già nel programma (stato: iscritto).');

    const waiting = (await coordinator.get(`/api/v1/programmes/${pid}/enrollments?state=waiting`)).json().items;
    expect(waiting.map((e: { workerId: string; waitingPosition: number }) => [e.workerId, e.waitingPosition])).toEqual([
      [soon, 1],
      [late, 2],
    ]);
    expect((await coordinator.get(`/api/v1/programmes/${pid}`)).json()).toMatchObject({ placesUsed: 2, placesFree: 0, waiting: 2 });

    const other = (await buildCigsCase(t.database.db, network, { reason: 'riorganizzazione', end: '2020-06-30' })).caseId;
    const [wrong] = await buildWorkers(t.database.db, { networkId: network, officeId: modena, caseId: other, cigsEnd: null });
    const refused = expectProblem(
      await frontoffice.post(`/api/v1/programmes/${pid}/enrollments`, { workerId: wrong }),
      422,
      'WORKER_NOT_ELIGIBLE',
    );
    expect(refused.detail).toContain('causale CIGS «riorganizzazione» non prevista dal programma');
    expect(refused.detail).toContain('CIGS non attiva');
    expect((await frontoffice.get(`/api/v1/programmes/${pid}/eligibility/${wrong}`)).json()).toMatchObject({ eligible: false });
    // In the caller's language.
    const english = await frontoffice.request({
      method: 'GET',
      url: `/api/v1/programmes/${pid}/eligibility/${wrong}`,
      headers: { 'accept-language': 'en' },
    });
    expect(english.json().reasons).toEqual([
      'CIGS reason “riorganizzazione” not covered by the programme',
      `CIGS not active on ${formatItalianDate(romeToday(t.clock()))}`,
    ]);
    const refusedEn = await frontoffice.request({
      method: 'POST',
      url: `/api/v1/programmes/${pid}/enrollments`,
      payload: { workerId: wrong },
      headers: { 'accept-language': 'en' },
    });
    expect(refusedEn.json().detail).toContain(
      "The worker does not meet the programme's requirements: CIGS reason “riorganizzazione” not covered by the programme",
    );
    // Already registered: the answer says so, and the worker page offers no second registration.
    expect((await frontoffice.get(`/api/v1/programmes/${pid}/eligibility/${a}`)).json()).toMatchObject({
      eligible: true,
      reasons: [],
      enrollment: { state: 'registered', waitingPosition: null, registrable: false },
    });
  });

  it('gives a freed place to the first in line, logs it as a system move and tells the coordinators', async () => {
    const pid = (await coordinator.post('/api/v1/programmes', newProgramme([modena], { capacity: 1 }))).json().id;
    const [holder, second, first] = (await buildWorkers(t.database.db, {
      networkId: network,
      officeId: modena,
      caseId,
      count: 3,
      cigsEnd: (i) => ['2099-01-01', '2099-05-01', '2099-02-01'][i]!,
    })) as [string, string, string];
    const held = (await frontoffice.post(`/api/v1/programmes/${pid}/enrollments`, { workerId: holder })).json();
    await frontoffice.post(`/api/v1/programmes/${pid}/enrollments`, { workerId: second });
    await frontoffice.post(`/api/v1/programmes/${pid}/enrollments`, { workerId: first });

    expectProblem(
      await frontoffice.post(`/api/v1/enrollments/${held.enrollmentId}/transitions`, { to: 'assessed' }),
      403,
      'TRANSITION_FORBIDDEN',
    );
    expectProblem(
      await consultant.post(`/api/v1/enrollments/${held.enrollmentId}/transitions`, { to: 'contacted' }),
      409,
      'TRANSITION_NOT_ALLOWED',
    );
    expectProblem(
      await consultant.post(`/api/v1/enrollments/${held.enrollmentId}/transitions`, { to: 'withdrawn', reason: '  ' }),
      400,
      'TRANSITION_REASON_REQUIRED',
    );
    expect(
      (await consultant.post(`/api/v1/enrollments/${held.enrollmentId}/transitions`, { to: 'assessed' })).json().enrollment.state,
    ).toBe('assessed');

    const res = await coordinator.post(`/api/v1/enrollments/${held.enrollmentId}/transitions`, {
      to: 'withdrawn',
      reason: 'Ha trovato lavoro da sé',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().promoted.map((p: { workerId: string }) => p.workerId)).toEqual([first]);
    const items = (await coordinator.get(`/api/v1/programmes/${pid}/enrollments`)).json().items;
    const byWorker = Object.fromEntries(items.map((e: { workerId: string; state: string }) => [e.workerId, e.state]));
    expect(byWorker).toEqual({ [holder]: 'withdrawn', [first]: 'registered', [second]: 'waiting' });

    const promotedId = items.find((e: { workerId: string }) => e.workerId === first).id;
    const log = (await coordinator.get(`/api/v1/enrollments/${promotedId}/transitions`)).json().items;
    expect(log.map((l: { from: string | null; to: string; actorName: string | null }) => [l.from, l.to, l.actorName])).toEqual([
      [null, 'waiting', 'Luca Galli'],
      ['waiting', 'registered', null],
    ]);
    const heldLog = (await coordinator.get(`/api/v1/enrollments/${held.enrollmentId}/transitions`)).json().items;
    expect(heldLog.at(-1)).toMatchObject({
      from: 'assessed',
      to: 'withdrawn',
      reason: 'Ha trovato lavoro da sé',
      actorName: 'Marco Bellini',
    });

    const notices = (await coordinator.get(`/api/v1/programmes/${pid}/notifications`)).json().items;
    expect(notices).toHaveLength(1);
    expect(notices[0].message).toContain('Rossi');
    // The notice is for the coordinators: the front office of the same office neither sees it nor marks it read.
    expect((await frontoffice.get(`/api/v1/programmes/${pid}/notifications`)).json().items).toEqual([]);
    expectProblem(await frontoffice.post(`/api/v1/programmes/${pid}/notifications/${notices[0].id}/read`), 404, 'NOTIFICATION_NOT_FOUND');
    expect((await coordinator.get(`/api/v1/programmes/${pid}/notifications`)).json().items[0].readAt).toBeNull();
    expect((await coordinator.post(`/api/v1/programmes/${pid}/notifications/${notices[0].id}/read`)).statusCode).toBe(200);
    expect((await coordinator.get(`/api/v1/programmes/${pid}/notifications`)).json().items[0].readAt).not.toBeNull();

    const events = await t.database.db.selectFrom('worker_events').select('kind').where('worker_id', '=', first).orderBy('id').execute();
    expect(events.map((e) => e.kind)).toEqual(['enrollment.waiting', 'enrollment.registered']);
  });

  it('fills new places from the waiting list when the capacity is raised, and never drops below the places taken', async () => {
    const pid = (await coordinator.post('/api/v1/programmes', newProgramme([modena], { capacity: 1 }))).json().id;
    const ids = await buildWorkers(t.database.db, { networkId: network, officeId: modena, caseId, count: 3 });
    for (const workerId of ids) await frontoffice.post(`/api/v1/programmes/${pid}/enrollments`, { workerId });
    expect((await coordinator.patch(`/api/v1/programmes/${pid}`, { capacity: 2 })).json()).toMatchObject({ placesUsed: 2, waiting: 1 });
    expectProblem(await coordinator.patch(`/api/v1/programmes/${pid}`, { capacity: 1 }), 409, 'CAPACITY_BELOW_USED');
  });

  it('keeps front office and consultants to the workers of their own office', async () => {
    const pid = (await coordinator.post('/api/v1/programmes', newProgramme([modena, vignola], { capacity: 5 }))).json().id;
    const [elsewhere] = await buildWorkers(t.database.db, { networkId: network, officeId: vignola, caseId });
    expectProblem(await frontoffice.post(`/api/v1/programmes/${pid}/enrollments`, { workerId: elsewhere }), 403, 'TRANSITION_FORBIDDEN');
    // Whether a worker of Vignola qualifies is not told to Modena's desk: as for a worker who does not exist.
    expectProblem(await frontoffice.get(`/api/v1/programmes/${pid}/eligibility/${elsewhere}`), 404, 'WORKER_NOT_FOUND');
    expectProblem(await consultant.get(`/api/v1/programmes/${pid}/eligibility/${elsewhere}`), 404, 'WORKER_NOT_FOUND');
    expect((await coordinator.get(`/api/v1/programmes/${pid}/eligibility/${elsewhere}`)).json()).toEqual({
      eligible: true,
      reasons: [],
      enrollment: null,
    });
    const read = await t.database.db
      .selectFrom('audit_log')
      .select(['actor_label', 'entity_label', 'office_id', 'details'])
      .where('action', '=', 'programme.eligibility.read')
      .where('entity_id', '=', elsewhere!)
      .execute();
    expect(read).toEqual([
      {
        actor_label: expect.stringContaining('Marco Bellini'),
        entity_label: 'Rossi Mario',
        office_id: vignola,
        details: { programmeId: pid },
      },
    ]);
    const done = (await coordinator.post(`/api/v1/programmes/${pid}/enrollments`, { workerId: elsewhere })).json();
    expect(done.state).toBe('registered');
    expect((await frontoffice.get(`/api/v1/programmes/${pid}/enrollments`)).json().total).toBe(0);
    expect(
      (await coordinator.get(`/api/v1/programmes/${pid}/enrollments`)).json().items[0].allowed.map((a: { to: string }) => a.to),
    ).toEqual(['assessed', 'placed', 'withdrawn', 'cigs_ended']);
  });

  it('records eligible workers and registers them later from the eligible or contacted state', async () => {
    const pid = (await coordinator.post('/api/v1/programmes', newProgramme([modena], { capacity: 5 }))).json().id;
    const [ok] = await buildWorkers(t.database.db, { networkId: network, officeId: modena, caseId });
    const [noCase] = await buildWorkers(t.database.db, { networkId: network, officeId: modena, caseId: null });
    const res = (await coordinator.post(`/api/v1/programmes/${pid}/eligible`, { workerIds: [ok, noCase] })).json();
    expect(res.added).toBe(1);
    expect(res.skipped).toEqual([{ workerId: noCase, reasons: ['nessun caso di CIGS collegato al lavoratore'] }]);
    const e = (await frontoffice.get(`/api/v1/programmes/${pid}/enrollments`)).json().items[0];
    expect(e.state).toBe('eligible');
    expect(e.allowed.map((a: { to: string }) => a.to)).toEqual(['contacted', 'registered', 'withdrawn']);
    await frontoffice.post(`/api/v1/enrollments/${e.id}/transitions`, { to: 'contacted' });
    expect((await frontoffice.post(`/api/v1/enrollments/${e.id}/transitions`, { to: 'registered' })).json().enrollment.state).toBe(
      'registered',
    );
  });

  it('lets an administrator do what a coordinator does: register, check eligibility and move enrolments', async () => {
    const pid = (await coordinator.post('/api/v1/programmes', newProgramme([modena, carpi], { capacity: 1 }))).json().id;
    const [barbieri, esposito] = await buildWorkers(t.database.db, {
      networkId: network,
      officeId: carpi,
      caseId,
      count: 2,
      lastName: 'Barbieri',
    });
    expect((await admin.get(`/api/v1/programmes/${pid}/eligibility/${barbieri}`)).json()).toEqual({
      eligible: true,
      reasons: [],
      enrollment: null,
    });
    const held = await admin.post(`/api/v1/programmes/${pid}/enrollments`, { workerId: barbieri, channel: 'desk' });
    expect(held.statusCode).toBe(201);
    expect((await admin.post(`/api/v1/programmes/${pid}/enrollments`, { workerId: esposito })).json()).toMatchObject({
      state: 'waiting',
      waitingPosition: 1,
    });
    const items = (await admin.get(`/api/v1/programmes/${pid}/enrollments`)).json().items;
    expect(items.find((e: { workerId: string }) => e.workerId === barbieri).allowed.map((a: { to: string }) => a.to)).toEqual([
      'assessed',
      'placed',
      'withdrawn',
      'cigs_ended',
    ]);
    expect(
      (await admin.post(`/api/v1/enrollments/${held.json().enrollmentId}/transitions`, { to: 'assessed' })).json().enrollment.state,
    ).toBe('assessed');
    const out = (
      await admin.post(`/api/v1/enrollments/${held.json().enrollmentId}/transitions`, {
        to: 'withdrawn',
        reason: 'Trasferito in altra regione',
      })
    ).json();
    expect(out.promoted.map((p: { workerId: string }) => p.workerId)).toEqual([esposito]);
  });

  it('previews the eligible workers with their count, then adds them all, leaving out those already in and the ineligible', async () => {
    const pid = (await coordinator.post('/api/v1/programmes', newProgramme([carpi], { capacity: 5 }))).json().id;
    const [esposito, benedetti] = await buildWorkers(t.database.db, {
      networkId: network,
      officeId: carpi,
      caseId,
      count: 2,
      lastName: 'Esposito',
    });
    const [elsewhere] = await buildWorkers(t.database.db, { networkId: network, officeId: vignola, caseId, lastName: 'Benedetti' });
    await coordinator.post(`/api/v1/programmes/${pid}/enrollments`, { workerId: benedetti });
    const preview = (await coordinator.get(`/api/v1/programmes/${pid}/eligible`)).json();
    // The demo's Carpi workers are eligible too: the preview shows the first 20, most urgent first, and the full count.
    expect(preview.total).toBeGreaterThan(20);
    expect(preview.items).toHaveLength(20);
    const ends = preview.items.map((i: { cigsEndDate: string | null }) => i.cigsEndDate ?? '9999-12-31');
    // The preview names 20 people: the audit entry names them by id.
    const previewed = await t.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'enrollment.eligible_previewed')
      .where('entity_id', '=', pid)
      .executeTakeFirstOrThrow();
    expect(previewed.details).toEqual({ count: preview.total, workerIds: preview.items.map((i: { workerId: string }) => i.workerId) });
    expect(ends).toEqual([...ends].sort());
    const added = (await coordinator.post(`/api/v1/programmes/${pid}/eligible`, { all: true })).json();
    expect(added).toEqual({ added: preview.total, skipped: [] });
    expect((await coordinator.get(`/api/v1/programmes/${pid}`)).json().counts).toMatchObject({ eligible: preview.total, registered: 1 });
    const states = Object.fromEntries(
      (await t.database.db.selectFrom('enrollments').select(['worker_id', 'state']).where('programme_id', '=', pid).execute()).map((e) => [
        e.worker_id,
        e.state,
      ]),
    );
    expect(states[esposito!]).toBe('eligible');
    expect(states[benedetti!]).toBe('registered');
    expect(states[elsewhere!]).toBeUndefined();
    expect((await coordinator.get(`/api/v1/programmes/${pid}/eligible`)).json()).toEqual({ total: 0, items: [] });
  });

  it('finds enrolled workers by name with the one name key: apostrophes, accents, particles, either order', async () => {
    const pid = (await coordinator.post('/api/v1/programmes', newProgramme([modena], { capacity: 10 }))).json().id;
    const people = [
      { firstName: 'Nicolò', lastName: "D'Angelo" },
      { firstName: 'Giuseppe', lastName: 'De Luca' },
      { firstName: 'Emanuele', lastName: "Dall'Olio" },
      { firstName: 'Anna', lastName: 'Barbieri' },
    ];
    const ids = await insertWorkers(
      t.database.db,
      people.map((p) => buildWorker({ ...p, officeId: modena, networkId: network, cigsCaseId: caseId, cigsEndDate: '2099-06-30' })),
    );
    for (const workerId of ids)
      expect((await coordinator.post(`/api/v1/programmes/${pid}/enrollments`, { workerId })).statusCode).toBe(201);
    const found = async (q: string) =>
      (await coordinator.get(`/api/v1/programmes/${pid}/enrollments?q=${encodeURIComponent(q)}`))
        .json()
        .items.map((e: { workerName: string }) => e.workerName);
    expect(await found("D'Angelo")).toEqual(["D'Angelo Nicolò"]);
    expect(await found('dangelo nicolo')).toEqual(["D'Angelo Nicolò"]);
    expect(await found('De Luca')).toEqual(['De Luca Giuseppe']);
    expect(await found("dall'olio")).toEqual(["Dall'Olio Emanuele"]);
    expect(await found('Barbieri')).toEqual(['Barbieri Anna']);
  });

  it('refuses registrations to a programme that is not open', async () => {
    const pid = (await coordinator.post('/api/v1/programmes', newProgramme([modena], { status: 'draft' }))).json().id;
    const [w] = await buildWorkers(t.database.db, { networkId: network, officeId: modena, caseId });
    expectProblem(await frontoffice.post(`/api/v1/programmes/${pid}/enrollments`, { workerId: w }), 409, 'PROGRAMME_NOT_OPEN');
  });
});
