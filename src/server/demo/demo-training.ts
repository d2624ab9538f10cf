import type { Executor } from '../db/executor.js';
import type { CourseDelivery, CourseFunding, TrainingEnrolmentState } from '../db/schema-training.js';
import { workersOfCasesWithPeriod } from '../people/index.js';
import { addProfileSkills, getProfile } from '../profiles/index.js';
import { recordDeliveredServicesBulk, type DeliveredService } from '../services/index.js';
import { insertDemoCourses, insertDemoEnrolments, insertDemoProviders, type DemoCourse, type DemoEnrolment } from '../training/index.js';
import { addDays } from '../../shared/time/rome-date.js';
import { romeToday, romeToUtc } from '../../shared/time/rome-time.js';
import type { DemoCase } from './demo-people.js';
import { seededRandom } from './demo-people.js';

/**
 * The training catalogue of the demo: three invented providers of the province of Modena and 40
 * course editions over about a year around the day the demo is seeded — the past ones closed,
 * completed by demo workers (their hours a delivered service 'training'), one dropped out; the
 * running ones with hours attended so far; the coming ones open, three of them full with a waiting
 * list in the order people asked. Skills are real ESCO v1.1.1 URIs of the reference data, with
 * ESCO's English preferred labels (the catalogue is seeded before the ESCO bundle is loaded).
 */

const esco = (id: string, label: string) => ({ uri: `http://data.europa.eu/esco/skill/${id}`, label });
const S = {
  weldingEquipment: esco('2ee57de4-bffd-4194-b009-0060edec77cc', 'use welding equipment'),
  mag: esco('60ff3eac-7d4d-4e51-87b8-74c3b5d62498', 'perform metal active gas welding'),
  tig: esco('a51adea8-bf02-488a-a0d8-b0961caca5b0', 'perform tungsten inert gas welding'),
  arc: esco('27d26fd6-5795-4f0a-884e-112df7c68314', 'apply arc welding techniques'),
  forklift: esco('28cb374e-6261-4133-8371-f9a5470145da', 'operate forklift'),
  forkliftInspection: esco('3c84f7d9-7a3e-4343-814f-31de0aa61651', 'conduct forklift inspections'),
  haccp: esco('5ba1d5b9-3f8d-46ca-bf9f-2e9ca65d1350', 'apply HACCP'),
  foodHygiene: esco('0ff99f51-40d9-42f1-a1ec-377b2bb5e15f', 'comply with food safety and hygiene'),
  spokenEnglish: esco('64ff8d5f-58a8-4efb-af5a-e161854b3e9a', 'understand spoken English'),
  speakEnglish: esco('0ee9e985-0ee5-4a73-8a12-78b53b261bb2', 'interact verbally in English'),
  writeEnglish: esco('3993c87c-7719-4186-811b-8ddfb40e76be', 'write English'),
  useCad: esco('b34e2ba1-9080-48c9-9b42-ee9192a4d3f1', 'use CAD software'),
  cad: esco('a2b5dcf3-5b6a-453d-876c-cff540c0faf1', 'CAD software'),
  electrical: esco('386774ac-fe5b-431a-b485-9aec0bf5c09e', 'maintain electrical equipment'),
  electricalSafety: esco('970af2f2-9a19-41a0-b42b-b1f36b083d28', 'comply with electrical safety regulations'),
  plc: esco('6468e5fb-f3be-4025-87be-4b6556755c61', 'programmable logic controller'),
  warehouse: esco('089ddb19-1c7a-43ff-ba64-070f7ce4787a', 'warehouse operations'),
  stock: esco('b3b2547b-5c37-4d21-8ee5-f01b6bd672ae', 'follow stock control instructions'),
  inventory: esco('ab6265f2-a9bf-49e8-a9a5-67cbab4de38b', 'manage inventory'),
  computer: esco('d15ce60f-ddab-41ce-ba56-398451b77b60', 'have computer literacy'),
  spreadsheets: esco('1973c966-f236-40c9-b2d4-5d71a89019be', 'use spreadsheets software'),
  safety: esco('dcc96a49-0bac-4a9c-8f8e-a32b4e47e6eb', 'apply health and safety standards'),
  safetyLaw: esco('233be639-bdb5-4099-ab40-96d537d6c1f3', 'ensure compliance with safety legislation'),
  glazes: esco('92f8ebaa-da5f-4159-9b33-ac8dc4b9c84e', 'ceramics glazes'),
  glazeCoating: esco('a34eda1e-bdef-4b1d-894e-3f62b025e457', 'apply glaze coating'),
  lean: esco('82fea746-853f-4f1b-8ab7-55de8619cccd', 'lean manufacturing'),
  qualityData: esco('2879a6f9-868b-40a1-a424-d50007ca8354', 'record production data for quality control'),
  machines: esco('188048ff-18bf-43c4-a1a0-7adb6e68f421', 'monitor machine operations'),
};

