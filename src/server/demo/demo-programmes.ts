import type { Executor } from '../db/executor.js';
import type { EnrollmentState } from '../db/schema-programmes.js';
import { CRISIS_CIGS_REASONS } from '../../shared/schemas/companies.schema.js';
import { romeToday } from '../../shared/time/rome-date.js';
import { appendWorkerEventsAt, workersOfCasesWithPeriod, type CaseWorker } from '../people/index.js';
import { FUNNEL_RANK, insertEnrollmentHistories, insertProgrammeRecord, type EnrollmentHistory } from '../programmes/index.js';
import type { DemoCase } from './demo-people.js';

/**
 * The demo programme: a service at the Modena job centres for workers on CIGS for cessation of
 * activity or concordato without continuity (the crisis reasons, CRISIS_CIGS_REASONS), built for
 * 200 places, with about 100 taking part. Runs in seed-demo after the people (it enrolls their
 * eligible workers) and before outreach (whose campaigns target those not yet registered).
 * Deterministic: no randomness, ordered by codice fiscale; bulk inserts through programmes' and
 * people's published functions.
 */

// Twelve-step cycle over the first 120 eligible workers: 100 hold a place (30 registered,
// 30 assessed, 40 with a signed service agreement), 10 placed, 10 withdrawn.
const CYCLE: EnrollmentState[] = [
  'registered',
  'registered',
  'registered',
  'assessed',
  'assessed',
  'assessed',
  'enrolled',
  'enrolled',
  'enrolled',
  'enrolled',
  'placed',
  'withdrawn',
];
const PATHS: Record<string, EnrollmentState[]> = {
  registered: ['eligible', 'registered'],
  assessed: ['eligible', 'registered', 'assessed'],
  enrolled: ['eligible', 'contacted', 'registered', 'assessed', 'enrolled'],
  placed: ['eligible', 'contacted', 'registered', 'assessed', 'enrolled', 'placed'],
  withdrawn: ['eligible', 'registered', 'assessed', 'withdrawn'],
  contacted: ['eligible', 'contacted'],
  eligible: ['eligible'],
};
const REASONS: Partial<Record<EnrollmentState, string>> = {
  withdrawn: 'Ha rinunciato: trasferimento fuori provincia',
  placed: 'Assunto a tempo indeterminato',
};
const CHANNELS = ['hotline', 'hotline', 'hotline', 'desk', 'outreach'] as const;

/** What outreach needs from the programme step: the programme and the state of each enrolled worker. */
export interface DemoProgramme {
  programmeId: string;
  stateOf: Map<string, EnrollmentState>;
  /** Workers of the crisis cases, with their effective CIGS period, by codice fiscale. */
  crisisWorkers: CaseWorker[];
}

export async function seedDemoProgrammes(
  trx: Executor,
  input: { networkId: string; officeIds: Map<string, string>; staffIds: Map<string, string>; cases: DemoCase[]; now: Date },
): Promise<DemoProgramme> {
  const { networkId, officeIds, now } = input;
  const day = (offset: number, minutes = 0) => new Date(now.getTime() + offset * 86_400_000 + minutes * 60_000);
  const programmeId = await insertProgrammeRecord(trx, {
    networkId,
    code: 'RIC-CIGS-MO',
    name: 'Ricollocazione lavoratori in CIGS — Modena',
    description:
      'Servizio dedicato ai lavoratori in cassa integrazione straordinaria di aziende senza prospettive di ripresa: ' +
      'colloqui individuali e incontri di gruppo su formazione, orientamento e curriculum, fino all’incontro con le aziende che assumono.',
    startsOn: `${now.getUTCFullYear()}-01-01`,
    endsOn: `${now.getUTCFullYear() + 1}-12-31`,
    capacity: 200,
    fundingSource: 'Fondo nazionale per le politiche attive del lavoro (D.M. n. 12/2026, dimostrativo)',
    status: 'open',
    officeIds: [...officeIds.values()],
    at: day(-120),
  });

  // The programme's default rules: a crisis reason, and the worker's CIGS active today.
  const today = romeToday(now);
  const crisis = input.cases.filter((c) => (CRISIS_CIGS_REASONS as readonly string[]).includes(c.reason));
  const companyOf = new Map(input.cases.map((c) => [c.caseId, c.companyId]));
  const crisisWorkers = await workersOfCasesWithPeriod(
    trx,
    crisis.map((c) => c.caseId),
  );
  const eligible = crisisWorkers.filter((w) => w.cigsStart !== null && w.cigsEnd !== null && w.cigsStart <= today && w.cigsEnd >= today);
  const staffId = (email: string) => input.staffIds.get(email) ?? null;
  const actors: Partial<Record<EnrollmentState, string | null>> = {
    eligible: staffId('coordinatore@ricolloca.example'),
    contacted: staffId('sportello@ricolloca.example'),
    registered: staffId('sportello@ricolloca.example'),
    assessed: staffId('orientatrice@ricolloca.example'),
    enrolled: staffId('orientatrice@ricolloca.example'),
    placed: staffId('incontro@ricolloca.example'),
    withdrawn: staffId('orientatrice@ricolloca.example'),
  };

  const enrollments: EnrollmentHistory[] = [];
  const events: Parameters<typeof appendWorkerEventsAt>[1][number][] = [];
  const stateOf = new Map<string, EnrollmentState>();
  for (const [i, w] of eligible.entries()) {
    const final: EnrollmentState = i < 120 ? CYCLE[i % CYCLE.length]! : i % 3 === 0 ? 'contacted' : 'eligible';
    const path = PATHS[final]!;
    // Steps a week apart, ending a few days ago; registration times spread over the last months.
    const start = -90 + (i % 60);
    const registeredStep = path.indexOf('registered');
    const rank = Math.max(...path.map((s) => FUNNEL_RANK[s] ?? 0));
    const channel = registeredStep >= 0 ? CHANNELS[i % CHANNELS.length]! : null;
    enrollments.push({
      workerId: w.id,
      officeId: w.officeId,
      companyId: companyOf.get(w.cigsCaseId) ?? null,
      state: final,
      reachedRank: rank,
      channel,
      priorityCigsEnd: w.cigsEnd,
      requestedAt: registeredStep >= 0 ? day(start + registeredStep * 7, i) : null,
      stateChangedAt: day(start + (path.length - 1) * 7, i),
      createdAt: day(start, i),
      transitions: path.map((to, step) => ({
        from: step === 0 ? null : path[step - 1]!,
        to,
        at: day(start + step * 7, i),
        actorId: actors[to] ?? null,
        reason: REASONS[to] ?? '',
        channel: to === 'registered' ? channel : null,
      })),
    });
    stateOf.set(w.id, final);
    events.push({
      workerId: w.id,
      officeId: w.officeId,
      at: day(start + (path.length - 1) * 7, i),
      kind: `enrollment.${final}`,
      actorId: actors[final] ?? null,
      details: { programmeId, to: final },
    });
  }
  await insertEnrollmentHistories(trx, programmeId, enrollments);
  await appendWorkerEventsAt(trx, events);
  return { programmeId, stateOf, crisisWorkers };
}
