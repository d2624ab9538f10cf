import { formatItalianDate } from '../../shared/time/rome-date.js';
import { romeLocal } from '../../shared/time/rome-time.js';
import { DomainError, defineError, type FieldError } from '../http/problem.js';
import type { SlotRefusal } from './slots.js';

const REASONS_IT: Record<string, string> = { leave: 'ferie', training: 'formazione', sickness: 'malattia', other: 'assenza' };
const REASONS_EN: Record<string, string> = { leave: 'leave', training: 'training', sickness: 'sickness', other: 'absence' };

/** Why a time cannot be booked, in words a front-office operator can repeat to the caller. */
function refusalText(refusal: SlotRefusal): { it: string; en: string } {
  switch (refusal.reason) {
    case 'too_soon': {
      const at = romeLocal(refusal.earliest);
      return {
        it: `L’orario è troppo vicino: il primo appuntamento prenotabile è dalle ${at.time} del ${formatItalianDate(at.date)}.`,
        en: `The time is too soon: the first bookable time is ${at.time} on ${at.date}.`,
      };
    }
    case 'outside_window':
      return { it: 'La data è fuori dal periodo prenotabile.', en: 'The date is outside the bookable period.' };
    case 'closed_day':
      return { it: `La sede è chiusa quel giorno (${refusal.name}).`, en: `The office is closed that day (${refusal.name}).` };
    case 'consultant_absent':
      return {
        it: `L’operatore è assente in quell’orario${refusal.absence ? ` (${REASONS_IT[refusal.absence] ?? refusal.absence})` : ''}.`,
        en: `The consultant is away at that time${refusal.absence ? ` (${REASONS_EN[refusal.absence] ?? refusal.absence})` : ''}.`,
      };
    case 'outside_availability':
      return {
        it: 'L’orario è fuori dalla disponibilità dell’operatore in questa sede.',
        en: 'The time is outside the consultant’s availability in this office.',
      };
    case 'consultant_busy':
      return { it: 'L’operatore ha già un appuntamento in quell’orario.', en: 'The consultant already has a meeting at that time.' };
    case 'shared_busy':
      return { it: 'Il lavoratore ha già un appuntamento in quell’orario.', en: 'The worker already has a meeting at that time.' };
    case 'no_room':
      return { it: 'Nessuna stanza della sede è libera in quell’orario.', en: 'No room of the office is free at that time.' };
  }
}

