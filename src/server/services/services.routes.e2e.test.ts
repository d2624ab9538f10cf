import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agendaConsultant, agendaWorkers } from '../../../tests/factories/agenda.js';
import { buildCigsCase, buildProgramme, networkOf } from '../../../tests/factories/programmes.js';
import { createTestApp, DEMO, expectProblem, officeIdByCode, signIn, type Agent, type TestApp } from '../../../tests/helpers/test-app.js';
import { addDays, romeToday } from '../../shared/time/rome-date.js';

let t: TestApp;
let modena: string;
let carpi: string;
let programmeId: string;
let consultant: { id: string; fullName: string; agent: Agent };
let carpiConsultant: { id: string; fullName: string; agent: Agent };
let coordinator: Agent;
let frontoffice: Agent;
let workers: Awaited<ReturnType<typeof agendaWorkers>>;
let today: string;
/** The day Esposito was registered in the programme (set back so past services can count). */
let registeredOn: string;

const services = (workerId: string) => `/api/v1/workers/${workerId}/services`;
const del = (agent: Agent, id: string, body: unknown) =>
  agent.request({ method: 'DELETE', url: `/api/v1/services/${id}`, payload: body as object });

async function auditRows(action: string, entityId: string) {
  return t.database.db
    .selectFrom('audit_log')
    .select(['action', 'entity_type', 'entity_id', 'actor_id', 'office_id', 'details'])
    .where('action', '=', action)
    .where('entity_id', '=', entityId)
    .execute();
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  today = romeToday(t.clock());
  registeredOn = addDays(today, -40);
  modena = await officeIdByCode(t.database, 'CPI-MO');
  carpi = await officeIdByCode(t.database, 'CPI-CA');
  const networkId = await networkOf(db, modena);
  consultant = await agendaConsultant(t.app, db, {
    officeId: modena,
    fullName: 'Benedetti Laura',
    email: 'laura.benedetti@servizi.example',
  });
  carpiConsultant = await agendaConsultant(t.app, db, {
    officeId: carpi,
    fullName: 'Montanari Davide',
    email: 'davide.montanari@servizi.example',
  });
  coordinator = await signIn(t.app, DEMO.coordinator);
  frontoffice = await signIn(t.app, DEMO.frontoffice);
  workers = await agendaWorkers(
    db,
    modena,
    [
      { firstName: 'Giuseppe', lastName: 'Esposito' },
      { firstName: 'Nicolò', lastName: "D'Angelo" },
    ],
    9400,
  );
  const { caseId } = await buildCigsCase(db, networkId, { companyName: 'Ceramica Modenese S.p.A.' });
  await db
    .updateTable('workers')
    .set({ cigs_case_id: caseId })
    .where(
      'id',
      'in',
      workers.map((w) => w.id),
    )
    .execute();
  programmeId = await buildProgramme(db, { networkId, officeIds: [modena, carpi], capacity: 50 });
  await db.updateTable('programmes').set({ name: 'Ricollocazione Ceramica Modenese' }).where('id', '=', programmeId).execute();
  // Registered 40 days ago (the app's clock set back for the registration), so past services can count.
  const now = t.clock();
  t.clock.set(new Date(`${registeredOn}T09:00:00Z`));
  const registered = await coordinator.post(`/api/v1/programmes/${programmeId}/enrollments`, { workerId: workers[0]!.id, channel: 'desk' });
  t.clock.set(now);
  expect(registered.statusCode, registered.body).toBe(201);
});
afterAll(() => t.close());

