import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import type { Language } from '../http/problem.js';
import { requireNetwork, staffInOfficesQuery, staffWithRolesInOffice, type ActorContext } from '../auth/index.js';
import type { DB } from '../db/schema.js';
import type { Executor } from '../db/executor.js';
import type { FieldError } from '../http/problem.js';
import { officeById, officeIdsInNetwork } from '../organisation/index.js';
import { romeToUtc } from '../../shared/time/rome-time.js';
import { addDays } from '../../shared/time/rome-date.js';
import type { AgendaSetup, AvailabilityRule } from '../../shared/schemas/appointments.schema.js';
import type { ExceptionReason } from '../db/schema-appointments.js';
import type { AgendaSetupRepository, RoomRow } from './agenda-setup.repository.js';
import type { AppointmentRepository } from './appointment.repository.js';
import { appointmentErrors } from './appointments.errors.js';
import { canEditAvailabilityOf } from './appointments.policy.js';
import { checkAvailabilityRule, overlappingRules } from './availability-rules.js';

const PROBLEM_TEXT: Record<string, string> = {
  invalid_weekday: 'Giorno della settimana da 1 (lunedì) a 7 (domenica)',
  invalid_time: 'Orario nel formato HH:MM',
  empty_range: 'L’ora di fine deve seguire quella di inizio',
  invalid_dates: 'La data di fine validità non può precedere quella di inizio',
};

