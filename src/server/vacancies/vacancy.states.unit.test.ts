import { describe, expect, it } from 'vitest';
import { VACANCY_STATES } from '../../shared/schemas/vacancies.schema.js';
import { allowedVacancyMoves, EDITABLE_STATES, findVacancyMove, VACANCY_MOVES } from './vacancy.states.js';

describe('the vacancy lifecycle', () => {
  it('offers a job matcher publish or close on a draft, fill or close on a published vacancy', () => {
    const matcher = ['matcher'] as const;
    expect(allowedVacancyMoves('draft', matcher).map((m) => m.action)).toEqual(['publish', 'close']);
    expect(allowedVacancyMoves('published', matcher).map((m) => m.action)).toEqual(['fill', 'close']);
    expect(allowedVacancyMoves('closed', matcher).map((m) => m.action)).toEqual(['reopen']);
    expect(allowedVacancyMoves('expired', matcher).map((m) => m.action)).toEqual(['reopen']);
    expect(allowedVacancyMoves('filled', matcher)).toEqual([]);
  });

  it('offers nothing to consultants and front-office operators: they read vacancies, they do not keep them', () => {
    for (const state of VACANCY_STATES) {
      expect(allowedVacancyMoves(state, ['consultant', 'frontoffice'])).toEqual([]);
    }
  });

  it('leaves the expiry to the daily job, from published only', () => {
    const expire = findVacancyMove('expire', 'published')!;
    expect(expire).toMatchObject({ to: 'expired', roles: [] });
    expect(findVacancyMove('expire', 'draft')).toBeUndefined();
    expect(allowedVacancyMoves('published', ['admin']).some((m) => m.action === 'expire')).toBe(false);
  });

  it('asks a reason to close and to reopen, and reopens to a draft so that the dates are checked again', () => {
    expect(VACANCY_MOVES.filter((m) => m.reasonRequired).map((m) => m.action)).toEqual(['close', 'reopen']);
    expect(findVacancyMove('reopen', 'expired')!.to).toBe('draft');
    expect(findVacancyMove('publish', 'published')).toBeUndefined();
  });

  it('reaches every state and edits only drafts and published vacancies', () => {
    const reached = new Set(['draft', ...VACANCY_MOVES.map((m) => m.to)]);
    expect([...reached].sort()).toEqual([...VACANCY_STATES].sort());
    expect(EDITABLE_STATES).toEqual(['draft', 'published']);
  });
});
