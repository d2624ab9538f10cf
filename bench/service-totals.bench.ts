// The funder's totals of delivered services over 200,000 records on PostgreSQL (target p50 ≤ 200 ms):
// services' serviceTotals grouped by office, consultant, programme and worker over a year (all
// 200,000 records: one scan reducing them to one row per group, code and worker, then each
// level counted from those rows), one office over a quarter, and the reports domain's view
// (the groups named through the owners' batch lookups, sorted by name) by office and by worker
// (20,000 names); p50/p95 over 30 runs. Baseline in the same run: a bare count of the same
// records; each line gives its p50 as a multiple of the baseline's, the figure to compare across
// runs on this shared machine. Creates its own database (BENCH_PG_ADMIN_URL, default
// postgres://postgres@127.0.0.1:5432/postgres) and drops it after.
// Run: npx tsx bench/service-totals.bench.ts   (RECORDS=… WORKERS=… to scale)
import { sql } from 'kysely';
import { openDatabase } from '../src/server/db/database.js';
import { migrate } from '../src/server/db/migrate.js';
import { createReportsRepository } from '../src/server/reports/reports.repository.js';
import { serviceTotals, type TotalsGroupBy } from '../src/server/services/index.js';

const RECORDS = Number(process.env.RECORDS ?? 200_000);
const WORKERS = Number(process.env.WORKERS ?? 20_000);
const RUNS = 30;
const adminUrl = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
// KEEP_DB=1 keeps the database (its name is printed); REUSE_DB=<name> measures on it again.
const reuse = process.env.REUSE_DB;
const name = reuse ?? `rc_services_bench_${process.pid}`;

const admin = await openDatabase({ url: adminUrl, poolSize: 1 });
if (!reuse) await admin.execScript(`create database ${name}`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const database = await openDatabase({ url: url.toString(), poolSize: 4 });
const { db } = database;

async function seed() {
  await migrate(database);
  const network = (
    await db.insertInto('networks').values({ code: 'MO', name: 'Provincia di Modena' }).returning('id').executeTakeFirstOrThrow()
  ).id;
  await sql`insert into offices (network_id, code, name, comune, province, opening_hours)
    select ${network}, 'CPI-' || g, 'Centro per l’impiego ' || g, 'Comune ' || g, 'MO', '[]' from generate_series(1, 7) g`.execute(db);
  await sql`insert into staff_users (email, full_name) select 'operatore' || g || '@bench.example', 'Operatore ' || g from generate_series(1, 40) g`.execute(
    db,
  );
  await sql`insert into programmes (network_id, code, name, starts_on, capacity)
    select ${network}, 'P-' || g, 'Programma ' || g, '2025-01-01', 10000 from generate_series(1, 3) g`.execute(db);
  await sql`insert into workers (network_id, office_id, first_name, last_name, search_name)
    select ${network}, o.ids[1 + g % 7], 'Nome' || g, 'Cognome' || g, 'cognome' || g || ' nome' || g
    from generate_series(1, ${WORKERS}) g, (select array_agg(id order by code) ids from offices) o`.execute(db);
  // 200,000 services over 2026: the worker's office, one of 40 consultants, one of 3 programmes or none.
  await sql`insert into service_records (network_id, office_id, worker_id, programme_id, staff_id, service_code, delivery, delivered_on, minutes, source_type)
    select ${network}, w.office_id, w.id,
      case when g % 10 = 0 then null else p.ids[1 + g % 3] end, s.ids[1 + g % 40],
      (array['first_interview','orientation','cv_support','interview_coaching','contract_assistance','follow_up','group_workshop','training'])[1 + g % 8],
      case when g % 8 = 6 then 'group' else 'individual' end,
      date '2026-01-01' + (g % 365), 15 + (g % 12) * 15, 'manual'
    from generate_series(1, ${RECORDS}) g
    join (select id, office_id, row_number() over (order by id) rn from workers) w on w.rn = 1 + g % ${WORKERS},
      (select array_agg(id order by code) ids from programmes) p,
      (select array_agg(id order by email) ids from staff_users) s`.execute(db);
}

let baselineP50 = 0;
async function measure(label: string, run: () => Promise<unknown>) {
  await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
  baselineP50 ||= Number(p(0.5));
  const ratio = (Number(p(0.5)) / baselineP50).toFixed(1);
  console.log(`${label.padEnd(46)} p50 ${p(0.5).padStart(7)} ms   p95 ${p(0.95).padStart(7)} ms   p50 ${ratio.padStart(4)}× the baseline`);
  return Number(p(0.95));
}

try {
  const t0 = performance.now();
  if (!reuse) await seed();
  const network = (await db.selectFrom('networks').select('id').executeTakeFirstOrThrow()).id;
  console.log(
    `${RECORDS.toLocaleString('en')} services of ${WORKERS.toLocaleString('en')} workers ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  await sql`analyze`.execute(db);

  const year = { networkId: network, officeIds: null, from: '2026-01-01', to: '2026-12-31' };
  const baseline = await measure('baseline: bare count over the year', () =>
    db
      .selectFrom('service_records')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('network_id', '=', network)
      .where('delivered_on', '>=', year.from)
      .where('delivered_on', '<=', year.to)
      .executeTakeFirstOrThrow(),
  );
  const figures: Record<string, number> = {};
  for (const groupBy of ['office', 'consultant', 'programme', 'worker'] as TotalsGroupBy[]) {
    figures[groupBy] = await measure(`serviceTotals by ${groupBy}, a year`, () => serviceTotals(db, { ...year, groupBy }));
  }
  figures.quarterOffice = await measure('serviceTotals by office, one quarter, one office', async () => {
    const office = await db.selectFrom('offices').select('id').where('code', '=', 'CPI-1').executeTakeFirstOrThrow();
    return serviceTotals(db, { ...year, officeIds: [office.id], from: '2026-01-01', to: '2026-03-31', groupBy: 'office' });
  });
  const reports = createReportsRepository();
  figures.viewOffice = await measure('reports view (named) by office, a year', () =>
    reports.serviceTotals(db, { ...year, groupBy: 'office' }),
  );
  figures.viewWorker = await measure('reports view (named) by worker, a year', () =>
    reports.serviceTotals(db, { ...year, groupBy: 'worker' }),
  );
  const worst = Math.max(...Object.values(figures));
  console.log(
    `worst p95 ${worst.toFixed(1)} ms (target ≤ 200 ms): ${worst <= 200 ? 'met' : 'NOT met'}; ${(worst / baseline).toFixed(1)}× the bare count`,
  );
} finally {
  await database.close();
  if (process.env.KEEP_DB || reuse) console.log(`database kept: REUSE_DB=${name}`);
  else await admin.execScript(`drop database if exists ${name}`);
  await admin.close();
}
