import { sql } from 'kysely';
import type { Executor } from '../db/executor.js';
import type { AppointmentMode, ExceptionReason, ServiceCode } from '../db/schema-appointments.js';
import type { AvailabilityException, WeeklyAvailability } from './slots.js';

/** The agenda's set-up: appointment types, meeting rooms, weekly availability and absences. */

/** The type of the interview a worker has at an employer's (migration 0042), booked by applications. */
export const EMPLOYER_INTERVIEW_TYPE = 'employer_interview';

export interface TypeRow {
  id: string;
  networkId: string | null;
  code: string;
  nameIt: string;
  nameEn: string;
  durationMinutes: number;
  serviceCode: ServiceCode;
  reminderHours: number;
  modes: AppointmentMode[];
}

export interface RoomRow {
  id: string;
  networkId: string;
  officeId: string;
  name: string;
  capacity: number;
  equipment: string[];
  active: boolean;
}

export interface ExceptionRow extends AvailabilityException {
  id: string;
  networkId: string;
  reason: ExceptionReason;
  note: string;
}

/** PGlite hands a text[] back as an array; a driver without the array parser as '{a,b}'. */
function textArray(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string' && value.startsWith('{')) {
    const inner = value.slice(1, -1);
    return inner === '' ? [] : inner.split(',').map((v) => v.replace(/^"|"$/g, ''));
  }
  return [];
}

function typeRow(r: {
  id: string;
  network_id: string | null;
  code: string;
  name_it: string;
  name_en: string;
  duration_minutes: number;
  service_code: ServiceCode;
  reminder_hours: number;
  modes: unknown;
}): TypeRow {
  return {
    id: r.id,
    networkId: r.network_id,
    code: r.code,
    nameIt: r.name_it,
    nameEn: r.name_en,
    durationMinutes: r.duration_minutes,
    serviceCode: r.service_code,
    reminderHours: r.reminder_hours,
    modes: textArray(r.modes) as AppointmentMode[],
  };
}

