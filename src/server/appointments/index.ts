// What other domains and buildApp use from appointments. For now the agenda's two pure cores: free
// slots from availability (slots.ts) and iCalendar invitations and feeds (icalendar.ts); the tables,
// the module and the routes come on top of them.
export {
  consultantFreeSlots,
  explainSlot,
  firstFreeSlots,
  type AvailabilityException,
  type BusyInterval,
  type FreeSlot,
  type SlotQuery,
  type SlotRefusal,
  type WeeklyAvailability,
} from './slots.js';
export { checkAvailabilityRule, overlappingRules, type AvailabilityProblem } from './availability-rules.js';
export {
  calendarFeedIcs,
  cancellationIcs,
  invitationIcs,
  ROME_VTIMEZONE,
  type CalendarAttendee,
  type CalendarEvent,
  type CalendarOptions,
  type CalendarPerson,
} from './icalendar.js';
