import { APPLICATION_STATE_LABELS, type ApplicationStateName } from '../../shared/schemas/applications.schema.js';
import { defineError, DomainError, type FieldError } from '../http/problem.js';

const stateIt = (s: string) => APPLICATION_STATE_LABELS.it[s as ApplicationStateName]?.toLowerCase() ?? s;
const stateEn = (s: string) => APPLICATION_STATE_LABELS.en[s as ApplicationStateName]?.toLowerCase() ?? s;

const ACTION_IT: Record<string, string> = {
  preselect: 'preselezionare',
  send: 'inviare all’azienda',
  interview: 'portare a colloquio',
  offer: 'segnare con un’offerta di assunzione',
  hire: 'chiudere con l’assunzione',
  refuse: 'segnare come rifiutata dall’azienda',
  decline: 'segnare come rinuncia del lavoratore',
  withdraw: 'ritirare',
  expire: 'far scadere',
};

export const applicationErrors = {
  notFound: defineError('APPLICATION_NOT_FOUND', 404, { it: 'La candidatura non esiste.', en: 'The application does not exist.' }),
  vacancyNotFound: defineError('VACANCY_NOT_FOUND', 404, { it: 'L’offerta di lavoro non esiste.', en: 'The vacancy does not exist.' }),
  workerNotFound: defineError('WORKER_NOT_FOUND', 404, {
    it: 'Lavoratore non trovato tra quelli della sede.',
    en: 'Worker not found among the office’s workers.',
  }),
  otherOffice: defineError('APPLICATION_OTHER_OFFICE', 403, {
    it: 'La candidatura è seguita da un’altra sede: solo quella sede può farla avanzare.',
    en: 'The application is handled by another office: only that office can move it.',
  }),
  moveForbidden: defineError('APPLICATION_MOVE_FORBIDDEN', 403, {
    it: 'Il proprio ruolo non consente questo passaggio della candidatura.',
    en: 'Your role does not allow this move of the application.',
  }),
  stale: defineError('APPLICATION_VERSION_CONFLICT', 409, {
    it: 'Qualcun altro ha modificato la candidatura nel frattempo: ricaricare la pagina e riprovare.',
    en: 'Someone else changed the application in the meantime: reload the page and try again.',
  }),
  moveNotAllowed: (from: string, action: string) =>
    new DomainError('APPLICATION_MOVE_NOT_ALLOWED', 409, {
      it: `Una candidatura nello stato «${stateIt(from)}» non si può ${ACTION_IT[action] ?? action}.`,
      en: `An application in the state "${stateEn(from)}" cannot be moved by "${action}".`,
    }),
  alreadyProposed: (officeName: string) =>
    new DomainError(
      'APPLICATION_ALREADY_PROPOSED',
      409,
      {
        it: `Il lavoratore è già candidato a questa offerta: l’ha proposto la sede ${officeName}.`,
        en: `The worker is already an applicant for this vacancy: proposed by the office ${officeName}.`,
      },
      { members: { officeName } },
    ),
  vacancyNotOpen: defineError('APPLICATION_VACANCY_NOT_OPEN', 422, {
    it: 'Si propongono candidati solo a offerte pubblicate.',
    en: 'Candidates are proposed only to published vacancies.',
  }),
  /** The worker's consent to share their profile with employers (Reg. UE 2016/679 art. 6(1)(a)). */
  consentMissing: defineError('APPLICATION_CONSENT_MISSING', 422, {
    it: 'Manca il consenso del lavoratore all’«Invio del profilo alle aziende»: registrarlo sulla sua scheda prima di inviare la candidatura.',
    en: 'The worker has not consented to «Profile shared with employers»: record it on their page before sending the application.',
  }),
  checklistNotOpen: defineError('APPLICATION_CHECKLIST_NOT_OPEN', 409, {
    it: 'La lista di controllo del contratto si compila con la candidatura all’offerta di assunzione o assunta.',
    en: 'The contract checklist is filled in once the application reaches the job offer or the hire.',
  }),
  noOfferTerms: defineError('APPLICATION_NO_OFFER_TERMS', 409, {
    it: 'Le condizioni dell’offerta non sono registrate: i fatti per gli incentivi si indicano con l’offerta.',
    en: 'The offer’s terms are not recorded: the facts for the incentives are given with the offer.',
  }),
  resendNotOpen: defineError('APPLICATION_RESEND_NOT_OPEN', 409, {
    it: 'Il candidato si invia di nuovo all’azienda solo con la candidatura inviata o a colloquio.',
    en: 'The candidate is sent to the employer again only while the application is sent or at interview.',
  }),
  outcomeLinkInvalid: defineError('APPLICATION_LINK_INVALID', 404, {
    it: 'Il link non è valido. Per informazioni contatti il Centro per l’impiego che le ha inviato il candidato.',
    en: 'The link is not valid. Please contact the job centre that sent you the candidate.',
  }),
  outcomeLinkExpired: defineError('APPLICATION_LINK_EXPIRED', 410, {
    it: 'Il link è scaduto o l’esito di questo candidato è già stato registrato. Per informazioni contatti il Centro per l’impiego.',
    en: 'The link has expired or the outcome for this candidate has already been recorded. Please contact the job centre.',
  }),
  invalidFields: (errors: FieldError[]) =>
    new DomainError('VALIDATION_FAILED', 400, { it: 'Alcuni dati non sono validi.', en: 'Some fields are not valid.' }, { errors }),
};

/** Field messages in Italian (the ids of validation-messages.ts): shown beside the field. */
export const applicationFieldMessages = {
  reasonRequired: 'Scegliere il motivo',
  unknownReason: 'Motivo non previsto per questo passaggio',
  noteRequired: 'Con «Altro» descrivere il motivo nella nota',
  cvRequired: 'Scegliere il CV da inviare',
  cvOfAnotherWorker: 'Il CV non è di questo lavoratore',
  interviewRequired: 'Indicare data, ora e luogo del colloquio',
  hireRequired: 'Indicare il tipo di contratto e la data di inizio',
  offerRequired: 'Indicare le condizioni dell’offerta',
  startDateInPast: 'La data di inizio non può essere nel passato',
  unknownCcnl: 'Contratto collettivo sconosciuto nell’archivio CNEL',
  unknownChecklistItem: 'Voce della lista di controllo sconosciuta',
};
