import type { CvLanguage, CvSection } from '../../../shared/schemas/cvs.schema.js';
import type {
  ADDITIONAL_KINDS,
  CONTRACT_TYPES,
  DRIVING_LICENCES,
  SHIFTS,
  SKILL_LEVELS,
  TRANSPORT_MEANS,
  WORKING_TIMES,
} from '../../../shared/schemas/profiles.schema.js';
import type { CvLabels } from './cv-input.js';

/**
 * The words a CV prints, in Italian and English. Section names follow the Italian Europass CV;
 * the CEFR grid uses the Council of Europe's self-assessment headings.
 */
interface CvWords {
  sections: Record<CvSection | 'personal', string>;
  residence: string;
  phone: string;
  email: string;
  birthDate: string;
  present: string;
  motherTongue: string;
  otherLanguages: string;
  cefr: {
    understanding: string;
    speaking: string;
    writing: string;
    listening: string;
    reading: string;
    interaction: string;
    production: string;
  };
  cefrNote: string;
  grade: string;
  expires: string;
  issuedBy: string;
  skillLevels: Record<(typeof SKILL_LEVELS)[number] | 'unrated', string>;
  licence: string;
  licences: Record<(typeof DRIVING_LICENCES)[number], string>;
  workingTimes: Record<(typeof WORKING_TIMES)[number], string>;
  shifts: Record<(typeof SHIFTS)[number], string>;
  contractTypes: Record<(typeof CONTRACT_TYPES)[number], string>;
  means: Record<(typeof TRANSPORT_MEANS)[number], string>;
  additionalKinds: Record<(typeof ADDITIONAL_KINDS)[number], string>;
  availability: {
    time: string;
    shifts: string;
    contracts: string;
    from: string;
    mobility: string;
    relocate: string;
    wanted: string;
    km: string;
    minutes: string;
  };
  consent: string;
  page: (n: number, of: number) => string;
  documentTitle: (name: string) => string;
  photoAlt: (name: string) => string;
  months: string[];
}

const IT: CvWords = {
  sections: {
    personal: 'Informazioni personali',
    summary: 'Profilo',
    work: 'Esperienza professionale',
    education: 'Istruzione e formazione',
    languages: 'Competenze linguistiche',
    skills: 'Competenze',
    drivingLicences: 'Patente di guida',
    certificates: 'Certificazioni',
    availability: 'Disponibilità',
    additional: 'Ulteriori informazioni',
  },
  residence: 'Residenza',
  phone: 'Telefono',
  email: 'E-mail',
  birthDate: 'Data di nascita',
  present: 'in corso',
  motherTongue: 'Lingua madre',
  otherLanguages: 'Altre lingue',
  cefr: {
    understanding: 'Comprensione',
    speaking: 'Parlato',
    writing: 'Scrittura',
    listening: 'Ascolto',
    reading: 'Lettura',
    interaction: 'Interazione',
    production: 'Produzione orale',
  },
  cefrNote:
    'Livelli: A1 e A2 utente base, B1 e B2 utente autonomo, C1 e C2 utente avanzato (Quadro comune europeo di riferimento per le lingue).',
  grade: 'Votazione',
  expires: 'Scadenza',
  issuedBy: 'Rilasciato da',
  skillLevels: {
    expert: 'Livello esperto',
    advanced: 'Livello avanzato',
    intermediate: 'Livello intermedio',
    basic: 'Livello base',
    unrated: 'Altre competenze',
  },
  licence: 'Patente',
  licences: {
    AM: 'AM', A1: 'A1', A2: 'A2', A: 'A', B1: 'B1', B: 'B', BE: 'BE', C1: 'C1', C1E: 'C1E', C: 'C', CE: 'CE',
    D1: 'D1', D1E: 'D1E', D: 'D', DE: 'DE', CQC_merci: 'CQC merci', CQC_persone: 'CQC persone', KB: 'KB (certificato di abilitazione professionale)',
  }, // prettier-ignore
  workingTimes: { full_time: 'tempo pieno', part_time: 'tempo parziale' },
  shifts: { day: 'giornaliero', two_shifts: 'due turni', three_shifts: 'tre turni', night: 'notturno', weekend: 'fine settimana' },
  contractTypes: {
    permanent: 'tempo indeterminato',
    fixed_term: 'tempo determinato',
    apprenticeship: 'apprendistato',
    temporary_agency: 'somministrazione',
    seasonal: 'stagionale',
    self_employed: 'lavoro autonomo',
  },
  means: {
    car: 'auto propria',
    motorbike: 'moto o scooter',
    public_transport: 'mezzi pubblici',
    bicycle: 'bicicletta',
    on_foot: 'a piedi',
  },
  additionalKinds: {
    award: 'Premi e riconoscimenti',
    publication: 'Pubblicazioni',
    project: 'Progetti',
    volunteer: 'Volontariato',
    membership: 'Appartenenza ad associazioni',
    interest: 'Interessi',
    reference: 'Referenze',
    other: 'Altro',
  },
  availability: {
    time: 'Orario',
    shifts: 'Turni',
    contracts: 'Contratti',
    from: 'Disponibile dal',
    mobility: 'Spostamenti',
    relocate: 'disponibile a trasferirsi',
    wanted: 'Professioni cercate',
    km: 'fino a {n} km',
    minutes: 'fino a {n} minuti',
  },
  consent:
    'Autorizzo il trattamento dei dati personali contenuti nel presente curriculum vitae ai sensi del Regolamento (UE) 2016/679 e del D.Lgs. 196/2003, come modificato dal D.Lgs. 101/2018.',
  page: (n, of) => `Pagina ${n} di ${of}`,
  documentTitle: (name) => `Curriculum vitae di ${name}`,
  photoAlt: (name) => `Fotografia di ${name}`,
  months: [
    'gennaio',
    'febbraio',
    'marzo',
    'aprile',
    'maggio',
    'giugno',
    'luglio',
    'agosto',
    'settembre',
    'ottobre',
    'novembre',
    'dicembre',
  ],
};

