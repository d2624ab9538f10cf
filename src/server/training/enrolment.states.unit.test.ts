import { describe, expect, it } from 'vitest';
import { allowedMoves, ENROLMENT_MOVES, findMove, holdsSeat, RE_ENROLLABLE_STATES } from './enrolment.states.js';
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
