import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { romeToUtc } from '../../shared/time/rome-time.js';
import {
  calendarFeedIcs,
  cancellationIcs,
  escapeText,
  foldLine,
  invitationIcs,
  type CalendarEvent,
  type CalendarOptions,
} from './icalendar.js';

const OPTIONS: CalendarOptions = { host: 'ricolloca.provincia.modena.it', stamp: new Date('2027-03-20T09:15:00Z') };
const ADDRESS = "Via dell'Abbadia, 3; scala B, 41121 Modena (MO)";

function meeting(date: string, time: string, overrides: Partial<CalendarEvent> = {}): CalendarEvent {
  const start = romeToUtc(date, time);
  return {
    appointmentId: '5f0c8a1e-3b7d-4f2a-9c11-2d6e8b4a7f90',
    sequence: 0,
    start,
    end: new Date(start.getTime() + 60 * 60_000),
    summary: 'Colloquio di orientamento – Centro per l’impiego di Modena',
    description: 'Portare il curriculum e un documento d’identità.\nSe non può venire, risponda a questa e-mail.',
    location: ADDRESS,
    organizer: { name: 'Chiara Barbieri', email: 'chiara.barbieri@cpi-modena.example' },
    attendees: [{ name: "Niccolò D'Agostino", email: 'niccolo.dagostino@example.it' }],
    ...overrides,
  };
}

