/**
 * The check of an offer's pay against the CCNL minimum: one definition, used by the check
 * endpoint and, through index.ts, by the applications domain when an offer is recorded.
 *
 * A part-time contract’s minimum is the full-time minimum in proportion to the hours (D.Lgs.
 * 81/2015 art. 7 comma 2, first period: the part-time worker’s pay is re-proportioned to the reduced hours).
 * The product warns when an offer is below the minimum; it never refuses it: the table may be
 * out of date, the level may be named differently, and the decision is the operator's.
 */

export interface MinimumPay {
  id: string;
  ccnlCode: string;
  level: string;
  /** Full-time gross monthly minimum, in euro cents. */
  monthlyCents: number;
  /** The full-time weekly hours the minimum refers to. */
  weeklyHours: number;
  validFrom: string;
  validTo: string | null;
  sourceNote: string;
}

export interface OfferPay {
  weeklyHours: number;
  offeredMonthlyCents: number;
}

export type PayCheck =
  | { known: false; minimum: null; proratedMinimumCents: null; belowMinimum: null; shortfallCents: null; hoursAboveFullTime: false }
  | {
      known: true;
      minimum: MinimumPay;
      proratedMinimumCents: number;
      belowMinimum: boolean;
      shortfallCents: number;
      hoursAboveFullTime: boolean;
    };

/** The full-time minimum pro-rated to the offered hours, in whole cents (half a cent rounds up). */
export function proratedMinimumCents(minimum: Pick<MinimumPay, 'monthlyCents' | 'weeklyHours'>, weeklyHours: number): number {
  // Hours above the agreement's full time are overtime, not a bigger minimum: compare with full time.
  const hours = Math.min(weeklyHours, minimum.weeklyHours);
  // Hours are multiples of half an hour: work in half hours so the division is of integers.
  return Math.round((minimum.monthlyCents * Math.round(hours * 2)) / Math.round(minimum.weeklyHours * 2));
}

/** Whether the offer is below the minimum in force (null: no minimum known, nothing to say). */
export function checkOfferPay(minimum: MinimumPay | null, offer: OfferPay): PayCheck {
  if (!minimum) {
    return { known: false, minimum: null, proratedMinimumCents: null, belowMinimum: null, shortfallCents: null, hoursAboveFullTime: false };
  }
  const prorated = proratedMinimumCents(minimum, offer.weeklyHours);
  const shortfall = Math.max(0, prorated - offer.offeredMonthlyCents);
  return {
    known: true,
    minimum,
    proratedMinimumCents: prorated,
    belowMinimum: shortfall > 0,
    shortfallCents: shortfall,
    hoursAboveFullTime: offer.weeklyHours > minimum.weeklyHours,
  };
}

/** The key two spellings of one level share ("C2" and "c2", "3°  livello" and "3° livello"), as the table's level_key. */
export function levelKey(level: string): string {
  return level.trim().replace(/\s+/g, ' ').toLowerCase();
}
