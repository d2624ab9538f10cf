import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, createTestApp, expectProblem, officeIdByCode, signIn, type Agent, type TestApp } from '../../../tests/helpers/test-app.js';
import {
  FIXTURE_COMPANIES,
  fixtureCsv,
  fixtureRow,
  fixtureWorker,
  HEADERS_IT,
  toCsv,
  toXlsx,
} from '../../../tests/fixtures/imports/worker-fixtures.js';

let t: TestApp;
let coordinator: Agent;
let consultant: Agent;
let modena: string;

const upload = (agent: Agent, bytes: Buffer | string, fileName = 'elenco.csv', contentType = 'application/octet-stream') =>
  agent.request({
    method: 'POST',
    url: `/api/v1/imports/workers?fileName=${encodeURIComponent(fileName)}`,
    headers: { 'content-type': contentType },
    payload: bytes,
  });

/** Polls the job until the background step ends, as the web page does. */
async function settle(agent: Agent, id: string) {
  for (let i = 0; i < 200; i++) {
    const job = (await agent.get(`/api/v1/imports/${id}`)).json();
    if (!['validating', 'applying'].includes(job.status)) return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

async function dryRunAndWait(agent: Agent, id: string, body: object = {}) {
  const res = await agent.post(`/api/v1/imports/${id}/dry-run`, body);
  expect(res.statusCode, res.body).toBe(202);
  return settle(agent, id);
}

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await signIn(t.app, DEMO.coordinator);
  consultant = await signIn(t.app, DEMO.consultant);
  modena = await officeIdByCode(t.database, 'CPI-MO');
  const network = await t.database.db.selectFrom('networks').select('id').executeTakeFirstOrThrow();
  // Two of the three companies of the fixtures are known, with a running CIGS case.
  for (const c of FIXTURE_COMPANIES.slice(0, 2)) {
    const company = await t.database.db
      .insertInto('companies')
      .values({ network_id: network.id, name: c.name, vat_number: c.vat, tax_code: c.vat })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.database.db
      .insertInto('cigs_cases')
      .values({ company_id: company.id, reason: 'cessazione_attivita', start_date: '2026-01-01', end_date: '2027-12-31' })
      .execute();
  }
});
afterAll(() => t.close());

