/**
 * Europe/Rome wall-clock time ↔ UTC instants: the one definition the hotline's hours, the agenda's
 * availability and the invitations use. Offsets come from the time-zone database through Intl
 * (+01:00 CET in winter, +02:00 CEST in summer; since 1996 the EU rule: the clocks go forward at
 * 01:00 UTC on the last Sunday of March and back at 01:00 UTC on the last Sunday of October),
 * read once per year and kept, so a conversion is arithmetic and the slot computation can make
 * thousands of them per request.
 *
 * Two wall-clock times need a decision:
 * - **nonexistent**: on the last Sunday of March the clocks jump from 02:00 to 03:00, so 02:00–02:59
 *   never shows. `romeWallClockToUtc` reports it (a booking starting there is refused); the lenient
 *   `romeToUtc` gives the first instant at which the clocks show that time or later, i.e. the jump
 *   itself (03:00 CEST), which is what shortens an availability range crossing the gap.
 * - **ambiguous**: on the last Sunday of October 02:00–02:59 shows twice (CEST, then CET). The first
 *   occurrence is chosen (as RFC 5545 §3.3.5 does for a TZID time), and `romeWallClockToUtc` says
 *   'ambiguous' with the later instant too, so a form can ask which one is meant.
 */
export const TIME_ZONE = 'Europe/Rome';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** Offset read from the time-zone database at one instant (ms). Slow: used only to build the year tables. */
function intlOffsetMs(ms: number): number {
  const p: Record<string, string> = {};
  for (const x of partsFormat.formatToParts(new Date(ms))) p[x.type] = x.value;
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return asUtc - (ms - (((ms % 1000) + 1000) % 1000));
}

interface YearOffsets {
  /** Offset at 00:00 UTC on 1 January. */
  initial: number;
  /** Each change in the year: from `at` (UTC ms) on, the offset is `offset`. */
  changes: { at: number; offset: number }[];
}

const years = new Map<number, YearOffsets>();

/**
 * The offset changes of a UTC year, found by sampling every 6 days and narrowing each change to the
 * second (Rome has never changed its clocks twice within 6 days).
 */
function offsetsOfYear(year: number): YearOffsets {
  let table = years.get(year);
  if (table) return table;
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const initial = intlOffsetMs(start);
  const changes: YearOffsets['changes'] = [];
  let previousAt = start;
  let previous = initial;
  for (let at = start + 6 * DAY; previousAt < end; at = Math.min(at + 6 * DAY, end)) {
    const offset = intlOffsetMs(at);
    if (offset !== previous) {
      let lo = previousAt; // offset `previous`
      let hi = at; // offset `offset`
      while (hi - lo > 1000) {
        const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
        if (intlOffsetMs(mid) === previous) lo = mid;
        else hi = mid;
      }
      if (hi < end) changes.push({ at: hi, offset });
      previous = offset;
    }
    previousAt = at;
  }
  table = { initial, changes };
  years.set(year, table);
  return table;
}

// The stretch between two changes that the last lookup fell in: most lookups in a row fall in the same one.
let stretch = { from: 0, to: -1, offset: 0 };

/** Offset of Rome from UTC at an instant, in milliseconds (3,600,000 in winter, 7,200,000 in summer). */
export function romeOffsetMs(at: Date | number): number {
  const ms = typeof at === 'number' ? at : at.getTime();
  if (ms >= stretch.from && ms < stretch.to) return stretch.offset;
  const year = new Date(ms).getUTCFullYear();
  const table = offsetsOfYear(year);
  let from = Date.UTC(year, 0, 1);
  let to = Date.UTC(year + 1, 0, 1);
  let offset = table.initial;
  for (const change of table.changes) {
    if (change.at > ms) {
      to = change.at;
      break;
    }
    from = change.at;
    offset = change.offset;
  }
  stretch = { from, to, offset };
  return offset;
}

/** Offset of Rome from UTC at an instant, in minutes (+60 in winter, +120 in summer). */
export function romeOffsetMinutes(at: Date | number): number {
  return Math.round(romeOffsetMs(at) / MINUTE);
}

