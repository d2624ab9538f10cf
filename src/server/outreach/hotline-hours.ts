/**
 * Hotline hours in Europe/Rome wall-clock time: "is the line open now?" and "when does it open
 * next?". Pure functions over the office's weekly slots and its closed days, so they are unit
 * tested across holidays and the two daylight-saving changes (last Sunday of March and October).
 */
import { addDays, isoWeekday } from '../../shared/time/rome-date.js';
import { TIME_ZONE, romeLocal, romeToUtc } from '../../shared/time/rome-time.js';

// The wall-clock conversions are defined once in src/shared/time/rome-time.ts (the agenda uses them
// too); re-exported here for the outreach code that imported them from this module.
export { TIME_ZONE, addDays, romeLocal, romeToUtc };

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
