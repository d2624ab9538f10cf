import { randomUUID } from 'node:crypto';
import type { Executor } from '../db/executor.js';
import { computeCodiceFiscale } from '../../shared/identity/codice-fiscale.js';
import { partitaIvaCheckDigit } from '../../shared/schemas/companies.schema.js';
import type { CigsReason } from '../db/schema-companies.js';
import { insertCigsCasesBulk, insertCompaniesBulk, type BulkCigsCase, type BulkCompany } from '../companies/index.js';
import {
  appendWorkerEventsAt,
  insertConsentsBulk,
  insertWorkersBulk,
  searchNameOf,
  type BulkConsent,
  type BulkWorker,
} from '../people/index.js';
import { comuniOfProvince } from '../taxonomy/index.js';

/**
 * Synthetic demo scenario: Modena-area companies in crisis (invented names), their CIGS episodes
 * and about 700 workers on CIGS living in the province's comuni. Deterministic (seeded PRNG for
 * every value; row ids are random UUIDs) and written in bulk through companies' and people's
 * published functions, because every test app seeds it.
 */

/** mulberry32: small, fast and good enough for demo data. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}

const MALE = [
  'Marco',
  'Luca',
  'Giuseppe',
  'Andrea',
  'Francesco',
  'Alessandro',
  'Matteo',
  'Stefano',
  'Davide',
  'Paolo',
  'Roberto',
  'Simone',
  'Massimo',
  'Fabio',
  'Claudio',
  'Daniele',
  'Giorgio',
  'Mauro',
  'Enrico',
  'Riccardo',
  'Nicola',
  'Alberto',
  'Federico',
  'Maurizio',
  'Gianluca',
  'Emanuele',
  'Lorenzo',
  'Filippo',
  'Michele',
  'Sergio',
  'Ivano',
  'Mirco',
  'Nicolò',
  'Tiziano',
  'Vasco',
];
const FEMALE = [
  'Giulia',
  'Francesca',
  'Chiara',
  'Sara',
  'Laura',
  'Elena',
  'Valentina',
  'Silvia',
  'Federica',
  'Alessandra',
  'Paola',
  'Roberta',
  'Barbara',
  'Monica',
  'Cristina',
  'Simona',
  'Elisa',
  'Anna',
  'Maria',
  'Daniela',
  'Claudia',
  'Manuela',
  'Patrizia',
  'Lucia',
  'Marta',
  'Ilaria',
  'Serena',
  'Erika',
  'Debora',
  'Rita',
];
const SURNAMES = [
  'Rossi',
  'Ferrari',
  'Bianchi',
  'Malagoli',
  'Barbieri',
  'Gualdi',
  'Bertoni',
  'Montanari',
  'Guidetti',
  'Pellacani',
  'Vaccari',
  'Messori',
  'Lugli',
  'Pederzoli',
  'Bergonzini',
  'Ferrarini',
  'Cavani',
  'Righi',
  'Reggiani',
  'Tosi',
  'Baraldi',
  'Borghi',
  'Lodi',
  'Gibertoni',
  'Zanasi',
  'Fontana',
  'Cuoghi',
  'Bellei',
  'Incerti',
  'Manzini',
  'Po',
  'Sola',
  'Zini',
  'Ori',
  'Gasparini',
  'Marchetti',
  'Bonacini',
  'Fiandri',
  'Rinaldi',
  'Benatti',
  'Costi',
  'Magnani',
  'Corradini',
  'Pignatti',
  'Vandelli',
  'Cottafavi',
  'Serafini',
  'Grandi',
  'D’Angelo',
  'Esposito',
  'Russo',
  'Romano',
  'Greco',
  'De Luca',
  'Caruso',
  'La Rosa',
  'Bruno',
  'Galli',
  'Conti',
  'Mazza',
];
const FOREIGN: Array<{ country: string; place: string; male: string[]; female: string[]; surnames: string[] }> = [
  {
    country: 'MA',
    place: 'Z330',
    male: ['Youssef', 'Mohamed', 'Rachid'],
    female: ['Fatima', 'Khadija', 'Samira'],
    surnames: ['El Amrani', 'Benali', 'Ouahbi'],
  },
  {
    country: 'AL',
    place: 'Z100',
    male: ['Arben', 'Ermal', 'Gentian'],
    female: ['Elira', 'Blerta', 'Mirela'],
    surnames: ['Hoxha', 'Shehu', 'Kola'],
  },
  {
    country: 'RO',
    place: 'Z129',
    male: ['Ionut', 'Florin', 'Adrian'],
    female: ['Ioana', 'Elena', 'Mihaela'],
    surnames: ['Popescu', 'Ionescu', 'Dumitru'],
  },
  {
    country: 'GH',
    place: 'Z318',
    male: ['Kwame', 'Kofi', 'Yaw'],
    female: ['Ama', 'Akosua', 'Abena'],
    surnames: ['Mensah', 'Owusu', 'Boateng'],
  },
  {
    country: 'IN',
    place: 'Z222',
    male: ['Harpreet', 'Gurpreet', 'Rajesh'],
    female: ['Manpreet', 'Simran', 'Priya'],
    surnames: ['Singh', 'Kaur', 'Sharma'],
  },
  {
    country: 'UA',
    place: 'Z138',
    male: ['Oleksandr', 'Andriy'],
    female: ['Olena', 'Natalia', 'Iryna'],
    surnames: ['Kovalenko', 'Shevchenko', 'Bondarenko'],
  },
];
/** Italian birthplaces outside the province (cadastral codes): Napoli, Palermo, Foggia, Reggio Calabria, Bari. */
const ITALIAN_ELSEWHERE = ['F839', 'G273', 'D643', 'H224', 'A662'];
const MOBILE_PREFIXES = ['320', '328', '329', '333', '335', '338', '339', '340', '347', '348', '349', '366', '380', '389', '392'];

