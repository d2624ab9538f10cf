import { normalisePhoneNumber } from '../../shared/identity/phone.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditRepository } from '../audit/index.js';
import { createAuditService } from '../audit/index.js';
import type { Database } from '../db/database.js';
import { createTestDatabase } from '../../../tests/helpers/test-database.js';
import { fixtureRow, fixtureWorker, HEADERS_IT, toCsv, toWindows1252, toXlsx } from '../../../tests/fixtures/imports/worker-fixtures.js';
import { createImportService } from './imports.service.js';
import type { ImportScope } from './imports.types.js';
import { INTERRUPTED_MESSAGE, ORPHANED_AFTER_MS, failInterruptedImports } from './import-recovery.js';

let database: Database;
let scope: ImportScope;
let service: ReturnType<typeof createImportService>;
const ctx = { actor: null, requestId: 'test', ip: '' };
// Without company columns: this test is about workers; companies are covered by the e2e test.
const headers = HEADERS_IT.slice(0, 8);
const rowOf = (i: number) => fixtureRow(fixtureWorker(1000 + i)).slice(0, 8);
const count = async (table: 'workers' | 'worker_events') =>
  Number(
    (
      await database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  const office = await database.db
    .selectFrom('offices')
    .select(['id', 'network_id'])
    .where('code', '=', 'CPI-SA')
    .executeTakeFirstOrThrow();
  scope = { networkId: office.network_id, officeId: office.id, userId: null, acrossNetwork: true };
  service = createImportService({
    db: database.db,
    kind: database.kind,
    audit: createAuditService({ db: database.db, repository: createAuditRepository() }),
    clock: () => new Date(),
  });
});
afterAll(() => database.close());

describe('importing workers into the database', () => {
  it('writes nothing from a file with 10 % broken rows, and says which rows and fields are wrong', async () => {
    const rows = Array.from({ length: 100 }, (_, i) => rowOf(i));
    for (let i = 0; i < 100; i += 10) {
      if (i % 20 === 0)
        rows[i]![2] = rows[i]![2]!.slice(0, 15) + 'Z'; // check character
      else rows[i]![6] = '12345'; // phone too short
    }
    const before = await count('workers');
    const job = await service.upload(ctx, scope, { fileName: 'rotto.csv', bytes: toWindows1252(toCsv([headers, ...rows])) });
    const checked = await service.dryRun(ctx, scope, job.id, { createCompanies: false });
    expect(checked.counts).toMatchObject({ new: 90, error: 10 });
    const errors = await service.rows(ctx, scope, job.id, { outcome: 'error', page: 1, pageSize: 50 });
    expect(errors.items.map((r) => r.rowNumber)).toEqual([2, 12, 22, 32, 42, 52, 62, 72, 82, 92]);
    expect(errors.items[0]!.errors[0]).toMatchObject({
      field: 'codiceFiscale',
      message: expect.stringContaining('carattere di controllo'),
    });
    expect(errors.items[1]!.errors[0]).toMatchObject({ field: 'phone', message: expect.stringContaining('non è un numero valido') });
    await expect(service.apply(ctx, scope, job.id)).rejects.toMatchObject({ code: 'IMPORT_HAS_ROW_ERRORS' });
    expect(await count('workers')).toBe(before);
  });

  it('applies a Windows-1252 CSV, then reports the same people in an XLSX as unchanged and a changed phone as an update', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => rowOf(i));
    rows[1]![5] = 'Forlì'; // a comune written with an accent, in Windows-1252
    const csv = toWindows1252(toCsv([headers, ...rows]));
    const job = await service.upload(ctx, scope, { fileName: 'elenco-excel.csv', bytes: csv });
    expect(job.source).toMatchObject({ encoding: 'windows-1252', delimiter: ';' });
    const checked = await service.dryRun(ctx, scope, job.id, { createCompanies: false });
    expect(checked.counts).toMatchObject({ new: 30, error: 0 });
    const before = await count('workers');
    const applied = await service.apply(ctx, scope, job.id);
    expect(applied).toMatchObject({ status: 'applied', counts: { new: 30, update: 0, unchanged: 0 } });
    expect(await count('workers')).toBe(before + 30);
    const forli = await database.db
      .selectFrom('workers')
      .select(['residence_comune_code', 'office_id'])
      .where('codice_fiscale', '=', rowOf(1)[2]!)
      .executeTakeFirstOrThrow();
    expect(forli).toEqual({ residence_comune_code: '040012', office_id: scope.officeId });
    await expect(service.upload(ctx, scope, { fileName: 'di-nuovo.csv', bytes: csv })).rejects.toMatchObject({
      code: 'IMPORT_ALREADY_APPLIED',
    });

    const changed = rows.map((r) => [...r]);
    changed[2]![6] = '+39 347 555 1234';
    const xlsx = await service.upload(ctx, scope, { fileName: 'elenco.xlsx', bytes: await toXlsx([headers, ...changed]) });
    const second = await service.dryRun(ctx, scope, xlsx.id, { createCompanies: false });
    expect(second.counts).toMatchObject({ new: 0, update: 1, unchanged: 29, error: 0 });
    const events = await count('worker_events');
    const result = await service.apply(ctx, scope, xlsx.id);
    expect(result.counts).toMatchObject({ new: 0, update: 1, unchanged: 29 });
    expect(await count('worker_events')).toBe(events + 1);
    // The number the office uses stays on the record; the list's new one is kept beside it.
    const updated = await database.db
      .selectFrom('workers')
      .select(['id', 'phone'])
      .where('codice_fiscale', '=', rowOf(2)[2]!)
      .executeTakeFirstOrThrow();
    const onRecord = normalisePhoneNumber(rows[2]![6]!);
    expect(updated.phone).toBe(onRecord.valid ? onRecord.e164 : 'a valid number in the fixture');
    const kept = await database.db.selectFrom('worker_phones').select(['phone', 'source']).where('worker_id', '=', updated.id).execute();
    expect(kept).toEqual([{ phone: '+393475551234', source: 'import' }]);

    // The same list again, as a new file: nothing left to add, every worker unchanged.
    const again = await service.upload(ctx, scope, { fileName: 'elenco-bis.csv', bytes: toWindows1252(toCsv([headers, ...changed])) });
    const third = await service.dryRun(ctx, scope, again.id, { createCompanies: false });
    expect(third.counts).toMatchObject({ new: 0, update: 0, unchanged: 30, error: 0 });
  });
});

