import { DomainError, type Language, type LocalizedText } from '../http/problem.js';

const RANGE_REVERSED: LocalizedText = {
  it: 'La data iniziale è successiva alla finale',
  en: 'The start date is after the end date',
};

export const auditErrors = {
  /** A reversed period is a mistake to point out, not an empty result: the field is named. */
  rangeReversed: (language: Language) =>
    new DomainError('DATE_RANGE_REVERSED', 400, RANGE_REVERSED, {
      errors: [{ path: 'querystring/from', message: RANGE_REVERSED[language] }],
    }),
};
