import { randomUUID } from 'node:crypto';
import type { Executor } from '../db/executor.js';
import type { AppointmentMode, AppointmentStatus, BookedVia, ExceptionReason } from '../db/schema-appointments.js';
import {
  appointmentTypesByCode,
  insertAbsencesBulk,
  insertAppointmentsBulk,
  insertAvailabilityRulesBulk,
  insertRoomsBulk,
  type BulkAbsence,
  type BulkAppointment,
  type BulkAvailabilityRule,
  type BulkRoom,
} from '../appointments/index.js';
import { officeClosedDays, REGISTERED_STATES } from '../outreach/index.js';
import { appendWorkerEventsAt, workersOfCasesWithPeriod, type CaseWorker } from '../people/index.js';
import { recordDeliveredServicesBulk } from '../services/index.js';
import { addDays, isoWeekday } from '../../shared/time/rome-date.js';
import { romeToday, romeToUtc } from '../../shared/time/rome-time.js';
import { DEMO_OFFICES } from './demo-organisation.js';
import { seededRandom, type DemoCase } from './demo-people.js';
import { seedDemoWorkshops } from './demo-workshops.js';
import type { DemoProgramme } from './demo-programmes.js';

/**
 * A month of agenda around the day the demo is seeded: each office's consultants with their weekly
 * availability (valid from a month ago, open-ended) and a few absences, two or three rooms per
 * office, and about 300 individual meetings over the past two weeks and the next two — the past
 * ones with their attendance, the future ones booked or confirmed, each with its log; then the
 * group workshops (demo-workshops.ts) in the time left free.
 *
 * The generator is correct by construction, not lucky: each consultant's day is cut into meetings
 * one after the other inside the availability left by closed days and absences, so a consultant's
 * meetings never overlap; a worker and a room are taken only when free over the whole meeting. The
 * database's exclusion constraint on agenda_claims would refuse any overlap all the same.
 * Deterministic: a seeded generator, and workers taken in an order that does not depend on their
 * random ids, so two seedings on one day give the same agenda.
 */

type Range = [from: string, to: string];
/** ISO weekday → wall-clock ranges, per office code. */
type WeeklyPattern = Record<string, Array<[weekdays: number[], ...ranges: Range[]]>>;

const MORNING: Range = ['09:00', '13:00'];
const EARLY: Range = ['08:30', '12:30'];
const MON_FRI = [1, 2, 3, 4, 5];

/** Each consultant's week, by e-mail: several ranges a day, and some work in two offices. */
const PATTERNS: Record<string, WeeklyPattern> = {
  'orientatrice@ricolloca.example': { 'CPI-MO': [[[1, 3, 5], MORNING]], 'CPI-SA': [[[2, 4], MORNING]] },
  'p.marchesi@ricolloca.example': {
    'CPI-MO': [
      [MON_FRI, MORNING],
      [
        [2, 4],
        ['14:30', '17:00'],
      ],
    ],
  },
  'c.esposito@ricolloca.example': {
    'CPI-MO': [
      [[1, 2], EARLY],
      [[1], ['14:00', '16:30']],
    ],
    'CPI-CA': [[[3, 4, 5], MORNING]],
  },
  'f.dangelo@ricolloca.example': {
    'CPI-CA': [
      [[1, 2, 3, 4], MORNING],
      [[2], ['14:30', '16:30']],
    ],
  },
  'n.ricci@ricolloca.example': {
    'CPI-CA': [
      [[1, 3, 5], EARLY],
      [[4], MORNING, ['14:30', '17:00']],
    ],
  },
  'd.pellegrino@ricolloca.example': {
    'CPI-MI': [
      [MON_FRI, EARLY],
      [[4], ['14:30', '17:00']],
    ],
  },
  'l.marino@ricolloca.example': {
    'CPI-MI': [
      [[2, 3], MORNING],
      [[3], ['14:00', '16:00']],
      [[5], ['09:00', '12:00']],
    ],
  },
  'm.greco@ricolloca.example': {
    'CPI-SA': [
      [[1, 3, 5], MORNING],
      [
        [1, 2, 4],
        ['14:30', '17:00'],
      ],
    ],
  },
  's.deluca@ricolloca.example': { 'CPI-VI': [[MON_FRI, ['09:00', '12:30']]] },
  'a.santoro@ricolloca.example': {
    'CPI-VI': [[[2, 4], MORNING]],
    'CPI-PA': [
      [[1, 5], EARLY],
      [[1], ['14:00', '16:00']],
    ],
  },
  'r.conti@ricolloca.example': {
    'CPI-PA': [
      [[1, 2, 4, 5], EARLY],
      [[2], ['14:00', '16:00']],
    ],
  },
  'v.russo@ricolloca.example': {
    'CPI-CF': [
      [MON_FRI, MORNING],
      [[4], ['14:30', '17:00']],
    ],
  },
  'g.caruso@ricolloca.example': {
    'CPI-CF': [[[1, 3], MORNING]],
    'CPI-MO': [
      [[4, 5], MORNING],
      [[4], ['14:30', '17:00']],
    ],
  },
};