const PROVIDERS = [
  {
    name: 'Scuola di Formazione Professionale del Panaro',
    taxCode: '03918270364',
    accreditationNote:
      'Ente accreditato dalla Regione Emilia-Romagna per la formazione professionale (ambito formazione continua e permanente)',
    email: 'corsi@sfp-panaro.example',
    phone: '+39 059 410 2200',
    website: 'https://sfp-panaro.example',
    address: 'Via Emilia Ovest 812, 41123 Modena',
  },
  {
    name: 'Centro Ceramica e Design di Sassuolo',
    taxCode: '02765430368',
    accreditationNote: 'Ente accreditato; sede di esami per le qualifiche del distretto ceramico',
    email: 'segreteria@ccd-sassuolo.example',
    phone: '+39 0536 880 410',
    website: 'https://ccd-sassuolo.example',
    address: 'Via Radici in Piano 150, 41049 Sassuolo',
  },
  {
    name: 'Accademia Logistica Emilia Nord',
    taxCode: '04127780361',
    accreditationNote: 'Ente accreditato; centro autorizzato per la formazione dei carrellisti (Accordo Stato-Regioni 22/02/2012)',
    email: 'info@accademia-logistica.example',
    phone: '+39 059 650 3310',
    website: 'https://accademia-logistica.example',
    address: 'Via dell’Industria 31, 41012 Carpi',
  },
];

interface Template {
  provider: number;
  title: string;
  description: string;
  hours: number;
  weeks: number;
  schedule: string;
  delivery: CourseDelivery;
  comune: [code: string, place: string] | null;
  seats: number;
  costEur: number;
  funding: CourseFunding;
  certificate: string;
  skills: Array<{ uri: string; label: string }>;
}

const MO: [string, string] = ['036023', 'Modena (MO)'];
const CARPI: [string, string] = ['036005', 'Carpi (MO)'];
const SASSUOLO: [string, string] = ['036040', 'Sassuolo (MO)'];
const MIRANDOLA: [string, string] = ['036022', 'Mirandola (MO)'];
const VIGNOLA: [string, string] = ['036046', 'Vignola (MO)'];
const CASTELFRANCO: [string, string] = ['036006', 'Castelfranco Emilia (MO)'];