describe('delivered services of a worker', () => {
  it('answers 401, 403 and 400 first', async () => {
    const w = workers[0]!.id;
    const anonymous = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string) => t.app.inject({ method, url, payload: {} });
    expectProblem(await anonymous('GET', services(w)), 401, 'UNAUTHENTICATED');
    expectProblem(await anonymous('POST', services(w)), 401, 'UNAUTHENTICATED');
    expectProblem(await anonymous('PATCH', `/api/v1/services/${w}`), 401, 'UNAUTHENTICATED');
    expectProblem(await anonymous('DELETE', `/api/v1/services/${w}`), 401, 'UNAUTHENTICATED');
    expectProblem(
      await t.app.inject({ method: 'GET', url: '/api/v1/services/totals?from=2026-01-01&to=2026-01-31' }),
      401,
      'UNAUTHENTICATED',
    );

    // The front office books meetings but delivers no service; consultants do not read the funder's totals.
    const body = { serviceCode: 'cv_support', deliveredOn: today, minutes: 60, programmeId: null };
    expectProblem(await frontoffice.post(services(w), body), 403, 'FORBIDDEN');
    expectProblem(await frontoffice.patch(`/api/v1/services/${w}`, { minutes: 30, reason: 'Errore' }), 403, 'FORBIDDEN');
    expectProblem(await del(frontoffice, w, { reason: 'Errore' }), 403, 'FORBIDDEN');
    expectProblem(await consultant.agent.get(`/api/v1/services/totals?from=${today}&to=${today}`), 403, 'FORBIDDEN');

    const invalid = expectProblem(
      await consultant.agent.post(services(w), { serviceCode: 'massage', deliveredOn: '2026-02-30', minutes: 0, programmeId: null }),
      400,
      'VALIDATION_FAILED',
    );
    expect(invalid.errors).toEqual(
      expect.arrayContaining([
        { path: 'body/serviceCode', message: 'Scegliere un valore dall’elenco' },
        { path: 'body/deliveredOn', message: 'Questa data non esiste' },
        { path: 'body/minutes', message: 'La durata va da 1 a 600 minuti' },
      ]),
    );
    const tooLong = expectProblem(
      await consultant.agent.request({
        method: 'POST',
        url: services(w),
        payload: { ...body, minutes: 601 },
        headers: { 'accept-language': 'en' },
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(tooLong.errors).toEqual([{ path: 'body/minutes', message: 'The duration is from 1 to 600 minutes' }]);
    expectProblem(await consultant.agent.patch(`/api/v1/services/${w}`, { minutes: 30 }), 400, 'VALIDATION_FAILED');
    expectProblem(await del(consultant.agent, w, {}), 400, 'VALIDATION_FAILED');
    const range = expectProblem(await coordinator.get(`/api/v1/services/totals?from=2026-03-31&to=2026-03-01`), 400, 'VALIDATION_FAILED');
    expect(range.errors).toEqual([{ path: 'querystring/to', message: 'La data di fine non può precedere quella di inizio' }]);
    expectProblem(await coordinator.get(`/api/v1/services/totals?from=2026-03-01&to=2026-03-31&groupBy=company`), 400, 'VALIDATION_FAILED');
  });

  it('records a service by hand for the caller, the worker’s office and programme, audited and on the timeline', async () => {
    const esposito = workers[0]!;
    const day = addDays(today, -3);
    const res = await consultant.agent.post(services(esposito.id), {
      serviceCode: 'cv_support',
      deliveredOn: day,
      minutes: 75,
      programmeId,
      note: 'Revisione del CV per le aziende del distretto ceramico',
    });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      workerId: esposito.id,
      serviceCode: 'cv_support',
      delivery: 'individual',
      deliveredOn: day,
      minutes: 75,
      source: 'manual',
      sourceId: null,
      consultant: { id: consultant.id, name: 'Benedetti Laura' },
      office: { id: modena, name: 'Centro per l’impiego di Modena' },
      programme: { id: programmeId, name: 'Ricollocazione Ceramica Modenese' },
      updatedAt: null,
    });
    const [audit] = await auditRows('service.recorded', created.id);
    expect(audit).toMatchObject({
      entity_type: 'service_record',
      actor_id: consultant.id,
      office_id: modena,
      details: { workerId: esposito.id, serviceCode: 'cv_support', minutes: 75, deliveredOn: day, programmeId },
    });
    const timeline = (await consultant.agent.get(`/api/v1/workers/${esposito.id}/timeline`)).json().items;
    expect(timeline[0]).toMatchObject({ kind: 'service.recorded' });
  });

  it('lists the worker’s services newest first, meetings’ and hand-entered alike, with hours per service, audited', async () => {
    const esposito = workers[0]!;
    // A meeting the agenda recorded, a week ago.
    await t.database.db
      .insertInto('service_records')
      .values({
        network_id: await networkOf(t.database.db, modena),
        office_id: modena,
        worker_id: esposito.id,
        programme_id: programmeId,
        staff_id: consultant.id,
        service_code: 'orientation',
        delivery: 'individual',
        delivered_on: addDays(today, -7),
        minutes: 45,
        source_type: 'appointment',
        source_id: '00000000-0000-4000-8000-00000000b001',
      })
      .execute();
    await consultant.agent.post(services(esposito.id), {
      serviceCode: 'interview_coaching',
      deliveredOn: today,
      minutes: 30,
      programmeId,
    });
    const res = await consultant.agent.get(services(esposito.id));
    expect(res.statusCode).toBe(200);
    const list = res.json();
    expect(list.items.map((s: { serviceCode: string; source: string }) => [s.serviceCode, s.source])).toEqual([
      ['interview_coaching', 'manual'],
      ['cv_support', 'manual'],
      ['orientation', 'appointment'],
    ]);
    expect(list.totals).toEqual({ minutes: 150, byCode: { interview_coaching: 30, cv_support: 75, orientation: 45 } });
    expect(list.programmes).toEqual([
      { id: programmeId, name: 'Ricollocazione Ceramica Modenese', from: registeredOn, to: null, current: true },
    ]);
    expect(list.consultants).toEqual(expect.arrayContaining([{ id: consultant.id, name: 'Benedetti Laura' }]));
    expect(list.today).toBe(today);
    const [audit] = await auditRows('service.list.read', esposito.id);
    expect(audit).toMatchObject({ entity_type: 'worker', details: { ids: list.items.map((s: { id: string }) => s.id) } });
  });

  it('refuses, beside the field, a future date, a day before the registration, another programme and another office’s consultant', async () => {
    const [esposito, dangelo] = [workers[0]!, workers[1]!];
    const base = { serviceCode: 'cv_support', minutes: 60, programmeId };
    const future = expectProblem(
      await consultant.agent.post(services(esposito.id), { ...base, deliveredOn: addDays(today, 1) }),
      422,
      'SERVICE_INVALID',
    );
    expect(future.errors).toEqual([{ path: 'body/deliveredOn', message: 'Il servizio non può avere una data futura' }]);
    const before = expectProblem(
      await consultant.agent.post(services(esposito.id), { ...base, deliveredOn: addDays(registeredOn, -1) }),
      422,
      'SERVICE_INVALID',
    );
    expect(before.errors).toEqual([
      { path: 'body/deliveredOn', message: 'Il servizio è precedente all’iscrizione del lavoratore al programma' },
    ]);
    // The day of the registration itself counts.
    expect((await consultant.agent.post(services(esposito.id), { ...base, deliveredOn: registeredOn })).statusCode).toBe(201);
    // D'Angelo is in no programme: only "outside any programme" is allowed for him.
    const notHis = expectProblem(
      await consultant.agent.post(services(dangelo.id), { ...base, deliveredOn: today }),
      422,
      'SERVICE_INVALID',
    );
    expect(notHis.errors).toEqual([{ path: 'body/programmeId', message: 'Scegliere un programma a cui il lavoratore è iscritto' }]);
    const english = expectProblem(
      await consultant.agent.request({
        method: 'POST',
        url: services(esposito.id),
        payload: { ...base, deliveredOn: today, consultantId: carpiConsultant.id },
        headers: { 'accept-language': 'en' },
      }),
      422,
      'SERVICE_INVALID',
    );
    expect(english.detail).toBe('Some details of the service are not valid.');
    expect(english.errors).toEqual([{ path: 'body/consultantId', message: 'Choose a consultant of the office' }]);
    expect((await consultant.agent.post(services(dangelo.id), { ...base, programmeId: null, deliveredOn: today })).statusCode).toBe(201);
  });

  it('keeps a worker’s services to their office: another office’s consultant gets 404, a coordinator of the network reads them', async () => {
    const esposito = workers[0]!;
    const own = (await consultant.agent.get(services(esposito.id))).json().items[0];
    expectProblem(await carpiConsultant.agent.get(services(esposito.id)), 404, 'SERVICE_NOT_FOUND');
    expectProblem(
      await carpiConsultant.agent.post(services(esposito.id), {
        serviceCode: 'cv_support',
        deliveredOn: today,
        minutes: 60,
        programmeId: null,
      }),
      404,
      'SERVICE_NOT_FOUND',
    );
    expectProblem(
      await carpiConsultant.agent.patch(`/api/v1/services/${own.id}`, { minutes: 10, reason: 'Prova' }),
      404,
      'SERVICE_NOT_FOUND',
    );
    expectProblem(await del(carpiConsultant.agent, own.id, { reason: 'Prova' }), 404, 'SERVICE_NOT_FOUND');
    const seen = await coordinator.get(services(esposito.id));
    expect(seen.statusCode).toBe(200);
    expect(seen.json().items.map((s: { id: string }) => s.id)).toContain(own.id);
  });

  it('corrects and removes a record entered by hand with a reason, and sends a meeting’s record back to its meeting', async () => {
    const esposito = workers[0]!;
    const items = (await consultant.agent.get(services(esposito.id))).json().items as Array<{
      id: string;
      serviceCode: string;
      source: string;
    }>;
    const coaching = items.find((s) => s.serviceCode === 'interview_coaching')!;
    const meeting = items.find((s) => s.source === 'appointment')!;

    const corrected = await consultant.agent.patch(`/api/v1/services/${coaching.id}`, { minutes: 50, reason: 'Durata trascritta male' });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json()).toMatchObject({ minutes: 50, serviceCode: 'interview_coaching', updatedAt: expect.any(String) });
    const [audit] = await auditRows('service.corrected', coaching.id);
    expect(audit!.details).toMatchObject({
      before: { minutes: 30 },
      after: { minutes: 50 },
      reason: 'Durata trascritta male',
      workerId: esposito.id,
    });
    const late = expectProblem(
      await consultant.agent.patch(`/api/v1/services/${coaching.id}`, { deliveredOn: addDays(today, 2), reason: 'Data sbagliata' }),
      422,
      'SERVICE_INVALID',
    );
    expect(late.errors).toEqual([{ path: 'body/deliveredOn', message: 'Il servizio non può avere una data futura' }]);

    expectProblem(
      await consultant.agent.patch(`/api/v1/services/${meeting.id}`, { minutes: 10, reason: 'Errore' }),
      409,
      'SERVICE_FROM_MEETING',
    );
    expectProblem(await del(consultant.agent, meeting.id, { reason: 'Errore' }), 409, 'SERVICE_FROM_MEETING');

    const removed = await del(consultant.agent, coaching.id, { reason: 'Registrato due volte' });
    expect(removed.statusCode, removed.body).toBe(200);
    expect((await consultant.agent.get(services(esposito.id))).json().items.map((s: { id: string }) => s.id)).not.toContain(coaching.id);
    const [removal] = await auditRows('service.removed', coaching.id);
    expect(removal!.details).toMatchObject({ reason: 'Registrato due volte', removed: { serviceCode: 'interview_coaching', minutes: 50 } });
    expectProblem(await del(consultant.agent, coaching.id, { reason: 'Ancora' }), 404, 'SERVICE_NOT_FOUND');
  });
});

