// The agenda's pure slot computation at the size of the issue's target ("first free slots across
// 20 consultants and 8 weeks with 5,000 existing appointments: p95 ≤ 30 ms server time"): 20
// consultants of one office, Monday–Friday 09:00–13:00 and 14:00–17:30, 8 weeks across the spring
// change of 2027, 5,000 meetings of 30–60 minutes, half of them in one of 8 rooms. Prints p50/p95
// (wall and CPU time) in milliseconds of:
//   baseline   sorting the 5,000 intervals (a copy, by start), the least any computation must do;
//   first 10   the front desk's list: the first 10 free slots across the 20 consultants, in person
//              (a free room needed), everything prepared from the unsorted input each time;
//   1 of 20    the first 10 slots of one consultant;
//   all        every free slot in the 8 weeks across the 20 (the most a query can ask for).
// Run: node --import tsx bench/slots.bench.ts   (RUNS=… to change the 300 runs)
import { addDays, isoWeekday } from '../src/shared/time/rome-date.js';
import { romeToUtc } from '../src/shared/time/rome-time.js';
import { firstFreeSlots, type BusyInterval, type SlotQuery, type WeeklyAvailability } from '../src/server/appointments/index.js';

const RUNS = Number(process.env.RUNS ?? 300);
const OFFICE = 'cpi-modena';
const FROM = '2027-03-01';
const TO = addDays(FROM, 8 * 7 - 1);
const closedDays = new Map([['2027-03-29', "Lunedì dell'Angelo"]]);

let seed = 20270301;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;

const consultants = Array.from({ length: 20 }, (_, i) => `consultant-${String(i + 1).padStart(2, '0')}`);
const rooms = Array.from({ length: 8 }, (_, i) => `sala-${i + 1}`);
const availability: WeeklyAvailability[] = consultants.flatMap((consultantId) =>
  [1, 2, 3, 4, 5].flatMap((weekday) => [
    { consultantId, officeId: OFFICE, weekday, from: '09:00', to: '13:00', validFrom: '2027-01-01', validTo: null },
    { consultantId, officeId: OFFICE, weekday, from: '14:00', to: '17:30', validFrom: '2027-01-01', validTo: null },
  ]),
);

// Every meeting that could fit, back to back with random gaps, then 5,000 of them kept at random.
const candidates: { consultantId: string; start: number; end: number }[] = [];
for (let date = FROM; date <= TO; date = addDays(date, 1)) {
  if (isoWeekday(date) > 5 || closedDays.has(date)) continue;
  for (const consultantId of consultants) {
    for (const [from, to] of [
      ['09:00', '13:00'],
      ['14:00', '17:30'],
    ] as const) {
      let at = romeToUtc(date, from).getTime();
      const end = romeToUtc(date, to).getTime();
      for (;;) {
        at += pick([0, 0, 15, 30]) * 60_000;
        const length = pick([30, 45, 60, 60]) * 60_000;
        if (at + length > end) break;
        candidates.push({ consultantId, start: at, end: at + length });
        at += length;
      }
    }
  }
}
for (let i = candidates.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [candidates[i], candidates[j]] = [candidates[j]!, candidates[i]!];
}
const meetings = candidates.slice(0, 5_000);
const consultantBusy = new Map<string, BusyInterval[]>(consultants.map((c) => [c, []]));
const roomBusy = new Map<string, BusyInterval[]>(rooms.map((r) => [r, []]));
for (const [i, m] of meetings.entries()) {
  const interval = { start: new Date(m.start), end: new Date(m.end), ref: `appointment-${i}` };
  consultantBusy.get(m.consultantId)!.push(interval);
  if (i % 2 === 0) {
    const free = rooms.find((r) => roomBusy.get(r)!.every((b) => b.end.getTime() <= m.start || b.start.getTime() >= m.end));
    if (free) roomBusy.get(free)!.push(interval);
  }
}

const query: SlotQuery = {
  officeId: OFFICE,
  consultantIds: consultants,
  availability,
  exceptions: [{ consultantId: 'consultant-03', date: '2027-03-02', reason: 'formazione' }],
  closedDays,
  consultantBusy,
  sharedBusy: [{ start: new Date('2027-03-01T08:00:00Z'), end: new Date('2027-03-01T10:00:00Z') }],
  rooms: rooms.map((roomId) => ({ roomId, busy: roomBusy.get(roomId)! })),
  durationMinutes: 60,
  stepMinutes: 15,
  from: FROM,
  to: TO,
  now: new Date('2027-02-26T08:00:00Z'),
};

// Wall time, and the process's CPU time (user + system) of the same run: on a machine shared with
// other work the wall time includes the waits for a core, the CPU time does not.
function measure(label: string, run: () => unknown): void {
  for (let i = 0; i < 20; i++) run();
  const wall: number[] = [];
  const cpu: number[] = [];
  let result: unknown;
  for (let i = 0; i < RUNS; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    result = run();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const at = (times: number[], q: number) =>
    [...times].sort((a, b) => a - b)[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(2);
  const size = Array.isArray(result) ? ` (${result.length})` : '';
  console.log(
    `${label.padEnd(54)} wall p50 ${at(wall, 0.5).padStart(6)} p95 ${at(wall, 0.95).padStart(6)} ms | cpu p50 ${at(cpu, 0.5).padStart(6)} p95 ${at(cpu, 0.95).padStart(6)} ms${size}`,
  );
}

const all = meetings.map((m) => ({ start: new Date(m.start), end: new Date(m.end) }));
console.log(`${meetings.length} meetings of ${consultants.length} consultants, ${FROM} – ${TO}, ${RUNS} runs each`);
measure('baseline: sort 5,000 intervals by start', () => [...all].sort((a, b) => a.start.getTime() - b.start.getTime()));
measure('first 10 free slots across 20 consultants, with a room', () => firstFreeSlots(query, 10));
measure('first 10 free slots of one consultant', () => firstFreeSlots({ ...query, consultantIds: ['consultant-07'] }, 10));
measure('every free slot in 8 weeks across 20 consultants', () => firstFreeSlots({ ...query, rooms: undefined }, Number.POSITIVE_INFINITY));
measure('every free slot in 8 weeks across 20, with a room', () => firstFreeSlots(query, Number.POSITIVE_INFINITY));
