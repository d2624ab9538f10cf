import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorker, insertWorkers } from '../../../tests/factories/workers.js';
import { createTestDatabase } from '../../../tests/helpers/test-database.js';
import { createFakeClock } from '../../../tests/helpers/test-app.js';
import { createAuditRepository, createAuditService } from '../audit/index.js';
import type { ActorContext } from '../auth/index.js';
import type { Database } from '../db/database.js';
import { DomainError } from '../http/problem.js';
import { createAppointmentsModule, type AppointmentsModule } from './appointments.module.js';

// The agenda's last word on collisions is the database: one claim per consultant, worker and room
// at any instant (agenda_claims' exclusion constraint). Checked here directly, and through the
// booking use case under concurrency, on PGlite and on PostgreSQL (CI runs both).

let database: Database;
let agenda: AppointmentsModule;
let ctx: ActorContext;
let modena: string;
let networkId: string;
let consultants: string[];
let workers: string[];
let typeId: string;
const clock = createFakeClock(new Date('2026-12-01T07:00:00Z'));
const silentChannels = {
  email: { kind: 'outbox' as const, send: async () => ({ providerId: 'x' }) },
  sms: { kind: 'outbox' as const, send: async () => ({ providerId: 'x' }) },
};

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  const db = database.db;
  const office = await db.selectFrom('offices').select(['id', 'network_id']).where('code', '=', 'CPI-MO').executeTakeFirstOrThrow();
  modena = office.id;
  networkId = office.network_id;
  const front = await db
    .selectFrom('staff_users')
    .select('id')
    .where('email', '=', 'sportello@ricolloca.example')
    .executeTakeFirstOrThrow();
  ctx = {
    actor: {
      userId: front.id,
      email: 'sportello@ricolloca.example',
      fullName: 'Luca Galli',
      language: 'it',
      mustChangePassword: false,
      officeId: modena,
      networkId,
      roles: ['frontoffice'],
      assignments: [{ officeId: modena, role: 'frontoffice' }],
      session: { tokenHash: '', csrfToken: '' },
    },
    requestId: 'test',
    ip: '127.0.0.1',
  };
  // Two consultants of Modena with the same Tuesday and Wednesday mornings and empty agendas (the
  // demo's own consultants carry the demo's month of meetings).
  const elena = await db
    .insertInto('staff_users')
    .values({ email: 'anna.ricci@ricolloca.example', full_name: 'Anna Ricci', password_hash: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('staff_roles').values({ user_id: elena.id, office_id: modena, role: 'consultant' }).execute();
  const second = await db
    .insertInto('staff_users')
    .values({ email: 'marco.barbieri@ricolloca.example', full_name: 'Marco Barbieri', password_hash: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('staff_roles').values({ user_id: second.id, office_id: modena, role: 'consultant' }).execute();
  consultants = [elena.id, second.id];
  for (const consultantId of consultants) {
    await db
      .insertInto('consultant_availability')
      .values(
        [2, 3].map((weekday) => ({
          network_id: networkId,
          office_id: modena,
          consultant_id: consultantId,
          weekday,
          from_time: '09:00',
          to_time: '13:00',
          valid_from: '2026-11-01',
        })),
      )
      .execute();
  }
  // Workers with no meeting yet (the demo's have the demo's).
  workers = await insertWorkers(
    db,
    Array.from({ length: 120 }, (_, i) => buildWorker({ officeId: modena }, 9500 + i)),
  );
  typeId = (await db.selectFrom('appointment_types').select('id').where('code', '=', 'first_interview').executeTakeFirstOrThrow()).id;
  const audit = createAuditService({ db, repository: createAuditRepository() });
  agenda = createAppointmentsModule({ db, audit, clock, channels: silentChannels, publicUrl: 'https://lavoro.example.it' });
}, 60_000);
afterAll(() => database.close());

const claim = (resourceId: string, from: string, to: string, type = 'room') =>
  sql`insert into agenda_claims (network_id, resource_type, resource_id, during) values (${networkId}, ${type}, ${resourceId}, tstzrange(${from}::timestamptz, ${to}::timestamptz, '[)'))`.execute(
    database.db,
  );

describe('agenda_claims: the exclusion constraint', () => {
  it('refuses an overlapping claim of the same resource, allows back-to-back ones and other resources', async () => {
    const room = '7a1b2c3d-0000-4000-8000-000000000001';
    await claim(room, '2026-12-09T09:00:00Z', '2026-12-09T10:00:00Z');
    await expect(claim(room, '2026-12-09T09:30:00Z', '2026-12-09T10:30:00Z')).rejects.toMatchObject({ code: '23P01' });
    await expect(claim(room, '2026-12-09T08:00:00Z', '2026-12-09T12:00:00Z')).rejects.toMatchObject({ code: '23P01' });
    // [09:00, 10:00) and [10:00, 11:00) touch without overlapping.
    await claim(room, '2026-12-09T10:00:00Z', '2026-12-09T11:00:00Z');
    // The same instant for another room, or for a consultant with the same id space, is free.
    await claim('7a1b2c3d-0000-4000-8000-000000000002', '2026-12-09T09:30:00Z', '2026-12-09T10:30:00Z');
    await claim(room, '2026-12-09T09:30:00Z', '2026-12-09T10:30:00Z', 'consultant');
  });
});

function outcome(result: PromiseSettledResult<unknown>): string {
  if (result.status === 'fulfilled') return 'booked';
  const err = result.reason;
  return err instanceof DomainError ? err.code : `crash: ${String(err)}`;
}

describe('concurrent bookings', () => {
  it('100 bookings of the same consultant slot by 100 workers: exactly one, the others a clear refusal', async () => {
    const start = '2026-12-02T09:00:00.000Z';
    const results = await Promise.allSettled(
      workers.slice(0, 100).map((workerId) =>
        agenda.appointments.book(
          ctx,
          {
            workerId,
            officeId: modena,
            typeId,
            consultantId: consultants[0]!,
            mode: 'phone',
            start,
            note: '',
            bookedVia: 'hotline',
          },
          'it',
        ),
      ),
    );
    const counts = new Map<string, number>();
    for (const r of results) counts.set(outcome(r), (counts.get(outcome(r)) ?? 0) + 1);
    expect(counts.get('booked'), JSON.stringify([...counts])).toBe(1);
    // Refused by the database (409, with the next free slots) or, once the first had committed, by the check before it (422).
    expect([...counts.keys()].filter((k) => k !== 'booked' && k !== 'SLOT_TAKEN' && k !== 'SLOT_UNAVAILABLE')).toEqual([]);
    const held = await database.db
      .selectFrom('appointments')
      .select('id')
      .where('consultant_id', '=', consultants[0]!)
      .where('starts_at', '=', new Date(start))
      .execute();
    expect(held).toHaveLength(1);
    const taken = results.find((r) => r.status === 'rejected' && (r.reason as DomainError).code === 'SLOT_TAKEN');
    if (taken && taken.status === 'rejected') {
      // The next free times: the other consultant's at that very time, never the one just taken.
      const next = (taken.reason as DomainError).extra.members?.nextSlots as { start: string; consultantId: string }[];
      expect(next.length).toBeGreaterThan(0);
      expect(next.filter((s) => s.start === start && s.consultantId === consultants[0])).toEqual([]);
    }
  });

  it('one worker booked at the same time with two consultants at once: one meeting, never two', async () => {
    const start = '2026-12-02T11:00:00.000Z';
    const worker = workers[110]!;
    const results = await Promise.allSettled(
      [consultants[0]!, consultants[1]!, consultants[0]!, consultants[1]!].map((consultantId) =>
        agenda.appointments.book(
          ctx,
          {
            workerId: worker,
            officeId: modena,
            typeId,
            consultantId,
            mode: 'phone',
            start,
            note: '',
            bookedVia: 'agenda',
          },
          'it',
        ),
      ),
    );
    expect(results.map(outcome).filter((o) => o === 'booked')).toHaveLength(1);
    const meetings = await database.db
      .selectFrom('appointments')
      .select('id')
      .where('worker_id', '=', worker)
      .where('status', '<>', 'cancelled')
      .execute();
    expect(meetings).toHaveLength(1);
  });

  it('moving two meetings into the same free time at once: one moves, the other stays where it was', async () => {
    const a = await agenda.appointments.book(
      ctx,
      {
        workerId: workers[111]!,
        officeId: modena,
        typeId,
        consultantId: consultants[1]!,
        mode: 'phone',
        start: '2026-12-09T08:00:00.000Z',
        note: '',
        bookedVia: 'agenda',
      },
      'it',
    );
    const b = await agenda.appointments.book(
      ctx,
      {
        workerId: workers[112]!,
        officeId: modena,
        typeId,
        consultantId: consultants[1]!,
        mode: 'phone',
        start: '2026-12-09T10:00:00.000Z',
        note: '',
        bookedVia: 'agenda',
      },
      'it',
    );
    const target = '2026-12-16T09:00:00.000Z';
    const results = await Promise.allSettled(
      [a, b].map((m) => agenda.appointments.move(ctx, m.id, { start: target, reason: 'Spostamento di prova' }, 'it')),
    );
    expect(results.map(outcome).sort()).toEqual(expect.arrayContaining(['booked']));
    expect(results.map(outcome).filter((o) => o === 'booked')).toHaveLength(1);
    const rows = await database.db
      .selectFrom('appointments')
      .select(['id', 'starts_at', 'sequence'])
      .where('id', 'in', [a.id, b.id])
      .execute();
    const starts = rows.map((r) => new Date(r.starts_at).toISOString()).sort();
    expect(starts.filter((s) => s === target)).toHaveLength(1);
    const claims = await database.db
      .selectFrom('agenda_claims')
      .select('appointment_id')
      .where('appointment_id', 'in', [a.id, b.id])
      .execute();
    // Each meeting still holds its consultant and its worker: the failed move left its claims as they were.
    expect(claims).toHaveLength(4);
  });
});
