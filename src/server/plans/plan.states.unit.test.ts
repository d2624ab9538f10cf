import { describe, expect, it } from 'vitest';
import { PLAN_STATES } from '../../shared/schemas/plans.schema.js';
import { allowedPlanMoves, EDITABLE_STATES, findPlanRule, PLAN_TRANSITIONS } from './plan.states.js';

describe('the plan’s lifecycle as data', () => {
  it('signs a draft, and a plan under revision again; never a signed or closed one', () => {
    expect(findPlanRule('sign', 'draft')?.to).toBe('signed');
    expect(findPlanRule('sign', 'under_review')?.to).toBe('signed');
    expect(findPlanRule('sign', 'signed')).toBeUndefined();
    expect(findPlanRule('sign', 'closed')).toBeUndefined();
  });

  it('reviews only a signed plan: confirmed it stays signed, revised it goes under review', () => {
    expect(findPlanRule('review', 'signed')?.to).toBe('signed');
    expect(findPlanRule('revise', 'signed')?.to).toBe('under_review');
    for (const state of ['draft', 'under_review', 'closed'] as const) {
      expect(findPlanRule('review', state), state).toBeUndefined();
      expect(findPlanRule('revise', state), state).toBeUndefined();
    }
  });

  it('closes any open plan, and nothing leaves a closed one', () => {
    for (const state of ['draft', 'signed', 'under_review'] as const) expect(findPlanRule('close', state)?.to).toBe('closed');
    expect(PLAN_TRANSITIONS.filter((r) => r.from.includes('closed'))).toEqual([]);
    expect(EDITABLE_STATES).not.toContain('closed');
  });

  it('offers the moves to casework roles only: the front office and job matchers see none', () => {
    expect(allowedPlanMoves('draft', ['consultant'])).toEqual(['sign', 'close']);
    expect(allowedPlanMoves('signed', ['coordinator'])).toEqual(['review', 'revise', 'close']);
    expect(allowedPlanMoves('under_review', ['admin'])).toEqual(['sign', 'close']);
    expect(allowedPlanMoves('closed', ['consultant'])).toEqual([]);
    for (const state of PLAN_STATES) expect(allowedPlanMoves(state, ['frontoffice', 'matcher']), state).toEqual([]);
  });

  it('names only states the schema knows', () => {
    for (const rule of PLAN_TRANSITIONS) {
      expect(PLAN_STATES).toContain(rule.to);
      for (const from of rule.from) expect(PLAN_STATES).toContain(from);
    }
  });
});
