/**
 * Free slots of the agenda: pure functions over a consultant's weekly availability, exceptions,
 * the office's closed days and the intervals already taken. No database: the service reads those
 * and hands them in.
 *
 * Rules (each written once, here):
 * - Availability is Europe/Rome wall-clock, converted to UTC per day with `romeToUtc`, so a weekly
 *   09:00 stays 09:00 in March and October. A range crossing the spring-forward gap is shortened
 *   (02:00–02:59 never shows on the last Sunday of March); a time in October's repeated hour is its
 *   first occurrence.
 * - The grid: a slot starts on a multiple of `stepMinutes` (default 15) counted from Rome's local
 *   midnight — 09:00, 09:15, 09:30… — wherever a range or a previous meeting ends (a meeting ending at
 *   10:40 leaves 10:45 as the next start). Slots of one consultant are alternatives and may overlap
 *   each other; each fits wholly inside free time. A booking at a time off the grid (dragged in a
 *   calendar) is not refused for it: `explainSlot` checks only that the time is free.
 * - `bufferMinutes` is the least gap kept between two meetings of the consultant (before and after):
 *   it widens the consultant's own busy intervals, not the worker's or a room's.
 * - Nothing starts before `now + minNoticeMinutes` (default 120).
 * - Closed days (national holidays, the patron saint of the office's comune, as the hotline's
 *   calendar gives them) and whole-day exceptions have no slot; a time-range exception removes its
 *   range.
 * - Across consultants, slots are ordered by start, then by the consultant's position in
 *   `consultantIds` (the caller orders them, e.g. by surname).
 *
 * Cost: busy intervals are bucketed by day in one pass (no sort of the whole list); a day's buckets
 * are sorted and merged only when that day is read; the days are read in order across all the
 * consultants and the reading stops at the day that completes the first `limit` slots. Wall-clock
 * conversions are remembered per query (every consultant's 09:00 on a date is the same instant).
 */
import { addDays, isoWeekday } from '../../shared/time/rome-date.js';
import { romeLocal, romeOffsetMs, romeToUtc } from '../../shared/time/rome-time.js';
import { coalesce, DayBuckets, isFreeIn, subtract, type Span } from './intervals.js';

const MINUTE = 60_000;

export interface WeeklyAvailability {
  consultantId: string;
  officeId: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday */
  weekday: number;
  /** Rome wall-clock 'HH:MM', from inclusive, to exclusive. */
  from: string;
  to: string;
  /** First and last day the rule applies ('YYYY-MM-DD', both inclusive; validTo null: open-ended). */
  validFrom: string;
  validTo: string | null;
}

export interface AvailabilityException {
  consultantId: string;
  date: string;
  /** A time range ('HH:MM'); both absent: the whole day. */
  from?: string | null;
  to?: string | null;
  /** 'ferie', 'formazione', … shown when a booking is refused for it. */
  reason?: string;
}

export interface BusyInterval {
  start: Date;
  end: Date;
  /** What takes the time (an appointment id), reported by `explainSlot`. */
  ref?: string;
}

export interface SlotQuery {
  officeId: string;
  /** The consultants to look at, in the order ties are broken. */
  consultantIds: string[];
  availability: WeeklyAvailability[];
  exceptions?: AvailabilityException[];
  /** The office's closed days: date → name. */
  closedDays: Map<string, string>;
  /** Each consultant's own meetings (in any office). */
  consultantBusy: Map<string, BusyInterval[]>;
  /** Intervals that block every consultant: the worker's meetings, a room chosen in advance. */
  sharedBusy?: BusyInterval[];
  /** When given (meetings in person), a slot needs one of these rooms free; the first free one is proposed. */
  rooms?: { roomId: string; busy: BusyInterval[] }[];
  durationMinutes: number;
  bufferMinutes?: number;
  stepMinutes?: number;
  /** Rome dates, both inclusive. */
  from: string;
  to: string;
  now: Date;
  minNoticeMinutes?: number;
}

