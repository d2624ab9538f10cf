import { describe, expect, it } from 'vitest';
import { romeWallClockToUtc } from '../../shared/time/rome-time.js';
import { checkAvailabilityRule, overlappingRules } from './availability-rules.js';
import {
  consultantFreeSlots,
  explainSlot,
  firstFreeSlots,
  type BusyInterval,
  type FreeSlot,
  type SlotQuery,
  type WeeklyAvailability,
} from './slots.js';

const MODENA = 'office-cpi-modena';
const SASSUOLO = 'office-cpi-sassuolo';
const BARBIERI = 'chiara-barbieri';
const DAGOSTINO = 'niccolo-dagostino';
const ESPOSITO = 'giuseppe-esposito';

/** Monday to Friday 09:00–13:00 and 14:00–17:30 at an office, from January 2027. */
function workingWeek(consultantId: string, officeId = MODENA, weekdays = [1, 2, 3, 4, 5]): WeeklyAvailability[] {
  return weekdays.flatMap((weekday) => [
    { consultantId, officeId, weekday, from: '09:00', to: '13:00', validFrom: '2027-01-01', validTo: null },
    { consultantId, officeId, weekday, from: '14:00', to: '17:30', validFrom: '2027-01-01', validTo: null },
  ]);
}

// The office's closed days as the hotline's calendar hands them (date → name).
const CLOSED = new Map([
  ['2027-03-29', "Lunedì dell'Angelo"],
  ['2027-04-25', 'Festa della Liberazione'],
  ['2027-11-01', 'Ognissanti'],
]);

function query(overrides: Partial<SlotQuery> = {}): SlotQuery {
  return {
    officeId: MODENA,
    consultantIds: [BARBIERI],
    availability: workingWeek(BARBIERI),
    exceptions: [],
    closedDays: CLOSED,
    consultantBusy: new Map(),
    durationMinutes: 60,
    from: '2027-03-22',
    to: '2027-04-02',
    now: new Date('2027-03-19T12:00:00Z'),
    ...overrides,
  };
}

const busy = (start: string, end: string, ref?: string): BusyInterval => ({ start: new Date(start), end: new Date(end), ref });
const label = (s: FreeSlot) => `${s.date} ${s.startTime}–${s.endTime}`;
const firstOfEachDay = (slots: FreeSlot[]) => [...new Map([...slots].reverse().map((s) => [s.date, s])).values()].reverse();

