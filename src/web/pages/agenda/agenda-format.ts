import type { AppointmentMode, AppointmentStatus, AppointmentView } from '../../../shared/schemas/appointments.schema';
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

export { layOutDay, slotsByDay, workshopsShown } from './agenda-layout';