interface DemoCompany {
  name: string;
  base10: string;
  ateco: string;
  comune: string;
  address: string;
  postalCode: string;
  workers: number;
  cases: Array<{ reason: CigsReason; ref: string; monthsToEnd: number; lengthMonths: number; current: boolean }>;
}

/** Invented companies, typical of the district (ceramics, biomedical, textiles, metalwork, food, automotive). */
const COMPANIES: DemoCompany[] = [
  {
    name: 'Ceramiche Secchia S.p.A.',
    base10: '0287436036',
    ateco: '23.31',
    comune: '036040',
    address: 'Via Radici in Piano 410',
    postalCode: '41049',
    workers: 170,
    cases: [{ reason: 'cessazione_attivita', ref: 'D.D. 1187/2026', monthsToEnd: 2, lengthMonths: 12, current: true }],
  },
  {
    name: 'Officine Meccaniche Tiepido S.r.l.',
    base10: '0341258036',
    ateco: '25.11',
    comune: '036023',
    address: 'Via Emilia Est 1020',
    postalCode: '41122',
    workers: 140,
    cases: [
      { reason: 'crisi_aziendale', ref: 'D.D. 402/2025', monthsToEnd: -4, lengthMonths: 12, current: false },
      { reason: 'concordato_senza_continuita', ref: 'D.D. 2231/2026', monthsToEnd: 5, lengthMonths: 12, current: true },
    ],
  },
  {
    name: 'Maglificio Carpigiano Aurora S.r.l.',
    base10: '0198765036',
    ateco: '13.96',
    comune: '036005',
    address: 'Via dell’Industria 18',
    postalCode: '41012',
    workers: 120,
    cases: [{ reason: 'cessazione_attivita', ref: 'D.D. 1560/2026', monthsToEnd: 1, lengthMonths: 12, current: true }],
  },
  {
    name: 'Biomedicale Bassa Modenese S.p.A.',
    base10: '0377410036',
    ateco: '32.50',
    comune: '036022',
    address: 'Via Statale Nord 77',
    postalCode: '41037',
    workers: 110,
    cases: [{ reason: 'concordato_senza_continuita', ref: 'D.D. 1903/2026', monthsToEnd: 9, lengthMonths: 12, current: true }],
  },
  {
    name: 'Salumificio Panaro S.r.l.',
    base10: '0256128036',
    ateco: '10.13',
    comune: '036006',
    address: 'Via Larga 9',
    postalCode: '41013',
    workers: 90,
    cases: [{ reason: 'liquidazione_giudiziale', ref: 'D.D. 2455/2026', monthsToEnd: 7, lengthMonths: 12, current: true }],
  },
  {
    name: 'Componenti Auto Formigine S.r.l.',
    base10: '0312987036',
    ateco: '29.32',
    comune: '036015',
    address: 'Via Giardini Sud 240',
    postalCode: '41043',
    workers: 70,
    cases: [{ reason: 'riorganizzazione', ref: 'D.D. 2790/2026', monthsToEnd: 12, lengthMonths: 24, current: true }],
  },
];

