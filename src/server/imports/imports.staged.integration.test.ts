import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditRepository, createAuditService } from '../audit/index.js';
import type { Database } from '../db/database.js';
import { seedDemo } from '../demo/seed-demo.js';
import { createTestDatabase } from '../../../tests/helpers/test-database.js';
import { eligibleList, tableOf, toCsvUtf8Bom, type ListOptions } from '../../../tests/fixtures/imports/eligible-list.js';
import { createImportService } from './imports.service.js';
import type { ImportDeps, ImportScope } from './imports.types.js';
import type { Progress } from './import-progress.js';
import { INTERRUPTED_MESSAGE, failInterruptedImports } from './import-recovery.js';

/**
 * The apply in short transactions (the default on PGlite, forced here on PostgreSQL too): a batch
 * that fails half-way leaves nothing applied, and other requests are served between two batches.
 */
let database: Database;
let scope: ImportScope;
const ctx = { actor: null, requestId: 'test', ip: '' };

function serviceWith(extra: Partial<ImportDeps> = {}) {
  return createImportService({
    db: database.db,
    kind: database.kind,
    audit: createAuditService({ db: database.db, repository: createAuditRepository() }),
    clock: () => new Date(),
    applyBatchRows: 200,
    ...extra,
  });
}

const list = (options: ListOptions) =>
  eligibleList({ broken: false, duplicate: false, unregisteredEvery: 0, distinctBirthDates: true, ...options });

async function settle(service: ReturnType<typeof serviceWith>, id: string) {
  for (let i = 0; i < 600; i++) {
    const job = await service.get(ctx, scope, id);
    if (!['validating', 'applying'].includes(job.status)) return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the import did not finish');
}

async function counts() {
  const n = async (table: 'workers' | 'worker_events' | 'worker_phones' | 'companies' | 'cigs_cases') =>
    Number(
      (
        await database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    workers: await n('workers'),
    events: await n('worker_events'),
    phones: await n('worker_phones'),
    companies: await n('companies'),
    cases: await n('cigs_cases'),
  };
}

const recordsOf = (codes: string[]) =>
  database.db
    .selectFrom('workers')
    .select([
      'codice_fiscale',
      'first_name',
      'last_name',
      'email',
      'phone',
      'address',
      'cigs_case_id',
      'cigs_end_date',
      'effective_cigs_end',
    ])
    .where('codice_fiscale', 'in', codes)
    .orderBy('codice_fiscale')
    .execute();

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database);
  const office = await database.db
    .selectFrom('offices')
    .select(['id', 'network_id'])
    .where('code', '=', 'CPI-SA')
    .executeTakeFirstOrThrow();
  scope = { networkId: office.network_id, officeId: office.id, userId: null, acrossNetwork: true };
});
afterAll(() => database.close());

