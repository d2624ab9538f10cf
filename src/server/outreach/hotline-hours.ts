/**
 * Hotline hours in Europe/Rome wall-clock time: "is the line open now?" and "when does it open
 * next?". Pure functions over the office's weekly slots and its closed days, so they are unit
 * tested across holidays and the two daylight-saving changes (last Sunday of March and October).
 */
import { TIME_ZONE, addDays } from '../../shared/time/rome-date.js';

export { TIME_ZONE };

export interface HotlineSlot {
  /** ISO weekday, 1 = Monday … 7 = Sunday */
  weekday: number;
  opens: string;
  closes: string;
}

export interface LineStatus {
  open: boolean;
  /** The slot in progress when open. */
  closesAt: Date | null;
  /** The next time the line opens (when closed) — null when no slot exists in the next 60 days. */
  nextOpening: Date | null;
  /** Name of today's holiday, when that is why the line is closed. */
  holiday: string | null;
}

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  weekday: 'short',
  hourCycle: 'h23',
});
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** The Rome local calendar date ('YYYY-MM-DD'), time ('HH:MM') and ISO weekday of an instant. */
export function romeLocal(at: Date): { date: string; time: string; weekday: number } {
  const p = Object.fromEntries(parts.formatToParts(at).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}`, weekday: WEEKDAYS[p.weekday!]! };
}

/** Offset of Rome from UTC at an instant, in minutes (+60 in winter, +120 in summer). */
function romeOffsetMinutes(at: Date): number {
  const local = romeLocal(at);
  const seconds = Number(Object.fromEntries(parts.formatToParts(at).map((x) => [x.type, x.value])).second);
  const asUtc = Date.parse(`${local.date}T${local.time}:00Z`) + seconds * 1000;
  return Math.round((asUtc - at.getTime()) / 60000);
}

/** The instant at which Rome's clocks show `date` `time`. */
export function romeToUtc(date: string, time: string): Date {
  const naive = Date.parse(`${date}T${time}:00Z`);
  // Two passes settle the offset across a daylight-saving change.
  let guess = naive - romeOffsetMinutes(new Date(naive)) * 60000;
  guess = naive - romeOffsetMinutes(new Date(guess)) * 60000;
  return new Date(guess);
}

export { addDays };

function isoWeekday(date: string): number {
  const d = new Date(`${date}T12:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** Whether the line is open at `at`, and the next opening otherwise. `holidays` maps date → name. */
export function lineStatus(slots: HotlineSlot[], holidays: Map<string, string>, at: Date): LineStatus {
  const now = romeLocal(at);
  const holiday = holidays.get(now.date) ?? null;
  if (!holiday) {
    const current = slots.find((s) => s.weekday === now.weekday && s.opens <= now.time && now.time < s.closes);
    if (current) return { open: true, closesAt: romeToUtc(now.date, current.closes), nextOpening: null, holiday: null };
  }
  return { open: false, closesAt: null, nextOpening: nextOpeningAfter(slots, holidays, at), holiday };
}

/** The first slot start strictly after `at` on a day that is not a holiday (looks 60 days ahead). */
export function nextOpeningAfter(slots: HotlineSlot[], holidays: Map<string, string>, at: Date): Date | null {
  const now = romeLocal(at);
  for (let i = 0; i < 60; i++) {
    const date = addDays(now.date, i);
    if (holidays.has(date)) continue;
    const weekday = isoWeekday(date);
    const starts = slots
      .filter((s) => s.weekday === weekday && (i > 0 || s.opens > now.time))
      .map((s) => s.opens)
      .sort();
    if (starts[0]) return romeToUtc(date, starts[0]);
  }
  return null;
}

/** Whether `at` falls inside an open slot. */
export function isOpenAt(slots: HotlineSlot[], holidays: Map<string, string>, at: Date): boolean {
  return lineStatus(slots, holidays, at).open;
}