export function createAgendaSetupRepository() {
  const typeColumns = [
    'id',
    'network_id',
    'code',
    'name_it',
    'name_en',
    'duration_minutes',
    'service_code',
    'reminder_hours',
    'modes',
  ] as const;
  return {
    /** The network's active types: its own, and the national defaults whose code it has not redefined. */
    async types(db: Executor, networkId: string): Promise<TypeRow[]> {
      const rows = await db
        .selectFrom('appointment_types as t')
        .select(typeColumns.map((c) => `t.${c}` as const))
        .where('t.active', '=', true)
        // The employer interview is booked by the application's «interview» move, not from the agenda.
        .where('t.code', '<>', EMPLOYER_INTERVIEW_TYPE)
        .where((eb) =>
          eb.or([
            eb('t.network_id', '=', networkId),
            eb.and([
              eb('t.network_id', 'is', null),
              eb.not(
                eb.exists(
                  eb
                    .selectFrom('appointment_types as o')
                    .select('o.id')
                    .where('o.network_id', '=', networkId)
                    .whereRef('o.code', '=', 't.code'),
                ),
              ),
            ]),
          ]),
        )
        .orderBy('t.position')
        .orderBy('t.code')
        .execute();
      return rows.map(typeRow);
    },

    /** A type by code: the network's own when it redefined it, the national default otherwise. */
    async typeByCode(db: Executor, networkId: string, code: string): Promise<TypeRow | undefined> {
      const row = await db
        .selectFrom('appointment_types')
        .select(typeColumns)
        .where('code', '=', code)
        .where((eb) => eb.or([eb('network_id', '=', networkId), eb('network_id', 'is', null)]))
        .orderBy(sql`network_id is null`)
        .executeTakeFirst();
      return row ? typeRow(row) : undefined;
    },

    async typeById(db: Executor, id: string): Promise<TypeRow | undefined> {
      const row = await db.selectFrom('appointment_types').select(typeColumns).where('id', '=', id).executeTakeFirst();
      return row ? typeRow(row) : undefined;
    },

    async rooms(db: Executor, officeId: string, options: { activeOnly?: boolean } = {}): Promise<RoomRow[]> {
      let query = db
        .selectFrom('meeting_rooms')
        .select(['id', 'network_id', 'office_id', 'name', 'capacity', 'equipment', 'active'])
        .where('office_id', '=', officeId);
      if (options.activeOnly) query = query.where('active', '=', true);
      const rows = await query.orderBy('name').execute();
      return rows.map((r) => ({
        id: r.id,
        networkId: r.network_id,
        officeId: r.office_id,
        name: r.name,
        capacity: r.capacity,
        equipment: textArray(r.equipment),
        active: r.active,
      }));
    },

    async roomById(db: Executor, id: string): Promise<RoomRow | undefined> {
      const r = await db
        .selectFrom('meeting_rooms')
        .select(['id', 'network_id', 'office_id', 'name', 'capacity', 'equipment', 'active'])
        .where('id', '=', id)
        .executeTakeFirst();
      return r
        ? {
            id: r.id,
            networkId: r.network_id,
            officeId: r.office_id,
            name: r.name,
            capacity: r.capacity,
            equipment: textArray(r.equipment),
            active: r.active,
          }
        : undefined;
    },

    async roomNamesByIds(db: Executor, ids: string[]): Promise<Map<string, string>> {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return new Map();
      const rows = await db.selectFrom('meeting_rooms').select(['id', 'name']).where('id', 'in', unique).execute();
      return new Map(rows.map((r) => [r.id, r.name]));
    },

    async insertRoom(db: Executor, v: { networkId: string; officeId: string; name: string; capacity: number; equipment: string[] }) {
      const row = await db
        .insertInto('meeting_rooms')
        .values({
          network_id: v.networkId,
          office_id: v.officeId,
          name: v.name,
          capacity: v.capacity,
          equipment: sql`${sql.val(v.equipment)}::text[]`,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async updateRoom(db: Executor, id: string, v: { name?: string; capacity?: number; equipment?: string[]; active?: boolean }) {
      await db
        .updateTable('meeting_rooms')
        .set({
          ...(v.name !== undefined ? { name: v.name } : {}),
          ...(v.capacity !== undefined ? { capacity: v.capacity } : {}),
          ...(v.equipment !== undefined ? { equipment: sql`${sql.val(v.equipment)}::text[]` } : {}),
          ...(v.active !== undefined ? { active: v.active } : {}),
        })
        .where('id', '=', id)
        .execute();
    },

    /** Weekly rules of these consultants in an office, valid on some day of [from, to]. */
    async availability(
      db: Executor,
      p: { officeId?: string; consultantIds: string[]; from?: string; to?: string },
    ): Promise<WeeklyAvailability[]> {
      if (p.consultantIds.length === 0) return [];
      let query = db
        .selectFrom('consultant_availability')
        .select(['consultant_id', 'office_id', 'weekday', 'from_time', 'to_time', 'valid_from', 'valid_to'])
        .where('consultant_id', 'in', p.consultantIds);
      if (p.officeId) query = query.where('office_id', '=', p.officeId);
      if (p.to) query = query.where('valid_from', '<=', p.to);
      if (p.from) {
        const from = p.from;
        query = query.where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', from)]));
      }
      const rows = await query.orderBy('weekday').orderBy('from_time').execute();
      return rows.map((r) => ({
        consultantId: r.consultant_id,
        officeId: r.office_id,
        weekday: r.weekday,
        from: r.from_time,
        to: r.to_time,
        validFrom: r.valid_from,
        validTo: r.valid_to,
      }));
    },

    /** A consultant's rules in one office are replaced as a whole, as the editor shows them. */
    async replaceAvailability(
      db: Executor,
      p: { networkId: string; officeId: string; consultantId: string; rules: Omit<WeeklyAvailability, 'consultantId' | 'officeId'>[] },
    ) {
      await db
        .deleteFrom('consultant_availability')
        .where('consultant_id', '=', p.consultantId)
        .where('office_id', '=', p.officeId)
        .execute();
      if (p.rules.length === 0) return;
      await db
        .insertInto('consultant_availability')
        .values(
          p.rules.map((r) => ({
            network_id: p.networkId,
            office_id: p.officeId,
            consultant_id: p.consultantId,
            weekday: r.weekday,
            from_time: r.from,
            to_time: r.to,
            valid_from: r.validFrom,
            valid_to: r.validTo,
          })),
        )
        .execute();
    },

    async exceptions(db: Executor, p: { consultantIds: string[]; from: string; to: string }): Promise<ExceptionRow[]> {
      if (p.consultantIds.length === 0) return [];
      const rows = await db
        .selectFrom('availability_exceptions')
        .select(['id', 'network_id', 'consultant_id', 'date', 'from_time', 'to_time', 'reason', 'note'])
        .where('consultant_id', 'in', p.consultantIds)
        .where('date', '>=', p.from)
        .where('date', '<=', p.to)
        .orderBy('date')
        .orderBy('from_time')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        networkId: r.network_id,
        consultantId: r.consultant_id,
        date: r.date,
        from: r.from_time,
        to: r.to_time,
        reason: r.reason,
        note: r.note,
      }));
    },

    async insertException(
      db: Executor,
      v: {
        networkId: string;
        consultantId: string;
        date: string;
        from: string | null;
        to: string | null;
        reason: ExceptionReason;
        note: string;
        createdBy: string;
      },
    ): Promise<string> {
      const row = await db
        .insertInto('availability_exceptions')
        .values({
          network_id: v.networkId,
          consultant_id: v.consultantId,
          date: v.date,
          from_time: v.from,
          to_time: v.to,
          reason: v.reason,
          note: v.note,
          created_by: v.createdBy,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async deleteException(db: Executor, p: { id: string; consultantId: string; networkId: string }): Promise<boolean> {
      const result = await db
        .deleteFrom('availability_exceptions')
        .where('id', '=', p.id)
        .where('consultant_id', '=', p.consultantId)
        .where('network_id', '=', p.networkId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

export type AgendaSetupRepository = ReturnType<typeof createAgendaSetupRepository>;
