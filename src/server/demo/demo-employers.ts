import { randomUUID } from 'node:crypto';
import type { Executor } from '../db/executor.js';
import { crisisCompanyByTaxCode } from '../companies/index.js';
import { insertEmployersBulk, type BulkEmployer } from '../employers/index.js';
import { partitaIvaCheckDigit } from '../../shared/schemas/companies.schema.js';
import { seededRandom } from './demo-people.js';

/**
 * About 60 invented employers of the province of Modena, in the sectors that hire there: machinery
 * and automotive (Modena, Maranello, Formigine, Castelfranco), biomedical (the Mirandola district),
 * food (Castelvetro, Vignola, Carpi), logistics (Campogalliano, Modena nord), ceramics (Sassuolo,
 * Fiorano) and services. Deterministic (seeded PRNG; row ids are random UUIDs), written in three
 * bulk inserts. Names, people and partite IVA are invented (the check digit is valid; the office
 * code is 036, Modena's); e-mails are under .example domains.
 */

interface Sector {
  ateco: string[];
  /** Name stems: the employer is "<stem> <place or surname> <legal form>". */
  stems: string[];
  /** ISTAT codes of the comuni the sector's sites are in, with the office that follows them. */
  comuni: Array<[string, string]>;
  count: number;
  jobTitles: string[];
}

const SECTORS: Sector[] = [
  {
    ateco: ['28.41', '28.22', '28.29', '28.92', '29.32', '29.10', '33.12'],
    stems: ['Meccanica', 'Oleodinamica', 'Automazioni', 'Ingranaggi', 'Carpenterie', 'Motori', 'Trasmissioni', 'Officine'],
    comuni: [
      ['036023', 'CPI-MO'],
      ['036019', 'CPI-SA'],
      ['036015', 'CPI-SA'],
      ['036006', 'CPI-CF'],
      ['036007', 'CPI-MO'],
      ['036036', 'CPI-CF'],
    ],
    count: 16,
    jobTitles: ['Responsabile del personale', 'Capo officina', 'Direttore di stabilimento'],
  },
  {
    ateco: ['32.50', '26.60', '21.20'],
    stems: ['Biomedica', 'Medical', 'Dialisi', 'Bioplast', 'Emotec'],
    comuni: [
      ['036022', 'CPI-MI'],
      ['036021', 'CPI-MI'],
      ['036009', 'CPI-MI'],
      ['036037', 'CPI-MI'],
      ['036012', 'CPI-MI'],
    ],
    count: 10,
    jobTitles: ['Responsabile risorse umane', 'Responsabile qualità', 'Direttrice di produzione'],
  },
  {
    ateco: ['10.13', '10.51', '10.73', '11.02', '10.39'],
    stems: ['Salumi', 'Caseificio', 'Pastificio', 'Cantina', 'Conserve', 'Acetaia'],
    comuni: [
      ['036008', 'CPI-VI'],
      ['036046', 'CPI-VI'],
      ['036005', 'CPI-CA'],
      ['036041', 'CPI-VI'],
      ['036045', 'CPI-VI'],
      ['036030', 'CPI-PA'],
    ],
    count: 12,
    jobTitles: ['Responsabile di produzione', 'Titolare', 'Responsabile amministrativa'],
  },
  {
    ateco: ['49.41', '52.10'],
    stems: ['Logistica', 'Trasporti', 'Magazzini', 'Spedizioni'],
    comuni: [
      ['036003', 'CPI-MO'],
      ['036023', 'CPI-MO'],
      ['036044', 'CPI-CA'],
      ['036027', 'CPI-MO'],
    ],
    count: 8,
    jobTitles: ['Responsabile di magazzino', 'Responsabile operativo', 'Ufficio personale'],
  },
  {
    ateco: ['23.31', '23.32'],
    stems: ['Ceramiche', 'Gres', 'Smalti', 'Piastrelle'],
    comuni: [
      ['036040', 'CPI-SA'],
      ['036013', 'CPI-SA'],
      ['036015', 'CPI-SA'],
      ['036008', 'CPI-VI'],
    ],
    count: 8,
    jobTitles: ['Responsabile del personale', 'Capo reparto', 'Responsabile di stabilimento'],
  },
  {
    ateco: ['78.20', '81.21', '62.10', '27.12'],
    stems: ['Servizi', 'Pulizie', 'Software', 'Impianti'],
    comuni: [
      ['036023', 'CPI-MO'],
      ['036005', 'CPI-CA'],
      ['036046', 'CPI-VI'],
      ['036006', 'CPI-CF'],
    ],
    count: 6,
    jobTitles: ['Responsabile selezione', 'Amministratrice', 'Coordinatore dei servizi'],
  },
];

