import { randomUUID } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { cvChoicesSchema, type CvChoices } from '../../../shared/schemas/cvs.schema.js';
import { profileDocumentSchema, type ProfileDocument } from '../../../shared/schemas/profiles.schema.js';
import type { CvIdentity, CvInput } from './cv-input.js';

/** Invented workers' CVs for the renderer tests and the benchmark: a short one, a long one, one with a photo, one with long words. */

export const choices = (over: Partial<CvChoices> = {}): CvChoices => cvChoicesSchema.parse(over);
const profile = (p: Record<string, unknown>): ProfileDocument => profileDocumentSchema.parse(p);

export const barbieriIdentity: CvIdentity = {
  givenName: 'Giulia',
  familyName: 'Barbieri',
  birthDate: '1979-04-18',
  email: 'giulia.barbieri@esempio.it',
  phone: '+39 347 215 8830',
  residence: 'Fiorano Modenese (MO)',
};

/** A short CV: one job, one title, mother tongue only. */
export function shortCv(): CvInput {
  return {
    identity: barbieriIdentity,
    choices: choices({ headline: 'Addetta al controllo qualità' }),
    profile: profile({
      summary: 'Ventidue anni nella stessa ceramica, dal controllo qualità in linea alla scelta finale delle piastrelle.',
      work: [
        {
          id: randomUUID(),
          employer: 'Ceramica Fioranese S.p.A.',
          jobTitle: 'Addetta al controllo qualità',
          place: 'Fiorano Modenese (MO)',
          startDate: '2003-09',
          endDate: '2025-06',
          tasks: 'Controllo visivo e dimensionale delle piastrelle in uscita dal forno.\nCompilazione delle schede di non conformità.',
          highlights: ['Formazione di sei nuovi addetti alla scelta'],
        },
      ],
      education: [
        {
          id: randomUUID(),
          title: 'Diploma di ragioniere e perito commerciale',
          institution: 'ITC "Jacopo Barozzi"',
          place: 'Modena',
          endDate: '1998',
          grade: '48/60',
          eqfLevel: 4,
        },
      ],
      languages: [{ id: randomUUID(), code: 'it', mother: true }],
      drivingLicences: ['B'],
    }),
  };
}

const employers = [
  ['Ceramiche Sassuolese S.r.l.', 'Operaio addetto alla pressatura', 'Sassuolo (MO)'],
  ['Officine Meccaniche Ferrari & Figli S.n.c.', 'Tornitore CNC', 'Maranello (MO)'],
  ['Tessitura D’Angelo S.p.A.', 'Manutentore di telai', 'Carpi (MO)'],
  ['B. Braun Avitum Italy S.p.A.', 'Addetto al confezionamento in camera bianca', 'Mirandola (MO)'],
  ['Caseificio Sociale Santa Rita', 'Casaro', 'Castelfranco Emilia (MO)'],
  ['Logistica Esposito & C. S.a.s.', 'Carrellista', 'Modena'],
  ['Gruppo Ceramiche Ricchetti S.p.A.', 'Conduttore di forno', 'Fiorano Modenese (MO)'],
  ['Conserve Italia Soc. Coop. Agricola', 'Operaio stagionale di linea', 'Vignola (MO)'],
];

