import { formatEuroCents } from '../../shared/text/euro.js';

const hoursIt = (h: number) => String(h).replace('.', ',');

/** The words of the warning given when an offer's pay is below the CCNL minimum (accepted, not refused). */
export function offerBelowMinimumWarning(o: {
  ccnlLevel: string;
  weeklyHours: number;
  monthlyGrossCents: number;
  proratedMinimumCents: number;
}): { it: string; en: string } {
  return {
    it: `La retribuzione offerta (${formatEuroCents(o.monthlyGrossCents, 'it')}) è sotto il minimo del CCNL per il livello ${o.ccnlLevel} a ${hoursIt(o.weeklyHours)} ore (${formatEuroCents(o.proratedMinimumCents, 'it')}): chiarire con l’azienda prima dell’assunzione.`,
    en: `The pay offered (${formatEuroCents(o.monthlyGrossCents, 'en')}) is below the CCNL minimum for level ${o.ccnlLevel} at ${o.weeklyHours} hours (${formatEuroCents(o.proratedMinimumCents, 'en')}): clear it with the employer before the hire.`,
  };
}
