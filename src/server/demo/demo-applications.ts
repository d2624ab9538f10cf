import { insertDemoApplications, insertDemoEmployerMessages, insertDemoOffers, type DemoApplication } from '../applications/index.js';
import { candidateRecipientsOf } from '../employers/index.js';
import type { ApplicationState } from '../db/schema-applications.js';
import type { EnrollmentState } from '../db/schema-programmes.js';
import type { CaseWorker } from '../people/index.js';
import { addMonths, insertDemoPlacements, type DemoPlacement } from '../placements/index.js';
import { romeToday, romeToUtc } from '../../shared/time/rome-time.js';
import type { DemoVacancyRef } from './demo-vacancies.js';

/**
 * Applications of the demo's crisis workers of Modena to the demo's open vacancies, in every state
 * of the lifecycle with its log, and three hires on filled vacancies whose first follow-up (one
 * month from the start) is due now. Deterministic, written in a few bulk inserts.
 */

/** The path each demo state went through, from its proposal. */
const PATHS: Record<Exclude<ApplicationState, 'hired'>, ApplicationState[]> = {
  proposed: ['proposed'],
  preselected: ['proposed', 'preselected'],
  sent: ['proposed', 'preselected', 'sent'],
  interview: ['proposed', 'preselected', 'sent', 'interview'],
  offer: ['proposed', 'preselected', 'sent', 'interview', 'offer'],
  refused: ['proposed', 'preselected', 'sent', 'refused'],
  declined: ['proposed', 'preselected', 'declined'],
  withdrawn: ['proposed', 'withdrawn'],
  expired: ['proposed', 'preselected', 'sent', 'expired'],
};
const HIRED_PATH: ApplicationState[] = ['proposed', 'preselected', 'sent', 'interview', 'offer', 'hired'];
const REASONS: Partial<Record<ApplicationState, string>> = {
  refused: 'profile_not_suitable',
  declined: 'distance',
  withdrawn: 'worker_unavailable',
};
const STATES = Object.keys(PATHS) as Array<keyof typeof PATHS>;