const PLACES = [
  'Emiliana',
  'del Secchia',
  'del Panaro',
  'Modenese',
  'Padana',
  'Bassa',
  'Ghirlandina',
  'del Frignano',
  'Estense',
  'Tiepido',
  'Appennino',
  'Pedemontana',
  'Guerro',
  'Cimone',
];
const SURNAMES = ['Barbieri', 'Ferrari', 'Malagoli', 'Bertoni', 'Gualdi', 'Rinaldi', 'Montanari', 'Pellacani', 'Zanasi', 'Corradini'];
const FORMS = ['S.r.l.', 'S.p.A.', 'S.r.l.', 'S.n.c.', 'Soc. Coop.'];
const FIRST_NAMES = ['Giulia', 'Marco', 'Francesca', 'Luca', 'Chiara', 'Nicolò', 'Elena', 'Matteo', 'Sara', 'Davide', 'Paola', 'Andrea'];
const LAST_NAMES = [
  'Barbieri',
  'Esposito',
  "D'Angelo",
  'Ferrari',
  'Rossi Bellei',
  'Ricci',
  'Bianchi',
  'Colombo',
  'Romano',
  'Lugli',
  'Bonacini',
  'Gatti',
];
const STREETS = [
  'Via Emilia',
  'Via dell’Industria',
  'Via dell’Artigianato',
  'Via Giardini',
  'Via Canaletto',
  'Via del Lavoro',
  'Via Radici',
];
const POSTAL: Record<string, string> = {
  '036023': '41122',
  '036019': '41053',
  '036015': '41043',
  '036006': '41013',
  '036007': '41051',
  '036036': '41018',
  '036022': '41037',
  '036021': '41036',
  '036009': '41032',
  '036037': '41038',
  '036012': '41034',
  '036008': '41014',
  '036046': '41058',
  '036005': '41012',
  '036041': '41056',
  '036045': '41057',
  '036030': '41026',
  '036003': '41011',
  '036044': '41019',
  '036027': '41015',
  '036040': '41049',
  '036013': '41042',
};
const ROLES_CYCLE = ['hr', 'owner', 'recruiter', 'manager', 'administration'] as const;
const CHANNELS = ['email', 'phone', 'in_person', 'letter'] as const;

/** "Meccanica del Secchia S.r.l." → "meccanicadelsecchia.example". */
const domainOf = (name: string) =>
  `${name
    .replace(/\b(S\.r\.l\.|S\.p\.A\.|S\.n\.c\.|Soc\. Coop\.)/g, '')
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase()}.example`;
const mailbox = (first: string, last: string) =>
  `${first[0]!.toLowerCase()}.${last
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase()}`;

/**
 * A crisis company of the demo that still runs and hires (under reorganisation): it is also an
 * employer, linked by its codice fiscale.
 */
const ALSO_CRISIS = { name: 'Componenti Auto Formigine S.r.l.', base10: '0312987036', ateco: '29.32', comune: '036015', office: 'CPI-SA' };

