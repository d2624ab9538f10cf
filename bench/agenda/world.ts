// The agenda benchmarks' shared world: a database (a PostgreSQL database of its own, created and
// dropped, or an in-memory PGlite from the build's template), the demo loaded, and one office
// (the demo's Modena) made into a busy agenda: 20 consultants, 8 rooms, weekly availability
// Monday–Friday 09:00–13:00 and 14:00–17:30, and N meetings written directly with their
// agenda_claims rows (consultant, worker, room) inside availability, so the exclusion constraint
// itself proves that none overlaps.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../../src/server/db/database.js';
import { migrate } from '../../src/server/db/migrate.js';
import { seedDemo } from '../../src/server/demo/seed-demo.js';
import { DEMO_PASSWORD } from '../../src/server/demo/demo-organisation.js';
import { DATABASE_TEMPLATE, databaseTemplateIsUsable } from '../../src/server/runtime.js';
import { addDays, isoWeekday } from '../../src/shared/time/rome-date.js';
import { romeToUtc } from '../../src/shared/time/rome-time.js';
import type { FastifyInstance } from 'fastify';

export type Engine = 'postgres' | 'pglite';

export const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A migrated database with the demo in it; `drop` closes it (and drops it on PostgreSQL). */
export async function openAgendaDatabase(
  engine: Engine,
  prefix: string,
  options: { dataDir?: string } = {},
): Promise<{ database: Database; url?: string; drop(): Promise<void> }> {
  if (engine === 'pglite') {
    const template = databaseTemplateIsUsable() ? new Blob([readFileSync(DATABASE_TEMPLATE)]) : undefined;
    // A data directory when another process must open it after this one (the reminders' kill test).
    const database = options.dataDir
      ? await openDatabase({ dataDir: options.dataDir, ...(template ? { loadDataDir: template } : {}) })
      : await openDatabase({ memory: true, ...(template ? { loadDataDir: template } : {}) });
    await migrate(database);
    await seedDemo(database);
    return { database, drop: () => database.close() };
  }
  const name = `${prefix}_${process.pid}`;
  const admin = await openDatabase({ url: ADMIN_URL, poolSize: 1 });
  await admin.execScript(`drop database if exists ${name} with (force)`);
  await admin.execScript(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 10 });
  try {
    await migrate(database);
    await seedDemo(database);
  } catch (err) {
    await database.close();
    await admin.execScript(`drop database if exists ${name} with (force)`);
    await admin.close();
    throw err;
  }
  return {
    database,
    url: url.toString(),
    async drop() {
      await database.close();
      if (!process.env.BENCH_KEEP) await admin.execScript(`drop database if exists ${name} with (force)`);
      await admin.close();
    },
  };
}

export interface AgendaWorld {
  networkId: string;
  officeId: string;
  /** The 20 consultants; the first is the demo's Elena Rinaldi (orientatrice@…), who can sign in. */
  consultants: string[];
  rooms: string[];
  types: { id: string; code: string; durationMinutes: number }[];
  workers: string[];
  /** Meetings written, by consultant. */
  meetings: number;
  from: string;
  to: string;
}

let seed = 20270301;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;

const RANGES = [
  ['09:00', '13:00'],
  ['14:00', '17:30'],
] as const;

interface Candidate {
  consultant: number;
  start: number;
  end: number;
  type: number;
}

/**
 * Fills the demo's Modena office. `meetings` are kept at random among every meeting that could
 * fit back to back (with random gaps); with `focus`, one consultant's week holds exactly
 * `focus.count` 30-minute meetings besides. `extraWorkers` adds workers with an e-mail address
 * each (the reminder benchmark gives every meeting a worker of its own).
 */