describe('an apply in short transactions', () => {
  it('that fails in its fourth batch leaves nothing applied, the job failed with a clear message, and can be run again', async () => {
    const service = serviceWith({ applyMode: 'staged' });
    // 300 workers already known (from an INPS list: no e-mail), then a company list of 1,000:
    // the first 300 get their e-mail (updates), 700 are new; companies and CIGS cases are created.
    const known = list({ rows: 300, layout: 'inps', from: 40_000 });
    const first = await service.upload(ctx, scope, { fileName: 'inps.csv', bytes: toCsvUtf8Bom(tableOf(known)) });
    await service.dryRun(ctx, scope, first.id, { createCompanies: true });
    expect(await service.apply(ctx, scope, first.id)).toMatchObject({ status: 'applied', counts: { new: 300 } });

    const before = await counts();
    const knownCodes = known.rows.map((r) => r.codiceFiscale);
    const knownBefore = await recordsOf(knownCodes);
    const bigger = list({ rows: 1000, layout: 'company', from: 40_000 });
    const job = await service.upload(ctx, scope, { fileName: 'azienda.csv', bytes: toCsvUtf8Bom(tableOf(bigger)) });
    const checked = await service.dryRun(ctx, scope, job.id, { createCompanies: true });
    expect(checked.counts).toMatchObject({ new: 700, error: 0 });
    expect(checked.counts.update).toBeGreaterThan(100);

    // Row 700 (the fourth batch of 200) holds a date the database refuses: batches 1–3 are written first.
    await sql`update import_rows set data = jsonb_set(data, '{birthDate}', '"1980-02-31"')
      where job_id = ${job.id} and row_number = 700`.execute(database.db);
    await service.startApply(ctx, scope, job.id);
    const failed = await settle(service, job.id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toBe(
      'L’importazione non è stata applicata: la scrittura si è interrotta per un errore e quanto già scritto è stato annullato. Nessun dato è stato applicato; avviare di nuovo la verifica.',
    );
    expect(await counts()).toEqual(before);
    expect(await recordsOf(knownCodes)).toEqual(knownBefore);
    expect(await recordsOf(bigger.rows.slice(300).map((r) => r.codiceFiscale))).toEqual([]);

    // Checked again (the rows are read anew from the file), it applies whole.
    expect((await service.dryRun(ctx, scope, job.id, { createCompanies: true })).status).toBe('validated');
    expect(await service.apply(ctx, scope, job.id)).toMatchObject({ status: 'applied', counts: { new: 700, error: 0 } });
    const after = await counts();
    expect(after.workers).toBe(before.workers + 700);
    const updated = await recordsOf(knownCodes);
    expect(updated.filter((w) => w.email !== null).length).toBeGreaterThan(100);
    // A loaded two-core machine runs this (three imports of up to 1,000 rows, on PGlite) in up to 30 s.
  }, 120_000);

  it('lets another request through while it runs (the database default: PGlite in steps, PostgreSQL in one transaction)', async () => {
    let seen: Promise<string> | undefined;
    const service = serviceWith({
      onProgress: (jobId: string, p: Progress) => {
        // Once the first batch is written, another user's request reads the database: it is
        // answered while the import is still applying, not after it.
        if (p.phase === 'applying' && p.processed >= 200 && !seen) {
          seen = database.db
            .selectFrom('import_jobs')
            .select('status')
            .where('id', '=', jobId)
            .executeTakeFirstOrThrow()
            .then((j) => j.status);
        }
      },
    });
    const job = await service.upload(ctx, scope, {
      fileName: 'altro.csv',
      bytes: toCsvUtf8Bom(tableOf(list({ rows: 1000, from: 60_000 }))),
    });
    await service.dryRun(ctx, scope, job.id, { createCompanies: true });
    const applied = await service.apply(ctx, scope, job.id);
    expect(applied).toMatchObject({ status: 'applied', counts: { new: 1000 } });
    expect(seen).toBeDefined();
    expect(await seen).toBe('applying');
  });

  it('answers a request of several queries between two of its batches, not one query per batch', async () => {
    // PGlite: a request's queries used to queue one by one behind the apply's transactions, so a
    // page of four queries waited four batches (and a 100,000-row apply held reads for 48 s).
    let batches = 0;
    let due = false;
    const service = serviceWith({
      applyMode: 'staged',
      applyBatchRows: 50,
      onProgress: (_id: string, p: Progress) => {
        if (p.phase !== 'applying' || p.processed === 0) return;
        batches++;
        if (batches === 2) due = true;
      },
    });
    const job = await service.upload(ctx, scope, {
      fileName: 'elenco-pagina.csv',
      bytes: toCsvUtf8Bom(tableOf(list({ rows: 1000, from: 160_000 }))),
    });
    await service.dryRun(ctx, scope, job.id, { createCompanies: true });
    let waited: Promise<number> | undefined;
    // Another user's page, sent from outside the import (its own request), once two batches are in.
    const watcher = setInterval(() => {
      if (!due || waited) return;
      const from = batches;
      // Between two queries a request's handler lets a timer or I/O go by (the audit's group commit).
      const gap = () => new Promise((r) => setTimeout(r, 1));
      waited = (async () => {
        const office = await database.db.selectFrom('offices').select('id').where('code', '=', 'CPI-SA').executeTakeFirstOrThrow();
        await gap();
        await database.db.selectFrom('workers').select('id').where('office_id', '=', office.id).limit(25).execute();
        await gap();
        await database.db.selectFrom('import_jobs').select('status').where('id', '=', job.id).execute();
        await gap();
        await database.db.selectFrom('worker_events').select('id').limit(5).execute();
        return batches - from;
      })();
    }, 1);
    await service.startApply(ctx, scope, job.id);
    const applied = await settle(service, job.id).finally(() => clearInterval(watcher));
    expect(applied).toMatchObject({ status: 'applied', counts: { new: 1000 } });
    expect(waited).toBeDefined();
    expect(await waited).toBeLessThanOrEqual(1);
  }, 120_000);

  it('checks a list of 10,000 rows in slices of a few milliseconds: a timer due meanwhile fires every few milliseconds, not once per thousand rows', async () => {
    // What another user's request waits for while a coordinator checks a big list: a turn of the
    // server's event loop. A timer set to fire every millisecond fires once per turn; counted while
    // the rows are checked and compared, it shows how often the check lets others in. Before the
    // checks ran in time slices they gave a turn once per thousand rows (about 0.1–0.5 s of work,
    // depending on the machine and its load), and none while comparing the rows with the records.
    const service = serviceWith({ applyBatchRows: undefined });
    const rows = 10_000;
    const job = await service.upload(ctx, scope, {
      fileName: 'elenco-grande.csv',
      bytes: toCsvUtf8Bom(tableOf(list({ rows, layout: 'company', from: 120_000 }))),
    });
    let ticks = 0;
    let window: { from: number; to?: number; ticksFrom: number; ticksTo?: number } | undefined;
    const timer = setInterval(() => ticks++, 1);
    const checking = serviceWith({
      applyBatchRows: undefined,
      onProgress: (_id: string, p: Progress) => {
        if (p.phase !== 'validating') return;
        if (!window) window = { from: performance.now(), ticksFrom: ticks };
        else if (p.processed === p.total && window.to === undefined) Object.assign(window, { to: performance.now(), ticksTo: ticks });
      },
    });
    const checked = await checking.dryRun(ctx, scope, job.id, { createCompanies: true }).finally(() => clearInterval(timer));
    expect(checked).toMatchObject({ status: 'validated', counts: { new: rows, error: 0 } });
    const { from, to, ticksFrom, ticksTo } = window!;
    const turns = ticksTo! - ticksFrom;
    const seconds = (to! - from) / 1000;
    // A slice lasts 15 ms: at least one turn per 50 ms of checking, whatever the speed of the machine.
    expect(turns).toBeGreaterThanOrEqual(Math.floor(seconds * 20));
  }, 120_000);

  it('stopped before its switch (the server died), is undone at the next start and marked failed', async () => {
    const service = serviceWith({ applyMode: 'staged' });
    const known = list({ rows: 200, layout: 'inps', from: 80_000 });
    const first = await service.upload(ctx, scope, { fileName: 'inps-2.csv', bytes: toCsvUtf8Bom(tableOf(known)) });
    await service.dryRun(ctx, scope, first.id, { createCompanies: true });
    await service.apply(ctx, scope, first.id);
    const before = await counts();
    const knownCodes = known.rows.map((r) => r.codiceFiscale);
    const knownBefore = await recordsOf(knownCodes);

    const bigger = list({ rows: 400, layout: 'company', from: 80_000 });
    const job = await service.upload(ctx, scope, { fileName: 'azienda-2.csv', bytes: toCsvUtf8Bom(tableOf(bigger)) });
    await service.dryRun(ctx, scope, job.id, { createCompanies: true });
    await service.apply(ctx, scope, job.id);
    expect((await counts()).workers).toBe(before.workers + 200);
    // What a stop just before the switch leaves: every batch written and recorded, the job still applying.
    await sql`update import_jobs set status = 'applying', applied_at = null, apply_log = '{"staged": true}'::jsonb where id = ${job.id}`.execute(
      database.db,
    );

    // On PostgreSQL another instance may be running it: only a job whose progress stopped long ago is orphaned.
    const restart = database.kind === 'pglite' ? new Date() : new Date(Date.now() + 11 * 60_000);
    expect(await failInterruptedImports(database, restart)).toBe(1);
    expect(await counts()).toEqual(before);
    expect(await recordsOf(knownCodes)).toEqual(knownBefore);
    expect(await service.get(ctx, scope, job.id)).toMatchObject({ status: 'failed', error: INTERRUPTED_MESSAGE });
  });
});
