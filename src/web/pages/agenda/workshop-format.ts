import type { WorkshopView } from '../../../shared/schemas/workshops.schema';

export type WorkshopTopic = WorkshopView['topic'];
export type ParticipantStatus = WorkshopView['participants'][number]['status'];
export type Participant = WorkshopView['participants'][number];

export const WORKSHOP_TOPICS: WorkshopTopic[] = [
  'orientation',
  'cv_writing',
  'interview_practice',
  'training_paths',
  'hiring_company',
  'other',
];

/** Badge colours: the same reading as the individual meetings' (a seat is blue, a decision pending stands out). */
export const PARTICIPANT_COLORS: Record<ParticipantStatus, string> = {
  invited: 'info',
  booked: 'primary',
  waiting: 'warning',
  declined: 'secondary',
  cancelled: 'secondary',
  attended: 'success',
  absent: 'danger',
  excused: 'warning',
};

/** Holds a seat (booked, or booked and then marked): the attendance sheet's names. */
export const HOLDS_SEAT: ParticipantStatus[] = ['booked', 'attended', 'absent', 'excused'];

/** Can be withdrawn: the server refuses a participant already cancelled or who declined. */
export const canWithdraw = (p: Participant) => p.status !== 'cancelled' && p.status !== 'declined';

/**
 * The participants in the four groups a coordinator reads: seats, the waiting list in its order,
 * the invited who have not answered, and those out (withdrawn or declined).
 */
export function participantGroups(participants: Participant[]) {
  const byName = (a: Participant, b: Participant) => a.worker.name.localeCompare(b.worker.name, 'it');
  return {
    seated: participants.filter((p) => HOLDS_SEAT.includes(p.status)).sort(byName),
    waiting: participants
      .filter((p) => p.status === 'waiting')
      .sort((a, b) => (a.waitingPosition ?? Infinity) - (b.waitingPosition ?? Infinity)),
    invited: participants.filter((p) => p.status === 'invited').sort(byName),
    out: participants.filter((p) => p.status === 'cancelled' || p.status === 'declined').sort(byName),
  };
}

/** Still ahead and not cancelled: seats can be booked, the time changed, the session cancelled. */
export const isOpen = (w: Pick<WorkshopView, 'status' | 'start'>, now = Date.now()) =>
  w.status === 'scheduled' && Date.parse(w.start) > now;

/** Started (attendance can be recorded from the start, as the API says) and not cancelled. */
export const hasStarted = (w: Pick<WorkshopView, 'status' | 'start'>, now = Date.now()) =>
  w.status === 'scheduled' && Date.parse(w.start) <= now;

export const durationOf = (w: Pick<WorkshopView, 'start' | 'end'>) => Math.round((Date.parse(w.end) - Date.parse(w.start)) / 60_000);

/** The room and the place as one line ("Sala corsi · Via Rainusso 96"); either may be empty. */
export const placeOf = (w: Pick<WorkshopView, 'room' | 'place'>) => [w.room?.name, w.place].filter(Boolean).join(' · ');