export interface FreeSlot {
  consultantId: string;
  roomId: string | null;
  start: Date;
  end: Date;
  /** Rome wall-clock of the start: 'YYYY-MM-DD', 'HH:MM', ISO weekday, '+01:00' / '+02:00'. */
  date: string;
  startTime: string;
  endTime: string;
  weekday: number;
  utcOffset: string;
}

const NONE: AvailabilityException[] = [];

interface Day {
  date: string;
  weekday: number;
  /** UTC bounds of the Rome calendar day. */
  start: number;
  end: number;
}

/** What a query needs, indexed once for all its consultants; per-day results shared between them. */
class Prepared {
  readonly earliest: number;
  readonly durationMs: number;
  readonly stepMs: number;
  readonly bufferMs: number;
  readonly window: Span;
  private readonly rulesByConsultant = new Map<string, WeeklyAvailability[]>();
  private readonly exceptionsByDay = new Map<string, Map<string, AvailabilityException[]>>();
  private readonly shared: DayBuckets;
  private readonly rooms: { roomId: string; buckets: DayBuckets }[] | null;
  private readonly clockCache = new Map<string, Map<string, number>>();
  private readonly ownBusy = new Map<string, DayBuckets>();
  private readonly sharedByDay = new Map<string, Span[]>();
  private readonly roomsByDay = new Map<string, { roomId: string; spans: Span[] }[]>();
  private dayList: Day[] | null = null;

  constructor(readonly query: SlotQuery) {
    const step = query.stepMinutes ?? 15;
    if (!Number.isInteger(step) || step <= 0 || 1440 % step !== 0) throw new RangeError(`stepMinutes must divide a day: ${step}`);
    if (!(query.durationMinutes > 0)) throw new RangeError(`durationMinutes must be positive: ${query.durationMinutes}`);
    this.earliest = query.now.getTime() + (query.minNoticeMinutes ?? 120) * MINUTE;
    this.durationMs = query.durationMinutes * MINUTE;
    this.stepMs = step * MINUTE;
    this.bufferMs = (query.bufferMinutes ?? 0) * MINUTE;
    this.window = [this.clock(query.from, '00:00'), this.clock(addDays(query.to, 1), '00:00')];
    for (const rule of query.availability) {
      if (rule.officeId !== query.officeId) continue;
      const list = this.rulesByConsultant.get(rule.consultantId) ?? [];
      list.push(rule);
      this.rulesByConsultant.set(rule.consultantId, list);
    }
    for (const e of query.exceptions ?? []) {
      let days = this.exceptionsByDay.get(e.consultantId);
      if (!days) this.exceptionsByDay.set(e.consultantId, (days = new Map()));
      days.set(e.date, [...(days.get(e.date) ?? []), e]);
    }
    this.shared = new DayBuckets(query.sharedBusy, this.window);
    this.rooms = query.rooms ? query.rooms.map((r) => ({ roomId: r.roomId, buckets: new DayBuckets(r.busy, this.window) })) : null;
  }

  /** romeToUtc, remembered: every consultant's 09:00 on a date is the same instant. */
  clock(date: string, time: string): number {
    let times = this.clockCache.get(date);
    if (!times) this.clockCache.set(date, (times = new Map()));
    let at = times.get(time);
    if (at === undefined) times.set(time, (at = romeToUtc(date, time).getTime()));
    return at;
  }

  /** The consultant's own meetings, widened by the buffer, indexed on first use. */
  ownBusyOf(consultantId: string): DayBuckets {
    let buckets = this.ownBusy.get(consultantId);
    if (!buckets)
      this.ownBusy.set(consultantId, (buckets = new DayBuckets(this.query.consultantBusy.get(consultantId), this.window, this.bufferMs)));
    return buckets;
  }

  day(date: string): Day {
    return { date, weekday: isoWeekday(date), start: this.clock(date, '00:00'), end: this.clock(addDays(date, 1), '00:00') };
  }

  /** The days from the window's first (or today, when later) to its last, computed once for every consultant. */
  days(): Day[] {
    if (this.dayList) return this.dayList;
    const firstDay = romeLocal(this.earliest).date;
    const out: Day[] = [];
    for (let date = this.query.from > firstDay ? this.query.from : firstDay; date <= this.query.to; date = addDays(date, 1))
      out.push(this.day(date));
    return (this.dayList = out);
  }

