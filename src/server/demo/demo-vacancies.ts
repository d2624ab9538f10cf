import { insertDemoVacancies, type DemoVacancy } from '../vacancies/index.js';
import type { BulkEmployer } from '../employers/index.js';
import type { VacancyContractType, VacancyState } from '../db/schema-vacancies.js';
import { DEMO_OCCUPATIONS_BY_ATECO, type DemoOccupation } from './demo-profile-occupations.js';
import { seededRandom } from './demo-people.js';

/**
 * About 150 open vacancies of the demo employers, and some drafts, filled, closed and expired ones,
 * each with its log. The occupations are the real ESCO ones the demo's work histories use (so the
 * crisis companies' workers and the vacancies speak of the same trades); the CCNL are the CNEL codes
 * of each sector's national agreement. Deterministic (seeded), written in a few bulk inserts.
 */

const occupations = (ateco: string, ...indexes: number[]) => indexes.map((i) => DEMO_OCCUPATIONS_BY_ATECO[ateco]![i]!);

/** By the first two digits of the employer's ATECO code: the trades it hires for and its CCNL. */
const BY_DIVISION: Record<string, { occupations: DemoOccupation[]; ccnl: string; levels: string[]; pay: [number, number] }> = {
  // Machinery, automotive, electrical equipment: CCNL metalmeccanici industria (CNEL C011).
  mechanics: {
    occupations: [...occupations('25.11', 0, 1, 2), ...occupations('29.32', 0, 1, 2)],
    ccnl: 'C011',
    levels: ['C3', 'C2', 'C1', 'B3'],
    pay: [1750, 2300],
  },
  biomedical: { occupations: occupations('32.50', 0, 1, 2), ccnl: 'B011', levels: ['F', 'E', 'D'], pay: [1700, 2200] },
  food: { occupations: occupations('10.13', 0, 1, 2), ccnl: 'E012', levels: ['5', '4', '3'], pay: [1600, 2050] },
  logistics: { occupations: occupations('23.31', 2), ccnl: 'I14B', levels: ['5', '4', '3S'], pay: [1550, 1900] },
  ceramics: { occupations: occupations('23.31', 0, 1, 2), ccnl: 'B122', levels: ['C', 'B', 'B1'], pay: [1650, 2150] },
  services: { occupations: [...occupations('23.31', 2), ...occupations('32.50', 1)], ccnl: 'H011', levels: ['5', '4'], pay: [1500, 1850] },
};

function divisionOf(ateco: string): keyof typeof BY_DIVISION {
  const d = ateco.slice(0, 2);
  if (['25', '26', '27', '28', '29', '33'].includes(d) && ateco !== '26.60') return 'mechanics';
  if (['21', '32'].includes(d) || ateco === '26.60') return 'biomedical';
  if (['10', '11'].includes(d)) return 'food';
  if (['49', '52'].includes(d)) return 'logistics';
  if (d === '23') return 'ceramics';
  return 'services';
}

const DESCRIPTIONS = [
  'Inserimento nel reparto produttivo, su turni. Si valutano anche candidature di lavoratori in CIGS di aziende del distretto.',
  'Affiancamento iniziale a un operatore esperto; formazione sulla sicurezza a carico dell’azienda.',
  'Orario su due turni (6-14, 14-22), mensa aziendale, premio di produzione.',
  'Lavoro a giornata, dal lunedì al venerdì. Possibilità di trasformazione a tempo indeterminato.',
];

/** The states of the demo's vacancies, in order: most are open, a few of each other state. */
const PLAN: Array<{ state: VacancyState; count: number }> = [
  { state: 'published', count: 150 },
  { state: 'draft', count: 14 },
  { state: 'filled', count: 10 },
  { state: 'closed', count: 8 },
  { state: 'expired', count: 8 },
];

