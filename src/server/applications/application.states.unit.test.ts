import { describe, expect, it } from 'vitest';
import { APPLICATION_REASONS, APPLICATION_STATES, pickableReasons } from '../../shared/schemas/applications.schema.js';
import { allowedApplicationMoves, APPLICATION_MOVES, findApplicationMove, OPEN_APPLICATION_STATES } from './application.states.js';

describe('the application lifecycle', () => {
  it('walks a job matcher from proposed to hired one step at a time', () => {
    const matcher = ['matcher'] as const;
    expect(allowedApplicationMoves('proposed', matcher).map((m) => m.action)).toEqual(['preselect', 'decline', 'withdraw']);
    expect(allowedApplicationMoves('preselected', matcher).map((m) => m.action)).toEqual(['send', 'decline', 'withdraw']);
    expect(allowedApplicationMoves('sent', matcher).map((m) => m.action)).toEqual(['interview', 'refuse', 'decline', 'withdraw']);
    expect(allowedApplicationMoves('interview', matcher).map((m) => m.action)).toEqual(['offer', 'refuse', 'decline', 'withdraw']);
    expect(allowedApplicationMoves('offer', matcher).map((m) => m.action)).toEqual(['hire', 'refuse', 'decline', 'withdraw']);
  });

  it('ends in final states with no move out of them', () => {
    for (const state of ['hired', 'refused', 'declined', 'withdrawn', 'expired'] as const) {
      expect(allowedApplicationMoves(state, ['admin', 'matcher', 'coordinator'])).toEqual([]);
      expect(APPLICATION_MOVES.some((m) => m.from.includes(state))).toBe(false);
    }
    expect(OPEN_APPLICATION_STATES).toEqual(['proposed', 'preselected', 'sent', 'interview', 'offer']);
  });

  it('leaves the moves to job matchers, coordinators and administrators: consultants propose, front office reads', () => {
    for (const state of APPLICATION_STATES) {
      expect(allowedApplicationMoves(state, ['consultant', 'frontoffice'])).toEqual([]);
    }
    expect(allowedApplicationMoves('sent', ['coordinator']).map((m) => m.action)).toContain('interview');
  });

  it('lets only the system expire, and only what was sent and waits for the employer', () => {
    const expire = APPLICATION_MOVES.find((m) => m.action === 'expire')!;
    expect(expire.roles).toEqual([]);
    expect(expire.from).toEqual(['sent', 'interview']);
    expect(findApplicationMove('expire', 'proposed')).toBeUndefined();
  });

  it('asks what each move needs: the CV to send, the appointment of the interview, the contract of the hire', () => {
    expect(findApplicationMove('send', 'preselected')?.needs).toBe('cv');
    expect(findApplicationMove('send', 'proposed')).toBeUndefined();
    expect(findApplicationMove('interview', 'sent')?.needs).toBe('interview');
    expect(findApplicationMove('hire', 'offer')?.needs).toBe('hire');
    expect(findApplicationMove('hire', 'interview')).toBeUndefined();
  });

  it('takes the reasons of the closing moves from their lists, with Italian labels and «Altro»', () => {
    expect(findApplicationMove('refuse', 'interview')?.reasons).toBe('refusal');
    expect(findApplicationMove('decline', 'proposed')?.reasons).toBe('decline');
    expect(findApplicationMove('withdraw', 'offer')?.reasons).toBe('withdrawal');
    expect(pickableReasons('refusal')).toEqual(['profile_not_suitable', 'position_filled', 'no_show', 'other']);
    expect(pickableReasons('decline')).toEqual(['distance', 'pay', 'hours', 'contract_type', 'found_other_job', 'other']);
    // «Assunto altrove» is written by the hire itself, never picked.
    expect(pickableReasons('withdrawal')).not.toContain('hired_elsewhere');
    expect(APPLICATION_REASONS.refusal.profile_not_suitable!.it).toBe('Profilo non adeguato');
    expect(APPLICATION_REASONS.decline.found_other_job!.it).toBe('Ha trovato altro lavoro');
  });
});
