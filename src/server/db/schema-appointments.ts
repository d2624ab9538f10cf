import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** Table types of migrations/0020_appointments.sql; merged into DB in schema.ts. */

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** SQL date, always 'YYYY-MM-DD' text on both databases. */
type SqlDate = string;

export type AppointmentMode = 'in_person' | 'phone' | 'video';
export type AppointmentStatus = 'booked' | 'confirmed' | 'cancelled' | 'attended' | 'absent' | 'excused';
export type BookedVia = 'agenda' | 'worker_page' | 'hotline' | 'callback' | 'worker_link';
export type ServiceCode = 'first_interview' | 'orientation' | 'cv_support' | 'interview_coaching' | 'contract_assistance' | 'follow_up';
export type AppointmentMessageKind = 'confirmation' | 'change' | 'cancellation' | 'reminder';
export type MessageChannel = 'email' | 'sms';
export type ExceptionReason = 'leave' | 'training' | 'sickness' | 'other';
export type ClaimResource = 'consultant' | 'worker' | 'room';

export interface AppointmentTypesTable {
  id: Generated<string>;
  network_id: string | null;
  code: string;
  name_it: string;
  name_en: string;
  duration_minutes: number;
  service_code: ServiceCode;
  reminder_hours: Generated<number>;
  modes: Generated<AppointmentMode[]>;
  position: Generated<number>;
  active: Generated<boolean>;
}

export interface MeetingRoomsTable {
  id: Generated<string>;
  network_id: string;
  office_id: string;
  name: string;
  capacity: number;
  equipment: Generated<string[]>;
  active: Generated<boolean>;
  created_at: CreatedAt;
}

export interface ConsultantAvailabilityTable {
  id: Generated<string>;
  network_id: string;
  office_id: string;
  consultant_id: string;
  weekday: number;
  from_time: string;
  to_time: string;
  valid_from: SqlDate;
  valid_to: SqlDate | null;
  created_at: CreatedAt;
}

export interface AvailabilityExceptionsTable {
  id: Generated<string>;
  network_id: string;
  consultant_id: string;
  date: SqlDate;
  from_time: string | null;
  to_time: string | null;
  reason: ExceptionReason;
  note: Generated<string>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface AppointmentsTable {
  id: Generated<string>;
  network_id: string;
  office_id: string;
  type_id: string;
  worker_id: string;
  consultant_id: string;
  room_id: string | null;
  mode: AppointmentMode;
  video_link: string | null;
  starts_at: Timestamp;
  ends_at: Timestamp;
  status: Generated<AppointmentStatus>;
  sequence: Generated<number>;
  booked_via: BookedVia;
  booked_by: string | null;
  source_id: string | null;
  note: Generated<string>;
  cancel_reason: string | null;
  /** An external place (an employer's): no room, and only the worker's time is claimed (migration 0042). */
  place: Generated<string | null>;
  /** The application of an employer interview (migration 0042). */
  application_id: Generated<string | null>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface AppointmentEventsTable {
  id: Generated<number>;
  appointment_id: string;
  at: CreatedAt;
  actor_id: string | null;
  kind: string;
  by_worker: Generated<boolean>;
  before: JSONColumnType<Record<string, unknown>> | null;
  after: JSONColumnType<Record<string, unknown>> | null;
  reason: string | null;
}

export interface AgendaClaimsTable {
  id: Generated<string>;
  network_id: string;
  resource_type: ClaimResource;
  resource_id: string;
  /** tstzrange, written as '[start,end)' text. */
  during: string;
  appointment_id: string | null;
  session_id: string | null;
}

export interface AppointmentTemplatesTable {
  id: Generated<string>;
  network_id: string | null;
  kind: AppointmentMessageKind;
  channel: MessageChannel;
  subject: Generated<string>;
  body: string;
  updated_by: string | null;
  updated_at: UpdatedAt;
}

export interface AppointmentMessagesTable {
  id: Generated<string>;
  network_id: string;
  appointment_id: string;
  kind: AppointmentMessageKind;
  channel: MessageChannel;
  sequence: number;
  recipient: string;
  subject: Generated<string>;
  body: Generated<string>;
  status: Generated<'sending' | 'sent' | 'failed'>;
  error: string | null;
  created_at: CreatedAt;
  sent_at: Date | string | null;
}

export interface AppointmentLinksTable {
  token_hash: string;
  /** The meeting the link acts on, or null for a workshop link (session_id and worker_id). */
  appointment_id: string | null;
  session_id: string | null;
  worker_id: string | null;
  expires_at: Timestamp;
  created_at: CreatedAt;
  used_at: Date | string | null;
}

export interface AgendaFeedsTable {
  id: Generated<string>;
  consultant_id: string;
  network_id: string;
  token_hash: string;
  created_at: CreatedAt;
  revoked_at: Date | string | null;
}

export type WorkshopTopic = 'orientation' | 'cv_writing' | 'interview_practice' | 'training_paths' | 'hiring_company' | 'other';
export type ParticipantStatus = 'invited' | 'booked' | 'waiting' | 'declined' | 'cancelled' | 'attended' | 'absent' | 'excused';
export type WorkshopMessageKind = 'invitation' | 'booked' | 'waiting' | 'promoted' | 'change' | 'cancellation' | 'reminder';

export interface GroupSessionsTable {
  id: Generated<string>;
  network_id: string;
  office_id: string;
  topic: WorkshopTopic;
  title: string;
  description: Generated<string>;
  room_id: string | null;
  place: Generated<string>;
  starts_at: Timestamp;
  ends_at: Timestamp;
  seats: number;
  status: Generated<'scheduled' | 'cancelled'>;
  sequence: Generated<number>;
  series_id: string | null;
  cancel_reason: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface GroupSessionFacilitatorsTable {
  session_id: string;
  staff_id: string;
}

export interface GroupParticipantsTable {
  session_id: string;
  worker_id: string;
  status: ParticipantStatus;
  waiting_since: Date | string | null;
  waiting_order: number | null;
  invited_at: Date | string | null;
  updated_at: UpdatedAt;
  updated_by: string | null;
}

export interface GroupSessionMessagesTable {
  id: Generated<string>;
  network_id: string;
  session_id: string;
  worker_id: string;
  kind: WorkshopMessageKind;
  channel: MessageChannel;
  sequence: number;
  recipient: string;
  body: Generated<string>;
  status: Generated<'sending' | 'sent' | 'failed'>;
  error: string | null;
  created_at: CreatedAt;
  sent_at: Date | string | null;
}

export interface AppointmentsTables {
  group_sessions: GroupSessionsTable;
  group_session_facilitators: GroupSessionFacilitatorsTable;
  group_participants: GroupParticipantsTable;
  group_session_messages: GroupSessionMessagesTable;
  appointment_types: AppointmentTypesTable;
  meeting_rooms: MeetingRoomsTable;
  consultant_availability: ConsultantAvailabilityTable;
  availability_exceptions: AvailabilityExceptionsTable;
  appointments: AppointmentsTable;
  appointment_events: AppointmentEventsTable;
  agenda_claims: AgendaClaimsTable;
  appointment_templates: AppointmentTemplatesTable;
  appointment_messages: AppointmentMessagesTable;
  appointment_links: AppointmentLinksTable;
  agenda_feeds: AgendaFeedsTable;
}