export async function seedDemoVacancies(
  trx: Parameters<typeof insertDemoVacancies>[0],
  deps: { networkId: string; employers: readonly BulkEmployer[]; matcherId: string | null; now: Date },
): Promise<DemoVacancyRef[]> {
  const rnd = seededRandom(20261204);
  const day = (offset: number) => new Date(deps.now.getTime() + offset * 86_400_000);
  const isoDay = (offset: number) => day(offset).toISOString().slice(0, 10);
  const hiring = deps.employers.filter((e) => e.sites.some((s) => s.id));
  const vacancies: DemoVacancy[] = [];
  let n = 0;
  for (const { state, count } of PLAN) {
    for (let i = 0; i < count; i++, n++) {
      const employer = hiring[(n * 7) % hiring.length]!;
      const site = employer.sites[rnd.int(0, employer.sites.length - 1)]!;
      const division = BY_DIVISION[divisionOf(employer.atecoCode)]!;
      const occupation = rnd.pick(division.occupations);
      const contractType: VacancyContractType = rnd.pick([
        'permanent',
        'permanent',
        'fixed_term',
        'fixed_term',
        'apprenticeship',
        'agency',
      ]);
      const partTime = rnd.next() < 0.15;
      const positions = rnd.next() < 0.7 ? 1 : rnd.int(2, 4);
      const payMin = rnd.int(division.pay[0], division.pay[1] - 200);
      const createdDaysAgo = rnd.int(5, 90);
      const publishedDaysAgo = createdDaysAgo - rnd.int(1, 4);
      // Open ones close within the next two months; the expired ones' deadline is past.
      const deadline = state === 'expired' ? isoDay(-rnd.int(1, 20)) : isoDay(rnd.int(7, 60));
      const skills = occupation.skills.slice(0, rnd.int(4, occupation.skills.length)).map(([uri], k) => ({
        uri,
        relevance: k < 4 ? ('essential' as const) : ('optional' as const),
      }));
      const log: Array<DemoVacancy['log'][number]> = [
        { from: null, to: 'draft', reason: '', actorId: deps.matcherId, at: day(-createdDaysAgo) },
      ];
      if (state !== 'draft') log.push({ from: 'draft', to: 'published', reason: '', actorId: deps.matcherId, at: day(-publishedDaysAgo) });
      if (state === 'filled')
        log.push({ from: 'published', to: 'filled', reason: '', actorId: deps.matcherId, at: day(-rnd.int(0, publishedDaysAgo)) });
      if (state === 'closed')
        log.push({
          from: 'published',
          to: 'closed',
          reason: rnd.pick(['L’azienda ha sospeso le assunzioni', 'Posizione coperta con personale interno']),
          actorId: deps.matcherId,
          at: day(-rnd.int(0, publishedDaysAgo)),
        });
      if (state === 'expired') log.push({ from: 'published', to: 'expired', reason: '', actorId: null, at: day(-rnd.int(0, 1)) });
      vacancies.push({
        officeId: employer.officeId,
        employerId: employer.id,
        siteId: site.id!,
        comuneCode: site.comuneCode,
        escoOccupationUri: occupation.uri,
        cp2011Code: null,
        title: `${occupation.jobTitle} (m/f)`,
        description: rnd.pick(DESCRIPTIONS),
        eqfLevel: rnd.pick([2, 3, 3, 4]),
        educationCode: null,
        languages: [{ code: 'it', cefr: rnd.pick(['A2', 'B1', 'B1', 'B2'] as const) }],
        drivingLicences: rnd.next() < 0.4 ? ['B'] : [],
        contractType,
        durationMonths: contractType === 'fixed_term' || contractType === 'agency' ? rnd.pick([3, 6, 12]) : null,
        workingTime: partTime ? 'part_time' : 'full_time',
        weeklyHours: partTime ? rnd.pick([20, 24, 30]) : null,
        ccnlCode: division.ccnl,
        ccnlLevel: rnd.pick(division.levels),
        payMinCents: payMin * 100,
        payMaxCents: (payMin + rnd.int(100, 300)) * 100,
        positions,
        positionsFilled: state === 'filled' ? positions : 0,
        startDate: state === 'expired' ? null : isoDay(rnd.int(20, 75)),
        deadline,
        state,
        skills,
        log,
      });
    }
  }
  const ids = await insertDemoVacancies(trx, deps.networkId, vacancies, deps.now);
  return vacancies.map((v, i) => ({
    id: ids[i]!,
    officeId: v.officeId,
    employerId: v.employerId,
    state: v.state,
    contractType: v.contractType,
    title: v.title,
  }));
}

/** What the demo's applications need of its vacancies. */
export interface DemoVacancyRef {
  id: string;
  officeId: string;
  employerId: string;
  state: VacancyState;
  contractType: VacancyContractType;
  title: string;
}
