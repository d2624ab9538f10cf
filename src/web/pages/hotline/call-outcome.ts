import type { TFunction } from 'i18next';
import type { IntakeResponse } from '../../../shared/schemas/outreach.schema';
import { formatItalianDate } from '../../../shared/time/rome-date';
export { shortOfficeName } from '../../../shared/text/office-short-name';

/**
 * What the operator tells the caller, from the server's answer: the programme by name, the real
 * state of a caller already in it (never "iscrizione registrata" for someone already waiting),
 * the office a call was handed over to.
 */
export function callOutcomeText(t: TFunction, name: string, r: IntakeResponse): { tone: 'success' | 'warning' | 'info'; text: string } {
  const programme = r.programme?.name ?? '';
  const parts: string[] = [];
  let tone: 'success' | 'warning' | 'info' = 'success';
  if (r.outcome === 'already_enrolled' && r.enrollment) {
    tone = 'info';
    parts.push(
      t(`hotline.already.${r.enrollment.state}`, {
        name,
        programme,
        position: r.enrollment.waitingPosition ?? '',
        date: formatItalianDate(r.enrollment.since),
      }),
    );
  } else if (r.outcome === 'handed_over') {
    parts.push(t('hotline.outcome.handed_over', { name, office: r.handedOverTo ?? '' }));
  } else {
    if (r.outcome === 'not_eligible') tone = 'warning';
    parts.push(t(`hotline.outcome.${r.outcome}`, { name, programme, position: r.enrollment?.waitingPosition ?? '' }));
    if (r.outcome === 'not_eligible' && r.eligibility) parts.push(r.eligibility.reasons.join('; '));
  }
  if (r.workerCreated) parts.push(t('hotline.created'));
  if (r.phoneAdded) parts.push(t('hotline.phoneAdded'));
  return { tone, text: parts.join(' ') };
}