  rulesOf(consultantId: string): WeeklyAvailability[] {
    return this.rulesByConsultant.get(consultantId) ?? [];
  }

  exceptionsOf(consultantId: string, date: string): AvailabilityException[] {
    return this.exceptionsByDay.get(consultantId)?.get(date) ?? NONE;
  }

  sharedOn(day: Day): Span[] {
    let spans = this.sharedByDay.get(day.date);
    if (!spans) this.sharedByDay.set(day.date, (spans = this.shared.within(day.start, day.end)));
    return spans;
  }

  /** Each room's busy spans of the day; null when the meeting needs no room. */
  roomsOn(day: Day): { roomId: string; spans: Span[] }[] | null {
    if (!this.rooms) return null;
    let rooms = this.roomsByDay.get(day.date);
    if (!rooms) {
      rooms = this.rooms.map((r) => ({ roomId: r.roomId, spans: r.buckets.within(day.start, day.end) }));
      this.roomsByDay.set(day.date, rooms);
    }
    return rooms;
  }
}

function isWholeDay(e: AvailabilityException): boolean {
  return !e.from || !e.to;
}

/** The consultant's availability on one Rome date, in UTC, before busy time: closed days and exceptions applied. */
function dayAvailability(p: Prepared, consultantId: string, day: Day): { open: Span[]; planned: Span[] } {
  if (p.query.closedDays.has(day.date)) return { open: [], planned: [] };
  const { date, weekday } = day;
  const planned = coalesce(
    p
      .rulesOf(consultantId)
      .filter((r) => r.weekday === weekday && r.validFrom <= date && (r.validTo === null || date <= r.validTo))
      .map((r): Span => [p.clock(date, r.from), p.clock(date, r.to)]),
  );
  const exceptions = p.exceptionsOf(consultantId, date);
  if (exceptions.some(isWholeDay)) return { open: [], planned };
  const cuts = coalesce(exceptions.map((e): Span => [p.clock(date, e.from!), p.clock(date, e.to!)]));
  return { open: subtract(planned, cuts), planned };
}

function present(consultantId: string, roomId: string | null, start: number, end: number): FreeSlot {
  const local = romeLocal(start);
  return {
    consultantId,
    roomId,
    start: new Date(start),
    end: new Date(end),
    date: local.date,
    startTime: local.time,
    endTime: romeLocal(end).time,
    weekday: local.weekday,
    utcOffset: local.offset,
  };
}

/** The first room free over [from, to): its id, null when no room is needed, undefined when none is free. */
function firstFreeRoom(rooms: { roomId: string; spans: Span[] }[] | null, from: number, to: number): string | null | undefined {
  if (!rooms) return null;
  return rooms.find((r) => isFreeIn(r.spans, from, to))?.roomId;
}

interface Start {
  start: number;
  roomId: string | null;
  /** The consultant's position in the query. */
  index: number;
}

/** Appends the starts (and rooms) of one consultant's free slots on one day to `out`, in time order. */
function startsOn(p: Prepared, index: number, day: Day, out: Start[]): void {
  const consultantId = p.query.consultantIds[index]!;
  const open = dayAvailability(p, consultantId, day).open;
  if (open.length === 0) return;
  const busy = coalesce([...p.ownBusyOf(consultantId).within(day.start, day.end), ...p.sharedOn(day)]);
  const rooms = p.roomsOn(day);
  for (const [from, to] of open) {
    const start = Math.max(from, p.earliest);
    if (start >= to) continue;
    for (const [a, b] of subtract([[start, to]], busy)) {
      // First grid point at or after `a`, counted on Rome's local clock.
      const offset = romeOffsetMs(a);
      for (let s = Math.ceil((a + offset) / p.stepMs) * p.stepMs - offset; s + p.durationMs <= b; s += p.stepMs) {
        const roomId = firstFreeRoom(rooms, s, s + p.durationMs);
        if (roomId !== undefined) out.push({ start: s, roomId, index });
      }
    }
  }
}

