import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/helpers/test-database.js';
import type { Database } from '../db/database.js';
import { explainSlot, type AvailabilityException, type WeeklyAvailability } from '../appointments/index.js';
import { officeClosedDays } from '../outreach/index.js';
import { addDays, isoWeekday } from '../../shared/time/rome-date.js';
import { romeLocal, romeToday } from '../../shared/time/rome-time.js';
import { seedDemo } from './seed-demo.js';

// The demo's month of agenda, as a coordinator opening the calendars would check it: consultants
// with availability in every office, about 300 meetings in the two weeks either side of the day it
// was seeded, each inside its consultant's availability and never on a closed day, the past ones
// with their attendance, nobody and no room in two places at once.

let database: Database;
/** When the demo was seeded (the global setup seeds it once per run): its one audit row. */
let seededAt: Date;

interface Meeting {
  id: string;
  office_id: string;
  office_code: string;
  network_id: string;
  consultant_id: string;
  consultant: string;
  worker_id: string;
  worker: string;
  room_id: string | null;
  type_code: string;
  mode: string;
  video_link: string | null;
  starts_at: Date;
  ends_at: Date;
  status: string;
  cancel_reason: string | null;
}
let meetings: Meeting[];

async function meetingsOf(db: Database): Promise<Meeting[]> {
  const rows = await db.db
    .selectFrom('appointments as a')
    .innerJoin('offices as o', 'o.id', 'a.office_id')
    .innerJoin('staff_users as u', 'u.id', 'a.consultant_id')
    .innerJoin('workers as w', 'w.id', 'a.worker_id')
    .innerJoin('appointment_types as t', 't.id', 'a.type_id')
    .select([
      'a.id',
      'a.office_id',
      'o.code as office_code',
      'a.network_id',
      'a.consultant_id',
      'u.full_name as consultant',
      'a.worker_id',
      sql<string>`w.last_name || ' ' || w.first_name`.as('worker'),
      'a.room_id',
      't.code as type_code',
      'a.mode',
      'a.video_link',
      'a.starts_at',
      'a.ends_at',
      'a.status',
      'a.cancel_reason',
    ])
    .orderBy('a.starts_at')
    .orderBy('u.full_name')
    .execute();
  return rows.map((r) => ({ ...r, starts_at: new Date(r.starts_at), ends_at: new Date(r.ends_at) }));
}

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  const seeded = await database.db.selectFrom('audit_log').select('at').where('action', '=', 'demo.seeded').executeTakeFirstOrThrow();
  seededAt = new Date(seeded.at);
  meetings = await meetingsOf(database);
});
afterAll(() => database.close());

