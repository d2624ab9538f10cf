import type { AGENDA_PLACEHOLDERS } from '../schemas/appointments.schema.js';
import { MEETING_MODE_WORDS } from '../text/meeting-modes.js';
import { fillPlaceholders } from './placeholders.js';
import { toGsmFriendly } from './sms-segments.js';

/**
 * What a template editor shows beside an agenda message: the text as a worker reads it, with
 * example values, and an SMS's size. The server answers it with the saved texts and the web's
 * editor computes it as one types, from this one definition.
 */
const EXAMPLE: Record<(typeof AGENDA_PLACEHOLDERS)[number], { email: string; sms: string }> = {
  nome: { email: 'Maria Grazia', sms: 'Maria Grazia' },
  cognome: { email: 'D’Angelo', sms: 'D’Angelo' },
  tipo: { email: 'Colloquio di orientamento', sms: 'Colloquio di orientamento' },
  data: { email: 'martedì 15 dicembre 2026', sms: '15/12' },
  ora: { email: '10:30', sms: '10:30' },
  luogo: {
    email: 'Centro per l’impiego di Modena - Via delle Costellazioni 180, 41126 Modena - stanza Sala colloqui 1',
    sms: 'Via delle Costellazioni 180',
  },
  modalita: { email: MEETING_MODE_WORDS.in_person, sms: MEETING_MODE_WORDS.in_person },
  operatore: { email: 'Elena Rinaldi', sms: 'Elena Rinaldi' },
  // As long as a real link: the address and a 24-character token.
  link: {
    email: 'https://lavoro.provincia.modena.it/appuntamento/Xk3v9QpL2mN7rT5wY8zA1bC4',
    sms: 'https://lavoro.provincia.modena.it/appuntamento/Xk3v9QpL2mN7rT5wY8zA1bC4',
  },
  sede: { email: 'Centro per l’impiego di Modena, tel. 059 000 1000', sms: 'CPI Modena' },
};

/** The text with the example values, as it is sent: an SMS with the typographic punctuation made GSM-friendly. */
export function agendaMessageExample(channel: 'email' | 'sms', text: string): string {
  const values = Object.fromEntries(Object.entries(EXAMPLE).map(([k, v]) => [k, v[channel]]));
  const filled = fillPlaceholders(text, values);
  return channel === 'sms' ? toGsmFriendly(filled) : filled;
}
