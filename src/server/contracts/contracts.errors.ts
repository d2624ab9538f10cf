import { defineError, DomainError, type FieldError } from '../http/problem.js';

export const contractErrors = {
  minimumNotFound: defineError('CCNL_MINIMUM_NOT_FOUND', 404, {
    it: 'La tabella dei minimi non esiste.',
    en: 'The minimum pay table does not exist.',
  }),
  stale: defineError('CCNL_MINIMUM_VERSION_CONFLICT', 409, {
    it: 'Qualcun altro ha modificato la tabella dei minimi nel frattempo: ricaricare la pagina e riprovare.',
    en: 'Someone else changed the minimum pay table in the meantime: reload the page and try again.',
  }),
  invalidFields: (errors: FieldError[]) =>
    new DomainError('VALIDATION_FAILED', 400, { it: 'Alcuni dati non sono validi.', en: 'Some fields are not valid.' }, { errors }),
};

/** Field messages in Italian (the ids of validation-messages.ts): shown beside the field. */
export const contractFieldMessages = {
  unknownCcnl: 'Contratto collettivo sconosciuto nell’archivio CNEL',
  overlap: 'Periodo sovrapposto a un’altra tabella dei minimi dello stesso contratto e livello',
};