const EN: CvWords = {
  sections: {
    personal: 'Personal information',
    summary: 'Profile',
    work: 'Work experience',
    education: 'Education and training',
    languages: 'Language skills',
    skills: 'Skills',
    drivingLicences: 'Driving licence',
    certificates: 'Certificates',
    availability: 'Availability',
    additional: 'Additional information',
  },
  residence: 'Residence',
  phone: 'Phone',
  email: 'E-mail',
  birthDate: 'Date of birth',
  present: 'present',
  motherTongue: 'Mother tongue',
  otherLanguages: 'Other languages',
  cefr: {
    understanding: 'Understanding',
    speaking: 'Speaking',
    writing: 'Writing',
    listening: 'Listening',
    reading: 'Reading',
    interaction: 'Interaction',
    production: 'Production',
  },
  cefrNote:
    'Levels: A1 and A2 basic user, B1 and B2 independent user, C1 and C2 proficient user (Common European Framework of Reference for Languages).',
  grade: 'Grade',
  expires: 'Expires',
  issuedBy: 'Issued by',
  skillLevels: { expert: 'Expert', advanced: 'Advanced', intermediate: 'Intermediate', basic: 'Basic', unrated: 'Other skills' },
  licence: 'Licence',
  licences: {
    ...IT.licences,
    CQC_merci: 'CQC (goods)',
    CQC_persone: 'CQC (passengers)',
    KB: 'KB (professional certificate)',
  },
  workingTimes: { full_time: 'full time', part_time: 'part time' },
  shifts: { day: 'day', two_shifts: 'two shifts', three_shifts: 'three shifts', night: 'night', weekend: 'weekend' },
  contractTypes: {
    permanent: 'permanent',
    fixed_term: 'fixed term',
    apprenticeship: 'apprenticeship',
    temporary_agency: 'agency work',
    seasonal: 'seasonal',
    self_employed: 'self-employed',
  },
  means: { car: 'own car', motorbike: 'motorbike', public_transport: 'public transport', bicycle: 'bicycle', on_foot: 'on foot' },
  additionalKinds: {
    award: 'Honours and awards',
    publication: 'Publications',
    project: 'Projects',
    volunteer: 'Volunteering',
    membership: 'Memberships',
    interest: 'Interests',
    reference: 'References',
    other: 'Other',
  },
  availability: {
    time: 'Working time',
    shifts: 'Shifts',
    contracts: 'Contracts',
    from: 'Available from',
    mobility: 'Commuting',
    relocate: 'willing to relocate',
    wanted: 'Occupations sought',
    km: 'up to {n} km',
    minutes: 'up to {n} minutes',
  },
  consent:
    'I authorise the processing of the personal data in this CV under Regulation (EU) 2016/679 and Italian Legislative Decree 196/2003 as amended by Legislative Decree 101/2018.',
  page: (n, of) => `Page ${n} of ${of}`,
  documentTitle: (name) => `Curriculum vitae of ${name}`,
  photoAlt: (name) => `Photograph of ${name}`,
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

export function cvWords(language: CvLanguage): CvWords {
  return language === 'en' ? EN : IT;
}

/** A partial date as a CV prints it: '2019', '03/2019', '15/03/2019'. */
export function cvDate(value: string): string {
  const [y, m, d] = value.split('-');
  return d ? `${d}/${m}/${y}` : m ? `${m}/${y}` : y!;
}

/** A period: '03/2015 – 12/2023', '03/2015 – in corso', or one date alone. */
export function cvPeriod(language: CvLanguage, start?: string, end?: string, current = false): string {
  if (start && end) return start === end ? cvDate(start) : `${cvDate(start)} – ${cvDate(end)}`;
  if (start) return current ? `${cvDate(start)} – ${cvWords(language).present}` : cvDate(start);
  return end ? cvDate(end) : '';
}

const displayNames = new Map<string, Intl.DisplayNames>();
function icuName(language: CvLanguage, type: 'language' | 'region', code: string): string | undefined {
  const key = `${language}:${type}`;
  let names = displayNames.get(key);
  if (!names) displayNames.set(key, (names = new Intl.DisplayNames([language], { type, fallback: 'none' })));
  try {
    const name = names.of(code);
    return name ? name.charAt(0).toUpperCase() + name.slice(1) : undefined;
  } catch {
    return undefined;
  }
}

/** A language's name: the caller's label, else ICU's ('en' → 'Inglese'), else the code. */
export function languageName(language: CvLanguage, code: string, labels?: CvLabels): string {
  return labels?.languages?.[code] ?? icuName(language, 'language', code) ?? code;
}

/** A country's name: the caller's label, else ICU's ('DE' → 'Germania'). */
export function countryName(language: CvLanguage, code: string, labels?: CvLabels): string {
  return labels?.countries?.[code] ?? icuName(language, 'region', code) ?? code;
}

/** "Sassuolo (MO), Italia" style place: the place, and the country unless it is Italy. */
export function placeLine(language: CvLanguage, place?: string, country?: string, labels?: CvLabels): string {
  const countryText = country && country !== 'IT' ? countryName(language, country, labels) : undefined;
  return [place, countryText].filter(Boolean).join(', ');
}

/** The name as the CV heads it: given name first, as Italian CVs do. */
export function fullName(identity: { givenName: string; familyName: string }): string {
  return `${identity.givenName} ${identity.familyName}`.trim();
}