/** Absences, on the n-th working day from today (negative: past). */
const ABSENCES: Array<{ email: string; days: number[]; range?: Range; reason: ExceptionReason; note: string }> = [
  { email: 'p.marchesi@ricolloca.example', days: [6, 7, 8], reason: 'leave', note: 'Ferie' },
  { email: 'd.pellegrino@ricolloca.example', days: [10], reason: 'leave', note: 'Ferie' },
  { email: 'm.greco@ricolloca.example', days: [-5], reason: 'training', note: 'Formazione regionale sul collocamento mirato' },
  {
    email: 'l.marino@ricolloca.example',
    days: [2],
    range: ['09:00', '11:00'],
    reason: 'training',
    note: 'Formazione: nuovo sistema informativo lavoro',
  },
  { email: 's.deluca@ricolloca.example', days: [-3], reason: 'sickness', note: 'Malattia' },
  {
    email: 'orientatrice@ricolloca.example',
    days: [3],
    range: ['11:00', '13:00'],
    reason: 'training',
    note: 'Formazione: colloquio motivazionale',
  },
];

const ROOMS: Array<{ name: string; capacity: number; equipment: string[]; offices?: string[] }> = [
  { name: 'Sala colloqui 1', capacity: 4, equipment: ['PC', 'accessibile in carrozzina'] },
  { name: 'Sala colloqui 2', capacity: 3, equipment: ['PC'], offices: ['CPI-MO', 'CPI-CA', 'CPI-MI', 'CPI-SA', 'CPI-CF'] },
  { name: 'Aula formazione', capacity: 20, equipment: ['proiettore', 'PC', 'videoconferenza', 'accessibile in carrozzina'] },
];

/** Many first interviews; the later steps of the path in decreasing number. */
const TYPE_WEIGHTS: Array<[code: string, weight: number]> = [
  ['first_interview', 34],
  ['orientation', 20],
  ['cv_review', 18],
  ['interview_coaching', 12],
  ['contract_assistance', 7],
  ['follow_up', 9],
];
const TARGET_MEETINGS = 300;
const WINDOW_DAYS = 14;
const CANCEL_REASONS = [
  'Visita medica concomitante',
  'Il lavoratore ha iniziato un nuovo lavoro',
  'Impegno familiare: chiede di fissare un altro giorno',
  'Malattia del lavoratore',
  'Orientatore impegnato in un tavolo di crisi aziendale',
];
const NOTES = [
  'Portare il curriculum aggiornato',
  'Interessato ai corsi di saldatura',
  'Chiede informazioni sulla NASpI alla fine della CIGS',
  'Preferisce essere contattato al mattino',
  'Ha bisogno di un interprete (arabo)',
];
const MINUTE = 60_000;
const DAY = 86_400_000;

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const overlaps = (list: Array<[number, number]> | undefined, s: number, e: number) => !!list?.some(([a, b]) => a < e && s < b);

/** The n-th weekday (Monday–Friday) from `today`, counting today as 0 when it is one. */
function workingDay(today: string, n: number): string {
  let date = today;
  let left = Math.abs(n);
  const step = n < 0 ? -1 : 1;
  while (left > 0 || isoWeekday(date) > 5) {
    date = addDays(date, step);
    if (isoWeekday(date) <= 5) left--;
  }
  return date;
}

