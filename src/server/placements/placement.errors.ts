import { defineError, DomainError, type FieldError } from '../http/problem.js';

export const placementErrors = {
  notFound: defineError('PLACEMENT_NOT_FOUND', 404, { it: 'L’assunzione non esiste.', en: 'The placement does not exist.' }),
  followUpNotFound: defineError('FOLLOW_UP_NOT_FOUND', 404, { it: 'La verifica non esiste.', en: 'The follow-up does not exist.' }),
  otherOffice: defineError('PLACEMENT_OTHER_OFFICE', 403, {
    it: 'L’assunzione è seguita da un’altra sede: solo quella sede registra verifiche e chiusure.',
    en: 'The placement is followed by another office: only that office records follow-ups and ends.',
  }),
  stale: defineError('PLACEMENT_VERSION_CONFLICT', 409, {
    it: 'Qualcun altro ha modificato l’assunzione nel frattempo: ricaricare la pagina e riprovare.',
    en: 'Someone else changed the placement in the meantime: reload the page and try again.',
  }),
  alreadyAnswered: defineError('FOLLOW_UP_ALREADY_ANSWERED', 409, {
    it: 'La verifica è già stata registrata.',
    en: 'The follow-up has already been recorded.',
  }),
  alreadyEnded: defineError('PLACEMENT_ALREADY_ENDED', 409, {
    it: 'L’assunzione risulta già conclusa.',
    en: 'The placement has already ended.',
  }),
  invalidFields: (errors: FieldError[]) =>
    new DomainError('VALIDATION_FAILED', 400, { it: 'Alcuni dati non sono validi.', en: 'Some fields are not valid.' }, { errors }),
};

export const placementFieldMessages = {
  endBeforeStart: 'La data di fine non può precedere l’inizio del rapporto',
  endInFuture: 'La data di fine non può essere nel futuro',
};