describe('free slots across the daylight-saving changes', () => {
  it('a weekly 09:00 stays 09:00 in Rome before and after the clocks go forward (28 March 2027)', () => {
    const days = firstOfEachDay(firstFreeSlots(query(), 1000));
    expect(days.map((s) => [s.date, s.startTime, s.start.toISOString()])).toEqual([
      ['2027-03-22', '09:00', '2027-03-22T08:00:00.000Z'],
      ['2027-03-23', '09:00', '2027-03-23T08:00:00.000Z'],
      ['2027-03-24', '09:00', '2027-03-24T08:00:00.000Z'],
      ['2027-03-25', '09:00', '2027-03-25T08:00:00.000Z'],
      ['2027-03-26', '09:00', '2027-03-26T08:00:00.000Z'],
      // no slot on the weekend nor on Easter Monday (closed)
      ['2027-03-30', '09:00', '2027-03-30T07:00:00.000Z'],
      ['2027-03-31', '09:00', '2027-03-31T07:00:00.000Z'],
      ['2027-04-01', '09:00', '2027-04-01T07:00:00.000Z'],
      ['2027-04-02', '09:00', '2027-04-02T07:00:00.000Z'],
    ]);
    expect(days.map((s) => s.utcOffset)).toEqual([...Array(5).fill('+01:00'), ...Array(4).fill('+02:00')]);
  });

  it('and after they go back (31 October 2027), skipping Ognissanti', () => {
    const slots = firstFreeSlots(query({ from: '2027-10-29', to: '2027-11-02', now: new Date('2027-10-20T08:00:00Z') }), 1000);
    expect(firstOfEachDay(slots).map((s) => [s.date, s.startTime, s.start.toISOString()])).toEqual([
      ['2027-10-29', '09:00', '2027-10-29T07:00:00.000Z'],
      ['2027-11-02', '09:00', '2027-11-02T08:00:00.000Z'],
    ]);
    // The last slot of the afternoon ends at 17:30 on either side: 16:30 local.
    expect(slots.filter((s) => s.startTime === '16:30').map((s) => s.start.toISOString())).toEqual([
      '2027-10-29T14:30:00.000Z',
      '2027-11-02T15:30:00.000Z',
    ]);
  });

  it('shortens a range crossing the spring-forward gap: 01:00–04:00 on 28 March holds two hours', () => {
    const night = [
      { consultantId: BARBIERI, officeId: MODENA, weekday: 7, from: '01:00', to: '04:00', validFrom: '2027-01-01', validTo: null },
    ];
    const slots = firstFreeSlots(query({ availability: night, from: '2027-03-28', to: '2027-03-28' }), 100);
    expect(slots.map((s) => `${s.startTime} ${s.utcOffset}`)).toEqual([
      '01:00 +01:00',
      '01:15 +01:00',
      '01:30 +01:00',
      '01:45 +01:00',
      '03:00 +02:00',
    ]);
    expect(slots[0]!.endTime).toBe('03:00'); // an hour of real time, across the jump
    expect(slots.every((s) => s.end.getTime() - s.start.getTime() === 3_600_000)).toBe(true);
  });

  it('lengthens it across the repeated hour: 01:00–04:00 on 31 October holds four hours, 02:00 twice', () => {
    const night = [
      { consultantId: BARBIERI, officeId: MODENA, weekday: 7, from: '01:00', to: '04:00', validFrom: '2027-01-01', validTo: null },
    ];
    const q = query({ availability: night, from: '2027-10-31', to: '2027-10-31', now: new Date('2027-10-20T08:00:00Z'), stepMinutes: 60 });
    expect(firstFreeSlots(q, 100).map((s) => `${s.startTime} ${s.utcOffset} ${s.start.toISOString()}`)).toEqual([
      '01:00 +02:00 2027-10-30T23:00:00.000Z',
      '02:00 +02:00 2027-10-31T00:00:00.000Z',
      '02:00 +01:00 2027-10-31T01:00:00.000Z',
      '03:00 +01:00 2027-10-31T02:00:00.000Z',
    ]);
  });

  it('a booking typed at 02:30 on the last Sunday of March is refused, in October it is asked about', () => {
    expect(romeWallClockToUtc('2027-03-28', '02:30').kind).toBe('nonexistent');
    expect(romeWallClockToUtc('2027-10-31', '02:30').kind).toBe('ambiguous');
  });
});