const TEMPLATES: Template[] = [
  {
    provider: 0,
    title: 'Saldatura a filo MIG/MAG – livello base',
    description: 'Saldatura ad arco su acciaio al carbonio, preparazione dei lembi, lettura del disegno, sicurezza in officina.',
    hours: 80,
    weeks: 5,
    schedule: 'Lunedì–giovedì 8:30–12:30',
    delivery: 'in_person',
    comune: MO,
    seats: 12,
    costEur: 0,
    funding: 'gol',
    certificate: 'Certificazione EN ISO 9606-1',
    skills: [S.weldingEquipment, S.mag],
  },
  {
    provider: 0,
    title: 'Saldatura TIG su acciaio inox',
    description: 'Saldatura TIG di tubi e lamiere sottili, controllo visivo dei giunti.',
    hours: 60,
    weeks: 4,
    schedule: 'Martedì–venerdì 14:00–17:45',
    delivery: 'in_person',
    comune: MIRANDOLA,
    seats: 10,
    costEur: 0,
    funding: 'fse_plus',
    certificate: 'Certificazione EN ISO 9606-1',
    skills: [S.tig, S.arc],
  },
  {
    provider: 2,
    title: 'Carrellista – conduzione di carrelli elevatori semoventi',
    description: 'Modulo giuridico, tecnico e pratico; prova finale di guida.',
    hours: 12,
    weeks: 1,
    schedule: 'Tre mattine 8:30–12:30',
    delivery: 'in_person',
    comune: CARPI,
    seats: 16,
    costEur: 0,
    funding: 'gol',
    certificate: 'Patentino carrellisti',
    skills: [S.forklift, S.forkliftInspection],
  },
  {
    provider: 0,
    title: 'HACCP per addetti alla produzione alimentare',
    description: 'Igiene degli alimenti, autocontrollo e piano HACCP (Reg. CE 852/2004).',
    hours: 12,
    weeks: 1,
    schedule: 'Due giornate 9:00–15:00',
    delivery: 'in_person',
    comune: CASTELFRANCO,
    seats: 20,
    costEur: 120,
    funding: 'a_pagamento',
    certificate: 'Attestato di formazione HACCP',
    skills: [S.haccp, S.foodHygiene],
  },
  {
    provider: 0,
    title: 'Inglese per l’industria – livello A2',
    description: 'Comunicare in reparto, con i fornitori e con i clienti esteri.',
    hours: 40,
    weeks: 8,
    schedule: 'Martedì e giovedì 18:00–20:30, in videoconferenza',
    delivery: 'online',
    comune: null,
    seats: 20,
    costEur: 0,
    funding: 'fse_plus',
    certificate: 'Attestato di frequenza',
    skills: [S.spokenEnglish, S.speakEnglish],
  },
  {
    provider: 2,
    title: 'Inglese commerciale e per la logistica – livello B1',
    description: 'Corrispondenza, documenti di trasporto, telefonate con i vettori.',
    hours: 60,
    weeks: 10,
    schedule: 'Lunedì e mercoledì 18:00–21:00',
    delivery: 'online',
    comune: null,
    seats: 20,
    costEur: 0,
    funding: 'fse_plus',
    certificate: 'Attestato di frequenza',
    skills: [S.writeEnglish, S.speakEnglish],
  },
  {
    provider: 0,
    title: 'Disegno tecnico con CAD 2D e 3D',
    description: 'Messa in tavola, quotatura, modellazione di parti meccaniche.',
    hours: 80,
    weeks: 6,
    schedule: 'Lunedì–giovedì 14:00–17:30',
    delivery: 'in_person',
    comune: MO,
    seats: 12,
    costEur: 0,
    funding: 'gol',
    certificate: 'Attestato di frequenza',
    skills: [S.useCad, S.cad],
  },
  {
    provider: 0,
    title: 'Manutenzione elettrica industriale',
    description: 'Quadri elettrici, ricerca guasti, norme CEI e lavori elettrici in sicurezza (PES/PAV).',
    hours: 120,
    weeks: 8,
    schedule: 'Lunedì–venerdì 8:30–12:30',
    delivery: 'in_person',
    comune: MIRANDOLA,
    seats: 12,
    costEur: 0,
    funding: 'fondi_interprofessionali',
    certificate: 'Attestato di qualifica',
    skills: [S.electrical, S.electricalSafety],
  },
  {
    provider: 0,
    title: 'PLC e automazione industriale',
    description: 'Programmazione di controllori logici, sensori e attuatori, diagnostica di linea.',
    hours: 80,
    weeks: 6,
    schedule: 'Martedì–venerdì 8:30–12:30',
    delivery: 'blended',
    comune: MO,
    seats: 12,
    costEur: 0,
    funding: 'fondo_nuove_competenze',
    certificate: 'Attestato di frequenza',
    skills: [S.plc],
  },
  {
    provider: 2,
    title: 'Logistica di magazzino e gestione delle scorte',
    description: 'Ricevimento merci, picking, inventari, gestionali di magazzino.',
    hours: 60,
    weeks: 4,
    schedule: 'Lunedì–giovedì 9:00–13:00',
    delivery: 'in_person',
    comune: CARPI,
    seats: 18,
    costEur: 0,
    funding: 'gol',
    certificate: 'Attestato di frequenza',
    skills: [S.warehouse, S.stock, S.inventory],
  },
  {
    provider: 2,
    title: 'Competenze digitali di base',
    description: 'Posta elettronica, SPID e servizi pubblici online, fogli di calcolo, sicurezza in rete.',
    hours: 24,
    weeks: 3,
    schedule: 'Mercoledì e venerdì 9:00–13:00',
    delivery: 'blended',
    comune: VIGNOLA,
    seats: 20,
    costEur: 0,
    funding: 'gol',
    certificate: '',
    skills: [S.computer, S.spreadsheets],
  },
  {
    provider: 1,
    title: 'Sicurezza sul lavoro – formazione generale e specifica, rischio alto',
    description: 'D.Lgs. 81/2008 art. 37 e Accordo Stato-Regioni: rischi, prevenzione, dispositivi di protezione.',
    hours: 16,
    weeks: 1,
    schedule: 'Due giornate 8:30–17:30',
    delivery: 'in_person',
    comune: SASSUOLO,
    seats: 25,
    costEur: 0,
    funding: 'gol',
    certificate: 'Attestato di formazione sulla sicurezza',
    skills: [S.safety, S.safetyLaw],
  },
  {
    provider: 1,
    title: 'Ceramica digitale: decorazione a getto d’inchiostro e smalti',
    description: 'Stampa digitale su piastrelle, preparazione e applicazione degli smalti, controllo del tono.',
    hours: 80,
    weeks: 5,
    schedule: 'Lunedì–giovedì 8:30–12:30',
    delivery: 'in_person',
    comune: SASSUOLO,
    seats: 12,
    costEur: 0,
    funding: 'fondo_nuove_competenze',
    certificate: 'Attestato di frequenza',
    skills: [S.glazes, S.glazeCoating],
  },
  {
    provider: 1,
    title: 'Lean manufacturing e qualità in produzione',
    description: '5S, flusso del valore, raccolta dei dati di qualità in reparto.',
    hours: 32,
    weeks: 2,
    schedule: 'Martedì e giovedì 9:00–17:00',
    delivery: 'in_person',
    comune: SASSUOLO,
    seats: 15,
    costEur: 0,
    funding: 'fondi_interprofessionali',
    certificate: 'Attestato di frequenza',
    skills: [S.lean, S.qualityData],
  },
  {
    provider: 1,
    title: 'Conduzione di linee automatiche di produzione',
    description: 'Avvio, sorveglianza e cambio formato delle linee, manutenzione di primo livello.',
    hours: 40,
    weeks: 3,
    schedule: 'Lunedì–mercoledì 14:00–18:00',
    delivery: 'in_person',
    comune: SASSUOLO,
    seats: 14,
    costEur: 0,
    funding: 'gol',
    certificate: 'Attestato di frequenza',
    skills: [S.machines, S.safety],
  },
];

