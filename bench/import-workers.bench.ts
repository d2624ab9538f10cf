// Bulk import of eligible workers: 100,000 rows from XLSX, upload → dry run → apply (all or nothing).
// Target: ≤ 30 s in total on PostgreSQL on the 2-core reference machine; PGlite reported too.
// PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres): a fresh
// database is created and dropped. BENCH_ROWS changes the size; BENCH_SKIP_PGLITE=1 skips PGlite.
import { writeFileSync, readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { createAuditRepository } from '../src/server/audit/audit.repository.js';
import { createAuditService } from '../src/server/audit/audit.service.js';
import { openDatabase, type Database } from '../src/server/db/database.js';
import { migrate } from '../src/server/db/migrate.js';
import { seedDemo } from '../src/server/demo/seed-demo.js';
import { createImportService } from '../src/server/imports/imports.service.js';
import { createProgressPrinter } from '../src/server/imports/progress-bar.js';
import { computeCodiceFiscale } from '../src/shared/identity/codice-fiscale.js';
import { FIXTURE_COMPANIES, HEADERS_IT, MODENA_COMUNI } from '../tests/fixtures/imports/worker-fixtures.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const SURNAMES = [
  'Rossi',
  'Bianchi',
  'Ferrari',
  'Esposito',
  'Romano',
  'Colombo',
  'Ricci',
  'Marino',
  'Greco',
  'Bruno',
  'Gallo',
  'Conti',
  'Mancini',
  'Costa',
  'Giordano',
  'Rizzo',
  'Lombardi',
  'Moretti',
  'Barbieri',
  'Fontana',
  'Santoro',
  'Mariani',
  'Rinaldi',
  'Caruso',
  'Ferrara',
  'Galli',
  'Martini',
  'Leone',
  'Longo',
  'Gentile',
  'Martinelli',
  'Vitale',
  'Lombardo',
  'Serra',
  'Coppola',
  'De Santis',
  'Marchetti',
  'Parisi',
  'Villa',
  'Conte',
];
const MALE = [
  'Marco',
  'Luca',
  'Giuseppe',
  'Andrea',
  'Francesco',
  'Alessandro',
  'Matteo',
  'Davide',
  'Stefano',
  'Paolo',
  'Simone',
  'Roberto',
  'Antonio',
  'Giovanni',
  'Fabio',
  'Massimo',
];
const FEMALE = [
  'Giulia',
  'Francesca',
  'Chiara',
  'Sara',
  'Elena',
  'Valentina',
  'Martina',
  'Anna',
  'Laura',
  'Federica',
  'Silvia',
  'Lucia',
  'Paola',
  'Roberta',
  'Monica',
  'Alessia',
];
const pad = (n: number) => String(n).padStart(2, '0');

/** A 100,000-row list like the ones INPS sends, with a date cell type for dates (as Excel writes them). */
async function generateXlsx(file: string) {
  let seed = 42;
  const rand = (n: number) => {
    // 32-bit LCG in integer arithmetic (a float product would lose bits and fall into a short cycle)
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return (seed >>> 8) % n;
  };
  const seen = new Set<string>();
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: true });
  const sheet = writer.addWorksheet('Lavoratori');
  sheet.addRow(HEADERS_IT).commit();
  for (let i = 0; i < ROWS;) {
    const female = rand(2) === 1;
    const first = (female ? FEMALE : MALE)[rand(16)]!;
    const last = SURNAMES[rand(SURNAMES.length)]!;
    const birth = new Date(Date.UTC(1960 + rand(45), rand(12), 1 + rand(28)));
    const [comune, , cadastral] = MODENA_COMUNI[rand(MODENA_COMUNI.length)]!;
    const birthIso = birth.toISOString().slice(0, 10);
    const cf = computeCodiceFiscale({
      surname: last,
      name: first,
      birthDate: birthIso,
      sex: female ? 'F' : 'M',
      birthPlaceCadastralCode: cadastral,
    });
    if (seen.has(cf)) continue;
    seen.add(cf);
    const company = FIXTURE_COMPANIES[i % FIXTURE_COMPANIES.length]!;
    sheet
      .addRow([
        last.toUpperCase(),
        first.toUpperCase(),
        cf,
        birth,
        female ? 'F' : 'M',
        comune,
        `33${rand(10)} ${1000000 + rand(8999999)}`,
        `w${i}@esempio.it`,
        company.name,
        company.vat,
        '01/03/2026',
        `${pad(1 + rand(28))}/${pad(1 + rand(12))}/2027`,
        'Cessazione attività',
      ])
      .commit();
    i++;
  }
  sheet.commit();
  await writer.commit();
}

