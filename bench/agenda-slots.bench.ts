// "First free slots" across the 20 consultants of one office and 8 weeks, with 5,000 meetings
// already booked (bench/agenda/world.ts: written directly with their agenda_claims rows, inside
// availability, no overlaps), measured server side: GET /api/v1/agenda/free-slots through
// app.inject, timed by the server itself (reply.elapsedTime in an onResponse hook) and by the
// caller. Target (issue 10): p95 ≤ 30 ms on PostgreSQL. PGlite is printed too.
// Filters vary per query: the type (6), the mode (in person 50 %, phone, video), one consultant
// (30 % of the queries), a worker whose meetings must be avoided (50 %), a start date in the
// 8 weeks (70 %; otherwise today). Baselines in the same run: a bare `select 1` round trip, and
// the same query's database reads alone (the statements slotsIn runs, in the same order and
// concurrency), then the slot computation alone on what they read: where the time goes.
// Run: node --import tsx bench/agenda-slots.bench.ts   (BENCH_ONLY=postgres|pglite, QUERIES=300)
import { sql } from 'kysely';
import { buildApp } from '../src/server/app.js';
import { createAgendaSetupRepository } from '../src/server/appointments/agenda-setup.repository.js';
import { createAppointmentRepository } from '../src/server/appointments/appointment.repository.js';
import { BUFFER_MINUTES } from '../src/server/appointments/appointment.service.js';
import { firstFreeSlots, type SlotQuery } from '../src/server/appointments/index.js';
import { staffWithRolesInOffice } from '../src/server/auth/index.js';
import type { Database } from '../src/server/db/database.js';
import { officeById } from '../src/server/organisation/index.js';
import { officeClosedDays } from '../src/server/outreach/index.js';
import { addDays } from '../src/shared/time/rome-date.js';
import { romeToUtc } from '../src/shared/time/rome-time.js';
import {
  buildAgendaWorld,
  formatPercentiles,
  loadAverage,
  openAgendaDatabase,
  signInInject,
  type AgendaWorld,
  type Engine,
} from './agenda/world.js';

process.env.JOBS_RUNNER = 'off';
const QUERIES = Number(process.env.QUERIES ?? 300);
const FROM = '2027-03-01';
// Friday before the 8 weeks, 09:00 in Rome: every booked meeting is in the future.
const NOW = new Date('2027-02-26T08:00:00Z');
const engines: Engine[] = process.env.BENCH_ONLY ? [process.env.BENCH_ONLY as Engine] : ['postgres', 'pglite'];

let seed = 42;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;

interface Filter {
  typeId: string;
  durationMinutes: number;
  mode: 'in_person' | 'phone' | 'video';
  consultantId?: string;
  workerId?: string;
  from?: string;
}

function filters(world: AgendaWorld): Filter[] {
  return Array.from({ length: QUERIES }, () => {
    const type = pick(world.types);
    return {
      typeId: type.id,
      durationMinutes: type.durationMinutes,
      mode: pick(['in_person', 'in_person', 'phone', 'video'] as const),
      consultantId: random() < 0.3 ? pick(world.consultants) : undefined,
      workerId: random() < 0.5 ? pick(world.workers) : undefined,
      from: random() < 0.7 ? addDays(FROM, Math.floor(random() * 56)) : undefined,
    };
  });
}

const url = (world: AgendaWorld, f: Filter) =>
  `/api/v1/agenda/free-slots?${new URLSearchParams({
    officeId: world.officeId,
    typeId: f.typeId,
    mode: f.mode,
    ...(f.consultantId ? { consultantId: f.consultantId } : {}),
    ...(f.workerId ? { workerId: f.workerId } : {}),
    ...(f.from ? { from: f.from } : {}),
  })}`;

/** The statements slotsIn runs for this filter, as it runs them; returns what the computation gets. */
async function reads(database: Database, world: AgendaWorld, f: Filter): Promise<SlotQuery> {
  const { db } = database;
  const setup = createAgendaSetupRepository();
  const appointments = createAppointmentRepository();
  const office = (await officeById(db, world.officeId))!;
  await setup.typeById(db, f.typeId);
  const staff = await staffWithRolesInOffice(db, world.officeId, ['consultant']);
  const consultantIds = (f.consultantId ? staff.filter((s) => s.id === f.consultantId) : staff).map((s) => s.id);
  const from = f.from ?? '2027-02-26';
  const to = addDays(from, 56);
  const start = romeToUtc(from, '00:00');
  const end = romeToUtc(addDays(to, 1), '00:00');
  const rooms = f.mode === 'in_person' ? await setup.rooms(db, world.officeId, { activeOnly: true }) : [];
  const [availability, exceptions, closedDays, consultantBusy, workerBusy, roomBusy] = await Promise.all([
    setup.availability(db, { officeId: world.officeId, consultantIds, from, to }),
    setup.exceptions(db, { consultantIds, from, to }),
    officeClosedDays(db, office, from, to),
    appointments.busy(db, { type: 'consultant', ids: consultantIds, from: start, to: end }),
    f.workerId ? appointments.busy(db, { type: 'worker', ids: [f.workerId], from: start, to: end }) : Promise.resolve(new Map()),
    appointments.busy(db, { type: 'room', ids: rooms.map((r) => r.id), from: start, to: end }),
  ]);
  return {
    officeId: world.officeId,
    consultantIds,
    availability,
    exceptions: exceptions.map((e) => ({ consultantId: e.consultantId, date: e.date, from: e.from, to: e.to, reason: e.reason })),
    closedDays,
    consultantBusy,
    sharedBusy: f.workerId ? (workerBusy.get(f.workerId) ?? []) : [],
    rooms: rooms.length ? rooms.map((r) => ({ roomId: r.id, busy: roomBusy.get(r.id) ?? [] })) : undefined,
    durationMinutes: f.durationMinutes,
    bufferMinutes: BUFFER_MINUTES,
    from,
    to,
    now: NOW,
  };
}

