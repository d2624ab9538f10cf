import { DomainError, defineError } from '../http/problem.js';

/** Errors of the hotline intake (the other outreach errors are in outreach.errors.ts). */
export const hotlineErrors = {
  /** The caller is followed by another office: never created twice; the call can be handed over. */
  workerInOtherOffice: (officeName: string) =>
    new DomainError('WORKER_IN_OTHER_OFFICE', 409, {
      it: `Il lavoratore è seguito dal ${officeName}: passare la chiamata a quella sede.`,
      en: `The worker is followed by ${officeName}: hand the call over to that office.`,
    }),
  handoverNeedsWorker: defineError('HANDOVER_NEEDS_WORKER', 400, {
    it: 'Scegliere il lavoratore seguito dall’altra sede.',
    en: 'Choose the worker followed by the other office.',
  }),
  handoverToOwnOffice: defineError('HANDOVER_TO_OWN_OFFICE', 409, {
    it: 'Il lavoratore è seguito dalla sua sede: registrare la chiamata senza passarla.',
    en: 'The worker is followed by your own office: record the call without handing it over.',
  }),
};
