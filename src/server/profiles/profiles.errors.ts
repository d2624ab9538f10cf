import { DomainError, type FieldError } from '../http/problem.js';

/** The profiles' stable error codes, with their Italian and English messages. */
export const profileErrors = {
  workerNotFound: () => new DomainError('WORKER_NOT_FOUND', 404, { it: 'Il lavoratore non esiste.', en: 'The worker does not exist.' }),
  versionNotFound: () =>
    new DomainError('PROFILE_VERSION_NOT_FOUND', 404, {
      it: 'Questa versione del profilo non esiste.',
      en: 'This version of the profile does not exist.',
    }),
  staleVersion: (current: number, base: number) =>
    new DomainError(
      'PROFILE_VERSION_CONFLICT',
      409,
      {
        it: `Il profilo è stato modificato da un’altra persona (versione ${current}, le modifiche partivano dalla ${base}): ricaricare il profilo e ripetere le modifiche, niente è stato salvato.`,
        en: `Someone else changed the profile (version ${current}; these changes started from ${base}): reload the profile and make the changes again; nothing was saved.`,
      },
      { members: { currentVersion: current } },
    ),
  invalidDocument: (errors: FieldError[]) =>
    new DomainError(
      'PROFILE_INVALID',
      422,
      { it: 'Il profilo contiene dati non validi.', en: 'The profile holds invalid data.' },
      { errors },
    ),
  unknownReferences: (errors: FieldError[]) =>
    new DomainError(
      'PROFILE_UNKNOWN_REFERENCE',
      422,
      {
        it: 'Il profilo nomina codici o concetti che le classificazioni caricate non conoscono.',
        en: 'The profile names codes or concepts the loaded classifications do not know.',
      },
      { errors },
    ),
  impossibleDates: (errors: FieldError[]) =>
    new DomainError(
      'PROFILE_IMPOSSIBLE_DATE',
      422,
      { it: 'Il profilo contiene date impossibili.', en: 'The profile holds impossible dates.' },
      { errors },
    ),
};
