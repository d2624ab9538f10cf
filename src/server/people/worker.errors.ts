import { DomainError, defineError, type FieldError } from '../http/problem.js';

export const workerErrors = {
  notFound: defineError('WORKER_NOT_FOUND', 404, { it: 'Il lavoratore non esiste.', en: 'The worker does not exist.' }),
  officeOutOfScope: defineError('OFFICE_OUT_OF_SCOPE', 403, {
    it: 'Non si possono registrare lavoratori in una sede diversa dalla propria.',
    en: 'You cannot register workers in an office other than your own.',
  }),
  invalidCursor: defineError('INVALID_CURSOR', 400, { it: 'Il cursore di paginazione non è valido.', en: 'The pagination cursor is not valid.' }),
  invalidFields: (errors: FieldError[]) =>
    new DomainError('VALIDATION_FAILED', 400, { it: 'Alcuni dati non sono validi.', en: 'Some fields are not valid.' }, { errors }),
  duplicate: (existingId: string) =>
    new DuplicateWorkerError(existingId),
};

/** 409 with the id of the worker already holding the codice fiscale, so the caller can open it. */
export class DuplicateWorkerError extends DomainError {
  constructor(readonly existingId: string) {
    super('WORKER_ALREADY_REGISTERED', 409, {
      it: 'Un lavoratore con questo codice fiscale è già registrato nella rete.',
      en: 'A worker with this codice fiscale is already registered in the network.',
    }, { errors: [{ path: 'body/codiceFiscale', message: 'Codice fiscale già registrato' }] });
  }
}

export const workerFieldMessages = {
  unknownComune: 'Comune sconosciuto: nessun comune ISTAT con questo codice',
  unknownCigsCase: 'Periodo di CIGS inesistente',
  cfMismatch: (fields: string[]) => `Il codice fiscale non corrisponde a: ${fields.join(', ')}`,
  cfBirthDataMissing: 'Indicare data di nascita e sesso oppure lasciarli ricavare dal codice fiscale',
};

export const CONSISTENCY_FIELD_IT: Record<string, string> = {
  surname: 'cognome',
  name: 'nome',
  birthDate: 'data di nascita',
  sex: 'sesso',
  birthPlace: 'luogo di nascita',
};
