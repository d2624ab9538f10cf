import type { PlanRow } from './plan.repository.js';

/** The plan's terms and standing, one list for what a version keeps and what the API shows. */
export function planTermsOf(plan: PlanRow) {
  return {
    profilingClass: plan.profilingClass,
    contactIntervalDays: plan.contactIntervalDays,
    reviewIntervalDays: plan.reviewIntervalDays,
    nextReviewOn: plan.nextReviewOn,
    searchEvidence: plan.searchEvidence,
    willingActivities: plan.willingActivities,
    willingTraining: plan.willingTraining,
    acceptsCongruousOffers: plan.acceptsCongruousOffers,
    notes: plan.notes,
    signedOn: plan.signedOn,
    signedHow: plan.signedHow,
    closedOn: plan.closedOn,
    outcomeSummary: plan.outcomeSummary,
  };
}
