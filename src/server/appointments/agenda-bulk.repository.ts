import { sql } from 'kysely';
import type { Executor } from '../db/executor.js';
import type { NewAppointment } from './appointment.repository.js';
import type {
  AppointmentStatus,
  ExceptionReason,
  ParticipantStatus,
  ServiceCode,
  WorkshopTopic,
} from '../db/schema-appointments.js';

/**
 * Bulk writes of a whole agenda in the caller's transaction: what a scenario (the demo) or an
 * import loads at once, where the service's one-meeting-at-a-time booking would cost a round trip
 * per row. The rows are the ones the service writes, with the same invariant: every appointment
 * that is not cancelled claims its consultant, its worker and its room (when it has one) for its
 * [start, end) in agenda_claims, so the exclusion constraint refuses an overlap here too. No
 * message or reminder job is written: the caller decides what anyone is told.
 */

const ROWS_PER_STATEMENT = 500;

async function inChunks<T>(rows: readonly T[], write: (chunk: readonly T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) await write(rows.slice(i, i + ROWS_PER_STATEMENT));
}

/** The types a network books (its own and the national defaults), by code. */
export async function appointmentTypesByCode(
  executor: Executor,
  networkId: string,
): Promise<Map<string, { id: string; durationMinutes: number; serviceCode: ServiceCode; nameIt: string }>> {
  const rows = await executor
    .selectFrom('appointment_types')
    .select(['id', 'network_id', 'code', 'duration_minutes', 'service_code', 'name_it'])
    .where('active', '=', true)
    .where((eb) => eb.or([eb('network_id', 'is', null), eb('network_id', '=', networkId)]))
    .execute();
  // A network's own type replaces the national default of the same code.
  rows.sort((a, b) => (a.network_id === null ? 0 : 1) - (b.network_id === null ? 0 : 1));
  return new Map(
    rows.map((r) => [r.code, { id: r.id, durationMinutes: r.duration_minutes, serviceCode: r.service_code, nameIt: r.name_it }]),
  );
}

export interface BulkRoom {
  id: string;
  networkId: string;
  officeId: string;
  name: string;
  capacity: number;
  equipment: string[];
}

export async function insertRoomsBulk(trx: Executor, rooms: readonly BulkRoom[]): Promise<void> {
  await inChunks(rooms, (chunk) =>
    trx
      .insertInto('meeting_rooms')
      .values(
        chunk.map((r) => ({
          id: r.id,
          network_id: r.networkId,
          office_id: r.officeId,
          name: r.name,
          capacity: r.capacity,
          equipment: sql<string[]>`${sql.val(r.equipment)}::text[]`,
        })),
      )
      .execute(),
  );
}

export interface BulkAvailabilityRule {
  networkId: string;
  officeId: string;
  consultantId: string;
  /** ISO weekday; Rome wall-clock 'HH:MM', from inclusive, to exclusive. */
  weekday: number;
  from: string;
  to: string;
  validFrom: string;
  validTo: string | null;
}

export async function insertAvailabilityRulesBulk(trx: Executor, rules: readonly BulkAvailabilityRule[]): Promise<void> {
  await inChunks(rules, (chunk) =>
    trx
      .insertInto('consultant_availability')
      .values(
        chunk.map((r) => ({
          network_id: r.networkId,
          office_id: r.officeId,
          consultant_id: r.consultantId,
          weekday: r.weekday,
          from_time: r.from,
          to_time: r.to,
          valid_from: r.validFrom,
          valid_to: r.validTo,
        })),
      )
      .execute(),
  );
}

export interface BulkAbsence {
  networkId: string;
  consultantId: string;
  date: string;
  /** Both null: the whole day. */
  from: string | null;
  to: string | null;
  reason: ExceptionReason;
  note: string;
  createdBy: string | null;
  at: Date;
}

export async function insertAbsencesBulk(trx: Executor, absences: readonly BulkAbsence[]): Promise<void> {
  await inChunks(absences, (chunk) =>
    trx
      .insertInto('availability_exceptions')
      .values(
        chunk.map((a) => ({
          network_id: a.networkId,
          consultant_id: a.consultantId,
          date: a.date,
          from_time: a.from,
          to_time: a.to,
          reason: a.reason,
          note: a.note,
          created_by: a.createdBy,
          created_at: a.at,
        })),
      )
      .execute(),
  );
}

export interface BulkAppointmentEvent {
  at: Date;
  actorId: string | null;
  kind: string;
  byWorker?: boolean;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  reason?: string | null;
}

/** A demo appointment: what a booking names (NewAppointment), with the state its history left it in. */
export interface BulkAppointment extends Omit<NewAppointment, 'sourceId'> {
  id: string;
  status: AppointmentStatus;
  sequence: number;
  cancelReason: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** Its log, oldest first: 'booked', then 'confirmed', 'attended', 'cancelled'… */
  events: BulkAppointmentEvent[];
}

/**
 * Appointments with their log and, for each one that still holds its time, its claims. A claim
 * that overlaps another raises the exclusion violation (23P01): the caller's data was wrong.
 */
