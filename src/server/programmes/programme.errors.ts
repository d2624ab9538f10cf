import { ENROLLMENT_STATE_LABELS, type EnrollmentStateName } from '../../shared/schemas/programmes.schema.js';
import { defineError, DomainError } from '../http/problem.js';

export const programmeErrors = {
  programmeNotFound: defineError('PROGRAMME_NOT_FOUND', 404, {
    it: 'Il programma non esiste.',
    en: 'The programme does not exist.',
  }),
  programmeCodeTaken: defineError('PROGRAMME_CODE_ALREADY_USED', 409, {
    it: 'Esiste già un programma con questo codice.',
    en: 'A programme with this code already exists.',
  }),
  programmeNotOpen: defineError('PROGRAMME_NOT_OPEN', 409, {
    it: 'Il programma non è aperto alle iscrizioni.',
    en: 'The programme is not open for registrations.',
  }),
  unknownOffice: defineError('PROGRAMME_OFFICE_UNKNOWN', 400, {
    it: 'Una delle sedi indicate non appartiene alla rete.',
    en: 'One of the offices is not in the network.',
  }),
  workerNotFound: defineError('WORKER_NOT_FOUND', 404, {
    it: 'Il lavoratore non esiste.',
    en: 'The worker does not exist.',
  }),
  enrollmentNotFound: defineError('ENROLLMENT_NOT_FOUND', 404, {
    it: 'L’iscrizione non esiste.',
    en: 'The enrollment does not exist.',
  }),
  alreadyRegistered: (state: string) =>
    new DomainError('ENROLLMENT_ALREADY_EXISTS', 409, {
      it: `Il lavoratore è già nel programma (stato: ${ENROLLMENT_STATE_LABELS.it[state as EnrollmentStateName]?.toLowerCase() ?? state}).`,
      en: `The worker is already in the programme (state: ${ENROLLMENT_STATE_LABELS.en[state as EnrollmentStateName]?.toLowerCase() ?? state}).`,
    }),
  notEligible: (reasons: string[], reasonsEn: string[] = reasons) =>
    new DomainError('WORKER_NOT_ELIGIBLE', 422, {
      it: `Il lavoratore non ha i requisiti del programma: ${reasons.join('; ')}.`,
      en: `The worker does not meet the programme's requirements: ${reasonsEn.join('; ')}.`,
    }),
  transitionNotAllowed: (from: string, to: string) =>
    new DomainError('TRANSITION_NOT_ALLOWED', 409, {
      it: `Il passaggio da «${from}» a «${to}» non è consentito.`,
      en: `The move from "${from}" to "${to}" is not allowed.`,
    }),
  transitionForbidden: defineError('TRANSITION_FORBIDDEN', 403, {
    it: 'Il suo ruolo non consente questo passaggio.',
    en: 'Your role does not allow this move.',
  }),
  reasonRequired: defineError('TRANSITION_REASON_REQUIRED', 400, {
    it: 'Indicare il motivo del passaggio.',
    en: 'Give the reason for this move.',
  }),
  capacityBelowUsed: (used: number) =>
    new DomainError('CAPACITY_BELOW_USED', 409, {
      it: `La capienza non può scendere sotto i ${used} posti già occupati.`,
      en: `The capacity cannot go below the ${used} places already taken.`,
    }),
  busy: defineError('PROGRAMME_BUSY', 409, {
    it: 'Troppe richieste contemporanee sul programma: riprovare tra qualche secondo.',
    en: 'Too many simultaneous requests on the programme: try again in a few seconds.',
  }),
  notificationNotFound: defineError('NOTIFICATION_NOT_FOUND', 404, {
    it: 'La notifica non esiste.',
    en: 'The notification does not exist.',
  }),
};

/** Italian reasons of ineligibility (shown to operators as they are). */
/** Why a worker does not meet a programme's rules, in both languages of the interface. */
export const INELIGIBILITY_REASONS = {
  noCigsCase: { it: 'nessun caso di CIGS collegato al lavoratore', en: 'no CIGS case linked to the worker' },
  reasonNotCovered: (reason: string) => ({
    it: `causale CIGS «${reason}» non prevista dal programma`,
    en: `CIGS reason “${reason}” not covered by the programme`,
  }),
  cigsNotActive: (day: string) => ({ it: `CIGS non attiva il ${day}`, en: `CIGS not active on ${day}` }),
  officeNotInProgramme: {
    it: 'la sede del lavoratore non partecipa al programma',
    en: 'the worker’s office does not take part in the programme',
  },
  otherNetwork: { it: 'il lavoratore appartiene a un’altra rete', en: 'the worker belongs to another network' },
} as const;