describe('the funder’s totals', () => {
  it('shows a coordinator count, hours and workers per worker for an office and a range, audited with the workers named', async () => {
    const from = addDays(today, -60);
    const res = await coordinator.get(
      `/api/v1/services/totals?from=${from}&to=${today}&groupBy=worker&officeId=${modena}&programmeId=${programmeId}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const totals = res.json();
    const esposito = totals.groups.find((g: { id: string }) => g.id === workers[0]!.id);
    // CV 75 + CV 60 (on the registration day) + the meeting's orientation 45; the coaching was removed.
    expect(esposito).toMatchObject({
      name: 'Esposito Giuseppe',
      byCode: { cv_support: { count: 2, minutes: 135, hours: 2.25, workers: 1 }, orientation: { count: 1, minutes: 45, hours: 0.75 } },
      total: { count: 3, minutes: 180, hours: 3, workers: 1 },
    });
    // D'Angelo's service is outside the programme: not in this programme's totals.
    expect(totals.groups.some((g: { id: string }) => g.id === workers[1]!.id)).toBe(false);
    const audits = await t.database.db
      .selectFrom('audit_log')
      .select(['details'])
      .where('action', '=', 'report.services.read')
      .orderBy('id', 'desc')
      .limit(1)
      .execute();
    expect(audits[0]!.details).toMatchObject({
      groupBy: 'worker',
      from,
      to: today,
      workerIds: totals.groups.map((g: { id: string }) => g.id),
    });

    const byOffice = (await coordinator.get(`/api/v1/services/totals?from=${from}&to=${today}`)).json();
    expect(byOffice.groupBy).toBe('office');
    expect(byOffice.groups.find((g: { id: string }) => g.id === modena).total.count).toBeGreaterThanOrEqual(4);
  });

  it('exports the totals as CSV and XLSX, in Italian and English', async () => {
    const from = addDays(today, -60);
    const query = `from=${from}&to=${today}&groupBy=worker&officeId=${modena}&programmeId=${programmeId}`;
    const csv = await coordinator.get(`/api/v1/reports/export/services?${query}`);
    expect(csv.statusCode, csv.body).toBe(200);
    const lines = csv.body.replace('\uFEFF', '').split('\r\n');
    expect(lines[0]).toBe('Lavoratore;Servizio;Numero;Ore;Lavoratori serviti');
    expect(lines).toContain('Esposito Giuseppe;Supporto al CV;2;2,25;1');
    expect(lines).toContain('Esposito Giuseppe;Tutti i servizi;3;3;1');
    const xlsx = await coordinator.get(`/api/v1/reports/export/services?${query}&format=xlsx&lang=en`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('Delivered services');
    expect(sheet.getRow(1).values).toEqual([undefined, 'Worker', 'Service', 'Count', 'Hours', 'Workers served']);
    const [exported] = await t.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'report.exported')
      .orderBy('id', 'desc')
      .limit(1)
      .execute();
    expect(exported!.details).toMatchObject({ table: 'services', groupBy: 'worker' });
  });
});

describe('the demo', () => {
  it('holds services entered by hand beside the meetings’ ones, each on a day the worker was in the programme', async () => {
    const db = t.database.db;
    const bySource = await db
      .selectFrom('service_records')
      .select(['source_type', (eb) => eb.fn.countAll<number>().as('n')])
      .where('created_by', 'is', null)
      .where('source_type', '=', 'manual')
      .groupBy('source_type')
      .execute();
    expect(Number(bySource[0]?.n ?? 0)).toBeGreaterThan(50);
    expect(
      Number(
        (
          await db
            .selectFrom('service_records')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('source_type', '=', 'appointment')
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBeGreaterThan(20);
    const codes = await db.selectFrom('service_records').select('service_code').distinct().where('source_type', '=', 'manual').execute();
    expect(codes.map((c) => c.service_code)).toEqual(expect.arrayContaining(['cv_support', 'interview_coaching']));
    const sample = await db
      .selectFrom('service_records')
      .select(['worker_id', 'programme_id', 'delivered_on'])
      .where('source_type', '=', 'manual')
      .where('created_by', 'is', null)
      .orderBy('id')
      .limit(20)
      .execute();
    const { servicePeriodsOfWorker } = await import('../programmes/index.js');
    for (const s of sample) {
      const period = (await servicePeriodsOfWorker(db, s.worker_id)).find((p) => p.programmeId === s.programme_id)!;
      expect(s.delivered_on >= period.from && s.delivered_on <= today).toBe(true);
    }
  });
});