describe('the slot grid, busy time and notice', () => {
  it('offers 60-minute meetings on the quarter hour, inside each range, never across the lunch break', () => {
    const slots = firstFreeSlots(query({ from: '2027-03-23', to: '2027-03-23' }), 100).map((s) => `${s.startTime}–${s.endTime}`);
    expect(slots.slice(0, 3)).toEqual(['09:00–10:00', '09:15–10:15', '09:30–10:30']);
    expect(slots).toContain('12:00–13:00');
    expect(slots).not.toContain('12:15–13:15');
    expect(slots.filter((s) => s >= '12:15' && s < '14:00')).toEqual([]);
    expect(slots.at(-1)).toBe('16:30–17:30');
    expect(slots).toHaveLength(13 + 11);
  });

  it('after a meeting ending at 10:40 the next start is 10:45; a 10-minute buffer moves it to 11:00', () => {
    const consultantBusy = new Map([[BARBIERI, [busy('2027-03-23T08:00:00Z', '2027-03-23T09:40:00Z', 'colloquio-esposito')]]]);
    const q = query({ from: '2027-03-23', to: '2027-03-23', consultantBusy });
    expect(label(firstFreeSlots(q, 1)[0]!)).toBe('2027-03-23 10:45–11:45');
    expect(label(firstFreeSlots({ ...q, bufferMinutes: 10 }, 1)[0]!)).toBe('2027-03-23 11:00–12:00');
  });

  it('a buffer also keeps the gap before the next meeting', () => {
    // Meetings 09:00–10:00 and 11:10–12:00: a 60-minute slot at 10:00 fits only without a buffer.
    const consultantBusy = new Map([
      [BARBIERI, [busy('2027-03-23T10:10:00Z', '2027-03-23T11:00:00Z'), busy('2027-03-23T08:00:00Z', '2027-03-23T09:00:00Z')]],
    ]);
    const q = query({ from: '2027-03-23', to: '2027-03-23', consultantBusy });
    expect(label(firstFreeSlots(q, 1)[0]!)).toBe('2027-03-23 10:00–11:00');
    expect(label(firstFreeSlots({ ...q, bufferMinutes: 10 }, 1)[0]!)).toBe('2027-03-23 14:00–15:00');
  });

  it("the worker's own meetings block every consultant", () => {
    const q = query({
      consultantIds: [BARBIERI, DAGOSTINO],
      availability: [...workingWeek(BARBIERI), ...workingWeek(DAGOSTINO)],
      sharedBusy: [busy('2027-03-23T08:00:00Z', '2027-03-23T11:00:00Z', 'laboratorio-cv')],
      from: '2027-03-23',
      to: '2027-03-23',
    });
    expect(firstFreeSlots(q, 2).map((s) => [s.consultantId, s.startTime])).toEqual([
      [BARBIERI, '12:00'],
      [DAGOSTINO, '12:00'],
    ]);
  });

  it('nothing starts within the next two hours: at 10:05 on Friday the first meeting is at 14:00', () => {
    // 12:15 would be the first start after 12:05, but a 60-minute meeting then runs past 13:00.
    const q = query({ now: new Date('2027-03-26T09:05:00Z'), from: '2027-03-26', to: '2027-03-26' });
    expect(label(firstFreeSlots(q, 1)[0]!)).toBe('2027-03-26 14:00–15:00');
    expect(label(firstFreeSlots({ ...q, minNoticeMinutes: 30 }, 1)[0]!)).toBe('2027-03-26 10:45–11:45');
  });

  it('gives no slot in the past: a window that began last week starts from now', () => {
    const q = query({ now: new Date('2027-03-24T16:00:00Z'), from: '2027-03-15' }); // Wednesday 17:00
    expect(label(firstFreeSlots(q, 1)[0]!)).toBe('2027-03-25 09:00–10:00');
  });

  it('a 30-minute step from a 45-minute meeting type', () => {
    const q = query({ durationMinutes: 45, stepMinutes: 30, from: '2027-03-23', to: '2027-03-23' });
    expect(
      firstFreeSlots(q, 100)
        .map((s) => s.startTime)
        .slice(0, 9),
    ).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '12:00', '14:00', '14:30']);
    expect(() => firstFreeSlots({ ...q, stepMinutes: 7 }, 1)).toThrow(RangeError);
  });
});

