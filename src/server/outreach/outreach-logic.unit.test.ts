import { describe, expect, it } from 'vitest';
import { nextStepAfterAttempt } from './callback-rule.js';
import { lineStatus, romeToUtc, type HotlineSlot } from './hotline-hours.js';
import { describeHours, renderTemplate, unknownPlaceholders, type PlaceholderValues } from './placeholders.js';
import { countSms, toGsmFriendly } from '../../shared/messages/sms-segments.js';

// The demo hotline's hours: Mon, Tue, Wed, Fri 10:00–13:30; Thu 13:00–17:00.
const DEMO_HOURS: HotlineSlot[] = [
  ...[1, 2, 3, 5].map((weekday) => ({ weekday, opens: '10:00', closes: '13:30' })),
  { weekday: 4, opens: '13:00', closes: '17:00' },
];
const HOLIDAYS = new Map([
  ['2026-12-08', 'Immacolata Concezione'],
  ['2026-12-25', 'Natale'],
  ['2026-12-26', 'Santo Stefano'],
  ['2027-01-01', 'Capodanno'],
]);

describe('hotline hours in Europe/Rome', () => {
  it('is open on a Monday at 10:30 Rome time (09:30 UTC in winter)', () => {
    const s = lineStatus(DEMO_HOURS, HOLIDAYS, new Date('2026-11-30T09:30:00Z'));
    expect(s.open).toBe(true);
    expect(s.closesAt?.toISOString()).toBe('2026-11-30T12:30:00.000Z');
  });

  it('is closed on Monday at 13:30 and opens next on Tuesday at 10:00', () => {
    const s = lineStatus(DEMO_HOURS, HOLIDAYS, new Date('2026-11-30T12:30:00Z'));
    expect(s.open).toBe(false);
    expect(s.nextOpening?.toISOString()).toBe('2026-12-01T09:00:00.000Z');
  });

  it('on Thursday morning the line opens at 13:00 the same day', () => {
    const s = lineStatus(DEMO_HOURS, HOLIDAYS, new Date('2026-12-03T09:00:00Z'));
    expect(s.open).toBe(false);
    expect(s.nextOpening?.toISOString()).toBe('2026-12-03T12:00:00.000Z');
  });

  it('is closed on a holiday inside the usual hours and names it', () => {
    const s = lineStatus(DEMO_HOURS, HOLIDAYS, new Date('2026-12-08T10:00:00Z')); // Tuesday
    expect(s).toMatchObject({ open: false, holiday: 'Immacolata Concezione' });
    expect(s.nextOpening?.toISOString()).toBe('2026-12-09T09:00:00.000Z');
  });

  it('skips Christmas, Santo Stefano and the weekend', () => {
    const s = lineStatus(DEMO_HOURS, HOLIDAYS, new Date('2026-12-24T16:30:00Z')); // Thursday 17:30
    expect(s.nextOpening?.toISOString()).toBe('2026-12-28T09:00:00.000Z'); // Monday 10:00 CET
  });

  it('follows the clocks across daylight-saving changes', () => {
    // Summer time starts on Sunday 29 March 2026: Monday 30 March 10:00 is 08:00 UTC.
    expect(lineStatus(DEMO_HOURS, HOLIDAYS, new Date('2026-03-27T12:45:00Z')).nextOpening?.toISOString()).toBe('2026-03-30T08:00:00.000Z');
    expect(lineStatus(DEMO_HOURS, HOLIDAYS, new Date('2026-03-30T08:00:00Z')).open).toBe(true);
    expect(lineStatus(DEMO_HOURS, HOLIDAYS, new Date('2026-03-30T07:59:00Z')).open).toBe(false);
    // Winter time from Sunday 25 October 2026: Monday 26 October 10:00 is 09:00 UTC.
    expect(lineStatus(DEMO_HOURS, HOLIDAYS, new Date('2026-10-23T12:00:00Z')).nextOpening?.toISOString()).toBe('2026-10-26T09:00:00.000Z');
    expect(romeToUtc('2026-10-25', '10:00').toISOString()).toBe('2026-10-25T09:00:00.000Z');
  });
});

