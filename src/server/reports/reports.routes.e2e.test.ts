import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, createTestApp, expectProblem, officeIdByCode, signIn, type Agent, type TestApp } from '../../../tests/helpers/test-app.js';
import { romeDate } from '../programmes/eligibility.js';
import { buildCigsCase, buildProgramme, buildWorkers, networkOf } from '../../../tests/factories/programmes.js';
import { outreachSummary } from './reports.service.js';

let t: TestApp;
let coordinator: Agent;
let consultant: Agent;
let programmeId: string;

const inDays = (n: number) => romeDate(new Date(Date.now() + n * 86_400_000));

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await signIn(t.app, DEMO.coordinator);
  consultant = await signIn(t.app, DEMO.consultant);
  // Two offices of their own, so the demo's workers do not enter the counts.
  const network = await networkOf(t.database.db, await officeIdByCode(t.database, 'CPI-MO'));
  const office = async (code: string, name: string) =>
    (
      await t.database.db
        .insertInto('offices')
        .values({ network_id: network, code, name, opening_hours: '[]' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const modena = await office('CPI-Z1', 'Centro per l’impiego di Zeta Modena');
  const carpi = await office('CPI-Z2', 'Centro per l’impiego di Zeta Carpi');
  const a = await buildCigsCase(t.database.db, network, { companyName: 'Ceramica Alfa S.p.A.' });
  const b = await buildCigsCase(t.database.db, network, { companyName: 'Maglificio Beta S.r.l.' });
  programmeId = await buildProgramme(t.database.db, { networkId: network, officeIds: [modena, carpi], capacity: 2, code: 'ZZ-DASH' });
  const ws = await buildWorkers(t.database.db, {
    networkId: network,
    officeId: modena,
    caseId: a.caseId,
    count: 3,
    lastName: 'Alfa',
    cigsEnd: (i) => inDays(20 + i * 30),
  });
  const wc = await buildWorkers(t.database.db, {
    networkId: network,
    officeId: carpi,
    caseId: b.caseId,
    count: 2,
    lastName: 'Beta',
    cigsEnd: (i) => inDays(200 + i),
  });
  // Two places taken (Modena), one on the waiting list (Carpi), two never registered (Modena).
  const frontoffice = await signIn(t.app, DEMO.coordinator);
  for (const workerId of [ws[2]!, wc[0]!, wc[1]!])
    await frontoffice.post(`/api/v1/programmes/${programmeId}/enrollments`, { workerId, channel: 'hotline' });
});
afterAll(() => t.close());

describe('coordinators’ dashboard', () => {
  it('answers 401, 403 and 400 first', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/reports/dashboard' }), 401, 'UNAUTHENTICATED');
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/reports/export/offices' }), 401, 'UNAUTHENTICATED');
    expectProblem(await consultant.get('/api/v1/reports/dashboard'), 403, 'FORBIDDEN');
    expectProblem(await consultant.get('/api/v1/reports/export/offices'), 403, 'FORBIDDEN');
    expectProblem(await coordinator.get('/api/v1/reports/dashboard?programmeId=nope'), 400, 'VALIDATION_FAILED');
    expectProblem(await coordinator.get('/api/v1/reports/export/salaries'), 400, 'VALIDATION_FAILED');
    expectProblem(await coordinator.get(`/api/v1/reports/export/offices?programmeId=${programmeId}&format=pdf`), 400, 'VALIDATION_FAILED');
    expectProblem(await coordinator.get(`/api/v1/reports/export/offices?programmeId=${programmeId}&lang=fr`), 400, 'VALIDATION_FAILED');
    expectProblem(
      await coordinator.get('/api/v1/reports/dashboard?programmeId=00000000-0000-4000-8000-000000000000'),
      404,
      'PROGRAMME_NOT_FOUND',
    );
  });

  it('shows the funnel per programme, office and company, places, the waiting list and CIGS ending soon', async () => {
    const res = await coordinator.get(`/api/v1/reports/dashboard?programmeId=${programmeId}`);
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.programmes.find((p: { id: string }) => p.id === programmeId)).toMatchObject({
      capacity: 2,
      used: 2,
      free: 0,
      waiting: 1,
      funnel: { eligible: 3, contacted: 3, registered: 3, enrolled: 0, placed: 0 },
    });
    expect(d.byOffice.map((o: { name: string; used: number; waiting: number }) => [o.name, o.used, o.waiting])).toEqual([
      ['Centro per l’impiego di Zeta Carpi', 1, 1],
      ['Centro per l’impiego di Zeta Modena', 1, 0],
    ]);
    expect(d.byCompany.map((c: { name: string; funnel: { registered: number } }) => [c.name, c.funnel.registered])).toEqual([
      ['Maglificio Beta S.r.l.', 2],
      ['Ceramica Alfa S.p.A.', 1],
    ]);
    expect(d.waitingList).toMatchObject({
      total: 1,
      items: [{ position: 1, workerName: 'Beta 0001 Mario', officeName: 'Centro per l’impiego di Zeta Carpi' }],
    });
    expect(d.expiring).toMatchObject({ within30: 1, within60: 2, within90: 2 });
    expect(d.expiring.items.map((w: { workerName: string; daysLeft: number }) => [w.workerName, w.daysLeft])).toEqual([
      ['Alfa 0000 Mario', 20],
      ['Alfa 0001 Mario', 50],
    ]);
    expect(d.outreach).toMatchObject({ available: true, reached: 0, responseRate: null });
  });

  it('exports every table as CSV that Excel in Italy opens (BOM, semicolons) and as XLSX', async () => {
    const csv = await coordinator.get(`/api/v1/reports/export/companies?programmeId=${programmeId}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="ricolloca-companies-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.body.replace('\uFEFF', '').split('\r\n').slice(0, 2)).toEqual([
      'Azienda;Posti occupati;In attesa;Aventi diritto;Contattati;Iscritti;Con patto di servizio;Collocati',
      'Maglificio Beta S.r.l.;1;1;2;2;2;0;0',
    ]);
    for (const table of ['programmes', 'offices', 'waiting', 'expiring', 'outreach']) {
      expect((await coordinator.get(`/api/v1/reports/export/${table}?programmeId=${programmeId}`)).statusCode).toBe(200);
    }
    const xlsx = await coordinator.get(`/api/v1/reports/export/waiting?programmeId=${programmeId}&format=xlsx`);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('Lista d’attesa');
    expect(sheet.getRow(2).getCell(2).value).toBe('Beta 0001 Mario');
  });

  it('writes dates as the screen shows them in CSV, as real date cells in XLSX, and statuses in words', async () => {
    const cigsEnd = inDays(201);
    const [y, m, d] = cigsEnd.split('-');
    const csv = await coordinator.get(`/api/v1/reports/export/waiting?programmeId=${programmeId}`);
    const [header, row] = csv.body.replace('\uFEFF', '').split('\r\n');
    expect(header).toBe('Posizione;Lavoratore;Sede;Fine CIGS;Richiesta il');
    const cells = row!.split(';');
    expect(cells.slice(0, 4)).toEqual(['1', 'Beta 0001 Mario', 'Centro per l’impiego di Zeta Carpi', `${d}/${m}/${y}`]);
    expect(cells[4]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);

    const xlsx = await coordinator.get(`/api/v1/reports/export/waiting?programmeId=${programmeId}&format=xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const end = book.worksheets[0]!.getRow(2).getCell(4);
    expect(end.value).toBeInstanceOf(Date);
    expect((end.value as Date).toISOString().slice(0, 10)).toBe(cigsEnd);
    expect(end.numFmt).toBe('dd/mm/yyyy');
    expect(book.worksheets[0]!.getRow(2).getCell(5).value).toBeInstanceOf(Date);

    const programmes = await coordinator.get(`/api/v1/reports/export/programmes?programmeId=${programmeId}`);
    expect(
      programmes.body
        .split('\r\n')
        .find((l) => l.startsWith('ZZ-DASH;'))
        ?.split(';')[2],
    ).toBe('Aperto');
    const outreach = await coordinator.get(`/api/v1/reports/export/outreach?programmeId=${programmeId}`);
    expect(outreach.body.replace('\uFEFF', '').split('\r\n').slice(0, 3)).toEqual(['Esito;Lavoratori', 'Non contattato;0', 'Invitato;0']);
    const expiring = await coordinator.get(`/api/v1/reports/export/expiring?programmeId=${programmeId}`);
    expect(expiring.body).toContain(';Non presente');

    // English with Accept-Language en: headers, sheet and statuses.
    const english = (url: string) => coordinator.request({ method: 'GET', url, headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    const en = await english(`/api/v1/reports/export/programmes?programmeId=${programmeId}`);
    expect(en.body.replace('\uFEFF', '').split('\r\n')[0]).toBe(
      'Code;Programme;Status;Places;Taken;Free;Waiting;Eligible;Contacted;Registered;With service agreement;Placed',
    );
    expect(
      en.body
        .split('\r\n')
        .find((l) => l.startsWith('ZZ-DASH;'))
        ?.split(';')[2],
    ).toBe('Open');
    expect((await english(`/api/v1/reports/export/outreach?programmeId=${programmeId}`)).body).toContain('Invited;0');
    const enBook = new ExcelJS.Workbook();
    await enBook.xlsx.load(
      (await english(`/api/v1/reports/export/waiting?programmeId=${programmeId}&format=xlsx`)).rawPayload as unknown as ArrayBuffer,
    );
    expect(enBook.worksheets[0]!.name).toBe('Waiting list');
    // A download link says the interface language in the query, over the browser's Accept-Language.
    expect((await coordinator.get(`/api/v1/reports/export/outreach?programmeId=${programmeId}&lang=en`)).body).toContain('Outcome;Workers');
    expect((await english(`/api/v1/reports/export/outreach?programmeId=${programmeId}&lang=it`)).body).toContain('Esito;Lavoratori');
  });

  it('computes outreach response rates over the workers actually contacted', () => {
    expect(outreachSummary(undefined)).toBeUndefined();
    expect(outreachSummary({ not_contacted: 50, invited: 10, reminded: 5, registered: 3, declined: 1, unreachable: 1 })).toMatchObject({
      reached: 20,
      responded: 4,
      responseRate: 20,
      registrationRate: 15,
    });
  });
});
