import type { Executor } from '../db/executor.js';
import { servicePeriodsOfWorker } from '../programmes/index.js';
import { insertManualServicesBulk, type BulkManualService } from '../services/index.js';
import type { DeliveredServiceCode } from '../db/schema-services.js';
import { addDays, daysBetween } from '../../shared/time/rome-date.js';
import { romeToday } from '../../shared/time/rome-time.js';
import { DEMO_CONSULTANTS, DEMO_OFFICES, DEMO_STAFF } from './demo-organisation.js';
import { seededRandom } from './demo-people.js';
import type { DemoProgramme } from './demo-programmes.js';

/**
 * Services entered by hand beside the agenda's automatic ones: CV support, interview coaching,
 * training, and for the placed workers the help with the contract and a follow-up, each dated on a
 * day the worker was in the programme (from the registration up to today), by a consultant of the
 * worker's office. Deterministic (a seeded generator, workers in codice fiscale order).
 */
const NOTES: Partial<Record<DeliveredServiceCode, string[]>> = {
  cv_support: [
    'Revisione del CV con le mansioni di linea in ceramica',
    'CV aggiornato con il patentino del carrello elevatore',
    'Lettera di presentazione per le aziende del distretto biomedicale',
  ],
  interview_coaching: ['Simulazione di colloquio per operatore di magazzino', 'Preparazione al colloquio con un’agenzia per il lavoro'],
  training: ['Orientamento al corso di saldatura a filo', 'Iscrizione al corso sulla sicurezza (rischio alto)'],
  contract_assistance: ['Lettura del contratto a tempo determinato con il lavoratore'],
  follow_up: ['Verifica dopo il primo mese di lavoro'],
};
const MINUTES: Partial<Record<DeliveredServiceCode, number[]>> = {
  cv_support: [45, 60, 90],
  interview_coaching: [30, 45, 60],
  training: [30, 60],
  contract_assistance: [30, 45],
  follow_up: [20, 30],
};

export async function seedDemoServices(
  trx: Executor,
  input: { networkId: string; officeIds: Map<string, string>; staffIds: Map<string, string>; programme: DemoProgramme; now: Date },
): Promise<number> {
  const rnd = seededRandom(20261202).next;
  const today = romeToday(input.now);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  // The consultants of each office (the published demo consultant and the ones who fill the calendars).
  const consultantsOf = new Map<string, string[]>();
  for (const office of DEMO_OFFICES) {
    const emails = [
      ...DEMO_STAFF.filter((s) => s.roles.some((r) => r.office === office.code && r.role === 'consultant')).map((s) => s.email),
      ...DEMO_CONSULTANTS.filter((c) => c.offices.includes(office.code)).map((c) => c.email),
    ];
    consultantsOf.set(input.officeIds.get(office.code)!, emails.map((e) => input.staffIds.get(e)!).filter(Boolean));
  }
  const taking = input.programme.crisisWorkers
    .filter((w) => ['registered', 'assessed', 'enrolled', 'placed'].includes(input.programme.stateOf.get(w.id) ?? ''))
    .sort((a, b) => (a.codiceFiscale ?? a.id).localeCompare(b.codiceFiscale ?? b.id))
    .slice(0, 240);
  const rows: BulkManualService[] = [];
  for (const w of taking) {
    const period = (await servicePeriodsOfWorker(trx, w.id)).find((p) => p.programmeId === input.programme.programmeId);
    const staff = consultantsOf.get(w.officeId) ?? [];
    if (!period || staff.length === 0) continue;
    const span = Math.max(0, daysBetween(period.from, today));
    const placed = input.programme.stateOf.get(w.id) === 'placed';
    const codes: DeliveredServiceCode[] = ['cv_support'];
    if (rnd() < 0.6) codes.push('interview_coaching');
    if (rnd() < 0.25) codes.push('training');
    if (placed) codes.push('contract_assistance', 'follow_up');
    for (const code of codes) {
      rows.push({
        networkId: input.networkId,
        officeId: w.officeId,
        workerId: w.id,
        programmeId: input.programme.programmeId,
        staffId: pick(staff),
        serviceCode: code,
        deliveredOn: addDays(period.from, Math.floor(rnd() * (span + 1))),
        minutes: pick(MINUTES[code]!),
        note: rnd() < 0.7 ? pick(NOTES[code]!) : '',
        createdBy: null,
      });
    }
  }
  await insertManualServicesBulk(trx, rows);
  return rows.length;
}
