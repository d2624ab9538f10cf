/**
 * iCalendar (RFC 5545) text for the agenda: an invitation (METHOD:REQUEST), its cancellation
 * (METHOD:CANCEL) as RFC 5546 (iTIP) has them, and a consultant's subscription feed
 * (METHOD:PUBLISH). Pure: the notification code attaches the text to its e-mails, the feed route
 * serves it.
 *
 * Written by hand rather than with a generator library: the format is small, and what matters for
 * Outlook, Thunderbird and Google Calendar — times with TZID=Europe/Rome and its VTIMEZONE, a stable
 * UID, SEQUENCE, escaping, folding that never splits a UTF-8 character — is exactly what is tested.
 *
 * Times are written as Rome wall-clock with TZID (a client shows 10:00 whatever its own zone and
 * moves it correctly across the changes). The one exception: a time inside October's repeated hour
 * (02:00–02:59 on the last Sunday) is written in UTC. RFC 5545 §3.3.5 reads a TZID time there as the
 * first occurrence, but parsers differ (ical.js takes the second), so neither occurrence is left to
 * them.
 */
import { romeLocal, romeWallClockToUtc, TIME_ZONE } from '../../shared/time/rome-time.js';

export interface CalendarPerson {
  name: string;
  email: string;
}

export interface CalendarAttendee extends CalendarPerson {
  role?: 'REQ-PARTICIPANT' | 'OPT-PARTICIPANT' | 'CHAIR' | 'NON-PARTICIPANT';
  partstat?: 'NEEDS-ACTION' | 'ACCEPTED' | 'DECLINED' | 'TENTATIVE';
  /** Whether an answer is asked for (default true in an invitation). */
  rsvp?: boolean;
}

export interface CalendarEvent {
  /** The appointment's id: the UID is `<id>@<host>`, the same for every version of the meeting. */
  appointmentId: string;
  /** 0 when first sent, one more with each change (time, place, cancellation). */
  sequence: number;
  start: Date;
  end: Date;
  summary: string;
  description?: string | null;
  /** The office's address (or the mode, for a phone or video meeting). */
  location?: string | null;
  /** The video link. */
  url?: string | null;
  organizer: CalendarPerson;
  attendees: CalendarAttendee[];
  status?: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
  /** When the meeting was last changed (optional LAST-MODIFIED). */
  lastModified?: Date | null;
}

export interface CalendarOptions {
  /** The host name that makes UIDs unique to this installation, e.g. 'ricolloca.provincia.modena.it'. */
  host: string;
  /** When the text is produced (DTSTAMP). */
  stamp: Date;
}

const PRODID = '-//Ricolloca//Agenda dei Centri per l’impiego//IT';
const CRLF = '\r\n';

/** The VTIMEZONE of Europe/Rome under the EU rule (since 1996): CEST from the last Sunday of March, CET from the last of October. */
export const ROME_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TIME_ZONE}`,
  `X-LIC-LOCATION:${TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks escaped. */
export function escapeText(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * A parameter value (CN): quoted when it holds ':', ';' or ','. A double quote cannot appear in a
 * parameter value (§3.1), so it becomes a single one; control characters and line breaks are dropped.
 */
export function paramValue(value: string): string {
  const clean = value.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/"/g, "'");
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

/**
 * A content line folded at 75 octets (§3.1): each continuation line starts with a space; a fold
 * falls between characters, never inside a UTF-8 sequence or a surrogate pair.
 */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= 75) return line;
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (octets + size > limit) {
      lines.push(current);
      current = '';
      octets = 0;
      limit = 74; // the leading space counts
    }
    current += ch;
    octets += size;
  }
  lines.push(current);
  return lines.join(`${CRLF} `);
}

const pad = (n: number) => String(n).padStart(2, '0');

function utcStamp(at: Date): string {
  return `${at.getUTCFullYear()}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}T${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}${pad(at.getUTCSeconds())}Z`;
}

/** DTSTART/DTEND: Rome wall-clock with TZID, or UTC inside October's repeated hour. */
function timeProperty(name: 'DTSTART' | 'DTEND', at: Date): string {
  const local = romeLocal(at);
  if (romeWallClockToUtc(local.date, local.time).kind === 'ambiguous') return `${name}:${utcStamp(at)}`;
  return `${name};TZID=${TIME_ZONE}:${local.date.replace(/-/g, '')}T${local.time.replace(':', '')}${pad(at.getUTCSeconds())}`;
}

function mailto(email: string): string {
  return `mailto:${email.replace(/[\s"<>]/g, '')}`;
}

function eventLines(event: CalendarEvent, options: CalendarOptions, method: 'REQUEST' | 'CANCEL' | 'PUBLISH'): string[] {
  const status = method === 'CANCEL' ? 'CANCELLED' : (event.status ?? 'CONFIRMED');
  const lines = [
    'BEGIN:VEVENT',
    `UID:${event.appointmentId}@${options.host}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${utcStamp(options.stamp)}`,
    timeProperty('DTSTART', event.start),
    timeProperty('DTEND', event.end),
    `SUMMARY:${escapeText(event.summary)}`,
  ];
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  if (event.url) lines.push(`URL;VALUE=URI:${event.url.replace(/[\s"<>]/g, '')}`);
  lines.push(`ORGANIZER;CN=${paramValue(event.organizer.name)}:${mailto(event.organizer.email)}`);
  for (const a of event.attendees) {
    const rsvp = method === 'REQUEST' ? (a.rsvp ?? true) : false;
    const partstat = a.partstat ?? 'NEEDS-ACTION';
    lines.push(
      `ATTENDEE;CN=${paramValue(a.name)};ROLE=${a.role ?? 'REQ-PARTICIPANT'};PARTSTAT=${partstat};RSVP=${rsvp ? 'TRUE' : 'FALSE'}:${mailto(a.email)}`,
    );
  }
  if (event.lastModified) lines.push(`LAST-MODIFIED:${utcStamp(event.lastModified)}`);
  lines.push(`STATUS:${status}`, 'TRANSP:OPAQUE', 'END:VEVENT');
  return lines;
}

function calendar(method: 'REQUEST' | 'CANCEL' | 'PUBLISH', body: string[], extra: string[] = []): string {
  const lines = [
    'BEGIN:VCALENDAR',
    `PRODID:${PRODID}`,
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    `METHOD:${method}`,
    ...extra,
    ...ROME_VTIMEZONE,
    ...body,
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** An invitation or an update (send again with a higher SEQUENCE when the time or place changes). */
export function invitationIcs(event: CalendarEvent, options: CalendarOptions): string {
  return calendar('REQUEST', eventLines(event, options, 'REQUEST'));
}

/** The cancellation of a meeting: same UID, a SEQUENCE higher than the last one sent, STATUS:CANCELLED. */
export function cancellationIcs(event: CalendarEvent, options: CalendarOptions): string {
  return calendar('CANCEL', eventLines(event, options, 'CANCEL'));
}

/** A consultant's subscription feed: every meeting in the period, cancelled ones marked so. */
export function calendarFeedIcs(events: CalendarEvent[], options: CalendarOptions & { name: string }): string {
  const extra = [
    `X-WR-CALNAME:${escapeText(options.name)}`,
    `X-WR-TIMEZONE:${TIME_ZONE}`,
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
  ];
  return calendar(
    'PUBLISH',
    events.flatMap((e) => eventLines(e, options, 'PUBLISH')),
    extra,
  );
}