/** A long CV: eleven jobs with tasks and achievements, several titles, languages and extras. */
export function longCv(): CvInput {
  const work = Array.from({ length: 11 }, (_, i) => {
    const [employer, jobTitle, place] = employers[i % employers.length]!;
    const start = 1990 + i * 2;
    return {
      id: randomUUID(),
      employer,
      jobTitle,
      place,
      startDate: `${start}-0${(i % 9) + 1}`,
      ...(i === 10 ? {} : { endDate: `${start + 2}-0${(i % 8) + 1}` }),
      tasks:
        'Conduzione della macchina secondo le schede di lavorazione, cambio formato e regolazione dei parametri. ' +
        'Registrazione dei fermi macchina e delle quantità prodotte nel gestionale di reparto; collaborazione con la manutenzione.',
      highlights: i % 3 === 0 ? ['Riduzione degli scarti del 12% in un anno', 'Referente per la sicurezza del turno di notte'] : [],
    };
  });
  return {
    identity: {
      givenName: 'Nicolò',
      familyName: 'Esposito',
      email: 'nicolo.esposito@esempio.it',
      phone: '+39 333 908 1177',
      residence: 'Sassuolo (MO)',
    },
    choices: choices({ headline: 'Operaio specializzato di produzione, carrellista' }),
    profile: profile({
      summary:
        'Operaio con trent’anni di esperienza in ceramica, meccanica e alimentare.\nAbituato al lavoro su tre turni, patentino per carrelli elevatori in corso di validità.',
      work,
      education: [
        {
          id: randomUUID(),
          title: 'Qualifica di operatore meccanico',
          institution: 'IPSIA "Fermo Corni"',
          place: 'Modena',
          startDate: '1985',
          endDate: '1988',
          eqfLevel: 3,
          courses: ['Disegno tecnico', 'Tecnologia meccanica'],
        },
        {
          id: randomUUID(),
          title: 'Corso di saldatura a filo continuo',
          institution: 'Ente di formazione CERFORM',
          place: 'Sassuolo (MO)',
          startDate: '2019-02',
          endDate: '2019-05',
        },
      ],
      languages: [
        { id: randomUUID(), code: 'it', mother: true },
        { id: randomUUID(), code: 'en', listening: 'A2', reading: 'B1', spokenInteraction: 'A2', spokenProduction: 'A2', writing: 'A1' },
        {
          id: randomUUID(),
          code: 'de',
          listening: 'A1',
          reading: 'A1',
          spokenInteraction: 'A1',
          spokenProduction: 'A1',
          writing: 'A1',
          certificate: 'Goethe-Zertifikat A1',
        },
      ],
      skills: [
        { id: randomUUID(), label: 'condurre carrelli elevatori', level: 'expert', source: 'declared' },
        { id: randomUUID(), label: 'regolare la pressa per piastrelle', level: 'advanced', source: 'assessed' },
        { id: randomUUID(), label: 'saldatura a filo continuo', level: 'intermediate', source: 'course' },
        { id: randomUUID(), label: 'lettura del disegno tecnico', level: 'intermediate', source: 'declared' },
        { id: randomUUID(), label: 'uso del gestionale di reparto', source: 'declared' },
      ],
      drivingLicences: ['B', 'C', 'CQC_merci'],
      certificates: [
        {
          id: randomUUID(),
          name: 'Patentino per carrelli elevatori (Accordo Stato-Regioni 22/02/2012)',
          issuer: 'CERFORM Sassuolo',
          issuedOn: '2022-03-14',
          expiresOn: '2027-03-14',
        },
        { id: randomUUID(), name: 'Attestato HACCP', issuer: 'AUSL di Modena', issuedOn: '2016' },
      ],
      availability: {
        workingTimes: ['full_time'],
        shifts: ['two_shifts', 'three_shifts', 'night'],
        contractTypes: ['permanent', 'fixed_term'],
        availableFrom: '2026-01-07',
      },
      mobility: { maxKm: 40, means: ['car'], relocate: false },
      additional: [
        {
          id: randomUUID(),
          kind: 'volunteer',
          title: 'Autista volontario',
          organisation: 'Croce Blu di Sassuolo',
          date: '2012',
          detail: 'Trasporto di anziani e disabili, due sere al mese.',
        },
        { id: randomUUID(), kind: 'interest', title: 'Ciclismo su strada' },
      ],
    }),
  };
}

/** A CV with a photo (an invented PNG portrait placeholder). */
export function photoCv(): CvInput {
  const base = shortCv();
  return {
    ...base,
    identity: { ...base.identity, givenName: 'Maria Grazia', familyName: 'De Luca' },
    photo: { bytes: samplePortraitPng() },
  };
}

/** Long names and accents, the words that break lines badly. */
export function accentsCv(): CvInput {
  return {
    identity: {
      givenName: 'Maria Concetta',
      familyName: 'D’Alessandro Scaramuzzino',
      email: 'mc.dalessandro@esempio.it',
      residence: 'Castelnuovo Rangone (MO)',
    },
    choices: choices({ headline: 'Smaltatrice, addetta alla linea di decorazione digitale' }),
    profile: profile({
      summary: 'Perché lavorare bene è un’abitudine: qualità, puntualità e sicurezza. Città, università, società: È così.',
      work: [
        {
          id: randomUUID(),
          employer: 'Società Cooperativa Ceramiche Sassuolese — Reparto smaltatura',
          jobTitle: 'Responsabile di linea di smaltatura e decorazione digitale a getto d’inchiostro',
          place: 'Sassuolo (MO)',
          startDate: '2011-03-01',
          endDate: '2025-10-31',
          tasks:
            'Preparazione e controllo della densità degli smalti; manutenzione ordinaria delle testine di stampa; precauzioni antinfortunistiche.',
        },
      ],
      languages: [
        { id: randomUUID(), code: 'it', mother: true },
        { id: randomUUID(), code: 'fr', listening: 'B2', reading: 'B2', spokenInteraction: 'B1', spokenProduction: 'B1', writing: 'A2' },
      ],
      drivingLicences: ['B'],
    }),
  };
}

/** A small PNG (RGB, 120 × 150): a grey silhouette on a blue-grey ground. */
export function samplePortraitPng(): Buffer {
  const width = 120;
  const height = 150;
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0;
    for (let x = 0; x < width; x++) {
      const head = (x - 60) ** 2 + (y - 55) ** 2 < 26 ** 2;
      const body = y > 90 && (x - 60) ** 2 / 55 ** 2 + (y - 150) ** 2 / 60 ** 2 < 1;
      const v = head || body ? [120, 128, 138] : [214, 224, 236];
      raw.set(v, y * (width * 3 + 1) + 1 + x * 3);
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}
