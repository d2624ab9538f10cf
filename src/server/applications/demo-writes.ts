import { lookUpAndCheckOfferPay } from '../contracts/index.js';
import type { Executor } from '../db/executor.js';
import type { OfferTermsInput } from '../../shared/schemas/applications.schema.js';
import { createApplicationRepository } from './application.repository.js';
import { createEmployerMailRepository } from './employer-mail.repository.js';
import { offerBelowMinimumWarning } from './offer-warning.js';

/** An application of the demo, with its state and its log, written in bulk. */
export type DemoApplication = Parameters<ReturnType<typeof createApplicationRepository>['insertBulk']>[1][number];

/** Writes the demo's applications in a few statements (the demo load stays fast); ids in input order. */
export function insertDemoApplications(db: Executor, rows: readonly DemoApplication[], now: Date): Promise<string[]> {
  return createApplicationRepository().insertBulk(db, rows, now);
}

/** The offer's terms of the demo's applications at offer or hired, checked against the network's CCNL minimums as the move does. */
export async function insertDemoOffers(
  db: Executor,
  networkId: string,
  offers: ReadonlyArray<{ applicationId: string; terms: OfferTermsInput; recordedBy: string | null; recordedAt: Date }>,
): Promise<void> {
  const rows = [];
  for (const o of offers) {
    const { check } = await lookUpAndCheckOfferPay(db, networkId, {
      ccnlCode: o.terms.ccnlCode,
      level: o.terms.ccnlLevel,
      weeklyHours: o.terms.weeklyHours,
      offeredMonthlyCents: o.terms.monthlyGrossCents,
      date: o.terms.startDate,
    });
    const warning =
      check.known && check.belowMinimum ? offerBelowMinimumWarning({ ...o.terms, proratedMinimumCents: check.proratedMinimumCents }) : null;
    rows.push({
      applicationId: o.applicationId,
      contractType: o.terms.contractType,
      ccnlCode: o.terms.ccnlCode,
      ccnlLevel: o.terms.ccnlLevel,
      weeklyHours: o.terms.weeklyHours,
      monthlyGrossCents: o.terms.monthlyGrossCents,
      startDate: o.terms.startDate,
      probationDays: o.terms.probationDays ?? 0,
      comuneCode: o.terms.comuneCode ?? null,
      belowMinimum: check.known ? check.belowMinimum : null,
      proratedMinimumCents: check.known ? check.proratedMinimumCents : null,
      warningIt: warning?.it ?? '',
      warningEn: warning?.en ?? '',
      recordedBy: o.recordedBy,
      recordedAt: o.recordedAt,
    });
  }
  await createApplicationRepository().saveOffers(db, rows);
}

/**
 * The candidate e-mails of the demo's sent applications, as the local outbox recorded them (no mail
 * leaves a demo): one per address the employer receives candidates at, or a «no address» row.
 */
export async function insertDemoEmployerMessages(
  db: Executor,
  rows: ReadonlyArray<{
    applicationId: string;
    officeId: string;
    recipients: readonly string[];
    vacancyTitle: string;
    workerName: string;
    attachmentName: string;
    sentBy: string | null;
    sentAt: Date;
  }>,
): Promise<void> {
  const mail = createEmployerMailRepository();
  const delivered = rows.flatMap((r) =>
    r.recipients.map((recipient) => ({
      applicationId: r.applicationId,
      officeId: r.officeId,
      kind: 'candidate' as const,
      sequence: 1,
      recipient,
      subject: `Candidato per «${r.vacancyTitle}»: ${r.workerName}`,
      body: '',
      attachmentName: r.attachmentName,
      sentBy: r.sentBy,
      transport: 'outbox' as const,
      sentAt: r.sentAt,
    })),
  );
  await mail.insertDeliveredBulk(db, delivered);
  const unreachable = rows.filter((r) => r.recipients.length === 0);
  for (const r of unreachable)
    await mail.insertMessages(
      db,
      [
        {
          applicationId: r.applicationId,
          officeId: r.officeId,
          kind: 'candidate',
          sequence: 1,
          recipient: '',
          subject: '',
          body: '',
          attachmentName: '',
          status: 'no_address',
          sentBy: r.sentBy,
        },
      ],
      r.sentAt,
    );
}