const iso = (d: Date) => d.toISOString().slice(0, 10);
function addDays(d: Date, days: number): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + days));
}
function addMonths(d: Date, months: number): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate()));
}

export interface DemoPeopleInput {
  networkId: string;
  /** office code → id */
  officeIds: Map<string, string>;
  /** office code → comune name, to assign residents to the nearest office */
  officeComuni: Array<{ code: string; comune: string }>;
  operatorId: string | null;
  now: Date;
}

/** A CIGS case the demo created, with its company: the programme and the campaigns pick from these. */
export interface DemoCase {
  caseId: string;
  companyId: string;
  companyName: string;
  reason: CigsReason;
  /** The company's ATECO sector: the demo profiles' work histories follow it. */
  ateco: string;
}

/**
 * CAP of the province's comuni where the demo's workers live (Poste Italiane; Modena has one per
 * zone, 41121–41126: the centre's is used). A comune missing here leaves the CAP empty, as a list
 * from a company often does.
 */
const DEMO_POSTAL_CODES: Record<string, string> = {
  Modena: '41121',
  Carpi: '41012',
  Sassuolo: '41049',
  Mirandola: '41037',
  Vignola: '41058',
  'Pavullo nel Frignano': '41026',
  'Castelfranco Emilia': '41013',
  Formigine: '41043',
  'Fiorano Modenese': '41042',
  Maranello: '41053',
  'Finale Emilia': '41034',
  Soliera: '41019',
  Nonantola: '41015',
  'Castelnuovo Rangone': '41051',
  Spilamberto: '41057',
  'San Felice sul Panaro': '41038',
  'Concordia sulla Secchia': '41033',
  'Novi di Modena': '41016',
  Campogalliano: '41011',
  Ravarino: '41017',
  Medolla: '41036',
  Cavezzo: '41032',
  Camposanto: '41031',
  'Savignano sul Panaro': '41056',
  'Castelvetro di Modena': '41014',
  Serramazzoni: '41028',
  Zocca: '41059',
  'Prignano sulla Secchia': '41048',
};