describe('an import interrupted by a server stop', () => {
  it('is marked failed at the next start, keeps its file, and can be checked and applied again', async () => {
    const rows = Array.from({ length: 5 }, (_, i) => rowOf(500 + i));
    const job = await service.upload(ctx, scope, { fileName: 'interrotto.csv', bytes: Buffer.from(toCsv([headers, ...rows])) });
    const longAgo = new Date(Date.now() - ORPHANED_AFTER_MS - 60_000);
    // As a server that stopped half-way through would have left it.
    await database.db
      .updateTable('import_jobs')
      .set({ status: 'applying', phase: 'applying', updated_at: longAgo })
      .where('id', '=', job.id)
      .execute();
    const recent = await service.upload(ctx, scope, { fileName: 'in-corso.csv', bytes: Buffer.from(toCsv([headers, rowOf(600)])) });
    await database.db
      .updateTable('import_jobs')
      .set({ status: 'validating', phase: 'validating', updated_at: new Date() })
      .where('id', '=', recent.id)
      .execute();

    const recovered = await failInterruptedImports(database);
    const after = await service.get(ctx, scope, job.id);
    expect(after).toMatchObject({ status: 'failed', error: INTERRUPTED_MESSAGE });
    // On PostgreSQL another instance may be running the recent one; on PGlite nothing else can.
    const other = await service.get(ctx, scope, recent.id);
    expect(other.status).toBe(database.kind === 'postgres' ? 'validating' : 'failed');
    expect(recovered).toBe(database.kind === 'postgres' ? 1 : 2);

    const checked = await service.dryRun(ctx, scope, job.id, { createCompanies: false });
    expect(checked.counts).toMatchObject({ new: 5, error: 0 });
    expect(await service.apply(ctx, scope, job.id)).toMatchObject({ status: 'applied' });
  });
});