export async function seedDemoEmployers(
  trx: Executor,
  deps: { networkId: string; officeIds: Map<string, string>; matcherId: string | null; now: Date },
): Promise<BulkEmployer[]> {
  const random = seededRandom(20261203);
  const rnd = random.next;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const names = new Set<string>();
  const employers: BulkEmployer[] = [];
  let serial = 0;
  const daysAgo = (days: number) => new Date(deps.now.getTime() - days * 86_400_000);

  const contactsFor = (domain: string, titles: string[]) => {
    const count = 1 + Math.floor(rnd() * 3);
    return Array.from({ length: count }, (_, i) => {
      const first = pick(FIRST_NAMES);
      const last = pick(LAST_NAMES);
      return {
        fullName: `${first} ${last}`,
        role: i === 0 ? ('hr' as const) : ROLES_CYCLE[(i + Math.floor(rnd() * 4)) % ROLES_CYCLE.length]!,
        jobTitle: titles[i % titles.length]!,
        phone: `+39 059 ${String(100 + Math.floor(rnd() * 900))} ${String(1000 + Math.floor(rnd() * 9000))}`,
        email: `${mailbox(first, last)}@${domain}`,
        receivesCandidates: i === 0,
      };
    });
  };

  const add = (e: {
    name: string;
    base10: string;
    ateco: string;
    comune: string;
    office: string;
    titles: string[];
    companyId: string | null;
  }) => {
    const taxCode = `${e.base10}${partitaIvaCheckDigit(e.base10)}`;
    const domain = domainOf(e.name);
    const extraSite = rnd() < 0.3;
    const consent = rnd() < 0.8;
    employers.push({
      id: randomUUID(),
      networkId: deps.networkId,
      officeId: deps.officeIds.get(e.office)!,
      companyId: e.companyId,
      name: e.name,
      taxCode,
      vatNumber: taxCode,
      atecoCode: e.ateco,
      website: `https://www.${domain}`,
      email: `info@${domain}`,
      phone: `+39 059 ${String(200 + Math.floor(rnd() * 700))} ${String(1000 + Math.floor(rnd() * 9000))}`,
      consent: consent ? { at: daysAgo(10 + Math.floor(rnd() * 300)), channel: pick(CHANNELS), by: deps.matcherId } : null,
      createdBy: deps.matcherId,
      createdAt: daysAgo(320 + Math.floor(rnd() * 200)),
      sites: [
        {
          id: randomUUID(),
          name: 'Sede legale e stabilimento',
          address: `${pick(STREETS)} ${1 + Math.floor(rnd() * 400)}`,
          postalCode: POSTAL[e.comune] ?? '',
          comuneCode: e.comune,
          headOffice: true,
        },
        ...(extraSite
          ? [
              {
                id: randomUUID(),
                name: 'Magazzino',
                address: `${pick(STREETS)} ${1 + Math.floor(rnd() * 200)}`,
                postalCode: POSTAL['036023']!,
                comuneCode: '036023',
                headOffice: false,
              },
            ]
          : []),
      ],
      contacts: contactsFor(domain, e.titles),
    });
  };

  for (const sector of SECTORS) {
    for (let i = 0; i < sector.count; i++) {
      let name: string;
      do {
        const middle = rnd() < 0.55 ? pick(PLACES) : pick(SURNAMES);
        name = `${pick(sector.stems)} ${middle} ${pick(FORMS)}`;
      } while (names.has(name));
      names.add(name);
      // Round the sector's comuni: each district has its employers (Mirandola its biomedical ones).
      const [comune, office] = sector.comuni[i % sector.comuni.length]!;
      serial++;
      add({
        name,
        base10: `${String(3500000 + serial * 1373).padStart(7, '0')}036`,
        ateco: pick(sector.ateco),
        comune,
        office,
        titles: sector.jobTitles,
        companyId: null,
      });
    }
  }
  const crisis = await crisisCompanyByTaxCode(trx, deps.networkId, `${ALSO_CRISIS.base10}${partitaIvaCheckDigit(ALSO_CRISIS.base10)}`);
  add({ ...ALSO_CRISIS, titles: ['Responsabile del personale'], companyId: crisis?.id ?? null });

  await insertEmployersBulk(trx, employers);
  return employers;
}
