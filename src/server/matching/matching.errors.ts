import { defineError, DomainError, type FieldError } from '../http/problem.js';

export const matchingErrors = {
  vacancyNotFound: defineError('VACANCY_NOT_FOUND', 404, { it: 'L’offerta di lavoro non esiste.', en: 'The vacancy does not exist.' }),
  invalidFilters: (errors: FieldError[]) =>
    new DomainError('VALIDATION_FAILED', 400, { it: 'Alcuni filtri non sono validi.', en: 'Some filters are not valid.' }, { errors }),
};

/** Field messages in Italian (the ids of validation-messages.ts): shown beside the filter. */
export const matchingFieldMessages = {
  unknownComune: 'Comune sconosciuto: nessun comune ISTAT con questo codice',
  unknownOffice: 'Sede del Centro per l’impiego sconosciuta nella rete',
};