/** One consultant's free slots in time order, computed day by day as they are read. */
export function* consultantFreeSlots(query: SlotQuery, consultantId: string): Generator<FreeSlot> {
  const p = new Prepared({ ...query, consultantIds: [consultantId] });
  for (const day of p.days()) {
    const found: Start[] = [];
    startsOn(p, 0, day, found);
    for (const s of found) yield present(consultantId, s.roomId, s.start, s.start + p.durationMs);
  }
}

/**
 * The first `limit` free slots across the query's consultants (one consultant: a list of one),
 * ordered by start then by the consultant's position in `consultantIds`. Day by day across all the
 * consultants, so no one's agenda is read past the day that completes the list.
 */
export function firstFreeSlots(query: SlotQuery, limit: number): FreeSlot[] {
  const p = new Prepared(query);
  const out: FreeSlot[] = [];
  for (const day of p.days()) {
    if (out.length >= limit) break;
    const found: Start[] = [];
    for (let index = 0; index < query.consultantIds.length; index++) startsOn(p, index, day, found);
    found.sort((a, b) => a.start - b.start || a.index - b.index);
    for (const f of found.slice(0, limit - out.length)) {
      out.push(present(query.consultantIds[f.index]!, f.roomId, f.start, f.start + p.durationMs));
    }
  }
  return out;
}

export type SlotRefusal =
  | { reason: 'too_soon'; earliest: Date }
  | { reason: 'outside_window' }
  | { reason: 'closed_day'; name: string }
  | { reason: 'consultant_absent'; absence: string | null }
  | { reason: 'outside_availability' }
  | { reason: 'consultant_busy'; ref: string | null }
  | { reason: 'shared_busy'; ref: string | null }
  | { reason: 'no_room' };

/**
 * Whether a meeting of the query's duration starting at `start` can be booked with the consultant,
 * and why not: the check a booking, a reschedule or a drag in the calendar runs before the database
 * (whose exclusion constraints remain the last word under concurrency). Validate a typed time with
 * `romeWallClockToUtc` first: this takes an instant.
 */
export function explainSlot(
  query: SlotQuery,
  consultantId: string,
  start: Date,
): { ok: true; roomId: string | null } | ({ ok: false } & SlotRefusal) {
  const p = new Prepared(query);
  const s = start.getTime();
  const e = s + p.durationMs;
  if (s < p.earliest) return { ok: false, reason: 'too_soon', earliest: new Date(p.earliest) };
  const date = romeLocal(s).date;
  if (date < query.from || date > query.to) return { ok: false, reason: 'outside_window' };
  const closed = query.closedDays.get(date);
  if (closed !== undefined) return { ok: false, reason: 'closed_day', name: closed };
  const day = dayAvailability(p, consultantId, p.day(date));
  const inside = (spans: Span[]) => spans.some(([a, b]) => a <= s && e <= b);
  if (!inside(day.open)) {
    if (!inside(day.planned)) return { ok: false, reason: 'outside_availability' };
    const absence = p
      .exceptionsOf(consultantId, date)
      .find((x) => isWholeDay(x) || (p.clock(date, x.from!) < e && s < p.clock(date, x.to!)));
    return { ok: false, reason: 'consultant_absent', absence: absence?.reason ?? null };
  }
  const buffer = p.bufferMs;
  const hit = (list: BusyInterval[] | undefined, widen: number) =>
    list?.find((b) => b.start.getTime() - widen < e && s < b.end.getTime() + widen);
  const own = hit(query.consultantBusy.get(consultantId), buffer);
  if (own) return { ok: false, reason: 'consultant_busy', ref: own.ref ?? null };
  const shared = hit(query.sharedBusy, 0);
  if (shared) return { ok: false, reason: 'shared_busy', ref: shared.ref ?? null };
  const room = firstFreeRoom(p.roomsOn(p.day(date)), s, e);
  if (room === undefined) return { ok: false, reason: 'no_room' };
  return { ok: true, roomId: room };
}