async function timed<T>(run: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const result = await run();
  return [performance.now() - t0, result];
}

async function benchmark(engine: Engine) {
  const t0 = performance.now();
  const { database, drop } = await openAgendaDatabase(engine, 'rc_bench_agenda_slots');
  try {
    const world = await buildAgendaWorld(database, { from: FROM, weeks: 8, meetings: 5000 });
    const claims = await sql<{ n: number }>`select count(*)::int as n from agenda_claims`.execute(database.db);
    console.log(
      `\n${engine}: ${world.meetings} meetings of ${world.consultants.length} consultants, ${world.rooms.length} rooms, ` +
        `${world.workers.length} workers, ${claims.rows[0]!.n} claims, ${FROM} – ${world.to}; ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    const app = await buildApp({ database, clock: () => NOW, logLevel: 'silent' });
    const serverMs: number[] = [];
    app.addHook('onResponse', (request, reply, done) => {
      if (request.url.startsWith('/api/v1/agenda/free-slots')) serverMs.push(reply.elapsedTime);
      done();
    });
    await app.ready();
    const headers = await signInInject(app, 'sportello@ricolloca.example');
    const list = filters(world);

    // Warm-up: statement caches, the JIT, the comuni and office names the server remembers.
    for (const f of list.slice(0, 20)) await app.inject({ method: 'GET', url: url(world, f), headers });
    serverMs.length = 0;

    const selectOne: number[] = [];
    for (let i = 0; i < QUERIES; i++) selectOne.push((await timed(() => sql`select 1`.execute(database.db)))[0]);
    console.log(`  baseline select 1 round trip               ${formatPercentiles(selectOne)}   load ${await loadAverage()}`);

    // The reads alone, the computation alone and the whole request, one after the other for each
    // filter: on a machine shared with other work, the three see the same moments of load.
    const readMs: number[] = [];
    const computeMs: number[] = [];
    const wallMs: number[] = [];
    const found: number[] = [];
    for (const f of list) {
      const [ms, query] = await timed(() => reads(database, world, f));
      readMs.push(ms);
      const c0 = performance.now();
      firstFreeSlots(query, 12);
      computeMs.push(performance.now() - c0);
      const [wall, response] = await timed(() => app.inject({ method: 'GET', url: url(world, f), headers }));
      if (response.statusCode !== 200) throw new Error(`free-slots answered ${response.statusCode}: ${response.body}`);
      wallMs.push(wall);
      found.push((response.json() as { items: unknown[] }).items.length);
    }
    console.log(`  baseline: its database reads alone         ${formatPercentiles(readMs)}`);
    console.log(`  the slot computation alone on those reads  ${formatPercentiles(computeMs)}`);
    console.log(`  GET free-slots, server time (${QUERIES} queries) ${formatPercentiles(serverMs)}   load ${await loadAverage()}`);
    console.log(`  GET free-slots, app.inject round trip      ${formatPercentiles(wallMs)}`);
    // The repository's change of 2026-12-01, measured in the same run: the 20 consultants' claims
    // over the 8 weeks read with their bounds as timestamptz (as before) and as epoch milliseconds
    // (as now), alternately.
    const asTimestamps: number[] = [];
    const asEpochMs: number[] = [];
    const range = sql`tstzrange(${romeToUtc('2027-02-26', '00:00').toISOString()}::timestamptz, ${romeToUtc('2027-04-24', '00:00').toISOString()}::timestamptz)`;
    for (let i = 0; i < 100; i++) {
      asTimestamps.push(
        (
          await timed(() =>
            sql`select resource_id, lower(during) as start, upper(during) as end, appointment_id from agenda_claims
              where resource_type = 'consultant' and resource_id in (${sql.join(world.consultants)}) and during && ${range}`.execute(
              database.db,
            ),
          )
        )[0],
      );
      asEpochMs.push(
        (
          await timed(() =>
            sql`select resource_id, (extract(epoch from lower(during)) * 1000)::float8 as start,
              (extract(epoch from upper(during)) * 1000)::float8 as end, appointment_id from agenda_claims
              where resource_type = 'consultant' and resource_id in (${sql.join(world.consultants)}) and during && ${range}`.execute(
              database.db,
            ),
          )
        )[0],
      );
    }
    console.log(`  consultants' claims, bounds as timestamptz ${formatPercentiles(asTimestamps)}`);
    console.log(`  the same, bounds as epoch ms (float8)      ${formatPercentiles(asEpochMs)}   load ${await loadAverage()}`);
    console.log(`  slots per answer: min ${Math.min(...found)}, max ${Math.max(...found)}; ${found.filter((n) => n === 0).length} empty`);
    await app.close();
  } finally {
    await drop();
  }
}

for (const engine of engines) await benchmark(engine);