/** A deterministic shuffle (Fisher–Yates on the seeded generator). */
function shuffle<T>(items: T[], next: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** `count` statuses in these proportions, in a shuffled order: the shares hold whatever the day. */
function quota<T>(count: number, shares: Array<[T, number]>, rest: T, next: () => number): T[] {
  const out: T[] = [];
  for (const [value, share] of shares) for (let i = Math.round(count * share); i > 0 && out.length < count; i--) out.push(value);
  while (out.length < count) out.push(rest);
  return shuffle(out, next);
}

export interface DemoAgendaInput {
  networkId: string;
  officeIds: Map<string, string>;
  /** e-mail → id, the consultants' included */
  staffIds: Map<string, string>;
  cases: DemoCase[];
  programme: DemoProgramme;
  now: Date;
}

export async function seedDemoAgenda(trx: Executor, input: DemoAgendaInput): Promise<{ meetings: number; workshops: number }> {
  const { networkId, officeIds, staffIds, now } = input;
  const rnd = seededRandom(20261001);
  const today = romeToday(now);
  const validFrom = addDays(today, -30);
  const first = addDays(today, -WINDOW_DAYS);
  const last = addDays(today, WINDOW_DAYS);
  const consultantOf = (email: string) => staffIds.get(email);

  // Ties between consultants are broken by their place in PATTERNS, never by their random ids.
  const rank = new Map(Object.keys(PATTERNS).map((email, i) => [consultantOf(email) ?? email, i]));
  const rules: BulkAvailabilityRule[] = [];
  for (const [email, pattern] of Object.entries(PATTERNS)) {
    const consultantId = consultantOf(email);
    if (!consultantId) continue;
    for (const [code, weeks] of Object.entries(pattern))
      for (const [weekdays, ...ranges] of weeks)
        for (const weekday of weekdays)
          for (const [from, to] of ranges)
            rules.push({ networkId, officeId: officeIds.get(code)!, consultantId, weekday, from, to, validFrom, validTo: null });
  }
  const absences: BulkAbsence[] = ABSENCES.filter((a) => consultantOf(a.email)).flatMap((a) =>
    a.days.map((n) => ({
      networkId,
      consultantId: consultantOf(a.email)!,
      date: workingDay(today, n),
      from: a.range?.[0] ?? null,
      to: a.range?.[1] ?? null,
      reason: a.reason,
      note: a.note,
      createdBy: consultantOf('coordinatore@ricolloca.example') ?? null,
      at: new Date(now.getTime() - 20 * DAY),
    })),
  );
  const rooms: BulkRoom[] = DEMO_OFFICES.flatMap((o) =>
    ROOMS.filter((r) => !r.offices || r.offices.includes(o.code)).map((r) => ({
      id: randomUUID(),
      networkId,
      officeId: officeIds.get(o.code)!,
      name: r.name,
      capacity: r.capacity,
      equipment: r.equipment,
    })),
  );
  await insertAvailabilityRulesBulk(trx, rules);
  await insertAbsencesBulk(trx, absences);
  await insertRoomsBulk(trx, rooms);

  // 1. Every meeting the consultants' days could hold, back to back with short gaps.
  const closed = new Map<string, Map<string, string>>();
  for (const id of officeIds.values()) closed.set(id, await officeClosedDays(trx, { id, networkId }, first, last));
  const types = await appointmentTypesByCode(trx, networkId);
  const weighted = TYPE_WEIGHTS.filter(([code]) => types.has(code));
  const totalWeight = weighted.reduce((sum, [, w]) => sum + w, 0);
  const pickType = () => {
    let x = rnd.next() * totalWeight;
    for (const [code, w] of weighted) if ((x -= w) < 0) return code;
    return weighted[0]![0];
  };
  interface Candidate {
    consultantId: string;
    officeId: string;
    typeCode: string;
    start: Date;
    end: Date;
  }
  const candidates: Candidate[] = [];
  if (weighted.length === 0) return { meetings: 0, workshops: 0 };
  for (let date = first; date <= last; date = addDays(date, 1)) {
    const weekday = isoWeekday(date);
    if (weekday > 5) continue;
    for (const rule of rules) {
      if (rule.weekday !== weekday || closed.get(rule.officeId)?.has(date)) continue;
      const away = absences.filter((a) => a.consultantId === rule.consultantId && a.date === date);
      if (away.some((a) => a.from === null)) continue;
      // The rule's range less the absences of the day (a range cut in two at most).
      let pieces: Array<[number, number]> = [[minutes(rule.from), minutes(rule.to)]];
      for (const a of away)
        pieces = pieces.flatMap(([s, e]): Array<[number, number]> => {
          const [x, y] = [minutes(a.from!), minutes(a.to!)];
          return y <= s || x >= e
            ? [[s, e]]
            : (
                [
                  [s, x],
                  [y, e],
                ] as Array<[number, number]>
              ).filter(([p, q]) => q > p);
        });
      for (const [from, to] of pieces) {
        let cursor = from;
        for (;;) {
          cursor += rnd.pick([0, 0, 0, 15, 15, 30]);
          let code = pickType();
          // The end of a range left too short for the type drawn: a short follow-up, now and then.
          if (cursor + types.get(code)!.durationMinutes > to) {
            if (rnd.chance(0.6)) break;
            code = 'follow_up';
          }
          const type = types.get(code);
          if (!type || cursor + type.durationMinutes > to) break;
          candidates.push({
            consultantId: rule.consultantId,
            officeId: rule.officeId,
            typeCode: code,
            start: romeToUtc(date, hhmm(cursor)),
            end: romeToUtc(date, hhmm(cursor + type.durationMinutes)),
          });
          cursor += type.durationMinutes;
        }
      }
    }
  }

  // 2. About 300 of them (any subset of non-overlapping meetings does not overlap), in time order.
  const chosen = shuffle(candidates, rnd.next)
    .slice(0, TARGET_MEETINGS)
    .sort((a, b) => a.start.getTime() - b.start.getTime() || rank.get(a.consultantId)! - rank.get(b.consultantId)!);

  // 3. A worker of the office free at that time (first interviews for people not seen yet, the
  //    later steps preferably for people already met), a free interview room, a mode, an outcome.
  const workers = await workersOfCasesWithPeriod(
    trx,
    input.cases.map((c) => c.caseId),
  );
  const registered = new Set<string>(REGISTERED_STATES);
  const byName = (a: CaseWorker, b: CaseWorker) =>
    a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName) || (a.phone ?? '').localeCompare(b.phone ?? '');
  const poolOf = new Map<string, CaseWorker[]>();
  for (const w of [...workers].sort(byName)) poolOf.set(w.officeId, [...(poolOf.get(w.officeId) ?? []), w]);
  for (const [officeId, pool] of poolOf) {
    // Workers taking part in the programme first: they are the ones the consultants see.
    const taking = pool.filter((w) => registered.has(input.programme.stateOf.get(w.id) ?? ''));
    poolOf.set(officeId, [
      ...shuffle(taking, rnd.next),
      ...shuffle(
        pool.filter((w) => !taking.includes(w)),
        rnd.next,
      ),
    ]);
  }
  const workerBusy = new Map<string, Array<[number, number]>>();
  const roomBusy = new Map<string, Array<[number, number]>>();
  const interviewRooms = new Map<string, string[]>();
  for (const r of rooms) if (r.capacity < 10) interviewRooms.set(r.officeId, [...(interviewRooms.get(r.officeId) ?? []), r.id]);
  const met = new Map<string, string[]>();
  const frontOffice = consultantOf('sportello@ricolloca.example') ?? null;
  const modena = officeIds.get('CPI-MO');

  const placed: Array<Candidate & { workerId: string }> = [];
  for (const c of chosen) {
    const [s, e] = [c.start.getTime(), c.end.getTime()];
    const pool = poolOf.get(c.officeId) ?? [];
    const free = (w: CaseWorker) => !overlaps(workerBusy.get(w.id), s, e) && (workerBusy.get(w.id)?.length ?? 0) < 4;
    const seen = met.get(c.officeId) ?? [];
    let worker: CaseWorker | undefined;
    if (c.typeCode !== 'first_interview' && seen.length && rnd.chance(0.6)) {
      const again = new Set(seen);
      worker = shuffle(
        pool.filter((w) => again.has(w.id) && free(w)),
        rnd.next,
      )[0];
    }
    worker ??= pool.find((w) => !workerBusy.has(w.id) && free(w)) ?? pool.find(free);
    if (!worker) continue;
    workerBusy.set(worker.id, [...(workerBusy.get(worker.id) ?? []), [s, e]]);
    if (!workerBusy.get(worker.id)!.slice(0, -1).length) met.set(c.officeId, [...(met.get(c.officeId) ?? []), worker.id]);
    placed.push({ ...c, workerId: worker.id });
  }

  // Outcomes in fixed shares, drawn per day (before today, today, after today) so that seeding
  // again later the same day changes only today's meetings that have ended since.
  const dayOf = (c: Candidate) => romeToday(c.start);
  const PAST_SHARES: Array<[AppointmentStatus, number]> = [
    ['absent', 0.12],
    ['excused', 0.05],
    ['cancelled', 0.05],
  ];
  const FUTURE_SHARES: Array<[AppointmentStatus, number]> = [
    ['confirmed', 0.35],
    ['cancelled', 0.05],
  ];
  const statusOf = new Map<Candidate, AppointmentStatus>();
  const before = placed.filter((c) => dayOf(c) < today);
  const onToday = placed.filter((c) => dayOf(c) === today);
  const after = placed.filter((c) => dayOf(c) > today);
  const pastOutcome = quota(before.length, PAST_SHARES, 'attended', rnd.next);
  before.forEach((c, i) => statusOf.set(c, pastOutcome[i]!));
  const futureOutcome = quota(after.length, FUTURE_SHARES, 'booked', rnd.next);
  after.forEach((c, i) => statusOf.set(c, futureOutcome[i]!));
  const todayPast = quota(onToday.length, PAST_SHARES, 'attended', rnd.next);
  const todayFuture = quota(onToday.length, FUTURE_SHARES, 'booked', rnd.next);
  onToday.forEach((c, i) => statusOf.set(c, c.end.getTime() <= now.getTime() ? todayPast[i]! : todayFuture[i]!));

  const appointments: BulkAppointment[] = [];
  const timeline: Parameters<typeof appendWorkerEventsAt>[1][number][] = [];
  for (const c of placed) {
    const [s, e] = [c.start.getTime(), c.end.getTime()];
    const type = types.get(c.typeCode)!;
    const status = statusOf.get(c)!;
    const id = randomUUID();
    // One draw of the main generator per meeting: whatever this meeting's outcome makes it draw
    // below, the next meeting's details stay the same.
    const draw = seededRandom(Math.floor(rnd.next() * 4294967296));
    let mode: AppointmentMode = draw.chance(0.76) ? 'in_person' : draw.chance(0.7) ? 'phone' : 'video';
    let roomId: string | null = null;
    if (mode === 'in_person') {
      roomId = (interviewRooms.get(c.officeId) ?? []).find((r) => !overlaps(roomBusy.get(r), s, e)) ?? null;
      // Both interview rooms taken: the meeting is held on the phone instead.
      if (roomId) roomBusy.set(roomId, [...(roomBusy.get(roomId) ?? []), [s, e]]);
      else mode = 'phone';
    }
    const office = DEMO_OFFICES.find((o) => officeIds.get(o.code) === c.officeId)!;
    const videoLink = mode === 'video' ? `https://video.ricolloca.example/${office.code.toLowerCase()}-${id.slice(0, 8)}` : null;
    const byDesk = c.officeId === modena && frontOffice !== null && draw.chance(0.35);
    const bookedVia: BookedVia = byDesk
      ? draw.chance(0.75)
        ? 'hotline'
        : 'callback'
      : draw.pick(['agenda', 'agenda', 'worker_page', 'hotline'] as const);
    const bookedBy = byDesk ? frontOffice : c.consultantId;
    // Booked one to twelve days ahead, and never after now.
    const createdAt = new Date(Math.min(s - draw.int(1, 12) * DAY - draw.int(0, 300) * MINUTE, now.getTime() - draw.int(30, 900) * MINUTE));
    const between = (from: number, to: number) => new Date(from + Math.floor(draw.next() * Math.max(0, to - from)));
    const snapshot = { start: c.start.toISOString(), end: c.end.toISOString(), consultantId: c.consultantId, roomId, mode };
    const events: BulkAppointment['events'] = [{ at: createdAt, actorId: bookedBy, kind: 'booked', after: snapshot }];
    const told = (kind: string, at: Date, actorId: string | null, details: Record<string, unknown>) =>
      timeline.push({ workerId: c.workerId, officeId: c.officeId, kind, actorId, at, details: { appointmentId: id, ...details } });
    told('appointment.booked', createdAt, bookedBy, { type: type.nameIt, start: c.start.toISOString() });
    const until = Math.min(s, now.getTime());
    let before: AppointmentStatus = 'booked';
    if (status === 'confirmed' || (status !== 'cancelled' && status !== 'booked' && draw.chance(0.4))) {
      const at = between(createdAt.getTime(), until);
      events.push({ at, actorId: null, byWorker: true, kind: 'confirmed', before: { status: 'booked' }, after: { status: 'confirmed' } });
      told('appointment.confirmed_by_worker', at, null, {});
      before = 'confirmed';
    }
    let cancelReason: string | null = null;
    if (status === 'cancelled') {
      cancelReason = draw.pick(CANCEL_REASONS);
      const byWorker = !cancelReason.startsWith('Orientatore') && draw.chance(0.5);
      const at = between(createdAt.getTime(), until);
      const actorId = byWorker ? null : c.consultantId;
      events.push({ at, actorId, byWorker, kind: 'cancelled', before: { ...snapshot, status: before }, reason: cancelReason });
      told('appointment.cancelled', at, actorId, { start: c.start.toISOString(), reason: cancelReason, byWorker });
    } else if (status === 'attended' || status === 'absent' || status === 'excused') {
      const at = new Date(Math.min(e + draw.int(5, 120) * MINUTE, now.getTime()));
      events.push({ at, actorId: c.consultantId, kind: status, before: { status: before }, after: { status } });
      told(`appointment.${status}`, at, c.consultantId, { type: type.nameIt, start: c.start.toISOString() });
    }
    appointments.push({
      id,
      networkId,
      officeId: c.officeId,
      typeId: type.id,
      workerId: c.workerId,
      consultantId: c.consultantId,
      roomId,
      mode,
      videoLink,
      start: c.start,
      end: c.end,
      status,
      // The iCalendar SEQUENCE rises with the cancellation the worker is told of, as the service does.
      sequence: status === 'cancelled' ? 1 : 0,
      bookedVia,
      bookedBy,
      note: draw.chance(0.15) ? draw.pick(NOTES) : '',
      cancelReason,
      createdAt,
      updatedAt: events[events.length - 1]!.at,
      events,
    });
  }
  // No confirmation, reminder or any other job is enqueued for these meetings, not even for the
  // future ones: a demo must not mail or text anyone, and its workers' addresses are invented.
  await insertAppointmentsBulk(trx, appointments);
  const serviceOfType = new Map([...types.values()].map((t) => [t.id, t.serviceCode]));
  // Each attended meeting is a delivered service, as recording the attendance makes it (the
  // programme is left empty here: the demo's enrolments are not looked up meeting by meeting).
  await recordDeliveredServicesBulk(
    trx,
    appointments
      .filter((a) => a.status === 'attended')
      .map((a) => ({
        networkId: a.networkId,
        officeId: a.officeId,
        workerId: a.workerId,
        programmeId: null,
        staffId: a.consultantId,
        serviceCode: serviceOfType.get(a.typeId)!,
        delivery: 'individual' as const,
        deliveredOn: romeToday(a.start),
        minutes: Math.round((a.end.getTime() - a.start.getTime()) / MINUTE),
        source: { type: 'appointment' as const, id: a.id },
        createdBy: a.consultantId,
      })),
  );
  await appendWorkerEventsAt(trx, timeline);

  const staffBusy = new Map<string, Array<[number, number]>>();
  for (const a of appointments)
    staffBusy.set(a.consultantId, [...(staffBusy.get(a.consultantId) ?? []), [a.start.getTime(), a.end.getTime()]]);
  const { sessions } = await seedDemoWorkshops(trx, {
    networkId,
    officeIds,
    staffIds,
    now,
    trainingRoomOf: new Map(rooms.filter((r) => r.capacity >= 10).map((r) => [r.officeId, r.id])),
    closed,
    pools: poolOf,
    staffBusy,
    workerBusy,
  });
  return { meetings: appointments.length, workshops: sessions };
}
