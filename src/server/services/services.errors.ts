import { DomainError, defineError, type FieldError } from '../http/problem.js';

/** The delivered services' stable error codes, with their Italian and English messages. */
export const serviceErrors = {
  notFound: defineError('SERVICE_NOT_FOUND', 404, {
    it: 'Il servizio erogato non esiste.',
    en: 'The delivered service does not exist.',
  }),
  fromMeeting: defineError('SERVICE_FROM_MEETING', 409, {
    it: 'Questo servizio è stato registrato da un appuntamento o da un incontro di gruppo: si corregge dalla sua presenza in agenda.',
    en: 'This service was recorded from an appointment or a workshop: correct it through its attendance in the agenda.',
  }),
  /** Dates, programme, consultant or office that the worker's situation does not allow, said beside each field. */
  invalid: (errors: FieldError[]) =>
    new DomainError(
      'SERVICE_INVALID',
      422,
      { it: 'Alcuni dati del servizio non sono validi.', en: 'Some details of the service are not valid.' },
      { errors },
    ),
};

/** Field messages of SERVICE_INVALID (Italian: the message ids of shared/api/validation-messages.ts). */
export const serviceFieldMessages = {
  future: 'Il servizio non può avere una data futura',
  beforeProgramme: 'Il servizio è precedente all’iscrizione del lavoratore al programma',
  afterProgramme: 'Il servizio è successivo all’uscita del lavoratore dal programma',
  notWorkerProgramme: 'Scegliere un programma a cui il lavoratore è iscritto',
  consultantNotInOffice: 'Scegliere un operatore della sede',
  officeNotInNetwork: 'Scegliere una sede della rete',
};
