import { defineError } from '../http/problem.js';

export const skillGapErrors = {
  workerNotFound: defineError('WORKER_NOT_FOUND', 404, {
    it: 'Il lavoratore non esiste o non è della sua sede.',
    en: 'The worker does not exist or is not in your office.',
  }),
  occupationNotFound: defineError('OCCUPATION_NOT_FOUND', 404, {
    it: 'La professione non è nell’ESCO caricato.',
    en: 'The occupation is not in the ESCO release loaded.',
  }),
};
