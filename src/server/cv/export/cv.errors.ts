import { DomainError } from '../../http/problem.js';

/** The CVs' stable error codes, with their Italian and English messages. */
export const cvErrors = {
  workerNotFound: () => new DomainError('WORKER_NOT_FOUND', 404, { it: 'Il lavoratore non esiste.', en: 'The worker does not exist.' }),
  cvNotFound: () => new DomainError('CV_NOT_FOUND', 404, { it: 'Questo CV non esiste.', en: 'This CV does not exist.' }),
  staleVersion: (current: number, base: number) =>
    new DomainError(
      'CV_VERSION_CONFLICT',
      409,
      {
        it: `Il CV è stato modificato da un’altra persona (versione ${current}, le modifiche partivano dalla ${base}): ricaricare il CV e ripetere le modifiche, niente è stato salvato.`,
        en: `Someone else changed the CV (version ${current}; these changes started from ${base}): reload the CV and make the changes again; nothing was saved.`,
      },
      { members: { currentVersion: current } },
    ),
  photoTooLarge: () =>
    new DomainError('CV_PHOTO_TOO_LARGE', 413, {
      it: 'La foto supera i 2 MB: sceglierne una più piccola.',
      en: 'The photo is larger than 2 MB: choose a smaller one.',
    }),
  photoNotImage: () =>
    new DomainError('CV_PHOTO_TYPE', 415, {
      it: 'La foto deve essere un’immagine JPEG o PNG.',
      en: 'The photo must be a JPEG or PNG image.',
    }),
  invalidExport: () =>
    new DomainError('CV_EXPORT_INVALID', 500, {
      it: 'Il CV non ha superato la verifica del formato JSON Resume.',
      en: 'The CV failed the JSON Resume schema check.',
    }),
};
