import { DomainError, defineError, type FieldError } from '../http/problem.js';

export const employerErrors = {
  notFound: defineError('EMPLOYER_NOT_FOUND', 404, { it: 'L’azienda non esiste.', en: 'The employer does not exist.' }),
  siteNotFound: defineError('EMPLOYER_SITE_NOT_FOUND', 404, { it: 'La sede non esiste.', en: 'The site does not exist.' }),
  contactNotFound: defineError('EMPLOYER_CONTACT_NOT_FOUND', 404, {
    it: 'Il referente non esiste.',
    en: 'The contact person does not exist.',
  }),
  /** The codice fiscale is the company's identity in the network: one employer per codice fiscale, named. */
  taxCodeTaken: (existing: { id: string; name: string }) =>
    new DomainError(
      'EMPLOYER_TAX_CODE_ALREADY_USED',
      409,
      {
        it: `Con questo codice fiscale è già registrata l’azienda «${existing.name}»: aprire quella.`,
        en: `An employer with this tax code is already registered: «${existing.name}». Open that one.`,
      },
      { members: { employerId: existing.id, employerName: existing.name } },
    ),
  staleVersion: (current: number) =>
    new DomainError(
      'EMPLOYER_VERSION_CONFLICT',
      409,
      {
        it: `L’azienda è stata modificata da un’altra persona (ora è alla versione ${current}): ricaricarla e rifare la modifica.`,
        en: `Someone else changed the employer (it is now at version ${current}): reload it and make the change again.`,
      },
      { members: { currentVersion: current } },
    ),
  invalidFields: (errors: FieldError[]) =>
    new DomainError('VALIDATION_FAILED', 400, { it: 'Alcuni dati non sono validi.', en: 'Some fields are not valid.' }, { errors }),
};

/** Field messages in Italian (message ids, translated in validation-messages.ts): operators read them next to the field. */
export const employerFieldMessages = {
  officeOutsideNetwork: 'La sede indicata non è un centro per l’impiego della rete',
};
