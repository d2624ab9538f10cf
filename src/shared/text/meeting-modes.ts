import type { AppointmentMode } from '../schemas/appointments.schema.js';

/**
 * How a meeting's mode is said in Italian in what the server writes: the workers' messages
 * ({{modalita}}), the consultant's calendar feed and the printed day sheet. One wording; the web's
 * screens say it through i18n (`agenda.modes`), in the same words.
 */
export const MEETING_MODE_WORDS: Readonly<Record<AppointmentMode, string>> = {
  in_person: 'in presenza',
  phone: 'al telefono',
  video: 'in videochiamata',
};

/** "in presenza" inside a sentence; "In presenza" heading a cell. */
export function meetingModeWords(mode: AppointmentMode, capitalised = false): string {
  const words = MEETING_MODE_WORDS[mode];
  return capitalised ? words.charAt(0).toUpperCase() + words.slice(1) : words;
}
