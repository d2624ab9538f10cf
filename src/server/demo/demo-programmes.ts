import { sql } from 'kysely';
import type { Executor } from '../db/executor.js';
import type { EnrollmentState } from '../db/schema-programmes.js';
import { FUNNEL_RANK } from '../programmes/enrollment.states.js';

/**
 * The demo programme of the article: a service at the Modena job centres for workers on CIGS for
 * cessation or concordato without continuity, built for 200+, with about 100 taking part. Runs in
 * seed-demo after the people (it enrolls their eligible workers) and before outreach (whose
 * campaigns target those not yet registered). Deterministic: no randomness, ordered by codice
 * fiscale; bulk inserts.
 */

// Twelve-step cycle over the first 120 eligible workers: 100 hold a place (30 registered,
// 30 assessed, 40 with a signed service agreement), 10 placed, 10 withdrawn.
const CYCLE: EnrollmentState[] = ['registered', 'registered', 'registered', 'assessed', 'assessed', 'assessed', 'enrolled', 'enrolled', 'enrolled', 'enrolled', 'placed', 'withdrawn'];
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

export async function seedDemoProgrammes(trx: Executor, input: { networkId: string; officeIds: Map<string, string>; now: Date }) {
  const { networkId, officeIds, now } = input;
  const day = (offset: number, minutes = 0) => new Date(now.getTime() + offset * 86_400_000 + minutes * 60_000);
  const programme = await trx
    .insertInto('programmes')
    .values({
      network_id: networkId,
      code: 'RIC-CIGS-MO',
      name: 'Ricollocazione lavoratori in CIGS — Modena',
      description:
        'Servizio dedicato ai lavoratori in cassa integrazione straordinaria di aziende senza prospettive di ripresa: ' +
        'colloqui individuali e incontri di gruppo su formazione, orientamento e curriculum, fino all’incontro con le aziende che assumono.',
      starts_on: `${now.getUTCFullYear()}-01-01`,
      ends_on: `${now.getUTCFullYear() + 1}-12-31`,
      capacity: 200,
      funding_source: 'Fondo nazionale per le politiche attive del lavoro (D.M. n. 12/2026, dimostrativo)',
      status: 'open',
      created_at: day(-120),
      updated_at: day(-120),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx.insertInto('programme_offices').values([...officeIds.values()].map((office_id) => ({ programme_id: programme.id, office_id }))).execute();

  // The programme's default rules: cessation or concordato without continuity, CIGS active today.
  const today = now.toISOString().slice(0, 10);
  const eligible = (
    await sql<{ id: string; office_id: string; company_id: string; cigs_end: string | null }>`
      select w.id, w.office_id, c.company_id, w.effective_cigs_end as cigs_end
      from workers w join cigs_cases c on c.id = w.cigs_case_id
      where w.network_id = ${networkId} and c.reason in ('cessazione_attivita', 'concordato_senza_continuita')
        and w.effective_cigs_start <= ${today}::date and w.effective_cigs_end >= ${today}::date
      order by w.codice_fiscale, w.id`.execute(trx)
  ).rows;
  const staff = await trx.selectFrom('staff_users').select(['id', 'email']).execute();
  const staffId = (email: string) => staff.find((s) => s.email === email)?.id ?? null;
  const actors: Partial<Record<EnrollmentState, string | null>> = {
    eligible: staffId('coordinatore@ricolloca.example'),
    contacted: staffId('sportello@ricolloca.example'),
    registered: staffId('sportello@ricolloca.example'),
    assessed: staffId('orientatrice@ricolloca.example'),
    enrolled: staffId('orientatrice@ricolloca.example'),
    placed: staffId('incontro@ricolloca.example'),
    withdrawn: staffId('orientatrice@ricolloca.example'),
  };

  const enrollments = [];
  const transitions: Array<{ worker: string; office_id: string; from_state: EnrollmentState | null; to_state: EnrollmentState; at: Date; actor_id: string | null; reason: string; channel: string | null }> = [];
  const events = [];
  for (const [i, w] of eligible.entries()) {
    const final: EnrollmentState = i < 120 ? CYCLE[i % CYCLE.length]! : i % 3 === 0 ? 'contacted' : 'eligible';
    const path = PATHS[final]!;
    // Steps a week apart, ending a few days ago; registration times spread over the last months.
    const start = -90 + (i % 60);
    const registeredStep = path.indexOf('registered');
    const rank = Math.max(...path.map((s) => FUNNEL_RANK[s] ?? 0));
    const channel = registeredStep >= 0 ? CHANNELS[i % CHANNELS.length]! : null;
    enrollments.push({
      programme_id: programme.id,
      worker_id: w.id,
      office_id: w.office_id,
      company_id: w.company_id,
      state: final,
      reached_rank: rank,
      channel,
      priority_cigs_end: w.cigs_end,
      requested_at: registeredStep >= 0 ? day(start + registeredStep * 7, i) : null,
      state_changed_at: day(start + (path.length - 1) * 7, i),
      created_at: day(start, i),
      updated_at: day(start + (path.length - 1) * 7, i),
    });
    path.forEach((to, step) => {
      transitions.push({ worker: w.id, office_id: w.office_id, from_state: step === 0 ? null : path[step - 1]!, to_state: to, at: day(start + step * 7, i), actor_id: actors[to] ?? null, reason: REASONS[to] ?? '', channel: to === 'registered' ? channel : null });
    });
    events.push({ worker_id: w.id, office_id: w.office_id, at: day(start + (path.length - 1) * 7, i), kind: `enrollment.${final}`, actor_id: actors[final] ?? null, details: JSON.stringify({ programmeId: programme.id, to: final }) });
  }
  const idByWorker = new Map<string, string>();
  for (let k = 0; k < enrollments.length; k += 500) {
    const rows = await trx.insertInto('enrollments').values(enrollments.slice(k, k + 500)).returning(['id', 'worker_id']).execute();
    for (const r of rows) idByWorker.set(r.worker_id, r.id);
  }
  for (let k = 0; k < transitions.length; k += 1000) {
    await trx
      .insertInto('enrollment_transitions')
      .values(transitions.slice(k, k + 1000).map(({ worker, ...t }) => ({ ...t, enrollment_id: idByWorker.get(worker)!, programme_id: programme.id })))
      .execute();
  }
  for (let k = 0; k < events.length; k += 1000) await trx.insertInto('worker_events').values(events.slice(k, k + 1000)).execute();
  return { programmeId: programme.id, enrollments: enrollments.length };
}