/** Parses with ical.js (registering the text's own VTIMEZONE) and returns the calendar and its first event. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vtimezone = calendar.getFirstSubcomponent('vtimezone');
  if (vtimezone) ICAL.TimezoneService.register(vtimezone);
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  return { calendar, vevent, event: new ICAL.Event(vevent) };
}

beforeAll(() => {
  // The parser must take the zone from the invitation, not from anything registered before.
  ICAL.TimezoneService.reset();
});

describe('an invitation read back by ical.js', () => {
  it('has the calendar headers, the method and a VTIMEZONE for Europe/Rome with the EU rules', () => {
    const { calendar } = parse(invitationIcs(meeting('2027-03-26', '10:00'), OPTIONS));
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toContain('Ricolloca');
    const tz = calendar.getFirstSubcomponent('vtimezone')!;
    expect(tz.getFirstPropertyValue('tzid')).toBe('Europe/Rome');
    const daylight = tz.getFirstSubcomponent('daylight')!;
    const standard = tz.getFirstSubcomponent('standard')!;
    expect(daylight.getFirstProperty('rrule')!.toICALString()).toBe('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
    expect(standard.getFirstProperty('rrule')!.toICALString()).toBe('RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU');
    expect(daylight.getFirstProperty('tzoffsetto')!.toICALString()).toBe('TZOFFSETTO:+0200');
    expect(standard.getFirstProperty('tzoffsetto')!.toICALString()).toBe('TZOFFSETTO:+0100');
  });

  it.each([
    ['2027-03-26', '10:00', '2027-03-26T09:00:00.000Z', 60], // Friday before the clocks go forward
    ['2027-03-29', '10:00', '2027-03-29T08:00:00.000Z', 120], // Monday after
    ['2027-10-29', '10:00', '2027-10-29T08:00:00.000Z', 120], // Friday before they go back
    ['2027-11-01', '10:00', '2027-11-01T09:00:00.000Z', 60], // Monday after
  ])('a meeting on %s at %s is 10:00 in Rome and %s', (date, time, utc, offsetMinutes) => {
    const text = invitationIcs(meeting(date, time), OPTIONS);
    expect(text).toContain(`DTSTART;TZID=Europe/Rome:${date.replace(/-/g, '')}T100000\r\n`);
    expect(text).toContain(`DTEND;TZID=Europe/Rome:${date.replace(/-/g, '')}T110000\r\n`);
    const { event } = parse(text);
    expect(event.startDate.zone.tzid).toBe('Europe/Rome');
    expect(event.startDate.toString()).toBe(`${date}T10:00:00`);
    expect(event.endDate.toString()).toBe(`${date}T11:00:00`);
    expect(event.startDate.toJSDate().toISOString()).toBe(utc);
    expect(event.startDate.utcOffset() / 60).toBe(offsetMinutes);
    expect(event.duration.toSeconds()).toBe(3600);
  });

  it('carries UID, SEQUENCE, DTSTAMP, summary, description, location, organizer, attendee and status field by field', () => {
    const { event, vevent } = parse(
      invitationIcs(meeting('2027-03-29', '10:00', { url: 'https://meet.example.it/cpi-modena/abc?x=1,2' }), OPTIONS),
    );
    expect(event.uid).toBe('5f0c8a1e-3b7d-4f2a-9c11-2d6e8b4a7f90@ricolloca.provincia.modena.it');
    expect(event.sequence).toBe(0);
    expect(vevent.getFirstPropertyValue('dtstamp')!.toString()).toBe('2027-03-20T09:15:00Z');
    expect(event.summary).toBe('Colloquio di orientamento – Centro per l’impiego di Modena');
    expect(event.description).toBe('Portare il curriculum e un documento d’identità.\nSe non può venire, risponda a questa e-mail.');
    expect(event.location).toBe(ADDRESS);
    expect(vevent.getFirstPropertyValue('url')).toBe('https://meet.example.it/cpi-modena/abc?x=1,2');
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    const organizer = vevent.getFirstProperty('organizer')!;
    expect(organizer.getFirstValue()).toBe('mailto:chiara.barbieri@cpi-modena.example');
    expect(organizer.getParameter('cn')).toBe('Chiara Barbieri');
    const [attendee] = event.attendees;
    expect(attendee!.getFirstValue()).toBe('mailto:niccolo.dagostino@example.it');
    expect(attendee!.getParameter('cn')).toBe("Niccolò D'Agostino");
    expect(attendee!.getParameter('role')).toBe('REQ-PARTICIPANT');
    expect(attendee!.getParameter('partstat')).toBe('NEEDS-ACTION');
    expect(attendee!.getParameter('rsvp')).toBe('TRUE');
  });

  it('escapes commas, semicolons, backslashes and line breaks, and quotes a name holding a comma', () => {
    const text = invitationIcs(
      meeting('2027-03-26', '10:00', {
        summary: 'Revisione CV; lettera, colloquio \\ prova',
        attendees: [{ name: "D'Agostino, Niccolò", email: 'niccolo.dagostino@example.it', role: 'OPT-PARTICIPANT', rsvp: false }],
      }),
      OPTIONS,
    );
    expect(text.replace(/\r\n /g, '')).toContain("LOCATION:Via dell'Abbadia\\, 3\\; scala B\\, 41121 Modena (MO)\r\n");
    expect(text).toContain('SUMMARY:Revisione CV\\; lettera\\, colloquio \\\\ prova\r\n');
    expect(text).toContain('ATTENDEE;CN="D\'Agostino, Niccolò";ROLE=OPT-PARTICIPANT');
    const { event } = parse(text);
    expect(event.summary).toBe('Revisione CV; lettera, colloquio \\ prova');
    expect(event.location).toBe(ADDRESS);
    expect(event.attendees[0]!.getParameter('cn')).toBe("D'Agostino, Niccolò");
    expect(event.attendees[0]!.getParameter('rsvp')).toBe('FALSE');
    expect(escapeText('a\r\nb\nc')).toBe('a\\nb\\nc');
  });

  it('folds lines at 75 octets with CRLF, never inside an accented letter, and the parser joins them back', () => {
    const description = 'Si ricorda che è necessario portare: àèéìòù '.repeat(8) + 'perché Niccolò sarà lì.';
    const text = invitationIcs(meeting('2027-03-26', '10:00', { description }), OPTIONS);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const physical = text.split('\r\n').slice(0, -1);
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for (const line of physical) {
      const bytes = Buffer.from(line, 'utf8');
      expect(bytes.length).toBeLessThanOrEqual(75);
      expect(decoder.decode(bytes)).toBe(line);
    }
    const descriptionLines = physical.slice(physical.findIndex((l) => l.startsWith('DESCRIPTION:')));
    expect(descriptionLines[1]!.startsWith(' ')).toBe(true);
    // Some fold lands right before a two-byte letter (the line would be 76 octets with it).
    expect(
      descriptionLines.some((l) => Buffer.byteLength(l) === 74 && /[àèéìòù]/.test(descriptionLines[descriptionLines.indexOf(l) + 1]![1]!)),
    ).toBe(true);
    expect(parse(text).event.description).toBe(description);
  });

  it('folds a line of emoji and accents without splitting a surrogate pair', () => {
    const folded = foldLine('DESCRIPTION:' + 'è😀'.repeat(40));
    for (const line of folded.split('\r\n')) expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
    expect(folded.replace(/\r\n /g, '')).toBe('DESCRIPTION:' + 'è😀'.repeat(40));
  });
});

describe('a change and a cancellation of the same meeting', () => {
  it('keeps the UID and raises the SEQUENCE; the cancellation says METHOD:CANCEL and STATUS:CANCELLED', () => {
    const first = parse(invitationIcs(meeting('2027-10-29', '10:00'), OPTIONS));
    const moved = parse(
      invitationIcs(meeting('2027-11-02', '15:30', { sequence: 1 }), { ...OPTIONS, stamp: new Date('2027-10-27T08:00:00Z') }),
    );
    const cancelled = parse(
      cancellationIcs(meeting('2027-11-02', '15:30', { sequence: 2 }), { ...OPTIONS, stamp: new Date('2027-10-28T08:00:00Z') }),
    );
    expect(new Set([first.event.uid, moved.event.uid, cancelled.event.uid]).size).toBe(1);
    expect([first.event.sequence, moved.event.sequence, cancelled.event.sequence]).toEqual([0, 1, 2]);
    expect(moved.event.startDate.toJSDate().toISOString()).toBe('2027-11-02T14:30:00.000Z');
    expect(cancelled.calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(cancelled.vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(cancelled.event.attendees[0]!.getParameter('rsvp')).toBe('FALSE');
  });

  it('writes both 02:30 of 31 October 2027 in UTC, which no parser can read as the other one', () => {
    const first = invitationIcs(
      { ...meeting('2027-10-31', '02:30'), start: new Date('2027-10-31T00:30:00Z'), end: new Date('2027-10-31T00:45:00Z') },
      OPTIONS,
    );
    const second = invitationIcs(
      { ...meeting('2027-10-31', '02:30'), start: new Date('2027-10-31T01:30:00Z'), end: new Date('2027-10-31T01:45:00Z') },
      OPTIONS,
    );
    expect(first).toContain('DTSTART:20271031T003000Z');
    expect(second).toContain('DTSTART:20271031T013000Z');
    expect(parse(first).event.startDate.toJSDate().toISOString()).toBe('2027-10-31T00:30:00.000Z');
    expect(parse(second).event.startDate.toJSDate().toISOString()).toBe('2027-10-31T01:30:00.000Z');
  });
});

describe("a consultant's subscription feed", () => {
  it('publishes every meeting with its own UID and status', () => {
    const events = [
      meeting('2027-03-26', '10:00', { appointmentId: 'a1' }),
      meeting('2027-03-29', '10:00', { appointmentId: 'a2', status: 'CANCELLED', sequence: 3 }),
      meeting('2027-11-01', '09:30', { appointmentId: 'a3', attendees: [{ name: 'Giuseppe Esposito', email: 'g.esposito@example.it' }] }),
    ];
    const text = calendarFeedIcs(events, { ...OPTIONS, name: 'Agenda di Chiara Barbieri – CPI Modena' });
    const calendar = new ICAL.Component(ICAL.parse(text));
    ICAL.TimezoneService.register(calendar.getFirstSubcomponent('vtimezone')!);
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Agenda di Chiara Barbieri – CPI Modena');
    expect(calendar.getAllSubcomponents('vtimezone')).toHaveLength(1);
    const parsed = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(
      parsed.map((e) => [e.uid, e.sequence, e.component.getFirstPropertyValue('status'), e.startDate.toJSDate().toISOString()]),
    ).toEqual([
      ['a1@ricolloca.provincia.modena.it', 0, 'CONFIRMED', '2027-03-26T09:00:00.000Z'],
      ['a2@ricolloca.provincia.modena.it', 3, 'CANCELLED', '2027-03-29T08:00:00.000Z'],
      ['a3@ricolloca.provincia.modena.it', 0, 'CONFIRMED', '2027-11-01T08:30:00.000Z'],
    ]);
    expect(parsed[2]!.attendees[0]!.getParameter('rsvp')).toBe('FALSE');
  });
});
