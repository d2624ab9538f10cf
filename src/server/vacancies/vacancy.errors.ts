import { VACANCY_STATE_LABELS } from '../../shared/schemas/vacancy-labels.js';
import type { VacancyStateName } from '../../shared/schemas/vacancies.schema.js';
import { defineError, DomainError, type FieldError } from '../http/problem.js';

const stateIt = (s: string) => VACANCY_STATE_LABELS.it[s as VacancyStateName]?.toLowerCase() ?? s;
const stateEn = (s: string) => VACANCY_STATE_LABELS.en[s as VacancyStateName]?.toLowerCase() ?? s;

const ACTION_IT: Record<string, string> = {
  publish: 'pubblicare',
  fill: 'segnare come coperta',
  close: 'chiudere',
  reopen: 'riaprire',
  expire: 'far scadere',
};

export const vacancyErrors = {
  notFound: defineError('VACANCY_NOT_FOUND', 404, { it: 'L’offerta di lavoro non esiste.', en: 'The vacancy does not exist.' }),
  notOwner: defineError('VACANCY_OTHER_OFFICE', 403, {
    it: 'L’offerta appartiene a un’altra sede: solo la sede che la gestisce può modificarla.',
    en: 'The vacancy belongs to another office: only the office that owns it can change it.',
  }),
  stale: defineError('VACANCY_VERSION_CONFLICT', 409, {
    it: 'Qualcun altro ha modificato l’offerta nel frattempo: ricaricare la pagina e riprovare.',
    en: 'Someone else changed the vacancy in the meantime: reload the page and try again.',
  }),
  notEditable: (state: string) =>
    new DomainError('VACANCY_NOT_EDITABLE', 409, {
      it: `Un’offerta nello stato «${stateIt(state)}» non si modifica: solo bozze e offerte pubblicate.`,
      en: `A vacancy in the state "${stateEn(state)}" cannot be edited: only drafts and published vacancies.`,
    }),
  moveNotAllowed: (from: string, action: string) =>
    new DomainError('VACANCY_MOVE_NOT_ALLOWED', 409, {
      it: `Un’offerta nello stato «${stateIt(from)}» non si può ${ACTION_IT[action] ?? action}.`,
      en: `A vacancy in the state "${stateEn(from)}" cannot be moved by "${action}".`,
    }),
  noPositionLeft: defineError('VACANCY_NO_POSITION_LEFT', 409, {
    it: 'L’offerta non ha più posti liberi: tutte le posizioni sono già coperte, oppure non è pubblicata.',
    en: 'The vacancy has no position left: every position is taken, or it is not published.',
  }),
  invalidFields: (errors: FieldError[]) =>
    new DomainError('VALIDATION_FAILED', 400, { it: 'Alcuni dati non sono validi.', en: 'Some fields are not valid.' }, { errors }),
};

/** Field messages in Italian (the ids of validation-messages.ts): shown beside the field. */
export const vacancyFieldMessages = {
  unknownComune: 'Comune sconosciuto: nessun comune ISTAT con questo codice',
  unknownSite: 'Sede dell’azienda sconosciuta nella rete',
  siteOfAnotherEmployer: 'La sede non è di questa azienda',
  unknownOffice: 'Sede del Centro per l’impiego non gestita da chi scrive',
  unknownOccupation: 'Professione ESCO sconosciuta',
  unknownCp2011: 'Professione CP2011 sconosciuta',
  unknownSkill: 'Competenza ESCO sconosciuta',
  unknownEducation: 'Titolo di studio ISTAT sconosciuto',
  unknownCcnl: 'Contratto collettivo sconosciuto nell’archivio CNEL',
  reasonRequired: 'Inserire il motivo',
  filledAbovePositions: 'Le posizioni coperte non possono superare quelle offerte',
};