export async function buildAgendaWorld(
  database: Database,
  p: {
    from: string;
    weeks: number;
    meetings: number;
    focus?: { weekStart: string; count: number };
    extraWorkers?: number;
    /** Book only the added workers (each with an e-mail address, none with a phone). */
    onlyExtraWorkers?: boolean;
  },
): Promise<AgendaWorld> {
  // The same world on both engines, whatever ran before.
  seed = 20270301;
  const { db } = database;
  const office = await db.selectFrom('offices').select(['id', 'network_id']).where('code', '=', 'CPI-MO').executeTakeFirstOrThrow();
  const networkId = office.network_id;
  const to = addDays(p.from, p.weeks * 7 - 1);

  // 19 consultants besides the demo's one, in Modena only.
  const demoConsultant = await db
    .selectFrom('staff_users')
    .select('id')
    .where('email', '=', 'orientatrice@ricolloca.example')
    .executeTakeFirstOrThrow();
  // The demo's own month of agenda in this office goes, so the office holds exactly what is
  // described here (its rooms are only switched off: other rows may point at them).
  await sql`delete from agenda_claims where resource_id in (
      select id from workers where office_id = ${office.id}
      union all select id from meeting_rooms where office_id = ${office.id}
      union all select user_id from staff_roles where office_id = ${office.id})`.execute(db);
  await db.deleteFrom('appointments').where('office_id', '=', office.id).execute();
  await db.deleteFrom('consultant_availability').where('office_id', '=', office.id).execute();
  await db.deleteFrom('availability_exceptions').where('consultant_id', '=', demoConsultant.id).execute();
  await db.updateTable('meeting_rooms').set({ active: false }).where('office_id', '=', office.id).execute();
  const FIRST = ['Giulia', 'Marco', 'Chiara', 'Luca', 'Francesca', 'Matteo', 'Sara', 'Davide', 'Elena', 'Nicolò'];
  const LAST = ['Barbieri', 'Esposito', "D'Angelo", 'Ferrari', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno'];
  const added = await db
    .insertInto('staff_users')
    .values(
      Array.from({ length: 19 }, (_, i) => ({
        email: `orientatore${i + 2}@bench.example`,
        full_name: `${FIRST[i % 10]} ${LAST[(i * 3) % 10]}`,
      })),
    )
    .returning('id')
    .execute();
  const consultants = [demoConsultant.id, ...added.map((r) => r.id)];
  await db
    .insertInto('staff_roles')
    .values(added.map((r) => ({ user_id: r.id, office_id: office.id, role: 'consultant' as const })))
    .execute();
  await db
    .insertInto('consultant_availability')
    .values(
      consultants.flatMap((consultant_id) =>
        [1, 2, 3, 4, 5].flatMap((weekday) =>
          RANGES.map(([from_time, to_time]) => ({
            network_id: networkId,
            office_id: office.id,
            consultant_id,
            weekday,
            from_time,
            to_time,
            valid_from: '2026-01-01',
          })),
        ),
      ),
    )
    .execute();
  const rooms = (
    await db
      .insertInto('meeting_rooms')
      .values(
        Array.from({ length: 8 }, (_, i) => ({
          network_id: networkId,
          office_id: office.id,
          name: `Stanza ${i + 1}`,
          capacity: i < 6 ? 3 : 12,
          equipment: sql<string[]>`${i % 2 ? '{pc}' : '{}'}::text[]`,
        })),
      )
      .returning('id')
      .execute()
  ).map((r) => r.id);
  const types = (
    await db
      .selectFrom('appointment_types')
      .select(['id', 'code', 'duration_minutes'])
      .where('network_id', 'is', null)
      .orderBy('position')
      .execute()
  ).map((t) => ({ id: t.id, code: t.code, durationMinutes: t.duration_minutes }));
  const followUp = types.findIndex((t) => t.code === 'follow_up');

  if (p.extraWorkers) {
    const caseId = (await db.selectFrom('cigs_cases').select('id').executeTakeFirstOrThrow()).id;
    for (let offset = 0; offset < p.extraWorkers; offset += 5000) {
      const n = Math.min(5000, p.extraWorkers - offset);
      await sql`
        insert into workers (network_id, office_id, first_name, last_name, search_name, email, cigs_case_id, cigs_end_date)
        select ${networkId}::uuid, ${office.id}::uuid, 'Nicolò', 'Barbieri ' || i, 'barbieri ' || i || ' nicolo',
          'lavoratore' || i || '@posta.example', ${caseId}::uuid, date '2027-12-31'
        from generate_series(${offset + 1}::int, ${offset + n}::int) i`.execute(db);
    }
  }
  let workerQuery = db.selectFrom('workers').select('id').where('office_id', '=', office.id);
  if (p.onlyExtraWorkers) workerQuery = workerQuery.where('email', 'like', 'lavoratore%@posta.example');
  const workers = (await workerQuery.orderBy('created_at').orderBy('id').execute()).map((r) => r.id);

  // Every meeting that could fit, then a random selection of them.
  const focusDays = p.focus ? new Set(Array.from({ length: 5 }, (_, i) => addDays(p.focus!.weekStart, i))) : new Set<string>();
  const pool: Candidate[] = [];
  const focus: Candidate[] = [];
  for (let date = p.from; date <= to; date = addDays(date, 1)) {
    if (isoWeekday(date) > 5) continue;
    for (let c = 0; c < consultants.length; c++) {
      for (const [from, until] of RANGES) {
        const end = romeToUtc(date, until).getTime();
        if (c === 0 && focusDays.has(date)) {
          // The focus week: 30-minute meetings back to back, 15 a day, of which `count` are kept.
          for (let at = romeToUtc(date, from).getTime(); at + 30 * 60_000 <= end; at += 30 * 60_000)
            focus.push({ consultant: c, start: at, end: at + 30 * 60_000, type: followUp });
          continue;
        }
        let at = romeToUtc(date, from).getTime();
        for (;;) {
          at += pick([0, 0, 15, 30]) * 60_000;
          const type = Math.floor(random() * types.length);
          const length = types[type]!.durationMinutes * 60_000;
          if (at + length > end) break;
          pool.push({ consultant: c, start: at, end: at + length, type });
          at += length;
        }
      }
    }
  }
  const shuffle = (items: Candidate[]) => {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  };
  const focusCount = p.focus?.count ?? 0;
  if (focus.length < focusCount) throw new Error(`the focus week fits only ${focus.length} meetings`);
  const regular = p.meetings - focusCount;
  if (pool.length < regular) throw new Error(`only ${pool.length} meetings fit in ${p.weeks} weeks`);
  const chosen = [...shuffle(pool).slice(0, regular), ...shuffle(focus).slice(0, focusCount)].sort((a, b) => a.start - b.start);

  // Workers and rooms greedily, in time order: the first one free at that time.
  const workerFree = new Array<number>(workers.length).fill(0);
  const roomFree = new Array<number>(rooms.length).fill(0);
  let nextWorker = 0;
  const appointments: Record<string, unknown>[] = [];
  const claims: Record<string, unknown>[] = [];
  for (const m of chosen) {
    let w = -1;
    for (let k = 0; k < workers.length; k++) {
      const i = (nextWorker + k) % workers.length;
      if (workerFree[i]! <= m.start) {
        w = i;
        break;
      }
    }
    if (w < 0) throw new Error('not enough workers for the meetings');
    nextWorker = (w + 1) % workers.length;
    workerFree[w] = m.end;
    let mode = pick(['in_person', 'in_person', 'phone', 'phone', 'video'] as const);
    let room: string | null = null;
    if (mode === 'in_person') {
      const r = roomFree.findIndex((free) => free <= m.start);
      if (r < 0) mode = 'phone';
      else {
        roomFree[r] = m.end;
        room = rooms[r]!;
      }
    }
    const id = randomUUID();
    const start = new Date(m.start);
    const end = new Date(m.end);
    appointments.push({
      id,
      network_id: networkId,
      office_id: office.id,
      type_id: types[m.type]!.id,
      worker_id: workers[w]!,
      consultant_id: consultants[m.consultant]!,
      room_id: room,
      mode,
      video_link: mode === 'video' ? `https://meet.example/${id.slice(0, 8)}` : null,
      starts_at: start,
      ends_at: end,
      booked_via: 'agenda',
    });
    const during = sql<string>`tstzrange(${start.toISOString()}::timestamptz, ${end.toISOString()}::timestamptz, '[)')`;
    claims.push({
      network_id: networkId,
      resource_type: 'consultant',
      resource_id: consultants[m.consultant]!,
      during,
      appointment_id: id,
    });
    claims.push({ network_id: networkId, resource_type: 'worker', resource_id: workers[w]!, during, appointment_id: id });
    if (room) claims.push({ network_id: networkId, resource_type: 'room', resource_id: room, during, appointment_id: id });
  }
  for (let i = 0; i < appointments.length; i += 1000)
    await db
      .insertInto('appointments')
      .values(appointments.slice(i, i + 1000) as never)
      .execute();
  for (let i = 0; i < claims.length; i += 1000)
    await db
      .insertInto('agenda_claims')
      .values(claims.slice(i, i + 1000) as never)
      .execute();
  await sql`analyze`.execute(db);
  return { networkId, officeId: office.id, consultants, rooms, types, workers, meetings: appointments.length, from: p.from, to };
}

/** Signs in through the app (app.inject) and returns the headers a request needs. */
export async function signInInject(app: FastifyInstance, email: string): Promise<{ cookie: string; 'x-csrf-token': string }> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password: DEMO_PASSWORD } });
  if (response.statusCode !== 200) throw new Error(`sign-in of ${email}: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'ricolloca_session')!;
  return { cookie: `ricolloca_session=${cookie.value}`, 'x-csrf-token': response.json().csrfToken as string };
}

/** p50/p95/p99 of milliseconds, "12.34". */
export function percentiles(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1]! };
}

export function formatPercentiles(times: number[]): string {
  const p = percentiles(times);
  return `p50 ${p.p50.toFixed(2)} p95 ${p.p95.toFixed(2)} p99 ${p.p99.toFixed(2)} max ${p.max.toFixed(1)} ms`;
}

/** The load average, printed beside every figure (two cores shared with other work). */
export async function loadAverage(): Promise<string> {
  const { loadavg } = await import('node:os');
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}