export const appointmentErrors = {
  notFound: defineError('APPOINTMENT_NOT_FOUND', 404, {
    it: 'L’appuntamento non esiste o non è della sua sede.',
    en: 'The appointment does not exist or is not in your office.',
  }),
  workerNotFound: defineError('WORKER_NOT_FOUND', 404, {
    it: 'Il lavoratore non esiste o non è della sua sede.',
    en: 'The worker does not exist or is not in your office.',
  }),
  officeNotFound: defineError('OFFICE_NOT_FOUND', 404, { it: 'La sede non esiste.', en: 'The office does not exist.' }),
  consultantNotFound: defineError('CONSULTANT_NOT_FOUND', 404, {
    it: 'L’operatore non lavora in questa sede.',
    en: 'The consultant does not work in this office.',
  }),
  typeNotFound: defineError('APPOINTMENT_TYPE_NOT_FOUND', 404, {
    it: 'Il tipo di appuntamento non esiste.',
    en: 'The appointment type does not exist.',
  }),
  roomNotFound: defineError('ROOM_NOT_FOUND', 404, {
    it: 'La stanza non esiste o non è della sede.',
    en: 'The room does not exist or is not in the office.',
  }),
  roomNameTaken: defineError('ROOM_NAME_TAKEN', 409, {
    it: 'La sede ha già una stanza con questo nome.',
    en: 'The office already has a room with this name.',
  }),
  exceptionNotFound: defineError('ABSENCE_NOT_FOUND', 404, { it: 'L’assenza non esiste.', en: 'The absence does not exist.' }),
  modeNotOffered: defineError('APPOINTMENT_MODE_NOT_OFFERED', 422, {
    it: 'Questo tipo di appuntamento non si svolge in questa modalità.',
    en: 'This type of appointment is not held in this mode.',
  }),
  videoLinkMissing: () =>
    new DomainError(
      'VIDEO_LINK_REQUIRED',
      400,
      { it: 'Per un colloquio in video serve il link.', en: 'A video meeting needs its link.' },
      { errors: [{ path: 'body/videoLink', message: 'Indicare il link della videochiamata' }] },
    ),
  roomNotForMode: () =>
    new DomainError(
      'ROOM_ONLY_IN_PERSON',
      400,
      { it: 'Una stanza si prenota solo per un colloquio in presenza.', en: 'A room is booked only for a meeting in person.' },
      { errors: [{ path: 'body/roomId', message: 'Solo per i colloqui in presenza' }] },
    ),
  /** The time cannot be booked (availability, holiday, notice): why, in Italian and English. */
  slotUnavailable: (refusal: SlotRefusal, nextSlots: unknown[]) =>
    new DomainError('SLOT_UNAVAILABLE', 422, refusalText(refusal), {
      errors: [{ path: 'body/start', message: refusalText(refusal).it }],
      members: { reason: refusal.reason, nextSlots },
    }),
  /** Someone else took the time first (a collision the database refused): the next free slots instead. */
  slotTaken: (what: 'consultant' | 'worker' | 'room', nextSlots: unknown[]) =>
    new DomainError(
      'SLOT_TAKEN',
      409,
      {
        consultant: {
          it: 'L’orario è appena stato occupato: l’operatore ha già un appuntamento. Ecco i prossimi orari liberi.',
          en: 'The time was just taken: the consultant already has a meeting. Here are the next free times.',
        },
        worker: {
          it: 'Il lavoratore ha già un appuntamento in quell’orario. Ecco i prossimi orari liberi.',
          en: 'The worker already has a meeting at that time. Here are the next free times.',
        },
        room: {
          it: 'La stanza è appena stata occupata. Ecco i prossimi orari liberi.',
          en: 'The room was just taken. Here are the next free times.',
        },
      }[what],
      { members: { resource: what, nextSlots } },
    ),
  notChangeable: defineError('APPOINTMENT_NOT_CHANGEABLE', 409, {
    it: 'L’appuntamento è annullato o già svolto: non si può più modificare.',
    en: 'The appointment is cancelled or already held: it can no longer be changed.',
  }),
  externalNotMovable: defineError('APPOINTMENT_AT_EMPLOYER', 409, {
    it: 'Il colloquio con l’azienda è all’orario dato dall’azienda: non si sposta dall’agenda.',
    en: 'The interview with the employer is at the time the employer gave: it is not moved from the agenda.',
  }),
  workerBusyForInterview: defineError('INTERVIEW_WORKER_BUSY', 409, {
    it: 'Il lavoratore ha già un appuntamento in quell’orario: spostarlo prima di fissare il colloquio con l’azienda.',
    en: 'The worker already has a meeting at that time: move it before booking the interview with the employer.',
  }),
  attendanceTooEarly: defineError('ATTENDANCE_BEFORE_START', 409, {
    it: 'La presenza si registra dall’inizio dell’appuntamento.',
    en: 'Attendance is recorded from the start of the appointment.',
  }),
  ownAvailabilityOnly: defineError('OWN_AVAILABILITY_ONLY', 403, {
    it: 'Un operatore modifica solo la propria disponibilità.',
    en: 'A consultant changes only their own availability.',
  }),
  availabilityInvalid: (errors: FieldError[]) =>
    new DomainError(
      'AVAILABILITY_INVALID',
      400,
      { it: 'Alcune fasce di disponibilità non sono valide.', en: 'Some availability ranges are not valid.' },
      { errors },
    ),
  availabilityOverlap: (errors: FieldError[]) =>
    new DomainError(
      'AVAILABILITY_OVERLAP',
      409,
      {
        it: 'Due fasce di disponibilità si sovrappongono (anche in sedi diverse).',
        en: 'Two availability ranges overlap (possibly in different offices).',
      },
      { errors },
    ),
  linkInvalid: defineError('APPOINTMENT_LINK_INVALID', 404, {
    it: 'Il link non è valido o è scaduto. Per informazioni chiami il Centro per l’impiego.',
    en: 'The link is not valid or has expired. Please call the job centre.',
  }),
  linkExpired: defineError('APPOINTMENT_LINK_EXPIRED', 410, {
    it: 'Il link è scaduto: l’incontro è già passato. Per informazioni chiami il Centro per l’impiego.',
    en: 'The link has expired: the event is over. Please call the job centre.',
  }),
  feedInvalid: defineError('AGENDA_FEED_INVALID', 404, {
    it: 'Il calendario non esiste o è stato revocato.',
    en: 'The calendar does not exist or was revoked.',
  }),
};
