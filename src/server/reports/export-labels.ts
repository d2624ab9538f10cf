import { ENROLLMENT_STATE_LABELS } from '../../shared/schemas/programmes.schema.js';
import type { Language } from '../http/problem.js';

/**
 * The words of the dashboard exports, in Italian and English: headers, sheet names and the
 * statuses as the screen shows them ("Aperto", "Invitato", "In lista d’attesa"). The status words
 * are those of the web app (src/web/i18n); export-labels.unit.test.ts keeps the two equal.
 */
const labels = {
  it: {
    sheets: {
      programmes: 'Programmi',
      offices: 'Sedi',
      companies: 'Aziende',
      waiting: 'Lista d’attesa',
      expiring: 'CIGS in scadenza',
      outreach: 'Contatti',
    },
    headers: {
      code: 'Codice',
      programme: 'Programma',
      status: 'Stato',
      capacity: 'Posti',
      used: 'Occupati',
      free: 'Liberi',
      waiting: 'In attesa',
      eligible: 'Aventi diritto',
      contacted: 'Contattati',
      registered: 'Iscritti',
      enrolled: 'Con patto di servizio',
      placed: 'Collocati',
      office: 'Sede',
      placesUsed: 'Posti occupati',
      company: 'Azienda',
      position: 'Posizione',
      worker: 'Lavoratore',
      cigsEnd: 'Fine CIGS',
      requestedAt: 'Richiesta il',
      daysLeft: 'Giorni rimasti',
      programmeState: 'Stato nel programma',
      outcome: 'Esito',
      workers: 'Lavoratori',
    },
    programmeStatus: { draft: 'Bozza', open: 'Aperto', closed: 'Chiuso' } as Record<string, string>,
    enrollmentStates: ENROLLMENT_STATE_LABELS.it as Record<string, string>,
    notInProgramme: 'Non presente',
    outreachStatus: {
      not_contacted: 'Non contattato',
      invited: 'Invitato',
      reminded: 'Sollecitato',
      registered: 'Iscritto',
      declined: 'Rifiuta',
      unreachable: 'Irreperibile',
    } as Record<string, string>,
  },
  en: {
    sheets: {
      programmes: 'Programmes',
      offices: 'Offices',
      companies: 'Companies',
      waiting: 'Waiting list',
      expiring: 'CIGS ending',
      outreach: 'Outreach',
    },
    headers: {
      code: 'Code',
      programme: 'Programme',
      status: 'Status',
      capacity: 'Places',
      used: 'Taken',
      free: 'Free',
      waiting: 'Waiting',
      eligible: 'Eligible',
      contacted: 'Contacted',
      registered: 'Registered',
      enrolled: 'With service agreement',
      placed: 'Placed',
      office: 'Office',
      placesUsed: 'Places taken',
      company: 'Company',
      position: 'Position',
      worker: 'Worker',
      cigsEnd: 'CIGS end',
      requestedAt: 'Requested on',
      daysLeft: 'Days left',
      programmeState: 'State in the programme',
      outcome: 'Outcome',
      workers: 'Workers',
    },
    programmeStatus: { draft: 'Draft', open: 'Open', closed: 'Closed' } as Record<string, string>,
    enrollmentStates: ENROLLMENT_STATE_LABELS.en as Record<string, string>,
    notInProgramme: 'Not in the programme',
    outreachStatus: {
      not_contacted: 'Not contacted',
      invited: 'Invited',
      reminded: 'Reminded',
      registered: 'Registered',
      declined: 'Declined',
      unreachable: 'Unreachable',
    } as Record<string, string>,
  },
} satisfies Record<Language, unknown>;

export type ExportLabels = (typeof labels)['it'];

export const exportLabels = (language: Language): ExportLabels => labels[language];