export async function seedDemoPeople(
  trx: Executor,
  input: DemoPeopleInput,
): Promise<{ companies: number; workers: number; cases: DemoCase[] }> {
  const rnd = seededRandom(20140700);
  const comuni = (await comuniOfProvince(trx, 'MO')).map((c) => ({
    istat_code: c.istatCode,
    name: c.name,
    cadastral_code: c.cadastralCode,
    lat: c.lat,
    lon: c.lon,
  }));
  if (comuni.length === 0) return { companies: 0, workers: 0, cases: [] };
  const byName = new Map(comuni.map((c) => [c.name, c]));
  const offices = input.officeComuni.map((o) => ({ id: input.officeIds.get(o.code)!, at: byName.get(o.comune) })).filter((o) => o.at);
  // Each comune is served by the nearest job centre (straight-line distance is enough here).
  const officeOf = new Map<string, string>();
  for (const c of comuni) {
    let best = offices[0]!;
    let bestDistance = Infinity;
    for (const o of offices) {
      const d = (o.at!.lat - c.lat) ** 2 + ((o.at!.lon - c.lon) * 0.72) ** 2;
      if (d < bestDistance) [best, bestDistance] = [o, d];
    }
    officeOf.set(c.istat_code, best.id);
  }

  const today = new Date(Date.UTC(input.now.getUTCFullYear(), input.now.getUTCMonth(), input.now.getUTCDate()));
  const companyRows: BulkCompany[] = [];
  const caseRows: BulkCigsCase[] = [];
  const cases: DemoCase[] = [];
  const current: Array<{ caseId: string; company: DemoCompany; endDate: Date }> = [];
  for (const company of COMPANIES) {
    const id = randomUUID();
    const partitaIva = `${company.base10}${partitaIvaCheckDigit(company.base10)}`;
    companyRows.push({
      id,
      networkId: input.networkId,
      name: company.name,
      taxCode: partitaIva,
      vatNumber: partitaIva,
      atecoCode: company.ateco,
      address: company.address,
      postalCode: company.postalCode,
      comuneCode: company.comune,
      phone: `+39 059 ${rnd.int(100, 999)} ${rnd.int(1000, 9999)}`,
      email: `amministrazione@${company.name.split(' ')[0]!.toLowerCase()}.example`,
      pec: `${company.name.split(' ')[0]!.toLowerCase()}@pec.example`,
      contacts: [
        {
          name: `${rnd.pick(MALE)} ${rnd.pick(SURNAMES)}`,
          role: 'union',
          organisation: rnd.pick(['FIOM-CGIL', 'FIM-CISL', 'UILM-UIL', 'FILCTEM-CGIL']),
          phone: `+39 3${rnd.int(20, 49)} ${rnd.int(1000000, 9999999)}`,
        },
        { name: `${rnd.pick(FEMALE)} ${rnd.pick(SURNAMES)}`, role: 'hr', phone: `+39 059 ${rnd.int(100, 999)} ${rnd.int(1000, 9999)}` },
      ],
    });
    for (const c of company.cases) {
      const caseId = randomUUID();
      const endDate = addDays(addMonths(today, c.monthsToEnd), rnd.int(0, 20));
      caseRows.push({
        id: caseId,
        companyId: id,
        reason: c.reason,
        authorisationRef: c.ref,
        startDate: iso(addDays(addMonths(endDate, -c.lengthMonths), 1)),
        endDate: iso(endDate),
        workersInvolved: company.workers + rnd.int(0, 25),
      });
      cases.push({ caseId, companyId: id, companyName: company.name, reason: c.reason, ateco: company.ateco });
      if (c.current) current.push({ caseId, company, endDate });
    }
  }
  await insertCompaniesBulk(trx, companyRows);
  await insertCigsCasesBulk(trx, caseRows);

  const workerRows: BulkWorker[] = [];
  const consentRows: BulkConsent[] = [];
  const eventRows: Parameters<typeof appendWorkerEventsAt>[1][number][] = [];
  const usedCf = new Set<string>();
  for (const { caseId, company, endDate } of current) {
    const companyOffice = officeOf.get(company.comune);
    const nearby = comuni.filter((c) => officeOf.get(c.istat_code) === companyOffice);
    for (let i = 0; i < company.workers; i++) {
      const residence = rnd.chance(0.65) ? rnd.pick(nearby) : rnd.pick(comuni);
      const sex: 'M' | 'F' = rnd.chance(company.ateco === '13.96' ? 0.75 : 0.35) ? 'F' : 'M';
      const foreign = rnd.chance(0.14) ? rnd.pick(FOREIGN) : undefined;
      const firstName = foreign ? rnd.pick(sex === 'F' ? foreign.female : foreign.male) : rnd.pick(sex === 'F' ? FEMALE : MALE);
      const lastName = foreign ? rnd.pick(foreign.surnames) : rnd.pick(SURNAMES);
      const birthPlace = foreign ? foreign.place : rnd.chance(0.75) ? rnd.pick(comuni).cadastral_code : rnd.pick(ITALIAN_ELSEWHERE);
      const birthDate = iso(new Date(Date.UTC(rnd.int(1962, 2000), rnd.int(0, 11), rnd.int(1, 28))));
      let cf: string | null = computeCodiceFiscale({
        surname: lastName,
        name: firstName,
        birthDate,
        sex,
        birthPlaceCadastralCode: birthPlace,
      });
      // Omocodia, as the Agenzia delle Entrate would resolve a clash.
      for (let level = 1; usedCf.has(cf); level++)
        cf = computeCodiceFiscale(
          { surname: lastName, name: firstName, birthDate, sex, birthPlaceCadastralCode: birthPlace },
          { omocodiaLevel: level },
        );
      usedCf.add(cf);
      // A few came in through the hotline with name and phone only: no codice fiscale yet.
      const hotlineOnly = rnd.chance(0.04);
      const id = randomUUID();
      const officeId = officeOf.get(residence.istat_code)!;
      // Most workers' CIGS ends with the authorisation; some leave it earlier (new job, retirement).
      const ownEnd = rnd.chance(0.15) ? addDays(endDate, -rnd.int(7, 60)) : endDate;
      const phone = `+39${rnd.pick(MOBILE_PREFIXES)}${rnd.int(1000000, 9999999)}`;
      workerRows.push({
        id,
        networkId: input.networkId,
        officeId,
        codiceFiscale: hotlineOnly ? null : cf,
        firstName,
        lastName,
        birthDate: hotlineOnly ? null : birthDate,
        sex: hotlineOnly ? null : sex,
        birthPlaceCode: hotlineOnly ? null : birthPlace,
        citizenship: hotlineOnly ? null : (foreign?.country ?? 'IT'),
        residenceComuneCode: residence.istat_code,
        address: hotlineOnly
          ? ''
          : `Via ${rnd.pick(['Roma', 'Garibaldi', 'Mazzini', 'Emilia', 'Verdi', 'Matteotti', 'Gramsci', 'dei Mille', 'Cavour'])} ${rnd.int(1, 180)}`,
        postalCode: hotlineOnly ? '' : (DEMO_POSTAL_CODES[residence.name] ?? ''),
        phone,
        email: rnd.chance(0.45) ? `${searchNameOf(firstName, lastName).replace(/ /g, '.')}${rnd.int(1, 99)}@posta.example` : null,
        cigsCaseId: caseId,
        cigsEndDate: iso(ownEnd < addDays(today, 14) ? addDays(today, 14) : ownEnd),
        at: input.now,
      });
      eventRows.push({
        workerId: id,
        officeId,
        kind: 'worker.imported',
        actorId: null,
        details: { source: `Elenco INPS ${company.name}` },
        at: input.now,
      });
      if (rnd.chance(0.8)) {
        const channel = rnd.pick(['phone', 'paper', 'in_person'] as const);
        const recordedBy = channel === 'phone' ? input.operatorId : null;
        consentRows.push({ workerId: id, officeId, purpose: 'programme', granted: true, channel, recordedBy, at: input.now });
        if (rnd.chance(0.7))
          consentRows.push({ workerId: id, officeId, purpose: 'contact_sms', granted: true, channel, recordedBy, at: input.now });
      }
    }
  }
  await insertWorkersBulk(trx, workerRows);
  await insertConsentsBulk(trx, consentRows);
  await appendWorkerEventsAt(trx, eventRows);
  return { companies: companyRows.length, workers: workerRows.length, cases };
}
