// A consultant's week view: GET /api/v1/appointments?consultantId=…&from=Monday&to=Sunday, as the
// consultant herself, on a week holding 50 of her meetings, among 5,000 meetings of 20 consultants
// over 8 weeks (bench/agenda/world.ts). Server time (reply.elapsedTime in an onResponse hook) over
// REQUESTS requests; target (issue 10): p95 ≤ 200 ms. The read is audited (one audit row each,
// through the group commit), as in production. Baselines in the same run: a bare `select 1`, and
// the list's own statement alone (the repository's query of the week).
// Run: node --import tsx bench/agenda-week.bench.ts   (BENCH_ONLY=postgres|pglite, REQUESTS=300)
import { sql } from 'kysely';
import { buildApp } from '../src/server/app.js';
import { createAppointmentRepository } from '../src/server/appointments/appointment.repository.js';
import { romeToUtc } from '../src/shared/time/rome-time.js';
import { buildAgendaWorld, formatPercentiles, loadAverage, openAgendaDatabase, signInInject, type Engine } from './agenda/world.js';

process.env.JOBS_RUNNER = 'off';
const REQUESTS = Number(process.env.REQUESTS ?? 300);
const FROM = '2027-03-01';
const WEEK = { from: '2027-03-08', to: '2027-03-14' };
const NOW = new Date('2027-02-26T08:00:00Z');
const engines: Engine[] = process.env.BENCH_ONLY ? [process.env.BENCH_ONLY as Engine] : ['postgres', 'pglite'];

async function timed<T>(run: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const result = await run();
  return [performance.now() - t0, result];
}

async function benchmark(engine: Engine) {
  const t0 = performance.now();
  const { database, drop } = await openAgendaDatabase(engine, 'rc_bench_agenda_week');
  try {
    const world = await buildAgendaWorld(database, { from: FROM, weeks: 8, meetings: 5000, focus: { weekStart: WEEK.from, count: 50 } });
    const consultantId = world.consultants[0]!;
    console.log(
      `\n${engine}: ${world.meetings} meetings of ${world.consultants.length} consultants over 8 weeks, 50 in the week ${WEEK.from} – ${WEEK.to} ` +
        `of the consultant viewing it; ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    const app = await buildApp({ database, clock: () => NOW, logLevel: 'silent' });
    const serverMs: number[] = [];
    app.addHook('onResponse', (request, reply, done) => {
      if (request.url.startsWith('/api/v1/appointments?')) serverMs.push(reply.elapsedTime);
      done();
    });
    await app.ready();
    const headers = await signInInject(app, 'orientatrice@ricolloca.example');
    const url = `/api/v1/appointments?${new URLSearchParams({ consultantId, ...WEEK })}`;

    for (let i = 0; i < 20; i++) await app.inject({ method: 'GET', url, headers });
    serverMs.length = 0;

    const selectOne: number[] = [];
    for (let i = 0; i < REQUESTS; i++) selectOne.push((await timed(() => sql`select 1`.execute(database.db)))[0]);
    console.log(`  baseline select 1 round trip          ${formatPercentiles(selectOne)}   load ${await loadAverage()}`);

    const repository = createAppointmentRepository();
    const listMs: number[] = [];
    const window = { from: romeToUtc(WEEK.from, '00:00'), to: romeToUtc('2027-03-15', '00:00') };
    for (let i = 0; i < REQUESTS; i++)
      listMs.push(
        (
          await timed(() => repository.list(database.db, { networkId: world.networkId, consultantId, ...window, includeCancelled: false }))
        )[0],
      );
    console.log(`  baseline: the week's statement alone  ${formatPercentiles(listMs)}   load ${await loadAverage()}`);

    const wallMs: number[] = [];
    let items = 0;
    for (let i = 0; i < REQUESTS; i++) {
      const [ms, response] = await timed(() => app.inject({ method: 'GET', url, headers }));
      if (response.statusCode !== 200) throw new Error(`GET appointments answered ${response.statusCode}: ${response.body}`);
      wallMs.push(ms);
      items = (response.json() as { items: unknown[] }).items.length;
    }
    console.log(`  GET week view, server time (${REQUESTS})     ${formatPercentiles(serverMs)}   load ${await loadAverage()}`);
    console.log(`  GET week view, app.inject round trip  ${formatPercentiles(wallMs)}`);
    // After close: the audit rows' group commit has flushed.
    await app.close();
    const audited = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'appointment.listed'`.execute(
      database.db,
    );
    console.log(`  meetings in the answer: ${items}; audit rows of the reads: ${audited.rows[0]!.n} (${REQUESTS + 20} reads)`);
  } finally {
    await drop();
  }
}

for (const engine of engines) await benchmark(engine);
