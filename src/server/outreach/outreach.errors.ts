import { formatItalianDate } from '../../shared/time/rome-date.js';
import { DomainError, defineError, type Language } from '../http/problem.js';

export const outreachErrors = {
  officeNotFound: defineError('OFFICE_NOT_FOUND', 404, { it: 'La sede non esiste.', en: 'The office does not exist.' }),
  invalidPhone: defineError('INVALID_PHONE', 400, { it: 'Il numero di telefono non è valido.', en: 'The phone number is not valid.' }),
  workerNotFound: defineError('WORKER_NOT_FOUND', 404, {
    it: 'Il lavoratore non esiste o non è della sua sede.',
    en: 'The worker does not exist or is not in your office.',
  }),
  workerInOtherOffice: defineError('WORKER_IN_OTHER_OFFICE', 409, {
    it: 'Un lavoratore con questo codice fiscale è seguito da un’altra sede: contattare quella sede.',
    en: 'A worker with this codice fiscale is followed by another office: contact that office.',
  }),
  callbackNotFound: defineError('CALLBACK_NOT_FOUND', 404, { it: 'La richiamata non esiste.', en: 'The callback does not exist.' }),
  callbackDone: defineError('CALLBACK_ALREADY_DONE', 409, { it: 'La richiamata è già chiusa.', en: 'The callback is already closed.' }),
  templateNotFound: defineError('TEMPLATE_NOT_FOUND', 404, { it: 'Il modello non esiste.', en: 'The template does not exist.' }),
  unknownPlaceholder: defineError('UNKNOWN_PLACEHOLDER', 400, {
    it: 'Il testo contiene un segnaposto sconosciuto.',
    en: 'The text contains an unknown placeholder.',
  }),
  channelMismatch: defineError('TEMPLATE_CHANNEL_MISMATCH', 400, {
    it: 'Il modello è per un canale diverso da quello della campagna.',
    en: 'The template is for a different channel than the campaign.',
  }),
  campaignNotFound: defineError('CAMPAIGN_NOT_FOUND', 404, { it: 'La campagna non esiste.', en: 'The campaign does not exist.' }),
  campaignState: defineError('CAMPAIGN_STATE', 409, {
    it: 'L’operazione non è possibile nello stato attuale della campagna.',
    en: 'The operation is not possible in the campaign’s current state.',
  }),
  notLetterCampaign: defineError('NOT_A_LETTER_CAMPAIGN', 409, {
    it: 'La campagna non è per lettera.',
    en: 'The campaign is not a letter campaign.',
  }),
  recipientNotFound: defineError('RECIPIENT_NOT_FOUND', 404, { it: 'Il destinatario non esiste.', en: 'The recipient does not exist.' }),
  programmeNotFound: defineError('PROGRAMME_NOT_FOUND', 404, { it: 'Il programma non esiste.', en: 'The programme does not exist.' }),
  /** The same closed day twice for one office (or for the whole network): the unique index office_holidays_key. The field message in `lang`. */
  holidayTaken: (date: string, officeWide: boolean, lang: Language) => {
    const day = formatItalianDate(date);
    const text = officeWide
      ? { it: `Il ${day} è già un giorno di chiusura della sede.`, en: `${day} is already a closed day of the office.` }
      : { it: `Il ${day} è già un giorno di chiusura di tutta la rete.`, en: `${day} is already a closed day of the whole network.` };
    return new DomainError('HOLIDAY_EXISTS', 409, text, { errors: [{ path: 'body/date', message: text[lang] }] });
  },
};
