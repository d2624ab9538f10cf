import { DomainError, defineError, type Language, type LocalizedText } from '../http/problem.js';

const COMUNE_UNKNOWN: LocalizedText = {
  it: 'Comune non trovato: scriverne il nome come nell’elenco ISTAT (per esempio “Reggio nell’Emilia”).',
  en: 'Unknown comune: write its name as in the ISTAT list (for example “Reggio nell’Emilia”).',
};

export const setupErrors = {
  linkInvalid: defineError('SETUP_LINK_INVALID', 403, {
    it: 'Il link di primo accesso non è valido: usare quello stampato da Ricolloca al suo ultimo avvio.',
    en: 'The first-access link is not valid: use the one Ricolloca printed when it last started.',
  }),
  alreadyDone: defineError('SETUP_ALREADY_DONE', 409, {
    it: 'Ricolloca è già configurato: il link di primo accesso non vale più. Accedere con il proprio account.',
    en: 'Ricolloca is already set up: the first-access link no longer works. Sign in with your account.',
  }),
  inProgress: defineError('SETUP_IN_PROGRESS', 409, {
    it: 'La configurazione è già in corso da un’altra finestra: attendere qualche secondo e riprovare.',
    en: 'The set-up is already in progress from another window: wait a few seconds and try again.',
  }),
  comuneUnknown: (language: Language) =>
    new DomainError('COMUNE_UNKNOWN', 400, COMUNE_UNKNOWN, { errors: [{ path: 'body/office/comune', message: COMUNE_UNKNOWN[language] }] }),
};
