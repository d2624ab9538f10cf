import { describe, expect, it } from 'vitest';
import type { Role } from '../db/schema.js';
import { evaluateEligibility } from './eligibility.js';
import {
  allowedTransitions,
  compareWaitingPriority,
  ENROLLMENT_STATES,
  ENROLLMENT_TRANSITIONS,
  findRule,
  holdsPlace,
  TERMINAL_STATES,
} from './enrollment.states.js';

const to = (state: Parameters<typeof allowedTransitions>[0], roles: Role[]) => allowedTransitions(state, roles).map((r) => r.to);

describe('enrollment transitions table', () => {
  it('holds a place only while registered, assessed or enrolled', () => {
    expect(ENROLLMENT_STATES.filter(holdsPlace)).toEqual(['registered', 'assessed', 'enrolled']);
  });

  it('lets nothing leave a terminal state but the system reopening a placed enrolment after an early end', () => {
    for (const state of TERMINAL_STATES) {
      const leaving = ENROLLMENT_TRANSITIONS.filter((r) => r.from.includes(state));
      if (state !== 'placed') expect(leaving).toEqual([]);
      else
        expect(leaving.map((r) => [r.action, r.to, r.roles.length, r.reasonRequired])).toEqual([
          ['reopen', 'registered', 0, false],
          ['reopen', 'waiting', 0, false],
        ]);
    }
  });

  it('lets only the system move someone off the waiting list into a place', () => {
    expect(findRule('waiting', 'registered')?.roles).toEqual([]);
    expect(to('waiting', ['coordinator'])).toEqual(['withdrawn', 'cigs_ended']);
  });

  it('requires a reason for a withdrawal and for nothing else', () => {
    expect(ENROLLMENT_TRANSITIONS.filter((r) => r.reasonRequired).map((r) => r.to)).toEqual(['withdrawn']);
  });

  it('gives each role the moves of its job', () => {
    expect(to('registered', ['frontoffice'])).toEqual(['withdrawn']);
    expect(to('registered', ['consultant'])).toEqual(['assessed', 'placed', 'withdrawn', 'cigs_ended']);
    expect(to('enrolled', ['matcher'])).toEqual(['placed']);
    expect(to('assessed', ['admin'])).toEqual(to('assessed', ['coordinator']));
    expect(to('eligible', ['admin'])).toEqual(to('eligible', ['coordinator']));
    expect(to('eligible', ['frontoffice'])).toEqual(['contacted', 'registered', 'withdrawn']);
  });

  it('refuses skipping steps: enrolled needs an assessment first', () => {
    expect(findRule('registered', 'enrolled')).toBeUndefined();
    expect(findRule('eligible', 'assessed')).toBeUndefined();
  });
});

describe('waiting-list priority', () => {
  it('orders by CIGS end soonest first, unknown last, then registration time, then id', () => {
    const list = [
      { id: 'e', priorityCigsEnd: null, requestedAt: new Date('2026-01-01T09:00:00Z') },
      { id: 'd', priorityCigsEnd: '2026-09-30', requestedAt: new Date('2026-01-02T09:00:00Z') },
      { id: 'c', priorityCigsEnd: '2026-09-30', requestedAt: new Date('2026-01-01T10:00:00Z') },
      { id: 'b', priorityCigsEnd: '2026-09-30', requestedAt: new Date('2026-01-01T10:00:00Z') },
      { id: 'a', priorityCigsEnd: '2026-03-31', requestedAt: new Date('2026-02-01T09:00:00Z') },
    ];
    expect([...list].sort(compareWaitingPriority).map((x) => x.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});

describe('eligibility rules', () => {
  const programme = {
    networkId: 'n1',
    officeIds: ['o1'],
    eligibleReasons: ['cessazione_attivita', 'concordato_senza_continuita'],
    requireActiveCigs: true,
  };
  const worker = {
    networkId: 'n1',
    officeId: 'o1',
    caseId: 'c1',
    reason: 'cessazione_attivita',
    cigsStart: '2026-01-01',
    cigsEnd: '2026-12-31',
  };

  it('accepts a worker of a ceased company whose CIGS runs today', () => {
    expect(evaluateEligibility(programme, worker, '2026-06-01')).toEqual({ eligible: true, reasons: [] });
  });

  it('explains every unmet rule in Italian', () => {
    const r = evaluateEligibility(programme, { ...worker, reason: 'crisi_aziendale', officeId: 'o2' }, '2027-01-01');
    expect(r.eligible).toBe(false);
    expect(r.reasons).toEqual([
      'la sede del lavoratore non partecipa al programma',
      'causale CIGS «crisi aziendale» non prevista dal programma',
      'CIGS non attiva il 01/01/2027',
    ]);
  });

  it('explains them in English when asked', () => {
    expect(evaluateEligibility(programme, { ...worker, officeId: 'o2' }, '2027-01-01', 'en').reasons).toEqual([
      'the worker’s office does not take part in the programme',
      'CIGS not active on 01/01/2027',
    ]);
  });

  it('ignores the CIGS dates when the programme does not require an active CIGS', () => {
    expect(evaluateEligibility({ ...programme, requireActiveCigs: false }, worker, '2030-01-01').eligible).toBe(true);
  });

  it('refuses a worker without a CIGS case or from another network', () => {
    expect(evaluateEligibility(programme, { ...worker, caseId: null, reason: null }, '2026-06-01').reasons).toEqual([
      'nessun caso di CIGS collegato al lavoratore',
    ]);
    expect(evaluateEligibility(programme, { ...worker, networkId: 'n2' }, '2026-06-01').reasons).toEqual([
      'il lavoratore appartiene a un’altra rete',
    ]);
  });
});
