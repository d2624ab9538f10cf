import { describe, expect, it } from 'vitest';
import { formatEuroCents } from './euro.js';

describe('formatEuroCents', () => {
  it('writes a monthly pay of four digits grouped, as a CCNL pay table does: 2.027,00 €', () => {
    expect(formatEuroCents(202_700, 'it')).toBe('2.027,00\u00a0€');
    expect(formatEuroCents(202_700, 'en')).toBe('€2,027.00');
  });

  it('keeps the cents of a pro-rated minimum and groups a yearly ceiling: 1.087,50 € and 12.000,00 €', () => {
    expect(formatEuroCents(108_750, 'it')).toBe('1.087,50\u00a0€');
    expect(formatEuroCents(1_200_000, 'it')).toBe('12.000,00\u00a0€');
    expect(formatEuroCents(95_000, 'it')).toBe('950,00\u00a0€');
  });
});