/** '+01:00' / '+02:00': an offset as ISO 8601 and RFC 5545 write it. */
export function formatOffset(offsetMs: number): string {
  const minutes = Math.round(Math.abs(offsetMs) / MINUTE);
  const sign = offsetMs < 0 ? '-' : '+';
  return `${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

export interface RomeLocal {
  /** 'YYYY-MM-DD' */
  date: string;
  /** 'HH:MM' */
  time: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday */
  weekday: number;
  /** Minutes since local midnight. */
  minuteOfDay: number;
  /** '+01:00' or '+02:00' */
  offset: string;
}

/** The Rome calendar date, clock time and weekday of an instant. */
export function romeLocal(at: Date | number): RomeLocal {
  const ms = typeof at === 'number' ? at : at.getTime();
  const offset = romeOffsetMs(ms);
  const local = new Date(ms + offset);
  const day = local.getUTCDay();
  const minuteOfDay = local.getUTCHours() * 60 + local.getUTCMinutes();
  return {
    date: `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`,
    time: `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`,
    weekday: day === 0 ? 7 : day,
    minuteOfDay,
    offset: formatOffset(offset),
  };
}

/** The calendar day in Rome at this instant ('YYYY-MM-DD'). */
export function romeToday(at: Date | number): string {
  return romeLocal(at).date;
}

export type WallClock =
  /** The time shows once that day. */
  | { kind: 'exact'; at: Date }
  /** The time shows twice (last Sunday of October): `at` is the first occurrence (CEST), `later` the second (CET). */
  | { kind: 'ambiguous'; at: Date; later: Date }
  /** The time never shows (last Sunday of March, 02:00–02:59): `at` is the jump (03:00 CEST). */
  | { kind: 'nonexistent'; at: Date }
  /** Not a date 'YYYY-MM-DD' and a time 'HH:MM' (or 'HH:MM:SS'). */
  | { kind: 'invalid' };

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The date and time read as if they were UTC, or null when either is malformed or out of range. */
function naiveMs(date: string, time: string): number | null {
  const d = DATE_RE.exec(date);
  const t = TIME_RE.exec(time);
  if (!d || !t) return null;
  const [y, mo, da] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const [h, mi, s] = [Number(t[1]), Number(t[2]), Number(t[3] ?? 0)];
  if (h > 23 || mi > 59 || s > 59) return null;
  const ms = Date.UTC(y, mo - 1, da, h, mi, s);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== da) return null;
  return ms;
}

/**
 * Rome's `date` `time` as an instant, with what kind of wall-clock time it is. The validation a form
 * or an API runs on a time typed by a person: 'nonexistent' is refused, 'ambiguous' asked about.
 */
export function romeWallClockToUtc(date: string, time: string): WallClock {
  const naive = naiveMs(date, time);
  if (naive === null) return { kind: 'invalid' };
  // The offsets in force a day either side; a candidate is valid when its own offset is the one assumed.
  const before = romeOffsetMs(naive - DAY);
  const after = romeOffsetMs(naive + DAY);
  const candidates = [...new Set([before, after])].map((offset) => naive - offset).filter((ms) => naive - romeOffsetMs(ms) === ms);
  candidates.sort((a, b) => a - b);
  if (candidates.length === 1) return { kind: 'exact', at: new Date(candidates[0]!) };
  if (candidates.length >= 2)
    return { kind: 'ambiguous', at: new Date(candidates[0]!), later: new Date(candidates[candidates.length - 1]!) };
  // In the gap: the clocks jump at the instant the offset `after` starts, i.e. naive - before reached from below.
  return { kind: 'nonexistent', at: new Date(clocksJumpBetween(naive - before, naive - after)) };
}

/** The change of offset between two instants (either order), found in the year tables. */
function clocksJumpBetween(a: number, b: number): number {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  for (const year of new Set([new Date(lo).getUTCFullYear(), new Date(hi).getUTCFullYear()])) {
    for (const change of offsetsOfYear(year).changes) if (change.at >= lo && change.at <= hi) return change.at;
  }
  return hi;
}

/**
 * The first instant at which Rome's clocks show `date` `time` or later: the instant itself when it
 * exists, its first occurrence when it shows twice, the jump (03:00 CEST) when it falls in the
 * spring-forward gap. Throws on a malformed date or time.
 */
export function romeToUtc(date: string, time: string): Date {
  const resolved = romeWallClockToUtc(date, time);
  if (resolved.kind === 'invalid') throw new RangeError(`not a Rome date and time: ${date} ${time}`);
  return resolved.at;
}