export function createAgendaSetupService(deps: {
  db: Kysely<DB>;
  setup: AgendaSetupRepository;
  appointments: AppointmentRepository;
  audit: AuditService;
  clock: () => Date;
}) {
  const { db, setup, appointments, audit, clock } = deps;

  /** An office of the actor's network: its set-up (types, consultants, rooms) is shared by the network's staff. */
  async function officeOf(executor: Executor, ctx: ActorContext, officeId: string) {
    const office = await officeById(executor, officeId);
    if (!office || office.networkId !== requireNetwork(ctx.actor)) throw appointmentErrors.officeNotFound();
    return office;
  }

  /** A consultant who holds a role in some office of the network (absences are kept per person, not per office). */
  async function consultantOfNetwork(executor: Executor, networkId: string, consultantId: string) {
    const offices = [...(await officeIdsInNetwork(executor, networkId))];
    const staff = offices.length
      ? await staffInOfficesQuery(executor, offices).where('user_id', '=', consultantId).executeTakeFirst()
      : undefined;
    if (!staff) throw appointmentErrors.consultantNotFound();
  }

  /** The consultant must hold the consultant role somewhere in the actor's network. */
  async function consultantIn(executor: Executor, officeId: string, consultantId: string) {
    const staff = await staffWithRolesInOffice(executor, officeId, ['consultant']);
    const found = staff.find((s) => s.id === consultantId);
    if (!found) throw appointmentErrors.consultantNotFound();
    return found;
  }

  const presentRoom = (r: RoomRow) => ({
    id: r.id,
    officeId: r.officeId,
    name: r.name,
    capacity: r.capacity,
    equipment: r.equipment,
    active: r.active,
  });

  function isUniqueViolation(err: unknown) {
    return (err as { code?: string })?.code === '23505';
  }

  return {
    async setup(ctx: ActorContext, officeId: string, lang: Language): Promise<AgendaSetup> {
      const office = await officeOf(db, ctx, officeId);
      const [types, consultants, rooms] = await Promise.all([
        setup.types(db, office.networkId),
        staffWithRolesInOffice(db, office.id, ['consultant']),
        setup.rooms(db, office.id),
      ]);
      const en = lang === 'en';
      return {
        types: types.map((t) => ({
          id: t.id,
          code: t.code,
          name: en ? t.nameEn : t.nameIt,
          durationMinutes: t.durationMinutes,
          serviceCode: t.serviceCode,
          reminderHours: t.reminderHours,
          modes: t.modes,
        })),
        consultants: consultants.map((c) => ({ id: c.id, fullName: c.fullName })),
        rooms: rooms.map((r) => ({ id: r.id, name: r.name, capacity: r.capacity, equipment: r.equipment, active: r.active })),
      };
    },

    async availability(ctx: ActorContext, consultantId: string, officeId: string) {
      const office = await officeOf(db, ctx, officeId);
      await consultantIn(db, office.id, consultantId);
      const rules = await setup.availability(db, { officeId: office.id, consultantIds: [consultantId] });
      return {
        consultantId,
        officeId: office.id,
        rules: rules.map(({ weekday, from, to, validFrom, validTo }) => ({ weekday, from, to, validFrom, validTo })),
      };
    },

    /** Replaces a consultant's weekly rules in one office; refuses overlaps with their rules in any office. */
    async replaceAvailability(ctx: ActorContext, consultantId: string, officeId: string, rules: AvailabilityRule[]) {
      if (!canEditAvailabilityOf(ctx.actor, consultantId)) throw appointmentErrors.ownAvailabilityOnly();
      const office = await officeOf(db, ctx, officeId);
      await consultantIn(db, office.id, consultantId);
      const invalid: FieldError[] = rules.flatMap((rule, i) =>
        checkAvailabilityRule(rule).map((p) => ({
          path: `body/rules/${i}/${p === 'invalid_dates' ? 'validTo' : p === 'invalid_weekday' ? 'weekday' : 'to'}`,
          message: PROBLEM_TEXT[p]!,
        })),
      );
      if (invalid.length) throw appointmentErrors.availabilityInvalid(invalid);
      return db.transaction().execute(async (trx) => {
        const elsewhere = (await setup.availability(trx, { consultantIds: [consultantId] })).filter((r) => r.officeId !== office.id);
        const mine = rules.map((r) => ({ ...r, consultantId, officeId: office.id }));
        const clashes = overlappingRules([...mine, ...elsewhere]);
        if (clashes.length) {
          const index = (r: unknown) => mine.indexOf(r as (typeof mine)[number]);
          throw appointmentErrors.availabilityOverlap(
            clashes.map(([a, b]) => ({
              path: `body/rules/${Math.max(index(a), index(b))}/from`,
              message: a.officeId !== b.officeId ? 'Si sovrappone alla disponibilità in un’altra sede' : 'Si sovrappone a un’altra fascia',
            })),
          );
        }
        await setup.replaceAvailability(trx, { networkId: office.networkId, officeId: office.id, consultantId, rules });
        await audit.record(trx, ctx, {
          action: 'agenda.availability_changed',
          entityType: 'staff_user',
          entityId: consultantId,
          officeId: office.id,
          details: { rules: rules.length },
        });
        return { consultantId, officeId: office.id, rules };
      });
    },

    async exceptions(ctx: ActorContext, consultantId: string, range: { from?: string; to?: string }) {
      requireNetwork(ctx.actor);
      const from = range.from ?? new Date(clock().getTime() - 30 * 86_400_000).toISOString().slice(0, 10);
      const to = range.to ?? addDays(from, 365);
      const rows = await setup.exceptions(db, { consultantIds: [consultantId], from, to });
      return rows
        .filter((r) => r.networkId === ctx.actor.networkId)
        .map((r) => ({
          id: r.id,
          consultantId: r.consultantId,
          date: r.date,
          from: r.from ?? null,
          to: r.to ?? null,
          reason: r.reason,
          note: r.note,
        }));
    },

    /** An absence; the answer says how many meetings already fall in it (to be moved by hand). */
    async createException(
      ctx: ActorContext,
      consultantId: string,
      v: { date: string; from: string | null; to: string | null; reason: ExceptionReason; note: string },
    ) {
      if (!canEditAvailabilityOf(ctx.actor, consultantId)) throw appointmentErrors.ownAvailabilityOnly();
      const networkId = requireNetwork(ctx.actor);
      await consultantOfNetwork(db, networkId, consultantId);
      if ((v.from === null) !== (v.to === null) || (v.from !== null && v.to !== null && v.to <= v.from)) {
        throw appointmentErrors.availabilityInvalid([
          { path: 'body/to', message: 'Indicare inizio e fine, con la fine dopo l’inizio (o nessuna delle due per tutto il giorno)' },
        ]);
      }
      return db.transaction().execute(async (trx) => {
        const id = await setup.insertException(trx, { networkId, consultantId, ...v, createdBy: ctx.actor.userId });
        const affected = await appointments.countOverlapping(trx, {
          consultantId,
          from: romeToUtc(v.date, v.from ?? '00:00'),
          to: v.to ? romeToUtc(v.date, v.to) : romeToUtc(addDays(v.date, 1), '00:00'),
        });
        await audit.record(trx, ctx, {
          action: 'agenda.absence_added',
          entityType: 'staff_user',
          entityId: consultantId,
          details: { date: v.date, reason: v.reason },
        });
        return { id, consultantId, date: v.date, from: v.from, to: v.to, reason: v.reason, note: v.note, affectedAppointments: affected };
      });
    },

    async deleteException(ctx: ActorContext, consultantId: string, id: string) {
      if (!canEditAvailabilityOf(ctx.actor, consultantId)) throw appointmentErrors.ownAvailabilityOnly();
      const networkId = requireNetwork(ctx.actor);
      await db.transaction().execute(async (trx) => {
        if (!(await setup.deleteException(trx, { id, consultantId, networkId }))) throw appointmentErrors.exceptionNotFound();
        await audit.record(trx, ctx, {
          action: 'agenda.absence_removed',
          entityType: 'staff_user',
          entityId: consultantId,
          details: { id },
        });
      });
      return { ok: true as const };
    },

    async createRoom(ctx: ActorContext, v: { officeId: string; name: string; capacity: number; equipment: string[] }) {
      const office = await officeOf(db, ctx, v.officeId);
      try {
        return await db.transaction().execute(async (trx) => {
          const id = await setup.insertRoom(trx, {
            networkId: office.networkId,
            officeId: office.id,
            name: v.name,
            capacity: v.capacity,
            equipment: v.equipment,
          });
          await audit.record(trx, ctx, {
            action: 'agenda.room_created',
            entityType: 'meeting_room',
            entityId: id,
            entityLabel: v.name,
            officeId: office.id,
          });
          return presentRoom((await setup.roomById(trx, id))!);
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw appointmentErrors.roomNameTaken();
        throw err;
      }
    },

    async updateRoom(ctx: ActorContext, id: string, v: { name?: string; capacity?: number; equipment?: string[]; active?: boolean }) {
      const room = await setup.roomById(db, id);
      if (!room || room.networkId !== requireNetwork(ctx.actor)) throw appointmentErrors.roomNotFound();
      await officeOf(db, ctx, room.officeId);
      try {
        return await db.transaction().execute(async (trx) => {
          await setup.updateRoom(trx, id, v);
          await audit.record(trx, ctx, {
            action: 'agenda.room_updated',
            entityType: 'meeting_room',
            entityId: id,
            entityLabel: v.name ?? room.name,
            officeId: room.officeId,
            details: v,
          });
          return presentRoom((await setup.roomById(trx, id))!);
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw appointmentErrors.roomNameTaken();
        throw err;
      }
    },
  };
}

export type AgendaSetupService = ReturnType<typeof createAgendaSetupService>;
