import { DomainError, defineError, type FieldError, type Language, type LocalizedText } from '../http/problem.js';

export const workerErrors = {
  notFound: defineError('WORKER_NOT_FOUND', 404, { it: 'Il lavoratore non esiste.', en: 'The worker does not exist.' }),
  officeOutOfScope: defineError('OFFICE_OUT_OF_SCOPE', 403, {
    it: 'Non si possono registrare lavoratori in una sede diversa dalla propria.',
    en: 'You cannot register workers in an office other than your own.',
  }),
  invalidCursor: defineError('INVALID_CURSOR', 400, {
    it: 'Il cursore di paginazione non è valido.',
    en: 'The pagination cursor is not valid.',
  }),
  invalidFields: (errors: FieldError[]) =>
    new DomainError('VALIDATION_FAILED', 400, { it: 'Alcuni dati non sono validi.', en: 'Some fields are not valid.' }, { errors }),
  duplicate: (existingId: string) => new DuplicateWorkerError(existingId),
};

/** 409 with the id of the worker already holding the codice fiscale, so the caller can open it. */
export class DuplicateWorkerError extends DomainError {
  constructor(readonly existingId: string) {
    super(
      'WORKER_ALREADY_REGISTERED',
      409,
      {
        it: 'Un lavoratore con questo codice fiscale è già registrato nella rete.',
        en: 'A worker with this codice fiscale is already registered in the network.',
      },
      { errors: [{ path: 'body/codiceFiscale', message: 'Codice fiscale già registrato' }] },
    );
  }
}

/**
 * Field messages beside the form's fields, in the caller's language (Accept-Language, as the error
 * handler's own field messages). Italian first; each a sentence an operator can act on.
 */
export const workerFieldMessages = {
  unknownComune: { it: 'Comune sconosciuto: nessun comune ISTAT con questo codice', en: 'Unknown comune: no ISTAT comune has this code' },
  unknownCigsCase: { it: 'Periodo di CIGS inesistente', en: 'This CIGS period does not exist' },
  unknownOffice: { it: 'Sede inesistente', en: 'This office does not exist' },
  cfMismatch: (fields: string[], lang: Language) =>
    lang === 'en' ? `The codice fiscale does not match: ${fields.join(', ')}` : `Il codice fiscale non corrisponde a: ${fields.join(', ')}`,
  cfBirthDataMissing: {
    it: 'Indicare data di nascita e sesso oppure lasciarli ricavare dal codice fiscale',
    en: 'Give the birth date and sex, or let them be read from the codice fiscale',
  },
  birthDateInFuture: { it: 'La data di nascita non può essere nel futuro', en: 'The birth date cannot be in the future' },
  birthDateTooEarly: { it: 'La data di nascita non può essere anteriore al 1900', en: 'The birth date cannot be before 1900' },
  unknownCountry: {
    it: 'Cittadinanza sconosciuta: indicare il codice ISO di 2 lettere di uno Stato (es. IT, RO, MA)',
    en: 'Unknown citizenship: give the 2-letter ISO code of a country (e.g. IT, RO, MA)',
  },
} satisfies Record<string, LocalizedText | ((fields: string[], lang: Language) => string)>;

export const CONSISTENCY_FIELD: Record<Language, Record<string, string>> = {
  it: { surname: 'cognome', name: 'nome', birthDate: 'data di nascita', sex: 'sesso', birthPlace: 'luogo di nascita' },
  en: { surname: 'surname', name: 'first name', birthDate: 'birth date', sex: 'sex', birthPlace: 'birth place' },
};