describe('bulk import of eligible workers', () => {
  it('answers 401 to anonymous callers and 403 to staff who are not coordinators or administrators', async () => {
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/imports/workers?fileName=a.csv',
        headers: { 'content-type': 'application/octet-stream' },
        payload: 'x',
      }),
      401,
      'UNAUTHENTICATED',
    );
    expectProblem(
      await t.app.inject({ method: 'GET', url: '/api/v1/imports/00000000-0000-4000-8000-000000000000' }),
      401,
      'UNAUTHENTICATED',
    );
    expectProblem(await upload(consultant, fixtureCsv(2)), 403, 'FORBIDDEN');
    expectProblem(await consultant.get('/api/v1/imports/00000000-0000-4000-8000-000000000000'), 403, 'FORBIDDEN');
  });

  it('answers 401 and 403 on the refused rows, the target offices and the retention settings', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    for (const url of [`/api/v1/imports/${id}/refused-rows`, '/api/v1/imports/offices', '/api/v1/imports/settings']) {
      expectProblem(await t.app.inject({ method: 'GET', url }), 401, 'UNAUTHENTICATED');
    }
    expectProblem(
      await t.app.inject({ method: 'PUT', url: '/api/v1/imports/settings', payload: { retentionDays: 10 } }),
      401,
      'UNAUTHENTICATED',
    );
    expectProblem(await consultant.get(`/api/v1/imports/${id}/refused-rows`), 403, 'FORBIDDEN');
    expectProblem(await consultant.get('/api/v1/imports/offices'), 403, 'FORBIDDEN');
    // How long personal data is kept is the administrators' decision, not the coordinators'.
    expectProblem(await coordinator.get('/api/v1/imports/settings'), 403, 'FORBIDDEN');
    expectProblem(
      await coordinator.request({ method: 'PUT', url: '/api/v1/imports/settings', payload: { retentionDays: 10 } }),
      403,
      'FORBIDDEN',
    );
  });

  it('answers 400 to a bad format of the refused rows, a bad apply body, an unknown target office and a bad retention period', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    expectProblem(await coordinator.get(`/api/v1/imports/${id}/refused-rows?format=pdf`), 400, 'VALIDATION_FAILED');
    expectProblem(await coordinator.get('/api/v1/imports/not-a-uuid/refused-rows'), 400, 'VALIDATION_FAILED');
    expectProblem(await coordinator.post(`/api/v1/imports/${id}/apply`, { validOnly: 'sì' }), 400, 'VALIDATION_FAILED');
    expectProblem(await coordinator.post(`/api/v1/imports/${id}/dry-run`, { officeId: 'CPI-MO' }), 400, 'VALIDATION_FAILED');
    const admin = await signIn(t.app, DEMO.admin);
    const bad = expectProblem(
      await admin.request({ method: 'PUT', url: '/api/v1/imports/settings', payload: { retentionDays: 0 } }),
      400,
      'VALIDATION_FAILED',
    );
    expect(bad.errors[0].path).toBe('body/retentionDays');
    const job = (await upload(coordinator, fixtureCsv(2, 400), 'due.csv')).json();
    const other = await t.database.db
      .insertInto('offices')
      .values({
        network_id: (await t.database.db.selectFrom('networks').select('id').executeTakeFirstOrThrow()).id,
        code: 'CPI-XX',
        name: 'Sede di prova chiusa',
        comune: 'Modena',
        active: false,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const refused = expectProblem(
      await coordinator.post(`/api/v1/imports/${job.id}/dry-run`, { officeId: other.id }),
      400,
      'IMPORT_OFFICE_NOT_ALLOWED',
    );
    expect(refused.errors[0].path).toBe('officeId');
  });

  it('answers 400 to an empty file, a corrupt XLSX, an image, an old .xls and a missing file name', async () => {
    expectProblem(await upload(coordinator, Buffer.alloc(0)), 400, 'IMPORT_EMPTY_FILE');
    const xlsx = await toXlsx([HEADERS_IT, fixtureRow(fixtureWorker(0))]);
    expectProblem(await upload(coordinator, xlsx.subarray(0, 600), 'rotto.xlsx'), 400, 'IMPORT_CORRUPT_FILE');
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108', 'hex');
    expectProblem(await upload(coordinator, png, 'foto.png'), 400, 'IMPORT_UNSUPPORTED_FORMAT');
    expectProblem(await upload(coordinator, Buffer.from('d0cf11e0a1b11ae1000000', 'hex'), 'vecchio.xls'), 400, 'IMPORT_LEGACY_XLS');
    expectProblem(
      await coordinator.request({
        method: 'POST',
        url: '/api/v1/imports/workers',
        headers: { 'content-type': 'application/octet-stream' },
        payload: 'a;b',
      }),
      400,
      'VALIDATION_FAILED',
    );
    const wrongType = await upload(coordinator, 'a', 'a.csv', 'image/png');
    expect(wrongType.statusCode).toBe(415);
    expectProblem(await coordinator.post('/api/v1/imports/not-a-uuid/dry-run', {}), 400, 'VALIDATION_FAILED');
  });

  it('suggests the mapping, previews new workers, applies them all, and refuses the same file twice', async () => {
    const csv = readFileSync('tests/fixtures/imports/lavoratori-validi.csv');
    const res = await upload(coordinator, csv, 'lavoratori-validi.csv');
    expect(res.statusCode, res.body).toBe(201);
    const job = res.json();
    expect(job).toMatchObject({ status: 'uploaded', fileFormat: 'csv', source: { delimiter: ';', encoding: 'utf-8' } });
    expect(job.mapping).toEqual({
      0: 'lastName',
      1: 'firstName',
      2: 'codiceFiscale',
      3: 'birthDate',
      4: 'sex',
      5: 'residenceComune',
      6: 'phone',
      7: 'email',
      8: 'companyName',
      9: 'companyVat',
      10: 'cigsStart',
      11: 'cigsEnd',
      12: 'cigsReason',
    });
    expect(job.columns[2].samples[0]).toBe(fixtureWorker(0).codiceFiscale);

    // The third company is unknown: its workers are row errors until it is created.
    const checked = await dryRunAndWait(coordinator, job.id);
    expect(checked.status).toBe('validated');
    expect(checked.counts).toMatchObject({ new: 14, error: 6 });
    const errors = (await coordinator.get(`/api/v1/imports/${job.id}/rows?outcome=error`)).json();
    expect(errors.total).toBe(6);
    expect(errors.items[0]).toMatchObject({
      rowNumber: 4,
      errors: [{ field: 'companyName', message: expect.stringContaining('azienda sconosciuta') }],
    });
    expectProblem(await coordinator.post(`/api/v1/imports/${job.id}/apply`), 409, 'IMPORT_HAS_ROW_ERRORS');

    const withCompanies = await dryRunAndWait(coordinator, job.id, { createCompanies: true });
    expect(withCompanies.counts).toEqual({ new: 20, update: 0, unchanged: 0, error: 0, companiesToCreate: 1 });
    const applying = await coordinator.post(`/api/v1/imports/${job.id}/apply`);
    expect(applying.statusCode).toBe(202);
    const applied = await settle(coordinator, job.id);
    expect(applied).toMatchObject({ status: 'applied', counts: { new: 20, update: 0, unchanged: 0 }, progress: { percent: 100 } });

    const first = fixtureWorker(0);
    const worker = await t.database.db
      .selectFrom('workers')
      .selectAll()
      .where('codice_fiscale', '=', first.codiceFiscale)
      .executeTakeFirstOrThrow();
    expect(worker).toMatchObject({
      last_name: 'Rossi',
      first_name: 'Marco',
      birth_date: '1960-01-01',
      sex: 'M',
      residence_comune_code: '036023',
      phone: '+393331000000',
      office_id: modena,
      cigs_end_date: '2027-01-01',
      search_name: 'rossi marco',
    });
    expect(worker.cigs_case_id).not.toBeNull();
    const events = await t.database.db.selectFrom('worker_events').select(['kind', 'details']).where('worker_id', '=', worker.id).execute();
    expect(events).toEqual([{ kind: 'worker.imported', details: expect.objectContaining({ importId: job.id, outcome: 'created' }) }]);
    const created = await t.database.db.selectFrom('companies').select('name').where('name', '=', FIXTURE_COMPANIES[2]!.name).execute();
    expect(created).toHaveLength(1);
    const audit = (await signIn(t.app, DEMO.admin)).get(`/api/v1/audit?entityId=${job.id}&action=import.applied`);
    expect((await audit).json().items[0].details).toMatchObject({ new: 20 });

    const again = await upload(coordinator, csv, 'copia.csv');
    expect(expectProblem(again, 409, 'IMPORT_ALREADY_APPLIED').detail).toMatch(/già stato importato il \d{2}\/\d{2}\/\d{4}/);

    // Imported workers are eligible for the programme and show in "CIGS in scadenza".
    const programme = await t.database.db.selectFrom('programmes').select('id').where('code', '=', 'RIC-CIGS-MO').executeTakeFirstOrThrow();
    const eligibility = await coordinator.get(`/api/v1/programmes/${programme.id}/eligibility/${worker.id}`);
    // Eligible and not yet in the programme: the worker page offers to register them.
    expect(eligibility.json()).toEqual({ eligible: true, reasons: [], enrollment: null });
    const dashboard = (await coordinator.get(`/api/v1/reports/dashboard?programmeId=${programme.id}`)).json();
    expect(dashboard.expiring.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          cigsEndDate: '2027-01-01',
          companyName: FIXTURE_COMPANIES[0]!.name,
          workerName: expect.stringContaining('Rossi'),
        }),
      ]),
    );
  });

  it('imports the valid rows only when asked, and gives the refused rows back as CSV and XLSX', async () => {
    const csv = readFileSync('tests/fixtures/imports/lavoratori-con-errori.csv');
    const job = (await upload(coordinator, csv, 'lavoratori-con-errori.csv')).json();
    const checked = await dryRunAndWait(coordinator, job.id, { createCompanies: true });
    expect(checked.counts.error).toBeGreaterThan(0);
    expectProblem(await coordinator.post(`/api/v1/imports/${job.id}/apply`, {}), 409, 'IMPORT_HAS_ROW_ERRORS');
    const file = await coordinator.get(`/api/v1/imports/${job.id}/refused-rows?format=csv`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toMatch(/^text\/csv/);
    expect(file.headers['content-disposition']).toBe('attachment; filename="lavoratori-con-errori-righe-rifiutate.csv"');
    const lines = file.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^Riga del file;COGNOME LAVORATORE;.*;Errori$/);
    expect(lines).toHaveLength(1 + checked.counts.error);
    const xlsx = await coordinator.get(`/api/v1/imports/${job.id}/refused-rows?format=xlsx`);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await coordinator.post(`/api/v1/imports/${job.id}/apply`, { validOnly: true })).statusCode).toBe(202);
    const applied = await settle(coordinator, job.id);
    expect(applied).toMatchObject({ status: 'applied', validOnly: true, counts: { error: checked.counts.error } });
    expect(applied.counts.new + applied.counts.update + applied.counts.unchanged).toBe(checked.totalRows - checked.counts.error);
  });

  it('records who saw the sample values of a list once per state, however often the page polls it', async () => {
    const res = await upload(coordinator, fixtureCsv(2, 40), 'elenco-campioni.csv');
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    for (let i = 0; i < 3; i++) expect((await coordinator.get(`/api/v1/imports/${id}`)).json().columns[0].samples).toHaveLength(2);
    await dryRunAndWait(coordinator, id);
    await coordinator.get(`/api/v1/imports/${id}`);
    const reads = await t.database.db
      .selectFrom('audit_log')
      .select(['details', 'entity_label'])
      .where('action', '=', 'import.read')
      .where('entity_id', '=', id)
      .orderBy('id')
      .execute();
    // One row per state the job was seen in (the check may be caught while running), never one per poll.
    const states = reads.map((r) => (r.details as { status: string }).status);
    expect(new Set(states).size).toBe(states.length);
    expect(states[0]).toBe('uploaded');
    expect(states.at(-1)).toBe('validated');
    expect(reads[0]!.entity_label).toBe('elenco-campioni.csv');
  });

  it('lists the offices a coordinator may import into, their own first by default', async () => {
    const offices = (await coordinator.get('/api/v1/imports/offices')).json();
    expect(offices.defaultOfficeId).toBe(modena);
    expect(offices.items.map((o: { code: string }) => o.code)).toEqual(expect.arrayContaining(['CPI-MO', 'CPI-SA']));
  });

  it('reports the same workers in another file as unchanged, and applying it writes nothing', async () => {
    const xlsx = readFileSync('tests/fixtures/imports/lavoratori-validi.xlsx');
    const job = (await upload(coordinator, xlsx, 'lavoratori.xlsx')).json();
    expect(job.fileFormat).toBe('xlsx');
    const checked = await dryRunAndWait(coordinator, job.id, { createCompanies: false });
    expect(checked.counts).toEqual({ new: 0, update: 0, unchanged: 20, error: 0, companiesToCreate: 0 });
    const before = await t.database.db
      .selectFrom('worker_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await coordinator.post(`/api/v1/imports/${job.id}/apply`);
    expect(await settle(coordinator, job.id)).toMatchObject({ status: 'applied', counts: { unchanged: 20 } });
    const after = await t.database.db
      .selectFrom('worker_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});

describe('a list with a cell of 2 MB (the upload limit is 40 MB)', () => {
  it('is read without holding the server, and only that row is refused, naming row and column', async () => {
    const rows = [HEADERS_IT, ...[700, 701, 702].map((i) => fixtureRow(fixtureWorker(i)))];
    rows[2]![1] = 'Emanuele '.repeat(230_000).trim(); // row 3, column «Nome»: about 2 MB
    const csv = Buffer.from(toCsv(rows), 'utf8');
    expect(csv.length).toBeGreaterThan(2_000_000);

    // A health check sent while the upload is being read is answered before the upload ends.
    let uploadEnded = false;
    const uploading = upload(coordinator, csv, 'elenco-cella-lunga.csv').then((res) => {
      uploadEnded = true;
      return res;
    });
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(uploadEnded).toBe(false);
    const uploaded = await uploading;
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const job = uploaded.json();
    // The column's sample values never carry the long cell.
    expect(JSON.stringify(job.columns).length).toBeLessThan(10_000);

    const checked = await dryRunAndWait(coordinator, job.id, { createCompanies: true });
    expect(checked).toMatchObject({ status: 'validated', totalRows: 3, counts: { error: 1 } });
    const refused = (await coordinator.get(`/api/v1/imports/${job.id}/rows?outcome=error`)).json();
    expect(refused.items).toEqual([
      expect.objectContaining({
        rowNumber: 3,
        errors: [
          {
            field: 'firstName',
            code: 'CELL_TOO_LONG',
            message: 'Riga 3, colonna «Nome» (2ª): la cella ha 2.069.999 caratteri, oltre il limite di 10.000; la riga non è stata letta.',
          },
        ],
      }),
    ]);

    // The other rows are applied as usual; the refused one writes nothing.
    expect((await coordinator.post(`/api/v1/imports/${job.id}/apply`, { validOnly: true })).statusCode).toBe(202);
    expect(await settle(coordinator, job.id)).toMatchObject({ status: 'applied', counts: { error: 1 } });
    const written = await t.database.db
      .selectFrom('workers')
      .select('codice_fiscale')
      .where(
        'codice_fiscale',
        'in',
        [700, 701, 702].map((i) => fixtureWorker(i).codiceFiscale),
      )
      .execute();
    expect(written.map((w) => w.codice_fiscale).sort()).toEqual(
      [fixtureWorker(700).codiceFiscale, fixtureWorker(702).codiceFiscale].sort(),
    );
  });

  it('reads a list whose cells hold a NUL past the first 4 KB or a lone surrogate: those rows are refused, never a 500', async () => {
    // What the API fuzz once sent (5–6 KB bodies): the NUL was past the part that tells a text
    // file from a binary one, went into the columns' sample values, and the database refused it.
    const rows = [HEADERS_IT, ...[710, 711, 712, 713].map((i) => fixtureRow(fixtureWorker(i)))];
    rows[1]![7] = `${'x'.repeat(4500)}@esempio.it`;
    rows[3]![1] = 'Carmela\u0000';
    const csv = Buffer.from(toCsv(rows), 'utf8');
    expect(csv.indexOf(0)).toBeGreaterThan(4096);
    const uploaded = await upload(coordinator, csv, 'elenco-nul.csv');
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const checked = await dryRunAndWait(coordinator, uploaded.json().id, { createCompanies: true });
    expect(checked.status).toBe('validated');
    const refused = (await coordinator.get(`/api/v1/imports/${uploaded.json().id}/rows?outcome=error`)).json();
    expect(refused.items.map((r: { rowNumber: number }) => r.rowNumber)).toContain(4);

    const sheet = [HEADERS_IT, ...[714, 715].map((i) => fixtureRow(fixtureWorker(i)))];
    sheet[1]![0] = "D'Angelo \ud83d";
    const xlsx = await upload(coordinator, await toXlsx(sheet), 'elenco-surrogato.xlsx');
    expect(xlsx.statusCode, xlsx.body).toBe(201);
    expect(JSON.stringify(xlsx.json().columns)).not.toMatch(/\\ud83d/);
  });
});
