import { describe, expect, it } from 'vitest';
import { romeToday } from './rome-date.js';
import { romeLocal, romeOffsetMinutes, romeToUtc, romeWallClockToUtc } from './rome-time.js';

describe('Rome wall-clock time', () => {
  it('reads an instant as Rome date, time, weekday and offset in winter and in summer', () => {
    expect(romeLocal(new Date('2027-01-15T08:30:00Z'))).toEqual({
      date: '2027-01-15',
      time: '09:30',
      weekday: 5,
      minuteOfDay: 570,
      offset: '+01:00',
    });
    expect(romeLocal(new Date('2027-07-15T08:30:00Z'))).toMatchObject({ date: '2027-07-15', time: '10:30', weekday: 4, offset: '+02:00' });
  });

  it('agrees with the time-zone database (Intl) every 97 minutes through 2027', () => {
    const intl = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Rome', dateStyle: 'short', timeStyle: 'short' });
    for (let ms = Date.UTC(2026, 11, 31); ms < Date.UTC(2028, 0, 2); ms += 97 * 60_000) {
      const local = romeLocal(ms);
      expect(`${local.date} ${local.time}`).toBe(intl.format(ms));
    }
  });

  it('counts the night of 31 December at 23:30 UTC as 1 January in Rome', () => {
    expect(romeToday(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });

  it('changes the offset at 01:00 UTC on the last Sunday of March and of October 2027', () => {
    expect(romeOffsetMinutes(new Date('2027-03-28T00:59:59Z'))).toBe(60);
    expect(romeOffsetMinutes(new Date('2027-03-28T01:00:00Z'))).toBe(120);
    expect(romeOffsetMinutes(new Date('2027-10-31T00:59:59Z'))).toBe(120);
    expect(romeOffsetMinutes(new Date('2027-10-31T01:00:00Z'))).toBe(60);
  });

  it('keeps a weekly 09:00 at 09:00 Rome time on both sides of each change', () => {
    expect(romeToUtc('2027-03-26', '09:00').toISOString()).toBe('2027-03-26T08:00:00.000Z');
    expect(romeToUtc('2027-03-29', '09:00').toISOString()).toBe('2027-03-29T07:00:00.000Z');
    expect(romeToUtc('2027-10-29', '09:00').toISOString()).toBe('2027-10-29T07:00:00.000Z');
    expect(romeToUtc('2027-11-01', '09:00').toISOString()).toBe('2027-11-01T08:00:00.000Z');
  });

  it('reports 02:30 on Sunday 28 March 2027 as nonexistent, the clocks jumping to 03:00 CEST', () => {
    const r = romeWallClockToUtc('2027-03-28', '02:30');
    expect(r).toEqual({ kind: 'nonexistent', at: new Date('2027-03-28T01:00:00Z') });
    expect(romeWallClockToUtc('2027-03-28', '02:00').kind).toBe('nonexistent');
    expect(romeWallClockToUtc('2027-03-28', '01:59')).toEqual({ kind: 'exact', at: new Date('2027-03-28T00:59:00Z') });
    expect(romeWallClockToUtc('2027-03-28', '03:00')).toEqual({ kind: 'exact', at: new Date('2027-03-28T01:00:00Z') });
    // The lenient conversion gives the first instant the clocks show 02:30 or later.
    expect(romeToUtc('2027-03-28', '02:30').toISOString()).toBe('2027-03-28T01:00:00.000Z');
  });

  it('reports 02:30 on Sunday 31 October 2027 as ambiguous and picks the first occurrence (CEST)', () => {
    const r = romeWallClockToUtc('2027-10-31', '02:30');
    expect(r).toEqual({ kind: 'ambiguous', at: new Date('2027-10-31T00:30:00Z'), later: new Date('2027-10-31T01:30:00Z') });
    expect(romeToUtc('2027-10-31', '02:30').toISOString()).toBe('2027-10-31T00:30:00.000Z');
    expect(romeWallClockToUtc('2027-10-31', '01:59').kind).toBe('exact');
    expect(romeWallClockToUtc('2027-10-31', '03:00')).toEqual({ kind: 'exact', at: new Date('2027-10-31T02:00:00Z') });
  });

  it('finds the changes of other years too (2026: 29 March and 25 October)', () => {
    expect(romeWallClockToUtc('2026-03-29', '02:15').kind).toBe('nonexistent');
    expect(romeWallClockToUtc('2026-10-25', '02:15').kind).toBe('ambiguous');
    expect(romeWallClockToUtc('2026-10-25', '10:00')).toEqual({ kind: 'exact', at: new Date('2026-10-25T09:00:00Z') });
  });

  it('refuses malformed dates and times', () => {
    for (const [date, time] of [
      ['2027-02-29', '10:00'],
      ['2027-13-01', '10:00'],
      ['28/03/2027', '10:00'],
      ['2027-03-28', '24:00'],
      ['2027-03-28', '9:00'],
      ['2027-03-28', '10:60'],
    ] as const) {
      expect(romeWallClockToUtc(date, time)).toEqual({ kind: 'invalid' });
    }
    expect(() => romeToUtc('2027-02-30', '10:00')).toThrow(RangeError);
  });
});