async function run(label: string, database: Database, bytes: Buffer) {
  await migrate(database);
  await seedDemo(database);
  const network = await database.db.selectFrom('networks').select('id').executeTakeFirstOrThrow();
  const office = await database.db.selectFrom('offices').select('id').where('code', '=', 'CPI-MO').executeTakeFirstOrThrow();
  for (const c of FIXTURE_COMPANIES) {
    const company = await database.db
      .insertInto('companies')
      .values({ network_id: network.id, name: c.name, vat_number: c.vat, tax_code: c.vat })
      .returning('id')
      .executeTakeFirstOrThrow();
    await database.db
      .insertInto('cigs_cases')
      .values({ company_id: company.id, reason: 'cessazione_attivita', start_date: '2026-01-01', end_date: '2027-12-31' })
      .execute();
  }
  const printer = createProgressPrinter(process.stdout);
  const audit = createAuditService({ db: database.db, repository: createAuditRepository() });
  const service = createImportService({
    db: database.db,
    kind: database.kind,
    audit,
    clock: () => new Date(),
    onProgress: (_id, p) => printer.update(p),
  });
  const scope = { networkId: network.id, officeId: office.id, userId: null, acrossNetwork: true };
  const ctx = { actor: null, requestId: 'bench', ip: '' };

  const t0 = performance.now();
  const uploaded = await service.upload(ctx, scope, { fileName: 'bench.xlsx', bytes });
  const t1 = performance.now();
  const checked = await service.dryRun(ctx, scope, uploaded.id, { createCompanies: false });
  printer.end();
  const t2 = performance.now();
  if (checked.counts.error > 0)
    throw new Error(
      `${checked.counts.error} rows with errors: ${JSON.stringify((await service.rows(ctx, scope, uploaded.id, { outcome: 'error', page: 1, pageSize: 3 })).items)}`,
    );
  const applied = await service.apply(ctx, scope, uploaded.id);
  printer.end();
  const t3 = performance.now();
  const workers = await database.db
    .selectFrom('workers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const total = (t3 - t0) / 1000;
  console.log(
    `${label.padEnd(10)} ${ROWS.toLocaleString('en')} rows in ${total.toFixed(1)} s = ${Math.round(ROWS / total).toLocaleString('en')} rows/s ` +
      `(upload ${((t1 - t0) / 1000).toFixed(1)} s, dry run ${((t2 - t1) / 1000).toFixed(1)} s, apply ${((t3 - t2) / 1000).toFixed(1)} s; ` +
      `${applied.counts.new} created, ${Number(workers.n)} workers in the table) — target ≤ 30 s on PostgreSQL: ${label === 'PostgreSQL' ? (total <= 30 ? 'met' : 'NOT met') : 'n/a'}`,
  );
}

const dir = mkdtempSync(join(tmpdir(), 'ricolloca-bench-import-'));
const file = join(dir, 'workers.xlsx');
const g0 = performance.now();
await generateXlsx(file);
const bytes = readFileSync(file);
console.log(
  `generated ${ROWS.toLocaleString('en')} rows, ${(bytes.length / 1e6).toFixed(1)} MB XLSX in ${((performance.now() - g0) / 1000).toFixed(1)} s`,
);

const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `rc_bench_import_${process.pid}`;
try {
  const admin = await openDatabase({ url: adminUrl, poolSize: 1 });
  await admin.execScript(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 5 });
  try {
    await run('PostgreSQL', database, bytes);
  } finally {
    await database.close();
    await admin.execScript(`drop database if exists ${name} with (force)`);
    await admin.close();
  }
} catch (err) {
  console.log(`PostgreSQL not measured: ${err instanceof Error ? err.message : String(err)}`);
}
if (!process.env.BENCH_SKIP_PGLITE) {
  const lite = await openDatabase({ memory: true });
  try {
    await run('PGlite', lite, bytes);
  } finally {
    await lite.close();
  }
}
writeFileSync(join(dir, 'done'), '');
rmSync(dir, { recursive: true, force: true });
