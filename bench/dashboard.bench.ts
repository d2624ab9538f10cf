// The coordinators' dashboard over 1,000,000 workers and ~100,000 enrollments on PostgreSQL:
// service time p50/p95 over 30 runs (target ≤ 300 ms). Creates its own database
// (BENCH_PG_ADMIN_URL, default postgres://postgres@127.0.0.1:5432/postgres) and drops it after.
// Run: node --import tsx bench/dashboard.bench.ts   (WORKERS=… ENROLLMENTS=… to scale)
import { sql } from 'kysely';
import { openDatabase } from '../src/server/db/database.js';
import { migrate } from '../src/server/db/migrate.js';
import { seedDemo } from '../src/server/demo/seed-demo.js';
import { createAuditRepository } from '../src/server/audit/audit.repository.js';
import { createAuditService } from '../src/server/audit/audit.service.js';
import { createReportsRepository } from '../src/server/reports/reports.repository.js';
import { createReportsService } from '../src/server/reports/reports.service.js';
import type { Actor } from '../src/server/auth/actor.js';

const WORKERS = Number(process.env.WORKERS ?? 1_000_000);
const ENROLLMENTS = Number(process.env.ENROLLMENTS ?? 100_000);
const RUNS = 30;
const adminUrl = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
// REUSE_DB=<name> runs the measurement on a database kept by an earlier KEEP_DB=1 run.
const reuse = process.env.REUSE_DB;
const name = reuse ?? `rc_prog_bench_${process.pid}`;

const admin = await openDatabase({ url: adminUrl, poolSize: 1 });
if (!reuse) await admin.execScript(`create database ${name}`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const database = await openDatabase({ url: url.toString(), poolSize: 10 });
const { db } = database;
try {
  let t0 = performance.now();
  if (!reuse) {
    await migrate(database);
    await seedDemo(database);
    console.log(`migrated and seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    t0 = performance.now();
    const network = await db.selectFrom('networks').select('id').executeTakeFirstOrThrow();
    const programme = await db.selectFrom('programmes').select('id').where('code', '=', 'RIC-CIGS-MO').executeTakeFirstOrThrow();
    const offices = (await db.selectFrom('offices').select('id').orderBy('code').execute()).map((o) => o.id);
    // 2,000 crisis companies with one CIGS case each; a worker's CIGS ends within the next two years.
    await sql`insert into companies (network_id, name) select ${network.id}, 'Azienda ' || g from generate_series(1, 2000) g`.execute(db);
    await sql`insert into cigs_cases (company_id, reason, start_date, end_date)
    select id, case when row_number() over () % 3 = 0 then 'crisi_aziendale' else 'cessazione_attivita' end, current_date - 200, current_date + 730
    from companies where name like 'Azienda %'`.execute(db);
    await sql`insert into workers (network_id, office_id, first_name, last_name, search_name, cigs_case_id, cigs_end_date)
    select ${network.id}, (${sql.raw(`array[${offices.map((o) => `'${o}'::uuid`).join(',')}]`)})[1 + g % ${offices.length}],
      'Nome' || g, 'Cognome' || g, 'cognome' || g || ' nome' || g, c.ids[1 + g % c.n], current_date + (g % 730)
    from generate_series(1, ${WORKERS}) g,
      (select array_agg(id order by id) as ids, count(*)::int as n from cigs_cases) c`.execute(db);
    console.log(`${WORKERS.toLocaleString('en')} workers in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    t0 = performance.now();
    // Enrollments in the demo programme: a realistic mix of states, waiting list included.
    await sql`insert into enrollments (programme_id, worker_id, office_id, company_id, state, reached_rank, channel, priority_cigs_end, requested_at)
    select ${programme.id}, w.id, w.office_id, (select company_id from cigs_cases c where c.id = w.cigs_case_id), s.state, s.rank, 'hotline', w.cigs_end_date, now() - (w.rn % 300) * interval '1 hour'
    from (select id, office_id, cigs_case_id, cigs_end_date, row_number() over (order by id) rn from workers
          where not exists (select 1 from enrollments e where e.worker_id = workers.id) limit ${ENROLLMENTS}) w
    cross join lateral (select (array['eligible','contacted','contacted','registered','assessed','enrolled','placed','withdrawn','waiting','eligible'])[1 + w.rn % 10] as state,
      (array[0,1,1,2,3,4,5,3,2,0])[1 + w.rn % 10] as rank) s`.execute(db);
    await sql`update programmes set capacity = 100000 where id = ${programme.id}`.execute(db);
    await sql`analyze`.execute(db);
    console.log(`${ENROLLMENTS.toLocaleString('en')} enrollments in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } else {
    await sql`analyze`.execute(db);
  }
  const network = await db.selectFrom('networks').select('id').executeTakeFirstOrThrow();
  const programme = await db.selectFrom('programmes').select('id').where('code', '=', 'RIC-CIGS-MO').executeTakeFirstOrThrow();
  const offices = (await db.selectFrom('offices').select('id').orderBy('code').execute()).map((o) => o.id);

  const coordinator = await db
    .selectFrom('staff_users')
    .select(['id', 'email', 'full_name'])
    .where('email', '=', 'coordinatore@ricolloca.example')
    .executeTakeFirstOrThrow();
  const actor: Actor = {
    userId: coordinator.id,
    email: coordinator.email,
    fullName: coordinator.full_name,
    language: 'it',
    mustChangePassword: false,
    officeId: offices[0]!,
    networkId: network.id,
    roles: ['coordinator'],
    assignments: [],
    session: { tokenHash: '', csrfToken: '' },
  };
  const service = createReportsService({
    db,
    repository: createReportsRepository(),
    audit: createAuditService({ db, repository: createAuditRepository() }),
    clock: () => new Date(),
  });
  const ctx = { actor, requestId: 'bench', ip: '127.0.0.1' };
  await service.dashboard(ctx, programme.id); // warm-up
  const times: number[] = [];
  let last;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    last = await service.dashboard(ctx, programme.id);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]!;
  const d = last!;
  console.log(
    `dashboard: ${d.byOffice.length} offices, ${d.byCompany.length} companies, waiting ${d.waitingList.total}, expiring 30/60/90 = ${d.expiring.within30}/${d.expiring.within60}/${d.expiring.within90}`,
  );
  // Where the time goes: each query of the dashboard alone (median of 5).
  const repo = createReportsRepository();
  const today = new Date().toISOString().slice(0, 10);
  const parts: Record<string, () => Promise<unknown>> = {
    programmes: () => repo.programmes(db, network.id),
    byOffice: () => repo.byOffice(db, programme.id),
    byCompany: () => repo.byCompany(db, programme.id),
    waitingList: () => repo.waitingList(db, programme.id, 100),
    expiring: () => repo.expiring(db, programme.id, today, 50),
    outreach: () => repo.outreach(db, programme.id),
  };
  for (const [part, run] of Object.entries(parts)) {
    const ts: number[] = [];
    for (let i = 0; i < 5; i++) {
      const s0 = performance.now();
      await run();
      ts.push(performance.now() - s0);
    }
    console.log(`  ${part}: ${ts.sort((a, b) => a - b)[2]!.toFixed(1)} ms`);
  }
  console.log(
    `dashboard service time over ${RUNS} runs: p50 ${pct(50).toFixed(1)} ms, p95 ${pct(95).toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms (target p95 ≤ 300 ms)`,
  );
} finally {
  await database.close();
  if (process.env.KEEP_DB) console.log(`kept database ${name}`);
  else await admin.execScript(`drop database if exists ${name} with (force)`);
  await admin.close();
}
