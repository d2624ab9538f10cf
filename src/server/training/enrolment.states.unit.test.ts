import { describe, expect, it } from 'vitest';
import {
  allowedMoves,
  ENROLMENT_MOVES,
  enrolmentOpenOn,
  findMove,
  holdsSeat,
  joinableOn,
  RE_ENROLLABLE_STATES,
} from './enrolment.states.js';
import { TRAINING_ENROLMENT_STATES } from '../../shared/schemas/training.schema.js';

describe('the course enrolment lifecycle', () => {
  it('holds a seat while enrolled and after completion, not on the waiting list nor after leaving', () => {
    expect(TRAINING_ENROLMENT_STATES.filter(holdsSeat)).toEqual(['enrolled', 'completed']);
  });

  it('lets a consultant withdraw a waiting or enrolled worker, and drop or complete only an enrolled one', () => {
    const consultant = ['consultant'] as const;
    expect(allowedMoves('waiting', consultant).map((m) => m.action)).toEqual(['withdraw']);
    expect(allowedMoves('enrolled', consultant).map((m) => m.action)).toEqual(['withdraw', 'drop', 'complete', 'attendance']);
    expect(allowedMoves('completed', consultant)).toEqual([]);
    expect(allowedMoves('withdrawn', consultant).map((m) => m.action)).toEqual(['enrol', 'wait']);
  });

  it('leaves the promotion from the waiting list to the system alone', () => {
    const promote = findMove('promote', 'waiting')!;
    expect(promote.to).toBe('enrolled');
    expect(promote.roles).toEqual([]);
    expect(allowedMoves('waiting', ['admin', 'coordinator', 'consultant']).map((m) => m.action)).not.toContain('promote');
  });

  it('gives the front office and the job matchers no move', () => {
    for (const state of TRAINING_ENROLMENT_STATES) {
      expect(allowedMoves(state, ['frontoffice', 'matcher'])).toEqual([]);
    }
  });

  it('asks the reason of a withdrawal and of a drop, and allows enrolling again only after leaving', () => {
    expect(ENROLMENT_MOVES.filter((m) => m.reasonRequired).map((m) => m.action)).toEqual(['withdraw', 'drop']);
    expect(RE_ENROLLABLE_STATES).toEqual(['withdrawn', 'dropped']);
    expect(findMove('enrol', 'completed')).toBeUndefined();
    expect(findMove('complete', 'waiting')).toBeUndefined();
  });
});

describe('whether a course can be joined', () => {
  // Today is Wednesday 2 December 2026 in Rome.
  const today = '2026-12-02';

  it('takes enrolments while the course is open, up to and including its deadline', () => {
    expect(enrolmentOpenOn({ status: 'open', enrolmentDeadline: null }, today)).toBe(true);
    expect(enrolmentOpenOn({ status: 'open', enrolmentDeadline: '2026-12-02' }, today)).toBe(true);
    expect(enrolmentOpenOn({ status: 'open', enrolmentDeadline: '2026-12-01' }, today)).toBe(false);
    expect(enrolmentOpenOn({ status: 'draft', enrolmentDeadline: null }, today)).toBe(false);
    expect(enrolmentOpenOn({ status: 'closed', enrolmentDeadline: '2027-01-08' }, today)).toBe(false);
  });

  it('offers a course not started yet though its enrolment is not open, never one whose deadline has passed', () => {
    // «Saldatura ad arco: edizione di gennaio», a draft starting on 18 January: it may still open.
    expect(joinableOn({ enrolmentOpen: false, enrolmentDeadline: null, startDate: '2027-01-18' }, today)).toBe(true);
    expect(joinableOn({ enrolmentOpen: false, enrolmentDeadline: '2027-01-08', startDate: '2027-01-18' }, today)).toBe(true);
    // Starting today counts as not started.
    expect(joinableOn({ enrolmentOpen: false, enrolmentDeadline: null, startDate: today }, today)).toBe(true);
    // Enrolment closed on 25 November, though the course starts in January.
    expect(joinableOn({ enrolmentOpen: false, enrolmentDeadline: '2026-11-25', startDate: '2027-01-20' }, today)).toBe(false);
    // Started on 23 November: only while its enrolment stays open.
    expect(joinableOn({ enrolmentOpen: true, enrolmentDeadline: '2026-12-04', startDate: '2026-11-23' }, today)).toBe(true);
    expect(joinableOn({ enrolmentOpen: false, enrolmentDeadline: null, startDate: '2026-11-23' }, today)).toBe(false);
    expect(joinableOn({ enrolmentOpen: false, enrolmentDeadline: null, startDate: null }, today)).toBe(false);
  });

  it('agrees with the enrolment: a course open on its deadline day is joinable, the day after it is not', () => {
    const course = { status: 'open', enrolmentDeadline: '2026-12-02', startDate: '2026-11-30' };
    for (const [day, expected] of [
      ['2026-12-02', true],
      ['2026-12-03', false],
    ] as const) {
      const enrolmentOpen = enrolmentOpenOn(course, day);
      expect(enrolmentOpen).toBe(expected);
      expect(joinableOn({ ...course, enrolmentOpen }, day)).toBe(expected);
    }
  });
});
