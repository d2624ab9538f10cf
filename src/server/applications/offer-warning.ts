/** The words of the warning given when an offer's pay is below the CCNL minimum (accepted, not refused). */

/** Euro cents as Italians write them: 1200000 → "12.000,00 €". */
export function euroIt(cents: number): string {
  const whole = Math.floor(Math.abs(cents) / 100);
  const rest = String(Math.abs(cents) % 100).padStart(2, '0');
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${cents < 0 ? '-' : ''}${grouped},${rest} €`;
}

/** Euro cents as English readers write them: 1200000 → "€12,000.00". */
export function euroEn(cents: number): string {
  const whole = Math.floor(Math.abs(cents) / 100);
  const rest = String(Math.abs(cents) % 100).padStart(2, '0');
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${cents < 0 ? '-' : ''}€${grouped}.${rest}`;
}

const hoursIt = (h: number) => String(h).replace('.', ',');

export function offerBelowMinimumWarning(o: {
  ccnlLevel: string;
  weeklyHours: number;
  monthlyGrossCents: number;
  proratedMinimumCents: number;
}): { it: string; en: string } {
  return {
    it: `La retribuzione offerta (${euroIt(o.monthlyGrossCents)}) è sotto il minimo del CCNL per il livello ${o.ccnlLevel} a ${hoursIt(o.weeklyHours)} ore (${euroIt(o.proratedMinimumCents)}): chiarire con l’azienda prima dell’assunzione.`,
    en: `The pay offered (${euroEn(o.monthlyGrossCents)}) is below the CCNL minimum for level ${o.ccnlLevel} at ${o.weeklyHours} hours (${euroEn(o.proratedMinimumCents)}): clear it with the employer before the hire.`,
  };
}
