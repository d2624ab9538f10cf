import { DomainError } from '../http/problem.js';
import { formatItalianDate } from '../../shared/time/rome-date.js';

/** The workshops' stable error codes, with their Italian and English messages. */
export const workshopErrors = {
  notFound: () =>
    new DomainError('WORKSHOP_NOT_FOUND', 404, { it: 'L’incontro di gruppo non esiste.', en: 'The workshop does not exist.' }),
  cancelled: () =>
    new DomainError('WORKSHOP_CANCELLED', 409, { it: 'L’incontro di gruppo è annullato.', en: 'The workshop is cancelled.' }),
  past: () =>
    new DomainError(
      'WORKSHOP_IN_PAST',
      422,
      { it: 'L’incontro non può essere nel passato.', en: 'The workshop cannot be in the past.' },
      {
        errors: [{ path: 'body/start', message: 'L’incontro non può essere nel passato' }],
      },
    ),
  closedDay: (date: string, name: string) =>
    new DomainError(
      'WORKSHOP_ON_CLOSED_DAY',
      422,
      { it: `La sede è chiusa il ${formatItalianDate(date)} (${name}).`, en: `The office is closed on ${date} (${name}).` },
      { errors: [{ path: 'body/start', message: `La sede è chiusa il ${formatItalianDate(date)} (${name})` }] },
    ),
  roomTooSmall: (capacity: number) =>
    new DomainError(
      'ROOM_TOO_SMALL',
      422,
      {
        it: `La stanza ha ${capacity} posti: meno dei posti dell’incontro.`,
        en: `The room has ${capacity} places: fewer than the workshop’s seats.`,
      },
      { errors: [{ path: 'body/seats', message: `Al massimo ${capacity} posti in questa stanza` }] },
    ),
  seatsBelowBooked: (booked: number) =>
    new DomainError(
      'SEATS_BELOW_BOOKED',
      409,
      {
        it: `Ci sono già ${booked} prenotati: i posti non possono essere meno.`,
        en: `${booked} are booked already: the seats cannot be fewer.`,
      },
      { errors: [{ path: 'body/seats', message: `Almeno ${booked} posti (i prenotati)` }] },
    ),
  facilitatorBusy: () =>
    new DomainError('FACILITATOR_OR_ROOM_BUSY', 409, {
      it: 'Un conduttore o la stanza sono già impegnati in quell’orario.',
      en: 'A facilitator or the room is already taken at that time.',
    }),
  workerBusy: () =>
    new DomainError('WORKER_BUSY', 409, {
      it: 'Il lavoratore ha già un appuntamento in quell’orario.',
      en: 'The worker already has a meeting at that time.',
    }),
  started: () =>
    new DomainError('WORKSHOP_STARTED', 409, {
      it: 'L’incontro è già iniziato o concluso: non si può più rispondere da qui.',
      en: 'The workshop has started or is over: it can no longer be answered here.',
    }),
  alreadyBooked: () =>
    new DomainError('WORKSHOP_ALREADY_BOOKED', 409, {
      it: 'Ha già un posto o è in lista d’attesa: se non può venire scelga «Non posso più venire».',
      en: 'You already have a seat or are on the waiting list: choose “I can no longer come”.',
    }),
  notInOffice: () =>
    new DomainError(
      'WORKER_NOT_IN_SESSION_OFFICE',
      422,
      { it: 'Si invitano solo lavoratori della sede dell’incontro.', en: 'Only workers of the workshop’s office can be invited.' },
      { errors: [{ path: 'body/workerIds', message: 'Solo lavoratori della sede dell’incontro' }] },
    ),
  notParticipant: () =>
    new DomainError('NOT_A_PARTICIPANT', 404, { it: 'Il lavoratore non è tra i partecipanti.', en: 'The worker is not a participant.' }),
  attendanceTooEarly: () =>
    new DomainError('ATTENDANCE_BEFORE_START', 409, {
      it: 'La presenza si registra dall’inizio dell’incontro.',
      en: 'Attendance is recorded from the start of the workshop.',
    }),
  facilitatorNotInOffice: () =>
    new DomainError(
      'FACILITATOR_NOT_IN_OFFICE',
      400,
      { it: 'Un conduttore non lavora in questa sede.', en: 'A facilitator does not work in this office.' },
      { errors: [{ path: 'body/facilitatorIds', message: 'Scegliere operatori della sede' }] },
    ),
};
