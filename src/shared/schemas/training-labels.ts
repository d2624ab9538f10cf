import type { TrainingEnrolmentStateName } from './training.schema.js';

/** Enrolment states in words, for the server's messages (the web's i18n files say the same). */
export const TRAINING_ENROLMENT_STATE_LABELS: Record<'it' | 'en', Record<TrainingEnrolmentStateName, string>> = {
  it: { enrolled: 'Iscritto', waiting: 'In lista d’attesa', withdrawn: 'Ritirato', completed: 'Concluso', dropped: 'Abbandonato' },
  en: { enrolled: 'Enrolled', waiting: 'On the waiting list', withdrawn: 'Withdrawn', completed: 'Completed', dropped: 'Dropped out' },
};
