import type { CigsReason } from '../db/schema-companies.js';
import { pickCigsCase, reasonForNewCase, type ImportCompanyRef } from '../companies/index.js';
import type { ImportedWorker } from './row-validator.js';

/**
 * Which CIGS case each company of a list gets. Workers are eligible for the programme only
 * through a CIGS case (its reason and period), so a worker linked to a company must also be
 * linked to a case: the company's case that the list's dates fall in, else a new one built
 * from the list (earliest start, latest end, the reason the rows or the company's last case give).
 * Pure: the dry run uses it to predict and to refuse, the apply to write.
 */
export interface CasePlan {
  /** An existing company id, or the key of a company the import creates ("vat:…" / "name:…"). */
  company: string;
  companyName: string;
  existingCaseId: string | null;
  create: { start: string; end: string; reason: CigsReason; workers: number } | null;
  /** What the list would need to give to build the case, when it cannot be built. */
  missing: Array<'cigsStart' | 'cigsEnd' | 'cigsReason'>;
}

export const companyRefOf = (w: Pick<ImportedWorker, 'companyId' | 'companyKey'>) => w.companyId ?? w.companyKey;

export function planCigsCases(
  workers: readonly ImportedWorker[],
  companies: readonly ImportCompanyRef[],
  today: string,
): Map<string, CasePlan> {
  const byId = new Map(companies.map((c) => [c.id, c]));
  const groups = new Map<string, { name: string; start?: string; end?: string; reason?: CigsReason; workers: number }>();
  for (const w of workers) {
    const ref = companyRefOf(w);
    if (!ref) continue;
    const g = groups.get(ref) ?? { name: byId.get(ref)?.name ?? w.companyName ?? '', workers: 0 };
    if (w.cigsStart && (!g.start || w.cigsStart < g.start)) g.start = w.cigsStart;
    if (w.cigsEnd && (!g.end || w.cigsEnd > g.end)) g.end = w.cigsEnd;
    g.reason ??= w.cigsReason;
    g.workers++;
    groups.set(ref, g);
  }
  const plans = new Map<string, CasePlan>();
  for (const [ref, g] of groups) {
    const company = byId.get(ref);
    const period = { ...(g.start && { start: g.start }), ...(g.end && { end: g.end }), ...(g.reason && { reason: g.reason }) };
    const existing = company ? pickCigsCase(company.cases, period, today) : null;
    if (existing) {
      plans.set(ref, { company: ref, companyName: g.name, existingCaseId: existing.id, create: null, missing: [] });
      continue;
    }
    const reason = reasonForNewCase(company, period);
    const missing = [
      ...(g.start ? [] : ['cigsStart' as const]),
      ...(g.end ? [] : ['cigsEnd' as const]),
      ...(reason ? [] : ['cigsReason' as const]),
    ];
    plans.set(ref, {
      company: ref,
      companyName: g.name,
      existingCaseId: null,
      create: missing.length === 0 ? { start: g.start!, end: g.end!, reason: reason!, workers: g.workers } : null,
      missing,
    });
  }
  return plans;
}
