import { DomainError, defineError, type FieldError } from '../http/problem.js';

export const companyErrors = {
  notFound: defineError('COMPANY_NOT_FOUND', 404, { it: 'L’azienda non esiste.', en: 'The company does not exist.' }),
  cigsCaseNotFound: defineError('CIGS_CASE_NOT_FOUND', 404, { it: 'Il periodo di CIGS non esiste.', en: 'The CIGS case does not exist.' }),
  taxCodeTaken: defineError('COMPANY_TAX_CODE_ALREADY_USED', 409, {
    it: 'Un’azienda con questo codice fiscale è già registrata.',
    en: 'A company with this tax code is already registered.',
  }),
  invalidFields: (errors: FieldError[]) =>
    new DomainError('VALIDATION_FAILED', 400, { it: 'Alcuni dati non sono validi.', en: 'Some fields are not valid.' }, { errors }),
};

/** Field messages in Italian: operators read them next to the field. */
export const fieldMessages = {
  unknownComune: 'Comune sconosciuto: nessun comune ISTAT con questo codice',
  unknownAteco: 'Codice ATECO inesistente nella classificazione ISTAT',
  cigsEndBeforeStart: 'La data di fine della CIGS non può precedere la data di inizio',
  personalTaxCode: 'Codice fiscale di persona fisica non valido',
};
