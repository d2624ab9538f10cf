import type { AppointmentMode, AppointmentStatus, AppointmentView, FreeSlotView } from '../../../shared/schemas/appointments.schema';
import { addDays, formatItalianDate, isoWeekday } from '../../../shared/time/rome-date';
import { romeLocal, romeToUtc } from '../../../shared/time/rome-time';
import { i18n } from '../../i18n/i18n';

/** The design system's icon for each mode (the text beside it names the mode for everyone). */
export const MODE_ICONS: Record<AppointmentMode, string> = { in_person: 'it-map-marker', phone: 'it-telephone', video: 'it-video' };

/** Badge colours: what needs a decision stands out, what is over is quiet. */
export const STATUS_COLORS: Record<AppointmentStatus, string> = {
  booked: 'primary',
  confirmed: 'success',
  cancelled: 'secondary',
  attended: 'success',
  absent: 'danger',
  excused: 'warning',
};

/** Still on the agenda: it can be moved or cancelled, and, once started, its attendance recorded. */
export const isActive = (a: Pick<AppointmentView, 'status'>) => a.status === 'booked' || a.status === 'confirmed';

/** Monday of the ISO week holding `iso`. */
export const weekStart = (iso: string) => addDays(iso, 1 - isoWeekday(iso));

const locale = () => (i18n.language === 'en' ? 'en-GB' : 'it-IT');

/** 'YYYY-MM-DD' → "martedì 3 dicembre" (no time zone: a calendar date read at noon UTC). */
export function formatDayLong(iso: string, withYear = false): string {
  return new Intl.DateTimeFormat(locale(), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(withYear && { year: 'numeric' }),
    timeZone: 'UTC',
  }).format(new Date(`${iso}T12:00:00Z`));
}

/** 'YYYY-MM-DD' → "mar 3/12": a column heading that fits a tablet. */
export function formatDayShort(iso: string): string {
  const weekday = new Intl.DateTimeFormat(locale(), { weekday: 'short', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`));
  const [, m, d] = iso.split('-');
  return `${weekday} ${Number(d)}/${Number(m)}`;
}

export const formatDate = (iso: string) => formatItalianDate(iso);

/** Rome wall-clock of a meeting: its day, start and end, and where it sits in the day (minutes). */
export function wallClockOf(a: Pick<AppointmentView, 'start' | 'end'>) {
  const start = romeLocal(new Date(a.start));
  const end = romeLocal(new Date(a.end));
  // A meeting never spans midnight; if the clock says so (DST day), it ends at the day's end.
  const endMinute = end.date === start.date ? end.minuteOfDay : 24 * 60;
  return { date: start.date, startTime: start.time, endTime: end.time, startMinute: start.minuteOfDay, endMinute };
}

/** "10:15" from minutes since midnight. */
export const clockOf = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** The instant Rome's clocks show `date` `time` (the jump, inside March's missing hour), as ISO text. */
export const instantOf = (date: string, time: string) => romeToUtc(date, time).toISOString();

/** Free slots grouped by their Rome day, in the order the server sorted them. */
export function slotsByDay<S extends Pick<FreeSlotView, 'date'>>(slots: S[]): Array<{ date: string; slots: S[] }> {
  const groups: Array<{ date: string; slots: S[] }> = [];
  for (const slot of slots) {
    const last = groups[groups.length - 1];
    if (last?.date === slot.date) last.slots.push(slot);
    else groups.push({ date: slot.date, slots: [slot] });
  }
  return groups;
}

/**
 * Side-by-side lanes for meetings that overlap in one day column (several consultants at 10:00):
 * each meeting takes the first lane free at its start; `lanes` is the width of its cluster.
 */
export function layOutDay<T extends { startMinute: number; endMinute: number }>(items: T[]): Array<T & { lane: number; lanes: number }> {
  const sorted = [...items].sort((a, b) => a.startMinute - b.startMinute || b.endMinute - a.endMinute);
  const placed: Array<T & { lane: number; lanes: number }> = [];
  let cluster: Array<T & { lane: number; lanes: number }> = [];
  let clusterEnd = -1;
  const closeCluster = () => {
    const lanes = Math.max(1, ...cluster.map((c) => c.lane + 1));
    for (const c of cluster) c.lanes = lanes;
    cluster = [];
  };
  for (const item of sorted) {
    if (item.startMinute >= clusterEnd) closeCluster();
    const busy = new Set(cluster.filter((c) => c.endMinute > item.startMinute).map((c) => c.lane));
    let lane = 0;
    while (busy.has(lane)) lane++;
    const entry = { ...item, lane, lanes: 1 };
    cluster.push(entry);
    placed.push(entry);
    clusterEnd = Math.max(clusterEnd, item.endMinute);
  }
  closeCluster();
  return placed;
}