describe('callback next-attempt rule', () => {
  const base = { slots: DEMO_HOURS, holidays: HOLIDAYS };
  it('retries 2 hours later when the line is still open then', () => {
    const step = nextStepAfterAttempt({ ...base, outcome: 'no_answer', unansweredBefore: 0, at: new Date('2026-12-03T12:10:00Z') }); // Thu 13:10
    expect(step).toEqual({ done: false, nextAttemptAt: new Date('2026-12-03T14:10:00Z') });
  });
  it('moves to the next opening when 2 hours later the line is closed', () => {
    const step = nextStepAfterAttempt({ ...base, outcome: 'busy', unansweredBefore: 1, at: new Date('2026-11-30T11:00:00Z') }); // Mon 12:00
    expect(step).toEqual({ done: false, nextAttemptAt: new Date('2026-12-01T09:00:00Z') });
  });
  it('closes as unreachable after the third unanswered attempt', () => {
    expect(nextStepAfterAttempt({ ...base, outcome: 'no_answer', unansweredBefore: 2, at: new Date('2026-11-30T09:00:00Z') })).toEqual({
      done: true,
      closedAs: 'unreachable',
    });
  });
  it('closes on reached, declined and wrong number', () => {
    for (const outcome of ['reached', 'declined', 'wrong_number'] as const) {
      expect(nextStepAfterAttempt({ ...base, outcome, unansweredBefore: 0, at: new Date() })).toEqual({ done: true, closedAs: outcome });
    }
  });
});

describe('SMS segments', () => {
  it('counts 160 GSM-7 characters as one segment and 161 as two of 153', () => {
    expect(countSms('a'.repeat(160))).toMatchObject({ encoding: 'GSM-7', segments: 1, units: 160, remaining: 0 });
    expect(countSms('a'.repeat(161))).toMatchObject({ encoding: 'GSM-7', segments: 2, perSegment: 153, remaining: 145 });
    expect(countSms('a'.repeat(306))).toMatchObject({ segments: 2 });
    expect(countSms('a'.repeat(307))).toMatchObject({ segments: 3 });
  });
  it('counts extension characters (€, [, ]) double', () => {
    expect(countSms('€'.repeat(80))).toMatchObject({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(countSms('€'.repeat(80) + 'a')).toMatchObject({ units: 161, segments: 2 });
  });
  it('keeps Italian accented letters of the GSM alphabet in GSM-7 (è é ù ì ò à)', () => {
    expect(countSms('Più però è già così')).toMatchObject({ encoding: 'GSM-7' });
  });
  it('switches to UCS-2 for other characters (È, ’, –) and reports them', () => {
    const c = countSms('È l’ora – ' + 'a'.repeat(60));
    expect(c).toMatchObject({ encoding: 'UCS-2', units: 70, segments: 1, perSegment: 70 });
    expect(c.nonGsmCharacters).toEqual(['È', '’', '–']);
    expect(countSms('È' + 'a'.repeat(70))).toMatchObject({ segments: 2, perSegment: 67 });
  });
  it('replaces typographic punctuation with GSM equivalents but keeps letters', () => {
    expect(toGsmFriendly('Centro per l’impiego – «orari»… È')).toBe('Centro per l\'impiego - "orari"... È');
    expect(countSms(toGsmFriendly('Centro per l’impiego')).encoding).toBe('GSM-7');
  });
  it('an empty text is zero segments', () => {
    expect(countSms('').segments).toBe(0);
  });
});

describe('placeholders', () => {
  const values: PlaceholderValues = {
    nome: 'Maria',
    cognome: 'Rossi',
    azienda: 'Ceramiche Emilia',
    data_fine_cigs: '31/12/2026',
    giorni_alla_fine_cigs: '30',
    sede: 'CPI Modena',
    telefono_sede: '059 000 1000',
    orari_centralino: 'lun 10:00-13:30',
  };
  it('fills every known placeholder, with or without spaces', () => {
    expect(renderTemplate('Gentile {{nome}} {{ cognome }}, CIGS fino al {{data_fine_cigs}}.', values)).toBe(
      'Gentile Maria Rossi, CIGS fino al 31/12/2026.',
    );
  });
  it('reports unknown placeholders and leaves them visible', () => {
    expect(unknownPlaceholders('Ciao {{nome}} {{cogome}}')).toEqual(['cogome']);
    expect(renderTemplate('{{cogome}}', values)).toBe('{{cogome}}');
  });
  it('describes the demo hotline hours compactly in GSM-7', () => {
    const text = describeHours(DEMO_HOURS);
    expect(text).toBe('lun, mar, mer, ven 10:00-13:30; gio 13:00-17:00');
    expect(countSms(text).encoding).toBe('GSM-7');
  });
});
