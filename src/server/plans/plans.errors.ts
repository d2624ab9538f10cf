import { DomainError, defineError } from '../http/problem.js';

export const planErrors = {
  planNotFound: defineError('PLAN_NOT_FOUND', 404, { it: 'Il patto di servizio non esiste.', en: 'The action plan does not exist.' }),
  workerNotFound: defineError('WORKER_NOT_FOUND', 404, { it: 'Il lavoratore non esiste.', en: 'The worker does not exist.' }),
  actionNotFound: defineError('PLAN_ACTION_NOT_FOUND', 404, {
    it: 'L’azione non esiste in questo patto.',
    en: 'The action does not exist in this plan.',
  }),
  themeNotFound: defineError('PLAN_THEME_NOT_FOUND', 404, {
    it: 'Il tema non esiste in questo patto.',
    en: 'The theme does not exist in this plan.',
  }),
  objectiveNotFound: defineError('PLAN_OBJECTIVE_NOT_FOUND', 404, {
    it: 'L’obiettivo non esiste in questo patto.',
    en: 'The objective does not exist in this plan.',
  }),
  themeTitleTaken: defineError('PLAN_THEME_TITLE_TAKEN', 409, {
    it: 'Il patto ha già un tema con questo titolo: sceglierne un altro.',
    en: 'The plan already has a theme with this title: choose another one.',
  }),
  objectiveTitleTaken: defineError('PLAN_OBJECTIVE_TITLE_TAKEN', 409, {
    it: 'Il tema ha già un obiettivo con questo titolo: sceglierne un altro.',
    en: 'The theme already has an objective with this title: choose another one.',
  }),
  notEnrolled: defineError('PLAN_WORKER_NOT_IN_PROGRAMME', 422, {
    it: 'Il lavoratore non ha un posto in questo programma (registrato, valutato o iscritto): registrarlo prima di preparare il patto.',
    en: 'The worker has no place in this programme (registered, assessed or enrolled): register them before drafting the plan.',
  }),
  openPlanExists: defineError('PLAN_ALREADY_OPEN', 409, {
    it: 'Il lavoratore ha già un patto aperto per questo programma: modificare quello o chiuderlo prima.',
    en: 'The worker already has an open plan for this programme: edit it or close it first.',
  }),
  staleVersion: (current: number) =>
    new DomainError(
      'PLAN_VERSION_CONFLICT',
      409,
      {
        it: `Il patto è stato modificato da un’altra persona (ora è alla versione ${current}): ricaricarlo e rifare la modifica.`,
        en: `Someone else changed the plan (it is now at version ${current}): reload it and make the change again.`,
      },
      { members: { currentVersion: current } },
    ),
  closed: defineError('PLAN_CLOSED', 409, {
    it: 'Il patto è chiuso: non si può più modificare.',
    en: 'The plan is closed: it can no longer be changed.',
  }),
  moveNotAllowed: (state: string, action: string) =>
    new DomainError(
      'PLAN_MOVE_NOT_ALLOWED',
      409,
      {
        it: `Nello stato attuale del patto («${STATE_IT[state] ?? state}») non si può ${ACTION_IT[action] ?? action}.`,
        en: `The plan is ${state.replace('_', ' ')}: it cannot be ${ACTION_EN[action] ?? action} now.`,
      },
      { members: { state } },
    ),
  consultantNotInOffice: defineError('PLAN_CONSULTANT_NOT_IN_OFFICE', 422, {
    it: 'L’operatore di riferimento deve essere un orientatore o coordinatore della sede del lavoratore.',
    en: 'The consultant of reference must be a consultant or coordinator of the worker’s office.',
  }),
  officeListForbidden: defineError('PLAN_OFFICE_LIST_FORBIDDEN', 403, {
    it: 'Solo il coordinatore della sede vede le azioni di tutti i patti della sede.',
    en: 'Only the office’s coordinator sees the actions of every plan of the office.',
  }),
  otpNotAvailable: defineError('PLAN_OTP_NOT_AVAILABLE', 422, {
    it: 'La firma con codice OTP sarà possibile quando il lavoratore avrà l’accesso ai servizi online: per ora firmare su carta o di persona.',
    en: 'Signing by OTP will be possible once workers have online self-service: for now sign on paper or in person.',
  }),
  dateInFuture: defineError('PLAN_DATE_IN_FUTURE', 422, {
    it: 'La data non può essere successiva a oggi.',
    en: 'The date cannot be later than today.',
  }),
  dateBeforeSignature: defineError('PLAN_DATE_BEFORE_SIGNATURE', 422, {
    it: 'La data non può precedere la firma del patto.',
    en: 'The date cannot be before the plan was signed.',
  }),
  noActions: defineError('PLAN_WITHOUT_ACTIONS', 422, {
    it: 'Il patto non ha ancora azioni: aggiungere almeno un’azione prima della firma.',
    en: 'The plan has no actions yet: add at least one action before signing.',
  }),
};

const STATE_IT: Record<string, string> = { draft: 'bozza', signed: 'firmato', under_review: 'in revisione', closed: 'chiuso' };
const ACTION_IT: Record<string, string> = {
  sign: 'firmarlo',
  review: 'registrare una verifica',
  revise: 'aprire una revisione',
  close: 'chiuderlo',
};
const ACTION_EN: Record<string, string> = { sign: 'signed', review: 'reviewed', revise: 'revised', close: 'closed' };