export async function insertAppointmentsBulk(trx: Executor, appointments: readonly BulkAppointment[]): Promise<void> {
  await inChunks(appointments, (chunk) =>
    trx
      .insertInto('appointments')
      .values(
        chunk.map((a) => ({
          id: a.id,
          network_id: a.networkId,
          office_id: a.officeId,
          type_id: a.typeId,
          worker_id: a.workerId,
          consultant_id: a.consultantId,
          room_id: a.roomId,
          mode: a.mode,
          video_link: a.videoLink,
          starts_at: a.start,
          ends_at: a.end,
          status: a.status,
          sequence: a.sequence,
          booked_via: a.bookedVia,
          booked_by: a.bookedBy,
          source_id: null,
          note: a.note,
          cancel_reason: a.cancelReason,
          created_at: a.createdAt,
          updated_at: a.updatedAt,
        })),
      )
      .execute(),
  );
  const claims = appointments
    .filter((a) => a.status !== 'cancelled')
    .flatMap((a) => {
      const during = `[${a.start.toISOString()},${a.end.toISOString()})`;
      const own = { network_id: a.networkId, during, appointment_id: a.id };
      return [
        { ...own, resource_type: 'consultant' as const, resource_id: a.consultantId },
        { ...own, resource_type: 'worker' as const, resource_id: a.workerId },
        ...(a.roomId ? [{ ...own, resource_type: 'room' as const, resource_id: a.roomId }] : []),
      ];
    });
  await inChunks(claims, (chunk) =>
    trx
      .insertInto('agenda_claims')
      .values([...chunk])
      .execute(),
  );
  const events = appointments.flatMap((a) =>
    a.events.map((e) => ({
      appointment_id: a.id,
      at: e.at,
      actor_id: e.actorId,
      kind: e.kind,
      by_worker: e.byWorker ?? false,
      before: e.before ? JSON.stringify(e.before) : null,
      after: e.after ? JSON.stringify(e.after) : null,
      reason: e.reason ?? null,
    })),
  );
  await inChunks(events, (chunk) =>
    trx
      .insertInto('appointment_events')
      .values([...chunk])
      .execute(),
  );
}

export interface BulkWorkshopParticipant {
  workerId: string;
  status: ParticipantStatus;
  invitedAt: Date | null;
  /** When a waiting participant joined the list (the list is in this order). */
  waitingSince: Date | null;
  updatedAt: Date;
  updatedBy: string | null;
}

export interface BulkWorkshop {
  id: string;
  networkId: string;
  officeId: string;
  topic: WorkshopTopic;
  title: string;
  description: string;
  roomId: string | null;
  place: string;
  start: Date;
  end: Date;
  seats: number;
  seriesId: string | null;
  createdBy: string | null;
  createdAt: Date;
  facilitatorIds: string[];
  participants: BulkWorkshopParticipant[];
}

/** Participants who hold their time: a seat taken, and kept once the attendance is recorded. */
const HOLDS_TIME: readonly ParticipantStatus[] = ['booked', 'attended', 'absent', 'excused'];

/**
 * Group workshops with their facilitators and participants, and the claims the service would
 * write: each facilitator, the room, and every participant holding a seat, for the session's
 * [start, end). A waiting list takes its places from the same sequence as the service, in the
 * order of `waitingSince`.
 */
export async function insertWorkshopsBulk(trx: Executor, workshops: readonly BulkWorkshop[]): Promise<void> {
  await inChunks(workshops, (chunk) =>
    trx
      .insertInto('group_sessions')
      .values(
        chunk.map((w) => ({
          id: w.id,
          network_id: w.networkId,
          office_id: w.officeId,
          topic: w.topic,
          title: w.title,
          description: w.description,
          room_id: w.roomId,
          place: w.place,
          starts_at: w.start,
          ends_at: w.end,
          seats: w.seats,
          series_id: w.seriesId,
          created_by: w.createdBy,
          created_at: w.createdAt,
          updated_at: w.createdAt,
        })),
      )
      .execute(),
  );
  const facilitators = workshops.flatMap((w) => w.facilitatorIds.map((staffId) => ({ session_id: w.id, staff_id: staffId })));
  await inChunks(facilitators, (chunk) => trx.insertInto('group_session_facilitators').values(chunk).execute());
  const participants = workshops.flatMap((w) =>
    [...w.participants]
      .sort((a, b) => (a.waitingSince?.getTime() ?? 0) - (b.waitingSince?.getTime() ?? 0))
      .map((p) => ({
        session_id: w.id,
        worker_id: p.workerId,
        status: p.status,
        waiting_since: p.status === 'waiting' ? p.waitingSince : null,
        waiting_order: p.status === 'waiting' ? sql<number>`nextval('group_waiting_order_seq')` : null,
        invited_at: p.invitedAt,
        updated_at: p.updatedAt,
        updated_by: p.updatedBy,
      })),
  );
  // nextval is evaluated row by row in the order of VALUES: the waiting list keeps the order above.
  await inChunks(participants, (chunk) => trx.insertInto('group_participants').values(chunk).execute());
  const claims = workshops.flatMap((w) => {
    const own = { network_id: w.networkId, during: `[${w.start.toISOString()},${w.end.toISOString()})`, session_id: w.id };
    return [
      ...w.facilitatorIds.map((id) => ({ ...own, resource_type: 'consultant' as const, resource_id: id })),
      ...(w.roomId ? [{ ...own, resource_type: 'room' as const, resource_id: w.roomId }] : []),
      ...w.participants
        .filter((p) => HOLDS_TIME.includes(p.status))
        .map((p) => ({ ...own, resource_type: 'worker' as const, resource_id: p.workerId })),
    ];
  });
  await inChunks(claims, (chunk) => trx.insertInto('agenda_claims').values(chunk).execute());
}