export async function seedDemoApplications(
  trx: Parameters<typeof insertDemoApplications>[0],
  deps: {
    networkId: string;
    officeId: string;
    vacancies: readonly DemoVacancyRef[];
    workers: readonly CaseWorker[];
    stateOf: Map<string, EnrollmentState>;
    consultantId: string | null;
    matcherId: string | null;
    now: Date;
  },
): Promise<{ applications: number; placements: number }> {
  const day = (offset: number) => new Date(deps.now.getTime() + offset * 86_400_000);
  const pool = deps.workers.filter((w) => w.officeId === deps.officeId);
  const placed = pool.filter((w) => deps.stateOf.get(w.id) === 'placed');
  // In the order of their ids (random), not of the cohort's: a vacancy's candidates are not three
  // namesakes of one family.
  const others = pool.filter((w) => deps.stateOf.get(w.id) !== 'placed').sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const open = deps.vacancies.filter((v) => v.state === 'published').slice(0, 12);
  const filled = deps.vacancies.filter((v) => v.state === 'filled').slice(0, 3);
  if (others.length < open.length * 3 || placed.length + others.length < open.length * 3 + filled.length)
    return { applications: 0, placements: 0 };

  const rows: DemoApplication[] = [];
  const build = (vacancy: DemoVacancyRef, worker: CaseWorker, path: ApplicationState[], startDaysAgo: number): DemoApplication => {
    const at = (i: number) => day(-startDaysAgo + i * 3);
    const state = path.at(-1)!;
    const sentIndex = path.indexOf('sent');
    // Expired: sent long enough ago for the network's 60 days to have passed.
    const sentAt = sentIndex >= 0 ? at(sentIndex) : null;
    return {
      networkId: deps.networkId,
      officeId: deps.officeId,
      vacancyId: vacancy.id,
      workerId: worker.id,
      source: rows.length % 4 === 0 ? 'worker_interest' : 'consultant',
      state,
      reasonCode: REASONS[state] ?? null,
      sentAt,
      interview: path.includes('interview')
        ? {
            // At the employer's, in office hours (10:30 or 15:00, Rome time) on that day.
            at: romeToUtc(romeToday(at(path.indexOf('interview'))), rows.length % 2 === 0 ? '10:30' : '15:00'),
            place: 'Sede dell’azienda, ufficio del personale',
            contact: 'Ufficio risorse umane',
          }
        : null,
      proposedBy: deps.consultantId,
      stateChangedAt: at(path.length - 1),
      log: path.map((to, i) => ({
        kind: 'move' as const,
        from: i === 0 ? null : path[i - 1]!,
        to,
        reasonCode: REASONS[to] ?? null,
        note: '',
        actorId: to === 'expired' ? null : i === 0 ? deps.consultantId : deps.matcherId,
        at: at(i),
      })),
    };
  };
  let w = 0;
  open.forEach((vacancy, v) => {
    for (let k = 0; k < 3; k++) {
      const state = STATES[(v * 3 + k) % STATES.length]!;
      rows.push(build(vacancy, others[w++]!, PATHS[state], state === 'expired' ? 75 : 20 + k));
    }
  });
  // The hires: started 35, 40 and 45 days ago, so the follow-up at one month is due.
  const hires = filled.map((vacancy, i) => {
    const worker = placed[i] ?? others[w++]!;
    const startDaysAgo = 35 + i * 5;
    rows.push(build(vacancy, worker, HIRED_PATH, startDaysAgo + 20));
    return { vacancy, worker, startDate: day(-startDaysAgo).toISOString().slice(0, 10) };
  });
  const ids = await insertDemoApplications(trx, rows, deps.now);
  // Every application that was sent has its e-mail to the employer (the local outbox's record).
  const workersById = new Map(pool.map((p) => [p.id, p]));
  const vacancyById = new Map(deps.vacancies.map((v) => [v.id, v]));
  const recipients = new Map<string, string[]>();
  for (const employerId of new Set(rows.filter((r) => r.sentAt).map((r) => vacancyById.get(r.vacancyId)!.employerId)))
    recipients.set(employerId, (await candidateRecipientsOf(trx, employerId))?.recipients.map((c) => c.email) ?? []);
  await insertDemoEmployerMessages(
    trx,
    rows.flatMap((r, i) => {
      const vacancy = vacancyById.get(r.vacancyId)!;
      const worker = workersById.get(r.workerId);
      if (!r.sentAt || !worker) return [];
      return [
        {
          applicationId: ids[i]!,
          officeId: r.officeId,
          recipients: recipients.get(vacancy.employerId) ?? [],
          vacancyTitle: vacancy.title,
          workerName: `${worker.firstName} ${worker.lastName}`,
          // The demo's applications name no CV (their workers' CVs are made later): no attachment is claimed.
          attachmentName: '',
          sentBy: deps.matcherId,
          sentAt: r.sentAt,
        },
      ];
    }),
  );
  const hireIds = ids.slice(rows.length - hires.length);
  // Every application that reached the offer carries its terms (Metalmeccanici industria, level C2,
  // whose demo minimum is 2.010,00 € at 40 hours); the first one offers less, so its warning shows.
  const offerIds = rows.flatMap((r, i) => (r.state === 'offer' ? [ids[i]!] : []));
  await insertDemoOffers(trx, deps.networkId, [
    ...offerIds.map((applicationId, i) => ({
      applicationId,
      terms: {
        contractType: 'permanent' as const,
        ccnlCode: 'C011',
        ccnlLevel: 'C2',
        weeklyHours: 40,
        monthlyGrossCents: i === 0 ? 185_000 : 212_000,
        startDate: day(14 + i)
          .toISOString()
          .slice(0, 10),
        probationDays: 30,
      },
      recordedBy: deps.matcherId,
      recordedAt: day(-1),
    })),
    ...hires.map((h, i) => ({
      applicationId: hireIds[i]!,
      terms: {
        contractType: h.vacancy.contractType,
        ccnlCode: 'C011',
        ccnlLevel: 'C3',
        weeklyHours: 40,
        monthlyGrossCents: 195_000,
        startDate: h.startDate,
        probationDays: 30,
      },
      recordedBy: deps.matcherId,
      recordedAt: day(-40 - i * 5),
    })),
  ]);
  const placements: DemoPlacement[] = hires.map((h, i) => ({
    networkId: deps.networkId,
    officeId: deps.officeId,
    applicationId: hireIds[i]!,
    vacancyId: h.vacancy.id,
    employerId: h.vacancy.employerId,
    workerId: h.worker.id,
    contractType: h.vacancy.contractType,
    startDate: h.startDate,
    followUps: ([1, 3, 6] as const).map((months) => ({ months, dueOn: addMonths(h.startDate, months), consultantId: deps.consultantId })),
  }));
  await insertDemoPlacements(trx, placements, deps.now);
  return { applications: rows.length, placements: placements.length };
}