describe('the demo agenda', () => {
  it('gives every office consultants with a weekly availability, valid today', async () => {
    const today = romeToday(seededAt);
    const offices = await database.db.selectFrom('offices').select(['id', 'code']).execute();
    expect(offices).toHaveLength(7);
    for (const office of offices) {
      const consultants = await database.db
        .selectFrom('staff_roles')
        .select('user_id')
        .where('office_id', '=', office.id)
        .where('role', '=', 'consultant')
        .execute();
      expect(consultants.length, office.code).toBeGreaterThanOrEqual(2);
      for (const { user_id } of consultants) {
        const rules = await database.db
          .selectFrom('consultant_availability')
          .select(['weekday', 'valid_from', 'valid_to'])
          .where('office_id', '=', office.id)
          .where('consultant_id', '=', user_id)
          .execute();
        expect(rules.length, `${office.code} ${user_id}`).toBeGreaterThan(0);
        expect(rules.every((r) => r.valid_from <= today && r.valid_to === null)).toBe(true);
      }
      const rooms = await database.db.selectFrom('meeting_rooms').select(['name', 'capacity']).where('office_id', '=', office.id).execute();
      expect(rooms.length).toBeGreaterThanOrEqual(2);
      expect(rooms).toContainEqual({ name: 'Aula formazione', capacity: 20 });
    }
    // Elena Rinaldi keeps Modena on Monday, Wednesday and Friday mornings, Sassuolo on Tuesday and Thursday.
    const elena = await database.db
      .selectFrom('consultant_availability as c')
      .innerJoin('staff_users as u', 'u.id', 'c.consultant_id')
      .innerJoin('offices as o', 'o.id', 'c.office_id')
      .select(['o.code', 'c.weekday', 'c.from_time', 'c.to_time'])
      .where('u.email', '=', 'orientatrice@ricolloca.example')
      .orderBy('c.weekday')
      .execute();
    expect(elena.map((r) => `${r.code} ${r.weekday} ${r.from_time}-${r.to_time}`)).toEqual([
      'CPI-MO 1 09:00-13:00',
      'CPI-SA 2 09:00-13:00',
      'CPI-MO 3 09:00-13:00',
      'CPI-SA 4 09:00-13:00',
      'CPI-MO 5 09:00-13:00',
    ]);
    // The other consultants cannot sign in: they have no password.
    const withoutPassword = await database.db.selectFrom('staff_users').select('email').where('password_hash', 'is', null).execute();
    expect(withoutPassword.length).toBeGreaterThanOrEqual(7);
  });

  it('holds about 300 meetings over the two weeks before and after the day it was seeded, in every office', () => {
    expect(meetings.length).toBeGreaterThanOrEqual(270);
    expect(meetings.length).toBeLessThanOrEqual(300);
    const today = romeToday(seededAt);
    const dates = meetings.map((m) => romeLocal(m.starts_at).date);
    expect(dates.every((d) => d >= addDays(today, -14) && d <= addDays(today, 14))).toBe(true);
    expect(dates.filter((d) => d < today).length).toBeGreaterThan(100);
    expect(dates.filter((d) => d > today).length).toBeGreaterThan(100);
    for (const code of ['CPI-MO', 'CPI-CA', 'CPI-MI', 'CPI-SA', 'CPI-VI', 'CPI-PA', 'CPI-CF'])
      expect(meetings.filter((m) => m.office_code === code).length, code).toBeGreaterThan(10);
    // Many first interviews, every type present; mostly in person, some on the phone, a few by video.
    const ofType = (code: string) => meetings.filter((m) => m.type_code === code).length;
    expect(ofType('first_interview')).toBeGreaterThan(meetings.length * 0.25);
    for (const code of ['orientation', 'cv_review', 'interview_coaching', 'contract_assistance', 'follow_up'])
      expect(ofType(code), code).toBeGreaterThan(0);
    const ofMode = (mode: string) => meetings.filter((m) => m.mode === mode);
    expect(ofMode('in_person').length).toBeGreaterThan(meetings.length * 0.6);
    expect(ofMode('phone').length).toBeGreaterThan(0);
    expect(ofMode('video').length).toBeGreaterThan(0);
    expect(ofMode('video').every((m) => m.video_link?.startsWith('https://'))).toBe(true);
    expect(ofMode('in_person').every((m) => m.room_id !== null)).toBe(true);
  });

  it('puts every meeting inside its consultant’s availability, never on a closed day or during an absence', async () => {
    const from = addDays(romeToday(seededAt), -14);
    const to = addDays(romeToday(seededAt), 14);
    const availability: WeeklyAvailability[] = (
      await database.db
        .selectFrom('consultant_availability')
        .select(['consultant_id', 'office_id', 'weekday', 'from_time', 'to_time', 'valid_from', 'valid_to'])
        .execute()
    ).map((r) => ({
      consultantId: r.consultant_id,
      officeId: r.office_id,
      weekday: r.weekday,
      from: r.from_time,
      to: r.to_time,
      validFrom: r.valid_from,
      validTo: r.valid_to,
    }));
    const exceptions: AvailabilityException[] = (
      await database.db.selectFrom('availability_exceptions').select(['consultant_id', 'date', 'from_time', 'to_time', 'reason']).execute()
    ).map((e) => ({ consultantId: e.consultant_id, date: e.date, from: e.from_time, to: e.to_time, reason: e.reason }));
    expect(exceptions.map((e) => e.reason)).toEqual(expect.arrayContaining(['leave', 'training']));
    const closed = new Map<string, Map<string, string>>();
    for (const m of meetings)
      if (!closed.has(m.office_id))
        closed.set(m.office_id, await officeClosedDays(database.db, { id: m.office_id, networkId: m.network_id }, from, to));
    const refused: string[] = [];
    for (const m of meetings) {
      const local = romeLocal(m.starts_at);
      if (isoWeekday(local.date) > 5) refused.push(`${m.id} on a ${local.date} weekend`);
      // The booking check itself, with nothing else booked and no notice (the past ones too).
      const verdict = explainSlot(
        {
          officeId: m.office_id,
          consultantIds: [m.consultant_id],
          availability,
          exceptions,
          closedDays: closed.get(m.office_id)!,
          consultantBusy: new Map(),
          durationMinutes: (m.ends_at.getTime() - m.starts_at.getTime()) / 60_000,
          from,
          to,
          now: new Date(0),
          minNoticeMinutes: 0,
        },
        m.consultant_id,
        m.starts_at,
      );
      if (!verdict.ok) refused.push(`${m.office_code} ${m.consultant} ${local.date} ${local.time}: ${verdict.reason}`);
    }
    expect(refused).toEqual([]);
  });

  it('records attendance for the past meetings and leaves the future ones booked or confirmed, each with its log', async () => {
    const past = meetings.filter((m) => m.ends_at.getTime() < seededAt.getTime() - 60_000);
    const future = meetings.filter((m) => m.starts_at.getTime() > seededAt.getTime());
    expect(past.every((m) => ['attended', 'absent', 'excused', 'cancelled'].includes(m.status))).toBe(true);
    expect(future.every((m) => ['booked', 'confirmed', 'cancelled'].includes(m.status))).toBe(true);
    const share = (list: Meeting[], status: string) => list.filter((m) => m.status === status).length / list.length;
    expect(share(past, 'attended')).toBeGreaterThan(0.7);
    expect(share(past, 'absent')).toBeGreaterThanOrEqual(0.1);
    expect(share(past, 'absent')).toBeLessThanOrEqual(0.15);
    expect(share(past, 'excused')).toBeGreaterThan(0);
    expect(share(future, 'confirmed')).toBeGreaterThan(0.2);
    const cancelled = meetings.filter((m) => m.status === 'cancelled');
    expect(cancelled.length).toBeGreaterThan(0);
    expect(cancelled.every((m) => (m.cancel_reason ?? '').length > 0)).toBe(true);

    const events = await database.db.selectFrom('appointment_events').select(['appointment_id', 'kind', 'at']).orderBy('id').execute();
    const kinds = new Map<string, string[]>();
    for (const e of events) kinds.set(e.appointment_id, [...(kinds.get(e.appointment_id) ?? []), e.kind]);
    for (const m of meetings) {
      const log = kinds.get(m.id) ?? [];
      expect(log[0], m.id).toBe('booked');
      if (m.status !== 'booked' && m.status !== 'confirmed') expect(log.at(-1), m.id).toBe(m.status);
      if (m.status === 'confirmed') expect(log).toContain('confirmed');
    }
    expect(events.every((e) => new Date(e.at).getTime() <= seededAt.getTime())).toBe(true);
    // No message is waiting to go out about a demo meeting: a demo mails nobody.
    expect(await database.db.selectFrom('appointment_messages').select('id').execute()).toEqual([]);
    // Each attended meeting is a delivered service of its length, and nothing else is.
    const services = await database.db
      .selectFrom('service_records')
      .select(['source_id', 'minutes', 'delivery'])
      .where('source_type', '=', 'appointment')
      .execute();
    const attended = meetings.filter((m) => m.status === 'attended');
    expect(services.map((r) => r.source_id).sort()).toEqual(attended.map((m) => m.id).sort());
    const byId = new Map(attended.map((m) => [m.id, m]));
    for (const r of services) {
      const m = byId.get(r.source_id!)!;
      expect(r.minutes).toBe((m.ends_at.getTime() - m.starts_at.getTime()) / 60_000);
      expect(r.delivery).toBe('individual');
    }
  });

  it('never has a consultant, a worker or a room in two meetings at once: each meeting holds its claims', async () => {
    const holding = meetings.filter((m) => m.status !== 'cancelled');
    const claims = await database.db
      .selectFrom('agenda_claims')
      .select(['appointment_id', 'resource_type', 'resource_id'])
      .where('appointment_id', 'is not', null)
      .execute();
    const of = new Map<string, string[]>();
    for (const c of claims) of.set(c.appointment_id!, [...(of.get(c.appointment_id!) ?? []), `${c.resource_type}:${c.resource_id}`]);
    for (const m of holding)
      expect(new Set(of.get(m.id)), m.id).toEqual(
        new Set([`consultant:${m.consultant_id}`, `worker:${m.worker_id}`, ...(m.room_id ? [`room:${m.room_id}`] : [])]),
      );
    expect(meetings.filter((m) => m.status === 'cancelled').every((m) => !of.has(m.id))).toBe(true);
    // The same as a person reading the calendars would check it, without trusting the claims.
    const clash = (key: (m: Meeting) => string | null) => {
      const byKey = new Map<string, Meeting[]>();
      for (const m of holding) {
        const k = key(m);
        if (k) byKey.set(k, [...(byKey.get(k) ?? []), m]);
      }
      return [...byKey.values()].flatMap((list) =>
        list
          .slice(1)
          .filter((m, i) => m.starts_at.getTime() < list[i]!.ends_at.getTime())
          .map((m) => m.id),
      );
    };
    expect(clash((m) => m.consultant_id)).toEqual([]);
    expect(clash((m) => m.worker_id)).toEqual([]);
    expect(clash((m) => m.room_id)).toEqual([]);
    // And the database refuses a claim on time already held.
    const taken = holding[0]!;
    await expect(
      database.db
        .insertInto('agenda_claims')
        .values({
          network_id: taken.network_id,
          resource_type: 'consultant',
          resource_id: taken.consultant_id,
          during: `[${taken.starts_at.toISOString()},${taken.ends_at.toISOString()})`,
          appointment_id: null,
        })
        .execute(),
    ).rejects.toMatchObject({ code: '23P01' });
  });

  it('holds six workshops in the training rooms, one of them a weekly series: the past ones with attendance, the full ones with a waiting list in order', async () => {
    const db = database.db;
    const sessions = await db
      .selectFrom('group_sessions as s')
      .innerJoin('meeting_rooms as r', 'r.id', 's.room_id')
      .select(['s.id', 's.title', 's.series_id', 's.starts_at', 's.ends_at', 's.seats', 's.status', 'r.capacity'])
      .orderBy('s.starts_at')
      .execute();
    const workshops = new Set(sessions.map((s) => s.series_id ?? s.id));
    expect(workshops.size).toBe(6);
    const series = sessions.filter((s) => s.series_id !== null);
    expect(series).toHaveLength(2);
    // A week apart at the same Rome time.
    expect(romeLocal(new Date(series[1]!.starts_at)).time).toBe(romeLocal(new Date(series[0]!.starts_at)).time);
    expect(romeToday(new Date(series[1]!.starts_at))).toBe(addDays(romeToday(new Date(series[0]!.starts_at)), 7));
    expect(sessions.every((s) => s.capacity >= s.seats && s.status === 'scheduled')).toBe(true);

    const participants = await db
      .selectFrom('group_participants')
      .select(['session_id', 'worker_id', 'status', 'waiting_order', 'waiting_since'])
      .execute();
    const of = (id: string) => participants.filter((p) => p.session_id === id);
    const past = sessions.filter((s) => new Date(s.ends_at).getTime() <= seededAt.getTime());
    const coming = sessions.filter((s) => new Date(s.starts_at).getTime() > seededAt.getTime());
    expect(past.length).toBeGreaterThanOrEqual(2);
    expect(coming.length).toBeGreaterThanOrEqual(3);
    for (const s of past) {
      const list = of(s.id);
      expect(list.length, s.title).toBeGreaterThan(0);
      expect(
        list.every((p) => ['attended', 'absent', 'excused', 'invited'].includes(p.status)),
        s.title,
      ).toBe(true);
      expect(list.some((p) => p.status === 'attended')).toBe(true);
    }
    // Each attended seat is a delivered group service, as recording the attendance makes it.
    const services = await db
      .selectFrom('service_records')
      .select(['source_id', 'worker_id', 'delivery', 'service_code'])
      .where('source_type', '=', 'group_session')
      .execute();
    const attended = participants.filter((p) => p.status === 'attended');
    expect(services.map((r) => `${r.source_id}:${r.worker_id}`).sort()).toEqual(
      attended.map((p) => `${p.session_id}:${p.worker_id}`).sort(),
    );
    expect(services.every((r) => r.delivery === 'group' && r.service_code === 'group_workshop')).toBe(true);
    // Two coming sessions are full, with their waiting list in the order people asked.
    const full = coming.filter((s) => of(s.id).filter((p) => p.status === 'booked').length === s.seats);
    expect(full.length).toBeGreaterThanOrEqual(2);
    for (const s of full) {
      const waiting = of(s.id)
        .filter((p) => p.status === 'waiting')
        .sort((a, b) => Number(a.waiting_order) - Number(b.waiting_order));
      expect(waiting.length, s.title).toBeGreaterThanOrEqual(3);
      const since = waiting.map((p) => new Date(p.waiting_since!).getTime());
      expect(since).toEqual([...since].sort((a, b) => a - b));
    }
    expect(participants.some((p) => p.status === 'invited')).toBe(true);
    // Each session claims its facilitators, its room and every seat taken; a waiting or invited
    // worker holds no time. The exclusion constraint accepted them beside the meetings.
    const claims = await db
      .selectFrom('agenda_claims')
      .select(['session_id', 'resource_type', 'resource_id'])
      .where('session_id', 'is not', null)
      .execute();
    for (const s of sessions) {
      const workers = claims.filter((c) => c.session_id === s.id && c.resource_type === 'worker').map((c) => c.resource_id);
      expect(new Set(workers)).toEqual(
        new Set(
          of(s.id)
            .filter((p) => ['booked', 'attended', 'absent', 'excused'].includes(p.status))
            .map((p) => p.worker_id),
        ),
      );
      expect(claims.filter((c) => c.session_id === s.id && c.resource_type === 'room')).toHaveLength(1);
      expect(claims.some((c) => c.session_id === s.id && c.resource_type === 'consultant')).toBe(true);
    }
    // Nobody is told anything by a demo.
    expect(await db.selectFrom('group_session_messages').select('id').execute()).toEqual([]);
    expect(await db.selectFrom('jobs').select('id').where('kind', 'like', 'appointments.%').execute()).toEqual([]);
  });

  it('is the same agenda when seeded again on the same day', async () => {
    const again = await createTestDatabase();
    try {
      await seedDemo(again);
      const second = await meetingsOf(again);
      const seconds = (await again.db.selectFrom('audit_log').select('at').where('action', '=', 'demo.seeded').executeTakeFirstOrThrow())
        .at;
      // Only a meeting that ended between the two seedings may have changed its status.
      const settled = (list: Meeting[]) =>
        list.map((m) => [
          m.office_code,
          m.consultant,
          m.worker,
          m.type_code,
          m.mode,
          m.starts_at.toISOString(),
          m.ends_at.getTime() < seededAt.getTime() || m.starts_at.getTime() > new Date(seconds).getTime() ? m.status : '',
        ]);
      if (romeToday(seededAt) === romeToday(new Date(seconds))) expect(settled(second)).toEqual(settled(meetings));
    } finally {
      await again.close();
    }
  });
});
