import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditRepository, createAuditService } from '../audit/index.js';
import type { Database } from '../db/database.js';
import { searchNameOf } from '../people/index.js';
import { checkEligibility } from '../programmes/index.js';
import { createTestDatabase } from '../../../tests/helpers/test-database.js';
import {
  LIST_COMPANIES,
  eligibleList,
  tableOf,
  toCsvUtf8Bom,
  toCsvWindows1252,
  toXlsxFile,
} from '../../../tests/fixtures/imports/eligible-list.js';
import { purgeExpiredImports } from './import-retention.js';
import { createImportService } from './imports.service.js';
import type { ImportScope } from './imports.types.js';

let database: Database;
let scope: ImportScope;
let now = new Date('2026-12-01T09:00:00Z');
let service: ReturnType<typeof createImportService>;
let programmeId: string;
let secchiaCaseId: string;
let maglificioId: string;
const ctx = { actor: null, requestId: 'test', ip: '' };
const DAY = 86_400_000;

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  const office = await database.db
    .selectFrom('offices')
    .select(['id', 'network_id'])
    .where('code', '=', 'CPI-MO')
    .executeTakeFirstOrThrow();
  scope = { networkId: office.network_id, officeId: office.id, userId: null, acrossNetwork: true };
  service = createImportService({
    db: database.db,
    kind: database.kind,
    audit: createAuditService({ db: database.db, repository: createAuditRepository() }),
    clock: () => now,
  });
  programmeId = (await database.db.selectFrom('programmes').select('id').where('code', '=', 'RIC-CIGS-MO').executeTakeFirstOrThrow()).id;
  // Ceramiche Secchia is registered with its CIGS case; the Maglificio is registered without one.
  const [secchia, maglificio] = LIST_COMPANIES.registered;
  const s = await database.db
    .insertInto('companies')
    .values({ network_id: scope.networkId, name: secchia.name, vat_number: secchia.vat, tax_code: secchia.vat })
    .returning('id')
    .executeTakeFirstOrThrow();
  secchiaCaseId = (
    await database.db
      .insertInto('cigs_cases')
      .values({ company_id: s.id, reason: 'cessazione_attivita', start_date: '2026-01-15', end_date: '2027-12-31' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  maglificioId = (
    await database.db
      .insertInto('companies')
      .values({ network_id: scope.networkId, name: maglificio.name, vat_number: maglificio.vat, tax_code: maglificio.vat })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => database.close());

const workerByCf = (cf: string) =>
  database.db
    .selectFrom('workers')
    .select([
      'id',
      'office_id',
      'cigs_case_id',
      'cigs_end_date',
      'effective_cigs_start',
      'effective_cigs_end',
      'search_name',
      'last_name',
      'first_name',
    ])
    .where('codice_fiscale', '=', cf)
    .executeTakeFirst();

describe('an eligible-worker list with 10 % broken rows, a duplicate and an unregistered company', () => {
  const list = eligibleList({ layout: 'company', today: '2026-12-01' });
  let jobId: string;

  it('is checked: one summary line for the unregistered company, the other rows with their own errors', async () => {
    const job = await service.upload(ctx, scope, { fileName: 'elenco-ceramiche.csv', bytes: toCsvWindows1252(tableOf(list)) });
    jobId = job.id;
    expect(job.warnings).toEqual({ unmappedColumns: [], missingCigsEnd: false });
    const checked = await service.dryRun(ctx, scope, job.id, { createCompanies: false });
    const unregistered = list.rows.filter((r) => r.company === LIST_COMPANIES.unregistered.name);
    expect(checked.counts).toMatchObject({ new: list.valid.length, error: list.rows.length - list.valid.length });
    expect(checked.notices).toEqual([
      {
        code: 'COMPANY_UNKNOWN',
        rows: unregistered.length,
        message: `1 azienda non registrata: Officine Dall’Olio S.n.c. (${unregistered.length} righe). Registrarle prima o scegliere «crea le aziende mancanti».`,
      },
    ]);
    await expect(service.apply(ctx, scope, job.id)).rejects.toMatchObject({ code: 'IMPORT_HAS_ROW_ERRORS' });
  });

  it('gives back the refused rows as CSV and XLSX with an error column, to send to the company', async () => {
    const csv = await service.refusedRows(ctx, scope, jobId, 'csv');
    expect(csv.fileName).toBe('elenco-ceramiche-righe-rifiutate.csv');
    const lines = csv.bytes
      .toString('utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(['Riga del file', ...list.headers, 'Errori'].join(';'));
    expect(lines).toHaveLength(1 + list.rows.length - list.valid.length);
    const impossible = list.rows.find((r) => r.broken === 'impossible-date')!;
    expect(lines.find((l) => l.startsWith(`${impossible.rowNumber};`))).toContain(
      'Data fine CIGS: «31/02/2026» non è una data valida (usare gg/mm/aaaa).',
    );
    const xlsx = await service.refusedRows(ctx, scope, jobId, 'xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(lines.length);
    expect(String(sheet.getRow(1).getCell(list.headers.length + 2).value)).toBe('Errori');
  });

  it('imports the valid rows only, each linked to its company and to a CIGS period from the file’s dates, eligible for the programme', async () => {
    const applied = await service.apply(ctx, scope, jobId, { validOnly: true });
    expect(applied).toMatchObject({
      status: 'applied',
      validOnly: true,
      counts: { new: list.valid.length, error: list.rows.length - list.valid.length },
    });
    const [secchia, maglificio] = LIST_COMPANIES.registered;
    // The Maglificio had no CIGS case: one is built from the earliest start and latest end of its rows.
    const cases = await database.db.selectFrom('cigs_cases').selectAll().where('company_id', '=', maglificioId).execute();
    const maglificioRows = list.valid.filter((r) => r.company === maglificio.name);
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({
      reason: 'concordato_senza_continuita',
      start_date: '2026-03-01',
      end_date: maglificioRows
        .map((r) => r.cigsEnd!)
        .sort()
        .at(-1),
      workers_involved: maglificioRows.length,
    });
    for (const row of list.valid) {
      const w = (await workerByCf(row.codiceFiscale))!;
      expect(w.cigs_case_id).toBe(row.company === secchia.name ? secchiaCaseId : cases[0]!.id);
      expect(w.effective_cigs_end).toBe(row.cigsEnd);
      expect(w.office_id).toBe(scope.officeId);
      expect(await checkEligibility(database.db, programmeId, w.id, '2026-12-01')).toEqual({ eligible: true, reasons: [] });
    }
    // The name search key is people's one definition: particles and apostrophes folded.
    const dallOlio = list.valid.find((r) => r.lastName === "Dall'Olio")!;
    expect((await workerByCf(dallOlio.codiceFiscale))!.search_name).toBe(searchNameOf(dallOlio.firstName, dallOlio.lastName));
    const rows = await service.rows(ctx, scope, jobId, { outcome: 'new', page: 1, pageSize: 200 });
    expect(rows.items.every((r) => r.workerId !== null)).toBe(true);
    expect(rows.items[0]!.workerId).toBe((await workerByCf(list.valid[0]!.codiceFiscale))!.id);
  });

  it('takes the CIGS end from the case for a list without its own end dates (the database fills effective_cigs_end)', async () => {
    const second = eligibleList({
      layout: 'inps',
      nameOrder: 'mixed',
      from: 300,
      rows: 12,
      broken: false,
      duplicate: false,
      unregisteredEvery: 0,
      withoutCigsEnd: true,
    });
    const job = await service.upload(ctx, scope, { fileName: 'elenco-inps.csv', bytes: toCsvUtf8Bom(tableOf(second)) });
    expect(job.warnings.missingCigsEnd).toBe(true);
    const checked = await service.dryRun(ctx, scope, job.id, { createCompanies: false });
    expect(checked.counts).toMatchObject({ new: 12, error: 0 });
    await service.apply(ctx, scope, job.id);
    const secchiaRow = second.rows.find((r) => r.company === LIST_COMPANIES.registered[0].name)!;
    const w = (await workerByCf(secchiaRow.codiceFiscale))!;
    expect(w).toMatchObject({
      cigs_case_id: secchiaCaseId,
      cigs_end_date: null,
      effective_cigs_start: '2026-01-15',
      effective_cigs_end: '2027-12-31',
    });
    // Names from one "COGNOME E NOME" column, in either order, land in their places.
    expect([w.last_name, w.first_name]).toEqual([secchiaRow.lastName, secchiaRow.firstName]);
  });
});

describe('the mapping of a file layout', () => {
  it('is remembered for the next upload with the same headers, in the same network', async () => {
    // A layout of its own: the company's usual columns and a notes column.
    const withNotes = (t: string[][]) => t.map((r, i) => [...r, i === 0 ? 'Note interne' : 'da richiamare']);
    const list = eligibleList({ from: 600, rows: 5, broken: false, duplicate: false, unregisteredEvery: 0 });
    const first = await service.upload(ctx, scope, { fileName: 'a.csv', bytes: toCsvUtf8Bom(withNotes(tableOf(list))) });
    expect(first.mappingSource).toBe('suggested');
    const chosen = { ...first.mapping };
    delete chosen['6']; // the operator leaves out the e-mail column
    await service.dryRun(ctx, scope, first.id, { mapping: chosen as Record<string, never>, createCompanies: false });
    const next = eligibleList({ from: 700, rows: 5, broken: false, duplicate: false, unregisteredEvery: 0 });
    const second = await service.upload(ctx, scope, { fileName: 'b.xlsx', bytes: await toXlsxFile(withNotes(tableOf(next))) });
    expect(second).toMatchObject({
      mappingSource: 'remembered',
      mapping: chosen,
      warnings: { unmappedColumns: ['E-mail', 'Note interne'] },
    });
  });
});

describe('the target office', () => {
  it('is the one chosen on the import page, among the offices the operator may import into', async () => {
    const sassuolo = await database.db.selectFrom('offices').select('id').where('code', '=', 'CPI-SA').executeTakeFirstOrThrow();
    const list = eligibleList({ from: 800, rows: 3, broken: false, duplicate: false, unregisteredEvery: 0 });
    const job = await service.upload(ctx, scope, { fileName: 'sassuolo.csv', bytes: toCsvUtf8Bom(tableOf(list)) });
    // Someone who works on their own office only cannot send workers to another one.
    await expect(
      service.dryRun(ctx, { ...scope, acrossNetwork: false }, job.id, { createCompanies: false, officeId: sassuolo.id }),
    ).rejects.toMatchObject({ code: 'IMPORT_OFFICE_NOT_ALLOWED' });
    expect((await service.offices({ ...scope, acrossNetwork: false })).items.map((o) => o.id)).toEqual([scope.officeId]);
    const checked = await service.dryRun(ctx, scope, job.id, { createCompanies: false, officeId: sassuolo.id });
    expect(checked.officeId).toBe(sassuolo.id);
    await service.apply(ctx, scope, job.id);
    expect((await workerByCf(list.rows[0]!.codiceFiscale))!.office_id).toBe(sassuolo.id);
  });
});

describe('"today" of an import is the calendar day in Rome', () => {
  it('links a list without dates, read at 23:30 UTC on 31 December, to the CIGS case that starts on 1 January', async () => {
    const company = await database.db
      .insertInto('companies')
      .values({ network_id: scope.networkId, name: 'Fonderia Benedetti S.r.l.' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await database.db
      .insertInto('cigs_cases')
      .values({ company_id: company.id, reason: 'cessazione_attivita', start_date: '2026-01-01', end_date: '2026-12-31' })
      .execute();
    const proroga = await database.db
      .insertInto('cigs_cases')
      .values({ company_id: company.id, reason: 'cessazione_attivita', start_date: '2027-01-01', end_date: '2027-12-31' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const list = eligibleList({ from: 900, rows: 2, broken: false, duplicate: false, unregisteredEvery: 0 });
    const table = [
      ['Cognome', 'Nome', 'Codice fiscale', 'Azienda'],
      ...list.rows.map((r) => [r.lastName, r.firstName, r.codiceFiscale, 'Fonderia Benedetti S.r.l.']),
    ];
    now = new Date('2026-12-31T23:30:00Z');
    try {
      const job = await service.upload(ctx, scope, { fileName: 'benedetti.csv', bytes: toCsvUtf8Bom(table) });
      await service.dryRun(ctx, scope, job.id, { createCompanies: false });
      await service.apply(ctx, scope, job.id);
    } finally {
      now = new Date('2026-12-01T09:00:00Z');
    }
    expect((await workerByCf(list.rows[0]!.codiceFiscale))!.cigs_case_id).toBe(proroga.id);
  });
});

describe('retention of the personal data of imports', () => {
  it('purges rows, file and samples after the network’s period (default 30 days), keeping outcomes, codes and worker ids', async () => {
    const list = eligibleList({ from: 1000, rows: 20 });
    now = new Date('2026-12-02T09:00:00Z');
    const job = await service.upload(ctx, scope, { fileName: 'da-conservare.csv', bytes: toCsvUtf8Bom(tableOf(list)) });
    await service.dryRun(ctx, scope, job.id, { createCompanies: false });
    await service.apply(ctx, scope, job.id, { validOnly: true });
    const errorsBefore = await service.rows(ctx, scope, job.id, { outcome: 'error', page: 1, pageSize: 50 });

    // 29 days later nothing goes; 31 days later the personal data goes.
    expect(await purgeExpiredImports(database.db, new Date(now.getTime() + 29 * DAY))).toBe(0);
    expect(await purgeExpiredImports(database.db, new Date(now.getTime() + 31 * DAY))).toBeGreaterThan(0);
    now = new Date(now.getTime() + 31 * DAY);
    try {
      const after = await service.get(ctx, scope, job.id);
      expect(after).toMatchObject({ purged: true, status: 'applied', counts: { new: list.valid.length } });
      expect(after.columns.every((c) => c.samples.length === 0)).toBe(true);
      const errors = await service.rows(ctx, scope, job.id, { outcome: 'error', page: 1, pageSize: 50 });
      expect(errors.items.map((r) => r.rowNumber)).toEqual(errorsBefore.items.map((r) => r.rowNumber));
      expect(errors.items.map((r) => r.errors.map((e) => e.code))).toEqual(errorsBefore.items.map((r) => r.errors.map((e) => e.code)));
      const cf = list.rows.find((r) => r.broken === 'cf-check-character')!.codiceFiscale;
      expect(JSON.stringify(errors.items)).not.toContain(cf);
      expect(errors.items.every((r) => r.label === '')).toBe(true);
      const stored = await database.db.selectFrom('import_rows').select(['data', 'worker_id']).where('job_id', '=', job.id).execute();
      expect(stored.every((r) => r.data === null)).toBe(true);
      expect(stored.filter((r) => r.worker_id !== null)).toHaveLength(list.valid.length);
      await expect(service.refusedRows(ctx, scope, job.id, 'csv')).rejects.toMatchObject({ code: 'IMPORT_PURGED' });
    } finally {
      now = new Date('2026-12-01T09:00:00Z');
    }
  });

  it('follows the period the network sets', async () => {
    const list = eligibleList({ from: 1100, rows: 3, broken: false, duplicate: false, unregisteredEvery: 0 });
    now = new Date('2026-12-05T09:00:00Z');
    const job = await service.upload(ctx, scope, { fileName: 'breve.csv', bytes: toCsvUtf8Bom(tableOf(list)) });
    now = new Date('2026-12-01T09:00:00Z');
    expect(await purgeExpiredImports(database.db, new Date('2026-12-13T09:00:00Z'))).toBe(0);
    await service.updateSettings(ctx, scope, 7);
    expect(await service.settings(scope)).toEqual({ retentionDays: 7 });
    await purgeExpiredImports(database.db, new Date('2026-12-13T09:00:00Z'));
    expect((await service.get(ctx, scope, job.id)).purged).toBe(true);
  });
});
