// What other domains and buildApp use from appointments: the module and its routes, the policies
// the web's capabilities name, and the agenda's two pure cores (free slots from availability, and
// iCalendar invitations and feeds).
export { createAppointmentsModule, registerAppointmentsRoutes, type AppointmentsModule } from './appointments.module.js';
export { canManageAgenda, canUseAgenda } from './appointments.policy.js';
// The employer interview as an agenda meeting: applications' «interview» move books it, a close before it cancels it.
export type { BookEmployerInterview, CancelEmployerInterview, EmployerInterviewInput, EmployerInterviews } from './employer-interviews.js';
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
export {
  appointmentTypesByCode,
  insertAbsencesBulk,
  insertAppointmentsBulk,
  insertAvailabilityRulesBulk,
  insertRoomsBulk,
  insertWorkshopsBulk,
  type BulkAbsence,
  type BulkAppointment,
  type BulkAppointmentEvent,
  type BulkAvailabilityRule,
  type BulkRoom,
  type BulkWorkshop,
  type BulkWorkshopParticipant,
} from './agenda-bulk.repository.js';

// The PDF helpers the agenda's sheets use, shared with the other printed documents (the action plan).
export { collectPdf, numberPages } from './pdf-pages.js';
// The token of a public link (144 random bits) and the SHA-256 kept of it: applications' outcome links use the same rule.
export { hashToken, newLinkToken } from './notifications.js';
