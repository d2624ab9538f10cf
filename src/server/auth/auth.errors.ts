import { PASSWORD_MIN_LENGTH } from '../../shared/schemas/auth.schema.js';
import { DomainError, defineError, type Language, type LocalizedText } from '../http/problem.js';

const PASSWORD_TOO_SHORT: LocalizedText = {
  it: `La password deve avere almeno ${PASSWORD_MIN_LENGTH} caratteri.`,
  en: `The password must be at least ${PASSWORD_MIN_LENGTH} characters long.`,
};
const PASSWORD_TOO_WEAK: LocalizedText = {
  it: 'La password è troppo debole: evitare di usare l’e-mail, il nome o sequenze ripetute.',
  en: 'The password is too weak: avoid your e-mail, your name or repeated sequences.',
};
const PASSWORD_PUBLISHED: LocalizedText = {
  it: 'Questa password è pubblicata (è quella degli account dimostrativi) e chiunque la conosce: sceglierne un’altra.',
  en: 'This password is published (it is the demo accounts’ one) and anybody knows it: choose another.',
};

/** A refused new password: the message is the detail and also stands beside the field it names. */
function passwordProblem(code: string, field: string, language: Language, text: LocalizedText) {
  return new DomainError(code, 400, text, { errors: [{ path: field, message: text[language] }] });
}

export const authErrors = {
  invalidCredentials: defineError('INVALID_CREDENTIALS', 401, {
    it: 'E-mail o password non corretti.',
    en: 'Wrong e-mail or password.',
  }),
  throttled: (retryAfterSeconds: number) =>
    new DomainError(
      'SIGN_IN_THROTTLED',
      429,
      {
        it: `Troppi tentativi di accesso non riusciti. Riprovare tra ${Math.ceil(retryAfterSeconds / 60)} minuti.`,
        en: `Too many failed sign-in attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`,
      },
      { retryAfterSeconds },
    ),
  wrongCurrentPassword: defineError('WRONG_CURRENT_PASSWORD', 400, {
    it: 'La password attuale non è corretta.',
    en: 'The current password is wrong.',
  }),
  passwordReused: defineError('PASSWORD_REUSED', 400, {
    it: 'La nuova password deve essere diversa da quella attuale.',
    en: 'The new password must differ from the current one.',
  }),
  passwordTooShort: (field: string, language: Language) => passwordProblem('PASSWORD_TOO_SHORT', field, language, PASSWORD_TOO_SHORT),
  passwordTooWeak: (field: string, language: Language) => passwordProblem('PASSWORD_TOO_WEAK', field, language, PASSWORD_TOO_WEAK),
  passwordPublished: (field: string, language: Language) => passwordProblem('PASSWORD_PUBLISHED', field, language, PASSWORD_PUBLISHED),
  passwordChangeRequired: defineError('PASSWORD_CHANGE_REQUIRED', 403, {
    it: 'Prima di continuare è necessario cambiare la password temporanea.',
    en: 'You must change your temporary password before continuing.',
  }),
  officeNotAssigned: defineError('OFFICE_NOT_ASSIGNED', 403, {
    it: 'Non si ha alcun ruolo nella sede scelta.',
    en: 'You hold no role in the chosen office.',
  }),
  staffNotFound: defineError('STAFF_NOT_FOUND', 404, {
    it: 'L’account del personale non esiste.',
    en: 'The staff account does not exist.',
  }),
  emailTaken: defineError('EMAIL_ALREADY_USED', 409, {
    it: 'Esiste già un account con questa e-mail.',
    en: 'An account with this e-mail already exists.',
  }),
  officeOutsideNetwork: defineError('OFFICE_OUTSIDE_NETWORK', 400, {
    it: 'Una delle sedi indicate non appartiene alla rete di cui si è amministratori.',
    en: 'One of the offices given is not in the network you administer.',
  }),
  cannotDisableSelf: defineError('CANNOT_DISABLE_SELF', 409, {
    it: 'Non è possibile disattivare il proprio account.',
    en: 'You cannot disable your own account.',
  }),
  cannotRemoveOwnAdmin: defineError('CANNOT_REMOVE_OWN_ADMIN', 409, {
    it: 'Non è possibile togliersi il ruolo di amministratore nella sede in cui si lavora.',
    en: 'You cannot remove your own administrator role in the office you are working in.',
  }),
};