const COURSES = 40;
/** The coming editions filled to the last seat, with a waiting list. */
const FULL_EDITIONS = new Set([27, 31, 35]);

export interface DemoTrainingInput {
  networkId: string;
  staffIds: Map<string, string>;
  cases: DemoCase[];
  now: Date;
}

export async function seedDemoTraining(trx: Executor, input: DemoTrainingInput): Promise<{ courses: number; enrolments: number }> {
  const { networkId, now } = input;
  const rnd = seededRandom(20261202);
  const today = romeToday(now);
  const consultant = input.staffIds.get('orientatrice@ricolloca.example') ?? null;
  const providerIds = await insertDemoProviders(trx, networkId, PROVIDERS, now);

  // Editions every nine days, from about five months ago to seven months ahead.
  const plans = Array.from({ length: COURSES }, (_, i) => {
    const template = TEMPLATES[i % TEMPLATES.length]!;
    const startDate = addDays(today, -150 + i * 9);
    const endDate = addDays(startDate, template.weeks * 7 - 3);
    const deadline = addDays(startDate, -5);
    const status = i === 38 ? 'draft' : i === 33 ? 'cancelled' : endDate < today || deadline < today ? 'closed' : 'open';
    const course: DemoCourse = {
      providerId: providerIds[template.provider]!,
      title: template.title,
      description: template.description,
      hours: template.hours,
      startDate,
      endDate,
      schedule: template.schedule,
      delivery: template.delivery,
      officeId: null,
      comuneCode: template.comune?.[0] ?? null,
      place: template.comune?.[1] ?? '',
      seats: template.seats,
      costCents: template.costEur * 100,
      funding: template.funding,
      enrolmentDeadline: deadline,
      certificate: template.certificate,
      status,
      skills: template.skills,
    };
    return { index: i, course };
  });
  const courseIds = await insertDemoCourses(
    trx,
    networkId,
    plans.map((p) => p.course),
    now,
  );

  const workers = await workersOfCasesWithPeriod(
    trx,
    input.cases.map((c) => c.caseId),
  );
  if (workers.length === 0) return { courses: courseIds.length, enrolments: 0 };
  const enrolments: DemoEnrolment[] = [];
  const services: Array<{ index: number; hours: number; completedOn: string }> = [];
  plans.forEach(({ index, course }, i) => {
    if (course.status === 'draft' || course.status === 'cancelled') return;
    const past = course.endDate < today;
    const running = !past && course.startDate <= today;
    const full = FULL_EDITIONS.has(index);
    const taken = full
      ? course.seats
      : past
        ? Math.min(course.seats, rnd.int(5, 9))
        : running
          ? rnd.int(6, course.seats)
          : rnd.int(2, Math.max(2, course.seats - 3));
    const waiting = full ? rnd.int(3, 5) : 0;
    const chosen = new Set<number>();
    while (chosen.size < Math.min(taken + waiting, workers.length)) chosen.add(rnd.int(0, workers.length - 1));
    // Requests come in the weeks before the start, and never after the day the demo is seeded.
    const asked = addDays(course.startDate, -25) < addDays(today, -14) ? addDays(course.startDate, -25) : addDays(today, -14);
    [...chosen].forEach((w, k) => {
      const worker = workers[w]!;
      const requestedAt = new Date(
        romeToUtc(
          addDays(asked, Math.floor(k / 3)),
          `${String(9 + (k % 8)).padStart(2, '0')}:${String(5 + ((k * 7) % 50)).padStart(2, '0')}`,
        ).getTime(),
      );
      const first: TrainingEnrolmentState = k < taken ? 'enrolled' : 'waiting';
      const moves: DemoEnrolment['moves'] = [{ from: null, to: first, at: requestedAt, reason: '', actorId: consultant }];
      let state: TrainingEnrolmentState = first;
      let hours = 0;
      let completedOn: string | null = null;
      let certificate = false;
      if (past && first === 'enrolled') {
        const endAt = new Date(romeToUtc(course.endDate, '18:00').getTime());
        if (k === 0 && index % 4 === 1) {
          state = 'dropped';
          hours = Math.round(course.hours * 0.3);
          moves.push({
            from: 'enrolled',
            to: 'dropped',
            at: endAt,
            reason: 'Assunto a tempo determinato durante il corso',
            actorId: consultant,
          });
        } else {
          state = 'completed';
          hours = course.hours - (k % 3 === 0 ? Math.min(4, course.hours - 1) : 0);
          completedOn = course.endDate;
          certificate = course.certificate !== '';
          moves.push({ from: 'enrolled', to: 'completed', at: endAt, reason: '', actorId: consultant });
          services.push({ index: enrolments.length, hours, completedOn: course.endDate });
        }
      } else if (running && first === 'enrolled') {
        hours = Math.min(course.hours, Math.round(course.hours * 0.4) + (k % 4));
      }
      enrolments.push({
        officeId: worker.officeId,
        courseId: courseIds[i]!,
        workerId: worker.id,
        state,
        requestedAt,
        hoursAttended: hours,
        completedOn,
        certificateObtained: certificate,
        moves,
      });
    });
  });
  const ids = await insertDemoEnrolments(trx, networkId, enrolments);
  const delivered: DeliveredService[] = services.map((s) => {
    const e = enrolments[s.index]!;
    return {
      networkId,
      officeId: e.officeId,
      workerId: e.workerId,
      programmeId: null,
      staffId: consultant,
      serviceCode: 'training',
      delivery: 'group',
      deliveredOn: s.completedOn,
      minutes: s.hours * 60,
      source: { type: 'course', id: ids[s.index]! },
      createdBy: consultant,
    };
  });
  await recordDeliveredServicesBulk(trx, delivered);
  // A completed course adds the skills it teaches to the worker's profile (source: course), through
  // the same profile write the completion move uses, so the demo's profiles and their versions say so.
  // Only for workers the consultants have profiled: the demo's other workers have no profile yet.
  for (const s of services) {
    const e = enrolments[s.index]!;
    const course = plans.find((_, i) => courseIds[i] === e.courseId)!.course;
    if (course.skills.length === 0 || (await getProfile(trx, e.workerId)).version === 0) continue;
    await addProfileSkills(trx, {
      workerId: e.workerId,
      officeId: e.officeId,
      networkId,
      actorId: consultant,
      skills: course.skills.map((k) => ({ escoUri: k.uri, label: k.label, source: 'course', courseId: e.courseId, keywords: [] })),
      uncheckedReferences: 'demo',
    });
  }
  return { courses: courseIds.length, enrolments: ids.length };
}
