import { TRAINING_ENROLMENT_STATE_LABELS } from '../../shared/schemas/training-labels.js';
import type { TrainingEnrolmentStateName } from '../../shared/schemas/training.schema.js';
import { defineError, DomainError } from '../http/problem.js';

const italianDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const stateIt = (s: string) => TRAINING_ENROLMENT_STATE_LABELS.it[s as TrainingEnrolmentStateName]?.toLowerCase() ?? s;
const stateEn = (s: string) => TRAINING_ENROLMENT_STATE_LABELS.en[s as TrainingEnrolmentStateName]?.toLowerCase() ?? s;

export const trainingErrors = {
  providerNotFound: defineError('PROVIDER_NOT_FOUND', 404, {
    it: 'L’ente di formazione non esiste.',
    en: 'The training provider does not exist.',
  }),
  providerTaxCodeTaken: defineError('PROVIDER_TAX_CODE_ALREADY_USED', 409, {
    it: 'Esiste già un ente di formazione con questo codice fiscale o partita IVA.',
    en: 'A training provider with this tax code or VAT number already exists.',
  }),
  providerHasCourses: defineError('PROVIDER_HAS_COURSES', 409, {
    it: 'L’ente ha corsi a catalogo: non può essere eliminato.',
    en: 'The provider has courses in the catalogue: it cannot be deleted.',
  }),
  courseNotFound: defineError('COURSE_NOT_FOUND', 404, {
    it: 'Il corso non esiste.',
    en: 'The course does not exist.',
  }),
  officeUnknown: defineError('COURSE_OFFICE_UNKNOWN', 422, {
    it: 'La sede indicata non appartiene alla rete.',
    en: 'The office is not in the network.',
  }),
  unknownSkills: (uris: string[]) =>
    new DomainError(
      'COURSE_SKILL_UNKNOWN',
      422,
      {
        it: `Competenze ESCO sconosciute: ${uris.join(', ')}.`,
        en: `Unknown ESCO skills: ${uris.join(', ')}.`,
      },
      { errors: [{ path: 'body/skills', message: `Competenze ESCO sconosciute: ${uris.join(', ')}` }] },
    ),
  /** A rule between fields broken by a change (the merged course): said beside the field too. */
  invalidDates: (issue: { path: string; message: string }) =>
    new DomainError(
      'COURSE_DATES_INVALID',
      422,
      { it: `${issue.message}.`, en: 'The course dates do not agree.' },
      { errors: [{ path: `body/${issue.path}`, message: issue.message }] },
    ),
  staleVersion: (current: number) =>
    new DomainError(
      'COURSE_VERSION_CONFLICT',
      409,
      {
        it: `Il corso è stato modificato da un’altra persona (ora è alla versione ${current}): ricaricarlo e rifare la modifica.`,
        en: `Someone else changed the course (it is now at version ${current}): reload it and make the change again.`,
      },
      { members: { currentVersion: current } },
    ),
  seatsBelowTaken: (taken: number) =>
    new DomainError('COURSE_SEATS_BELOW_TAKEN', 409, {
      it: `I posti non possono scendere sotto i ${taken} già assegnati.`,
      en: `The seats cannot go below the ${taken} already taken.`,
    }),
  courseNotOpen: (status: string) =>
    new DomainError('COURSE_NOT_OPEN', 422, {
      it:
        status === 'cancelled'
          ? 'Il corso è stato annullato: non si accettano iscrizioni.'
          : 'Le iscrizioni al corso sono chiuse: il corso non è aperto.',
      en: status === 'cancelled' ? 'The course was cancelled: no enrolments are taken.' : 'The course is not open for enrolments.',
    }),
  deadlinePassed: (deadline: string) =>
    new DomainError('ENROLMENT_DEADLINE_PASSED', 422, {
      it: `Le iscrizioni al corso si sono chiuse il ${italianDate(deadline)}.`,
      en: `Enrolments for the course closed on ${deadline}.`,
    }),
  alreadyEnrolled: (state: string) =>
    new DomainError('ALREADY_ENROLLED', 409, {
      it: `Il lavoratore è già iscritto al corso (stato: ${stateIt(state)}).`,
      en: `The worker is already enrolled in the course (state: ${stateEn(state)}).`,
    }),
  workerNotFound: defineError('WORKER_NOT_FOUND', 404, {
    it: 'Il lavoratore non esiste.',
    en: 'The worker does not exist.',
  }),
  enrolmentNotFound: defineError('TRAINING_ENROLMENT_NOT_FOUND', 404, {
    it: 'L’iscrizione al corso non esiste.',
    en: 'The course enrolment does not exist.',
  }),
  moveNotAllowed: (from: string, action: string) =>
    new DomainError('TRAINING_MOVE_NOT_ALLOWED', 409, {
      it: `Con l’iscrizione nello stato «${stateIt(from)}» non si può ${ACTION_IT[action] ?? action}.`,
      en: `An enrolment in the state "${stateEn(from)}" cannot be ${ACTION_EN[action] ?? action}.`,
    }),
  hoursAboveCourse: (hours: number) =>
    new DomainError('HOURS_ABOVE_COURSE', 422, {
      it: `Le ore frequentate non possono superare le ${hours} ore del corso.`,
      en: `The hours attended cannot exceed the course's ${hours} hours.`,
    }),
  noCertificate: defineError('COURSE_AWARDS_NO_CERTIFICATE', 422, {
    it: 'Il corso non rilascia attestati: togliere «attestato conseguito».',
    en: 'The course awards no certificate.',
  }),
  completedBeforeStart: (start: string) =>
    new DomainError('COMPLETION_BEFORE_START', 422, {
      it: `La data di conclusione non può precedere l’inizio del corso (${italianDate(start)}).`,
      en: `The completion date cannot precede the course start (${start}).`,
    }),
  completedInFuture: defineError('COMPLETION_IN_FUTURE', 422, {
    it: 'La data di conclusione non può essere futura.',
    en: 'The completion date cannot be in the future.',
  }),
  comuneUnknown: defineError('COURSE_COMUNE_UNKNOWN', 422, {
    it: 'Il comune indicato non è tra i comuni italiani.',
    en: 'The comune is not a known Italian municipality.',
  }),
  busy: defineError('COURSE_BUSY', 409, {
    it: 'Troppe richieste contemporanee sul corso: riprovare tra qualche secondo.',
    en: 'Too many simultaneous requests on the course: try again in a few seconds.',
  }),
  catalogueInvalid: (count: number, errors: Array<{ path: string; message: string }>) =>
    new DomainError(
      'CATALOGUE_ROWS_INVALID',
      422,
      {
        it: `Il file ha ${count} ${count === 1 ? 'riga con errori' : 'righe con errori'}: nessun corso è stato creato. Correggere e riprovare.`,
        en: `The file has ${count} row(s) with errors: no course was created.`,
      },
      { errors },
    ),
  notAFile: defineError('CATALOGUE_NOT_A_FILE', 415, {
    it: 'Inviare il file del catalogo (CSV o XLSX) come application/octet-stream.',
    en: 'Send the catalogue file (CSV or XLSX) as application/octet-stream.',
  }),
  catalogueEmpty: defineError('CATALOGUE_EMPTY', 422, {
    it: 'Il file non contiene corsi: serve una riga di intestazione e almeno una riga.',
    en: 'The file holds no courses: a header row and at least one row are needed.',
  }),
};

const ACTION_IT: Record<string, string> = {
  withdraw: 'ritirarsi',
  drop: 'registrare l’abbandono',
  complete: 'registrare la conclusione',
  attendance: 'registrare le ore frequentate',
};
const ACTION_EN: Record<string, string> = {
  withdraw: 'withdrawn',
  drop: 'dropped',
  complete: 'completed',
  attendance: 'given hours attended',
};
