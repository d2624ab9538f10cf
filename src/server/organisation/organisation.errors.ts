import { defineError } from '../http/problem.js';

export const organisationErrors = {
  officeNotFound: defineError('OFFICE_NOT_FOUND', 404, {
    it: 'La sede non esiste.',
    en: 'The office does not exist.',
  }),
  officeCodeTaken: defineError('OFFICE_CODE_ALREADY_USED', 409, {
    it: 'Esiste già una sede con questo codice.',
    en: 'An office with this code already exists.',
  }),
};