describe('leave, training days and validity of the rules', () => {
  it('a day of leave has no slot, a training morning leaves the afternoon', () => {
    const q = query({
      from: '2027-03-23',
      to: '2027-03-24',
      exceptions: [
        { consultantId: BARBIERI, date: '2027-03-23', reason: 'ferie' },
        { consultantId: BARBIERI, date: '2027-03-24', from: '09:00', to: '13:00', reason: 'formazione' },
      ],
    });
    expect(label(firstFreeSlots(q, 1)[0]!)).toBe('2027-03-24 14:00–15:00');
  });

  it('a rule applies only from its first to its last day, and only at its office', () => {
    const availability: WeeklyAvailability[] = [
      { consultantId: BARBIERI, officeId: MODENA, weekday: 2, from: '09:00', to: '13:00', validFrom: '2027-03-30', validTo: null },
      { consultantId: BARBIERI, officeId: MODENA, weekday: 3, from: '09:00', to: '13:00', validFrom: '2027-01-01', validTo: '2027-03-24' },
      { consultantId: BARBIERI, officeId: SASSUOLO, weekday: 4, from: '09:00', to: '13:00', validFrom: '2027-01-01', validTo: null },
    ];
    const dates = [...new Set(firstFreeSlots(query({ availability }), 1000).map((s) => s.date))];
    expect(dates).toEqual(['2027-03-24', '2027-03-30']);
  });
});

describe('first free slots across the consultants of an office', () => {
  const three = () =>
    query({
      consultantIds: [BARBIERI, DAGOSTINO, ESPOSITO],
      availability: [...workingWeek(BARBIERI), ...workingWeek(DAGOSTINO, MODENA, [2, 4]), ...workingWeek(ESPOSITO)],
      consultantBusy: new Map([
        [BARBIERI, [busy('2027-03-23T08:00:00Z', '2027-03-23T10:00:00Z')]],
        [ESPOSITO, [busy('2027-03-23T08:00:00Z', '2027-03-23T08:30:00Z')]],
      ]),
      from: '2027-03-23',
      to: '2027-03-26',
    });

  it('orders by time, then by consultant in the order given', () => {
    expect(firstFreeSlots(three(), 6).map((s) => `${s.startTime} ${s.consultantId}`)).toEqual([
      `09:00 ${DAGOSTINO}`,
      `09:15 ${DAGOSTINO}`,
      `09:30 ${DAGOSTINO}`,
      `09:30 ${ESPOSITO}`,
      `09:45 ${DAGOSTINO}`,
      `09:45 ${ESPOSITO}`,
    ]);
  });

  it('filters by consultant, and one consultant alone gives the same slots as its own list', () => {
    const q = { ...three(), consultantIds: [ESPOSITO] };
    const merged = firstFreeSlots(q, 5);
    expect(merged.every((s) => s.consultantId === ESPOSITO)).toBe(true);
    const own = [...consultantFreeSlots(three(), ESPOSITO)].slice(0, 5);
    expect(merged).toEqual(own);
  });

  it('a meeting in person needs a free room: the first free one is proposed', () => {
    const rooms = [
      { roomId: 'sala-1', busy: [busy('2027-03-23T08:00:00Z', '2027-03-23T09:00:00Z')] },
      { roomId: 'sala-2', busy: [busy('2027-03-23T08:00:00Z', '2027-03-23T08:30:00Z')] },
    ];
    const q = query({ from: '2027-03-23', to: '2027-03-23', rooms });
    expect(firstFreeSlots(q, 3).map((s) => `${s.startTime} ${s.roomId}`)).toEqual(['09:30 sala-2', '09:45 sala-2', '10:00 sala-1']);
    expect(firstFreeSlots({ ...q, rooms: [] }, 3)).toEqual([]);
  });
});

describe('explainSlot: why a chosen time cannot be booked', () => {
  const q = () =>
    query({
      consultantBusy: new Map([[BARBIERI, [busy('2027-03-30T07:00:00Z', '2027-03-30T08:00:00Z', 'colloquio-deluca')]]]),
      sharedBusy: [busy('2027-03-31T12:00:00Z', '2027-03-31T13:00:00Z', 'laboratorio-colloqui')],
      exceptions: [{ consultantId: BARBIERI, date: '2027-04-01', reason: 'ferie' }],
    });
  const at = (date: string, time: string) => {
    const r = romeWallClockToUtc(date, time);
    if (r.kind === 'invalid') throw new Error('bad time');
    return r.at;
  };

  it('accepts a free time inside the availability, off the grid too', () => {
    expect(explainSlot(q(), BARBIERI, at('2027-03-26', '10:00'))).toEqual({ ok: true, roomId: null });
    expect(explainSlot(q(), BARBIERI, at('2027-03-26', '10:10'))).toEqual({ ok: true, roomId: null });
  });

  it('names each reason for a refusal', () => {
    expect(explainSlot(q(), BARBIERI, at('2027-03-19', '14:00'))).toMatchObject({ ok: false, reason: 'too_soon' });
    expect(explainSlot(q(), BARBIERI, at('2027-03-29', '10:00'))).toEqual({ ok: false, reason: 'closed_day', name: "Lunedì dell'Angelo" });
    expect(explainSlot(q(), BARBIERI, at('2027-03-26', '12:30'))).toEqual({ ok: false, reason: 'outside_availability' });
    expect(explainSlot(q(), BARBIERI, at('2027-03-27', '10:00'))).toEqual({ ok: false, reason: 'outside_availability' });
    expect(explainSlot(q(), BARBIERI, at('2027-04-01', '10:00'))).toEqual({ ok: false, reason: 'consultant_absent', absence: 'ferie' });
    expect(explainSlot(q(), BARBIERI, at('2027-03-30', '09:30'))).toEqual({
      ok: false,
      reason: 'consultant_busy',
      ref: 'colloquio-deluca',
    });
    expect(explainSlot(q(), BARBIERI, at('2027-03-31', '14:30'))).toEqual({
      ok: false,
      reason: 'shared_busy',
      ref: 'laboratorio-colloqui',
    });
    expect(explainSlot(q(), BARBIERI, at('2027-04-05', '10:00'))).toEqual({ ok: false, reason: 'outside_window' });
    expect(
      explainSlot(
        { ...q(), rooms: [{ roomId: 'sala-1', busy: [busy('2027-03-26T08:00:00Z', '2027-03-26T12:00:00Z')] }] },
        BARBIERI,
        at('2027-03-26', '10:00'),
      ),
    ).toEqual({
      ok: false,
      reason: 'no_room',
    });
  });

  it('agrees with the slot list: every offered slot is accepted', () => {
    const query0 = q();
    for (const slot of firstFreeSlots(query0, 200)) expect(explainSlot(query0, slot.consultantId, slot.start).ok).toBe(true);
  });
});

describe('checking availability rules as typed', () => {
  it('refuses an empty range, a bad time, a bad weekday and a period ending before it starts', () => {
    const ok = { weekday: 1, from: '09:00', to: '13:00', validFrom: '2027-01-01', validTo: null };
    expect(checkAvailabilityRule(ok)).toEqual([]);
    expect(checkAvailabilityRule({ ...ok, from: '14:00', to: '13:00' })).toEqual(['empty_range']);
    expect(checkAvailabilityRule({ ...ok, to: '24:00' })).toEqual(['invalid_time']);
    expect(checkAvailabilityRule({ ...ok, weekday: 8 })).toEqual(['invalid_weekday']);
    expect(checkAvailabilityRule({ ...ok, validTo: '2026-12-31' })).toEqual(['invalid_dates']);
  });

  it('finds a consultant booked in Modena and Sassuolo at once on Thursday mornings', () => {
    const rules: WeeklyAvailability[] = [
      ...workingWeek(BARBIERI),
      {
        consultantId: BARBIERI,
        officeId: SASSUOLO,
        weekday: 4,
        from: '11:00',
        to: '13:00',
        validFrom: '2027-03-01',
        validTo: '2027-06-30',
      },
      { consultantId: DAGOSTINO, officeId: SASSUOLO, weekday: 4, from: '09:00', to: '13:00', validFrom: '2027-01-01', validTo: null },
    ];
    const clashes = overlappingRules(rules);
    expect(clashes).toHaveLength(1);
    expect(clashes[0]!.map((r) => `${r.officeId} ${r.from}`)).toEqual([`${MODENA} 09:00`, `${SASSUOLO} 11:00`]);
  });
});
