import { sql, type Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import { requireNetwork, worksAcrossNetwork, type Actor, type ActorContext } from '../auth/index.js';
import { isUniqueViolation } from '../db/errors.js';
import type { DB } from '../db/schema.js';
import type { EnrollmentState } from '../db/schema-programmes.js';
import type {
  CreateProgrammeRequest,
  Enrollment,
  Programme,
  UpdateProgrammeRequest,
} from '../../shared/schemas/programmes.schema.js';
import { checkEligibility, romeDate } from './eligibility.js';
import { allowedTransitions, PLACE_HOLDING_STATES } from './enrollment.states.js';
import type { EnrollmentService } from './enrollment.service.js';
import { programmeErrors } from './programme.errors.js';
import { canActOnWorkerOf } from './programme.policy.js';
import type { ProgrammeRepository, ProgrammeRow } from './programme.repository.js';
import { withRetry } from './retry.js';


/** Programmes of the actor's network: creation and changes (coordinators), and what the programme page shows. */
export function createProgrammeService(deps: { db: Kysely<DB>; repository: ProgrammeRepository; enrollments: EnrollmentService; audit: AuditService; clock: () => Date }) {
  const { db, repository: repo, audit, clock } = deps;

  const networkOf = requireNetwork;

  async function present(p: ProgrammeRow): Promise<Programme> {
    const counts = await repo.countByState(db, p.id);
    const used = PLACE_HOLDING_STATES.reduce((n, s) => n + (counts[s] ?? 0), 0);
    return { ...p, placesUsed: used, placesFree: Math.max(0, p.capacity - used), waiting: counts.waiting ?? 0, counts };
  }

  async function load(actor: Actor, id: string): Promise<ProgrammeRow> {
    const p = await repo.findProgramme(db, id);
    if (!p || p.networkId !== networkOf(actor)) throw programmeErrors.programmeNotFound();
    return p;
  }

  async function checkOffices(networkId: string, officeIds: string[]) {
    const found = await db.selectFrom('offices').select('id').where('network_id', '=', networkId).where('id', 'in', officeIds).execute();
    if (found.length !== new Set(officeIds).size) throw programmeErrors.unknownOffice();
  }

  return {
    async list(actor: Actor): Promise<Programme[]> {
      return Promise.all((await repo.listProgrammes(db, networkOf(actor))).map(present));
    },

    get: async (actor: Actor, id: string) => present(await load(actor, id)),

    async eligibility(actor: Actor, id: string, workerId: string) {
      await load(actor, id);
      const worker = await db.selectFrom('workers').select('network_id').where('id', '=', workerId).executeTakeFirst();
      if (!worker || worker.network_id !== actor.networkId) throw programmeErrors.workerNotFound();
      return (await checkEligibility(db, id, workerId, romeDate(clock())))!;
    },

    async create(ctx: ActorContext, input: CreateProgrammeRequest): Promise<Programme> {
      const networkId = networkOf(ctx.actor);
      await checkOffices(networkId, input.officeIds);
      if (await repo.codeExists(db, networkId, input.code)) throw programmeErrors.programmeCodeTaken();
      const now = clock();
      const id = await db
        .transaction()
        .execute(async (trx) => {
          const newId = await repo.insertProgramme(
            trx,
            networkId,
            {
              code: input.code,
              name: input.name,
              description: input.description ?? '',
              startsOn: input.startsOn,
              endsOn: input.endsOn ?? null,
              capacity: input.capacity,
              fundingSource: input.fundingSource ?? '',
              eligibleReasons: input.eligibleReasons ?? ['cessazione_attivita', 'concordato_senza_continuita'],
              requireActiveCigs: input.requireActiveCigs ?? true,
              status: input.status ?? 'draft',
            },
            [...new Set(input.officeIds)],
            now,
          );
          await audit.record(trx, ctx, { action: 'programme.created', entityType: 'programme', entityId: newId, entityLabel: input.name, details: { code: input.code, name: input.name, capacity: input.capacity } });
          return newId;
        })
        .catch((err: unknown) => {
          if (isUniqueViolation(err)) throw programmeErrors.programmeCodeTaken();
          throw err;
        });
      return present((await repo.findProgramme(db, id))!);
    },

    /** A raised capacity fills the new places from the waiting list at once; it cannot drop below the places taken. */
    async update(ctx: ActorContext, id: string, input: UpdateProgrammeRequest): Promise<Programme> {
      const before = await load(ctx.actor, id);
      if (input.officeIds) await checkOffices(before.networkId, input.officeIds);
      if (input.code && (await repo.codeExists(db, before.networkId, input.code, id))) throw programmeErrors.programmeCodeTaken();
      const startsOn = input.startsOn ?? before.startsOn;
      const endsOn = input.endsOn === undefined ? before.endsOn : input.endsOn;
      if (endsOn && endsOn < startsOn) throw programmeErrors.transitionNotAllowed(startsOn, endsOn);
      const now = clock();
      await withRetry(() =>
        db.transaction().execute(async (trx) => {
          const locked = await repo.lockProgramme(trx, id);
          if (!locked) throw programmeErrors.programmeNotFound();
          if (input.capacity !== undefined) {
            const used = await repo.placesUsed(trx, id);
            if (input.capacity < used) throw programmeErrors.capacityBelowUsed(used);
          }
          const { officeIds, ...fields } = input;
          await repo.updateProgramme(trx, id, fields, now);
          if (officeIds) await repo.setOffices(trx, id, [...new Set(officeIds)]);
          const changed = Object.fromEntries(
            Object.entries(input)
              .filter(([k, v]) => JSON.stringify(before[k as keyof ProgrammeRow]) !== JSON.stringify(v))
              .map(([k, v]) => [k, { from: before[k as keyof ProgrammeRow], to: v }]),
          );
          await audit.record(trx, ctx, { action: 'programme.updated', entityType: 'programme', entityId: id, entityLabel: input.name ?? before.name, details: changed });
          if (input.capacity !== undefined && input.capacity > locked.capacity) {
            await deps.enrollments.promoteWaiting(trx, ctx, id, input.capacity, now);
          }
        }),
      );
      return present((await repo.findProgramme(db, id))!);
    },

    /** Enrollments with worker, office and company, the waiting position, and the moves the actor may make. */
    async enrollments(ctx: ActorContext, id: string, query: { state?: EnrollmentState; q?: string; limit: number; offset: number }): Promise<{ items: Enrollment[]; total: number }> {
      const programme = await load(ctx.actor, id);
      const actor = ctx.actor;
      let base = db
        .selectFrom('enrollments as e')
        .innerJoin('workers as w', 'w.id', 'e.worker_id')
        .innerJoin('offices as o', 'o.id', 'e.office_id')
        .leftJoin('cigs_cases as c', 'c.id', 'w.cigs_case_id')
        .leftJoin('companies as co', 'co.id', 'c.company_id')
        .where('e.programme_id', '=', id);
      if (!worksAcrossNetwork(actor)) base = base.where('e.office_id', '=', actor.officeId ?? '00000000-0000-0000-0000-000000000000');
      if (query.state) base = base.where('e.state', '=', query.state);
      if (query.q) base = base.where((eb) => eb.or([eb('w.search_name', 'like', `%${query.q!.toLowerCase()}%`), eb('w.codice_fiscale', '=', query.q!.toUpperCase())]));
      const total = (await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
      const rows = await base
        .select([
          'e.id',
          'e.worker_id',
          'e.office_id',
          'e.state',
          'e.channel',
          'e.priority_cigs_end',
          'e.requested_at',
          'e.state_changed_at',
          'w.first_name',
          'w.last_name',
          'w.codice_fiscale',
          'w.effective_cigs_end as cigs_end_date',
          'o.name as office_name',
          'co.name as company_name',
          sql<number | null>`case when e.state = 'waiting' then (
            select count(*)::int from enrollments x where x.programme_id = e.programme_id and x.state = 'waiting'
              and (coalesce(x.priority_cigs_end, 'infinity'::date), x.requested_at, x.id)
               <= (coalesce(e.priority_cigs_end, 'infinity'::date), e.requested_at, e.id)) end`.as('waiting_position'),
        ])
        .orderBy(sql`case when e.state = 'waiting' then 1 else 0 end`)
        .orderBy(sql`e.priority_cigs_end asc nulls last`)
        .orderBy('e.requested_at')
        // The waiting list's tie-break is the id (as in waitingPosition); the others read by name.
        .orderBy(sql`case when e.state = 'waiting' then e.id end`)
        .orderBy('w.last_name')
        .orderBy('e.id')
        .limit(query.limit)
        .offset(query.offset)
        .execute();
      await audit.record(db, ctx, { action: 'programme.enrollments.read', entityType: 'programme', entityId: id, details: { state: query.state ?? null, q: query.q ?? null, count: rows.length } });
      return {
        total,
        items: rows.map((r) => ({
          id: r.id,
          workerId: r.worker_id,
          workerName: `${r.last_name} ${r.first_name}`.trim(),
          codiceFiscale: r.codice_fiscale,
          officeId: r.office_id,
          officeName: r.office_name,
          companyName: r.company_name,
          state: r.state,
          channel: r.channel,
          cigsEndDate: r.cigs_end_date,
          requestedAt: r.requested_at ? new Date(r.requested_at).toISOString() : null,
          stateChangedAt: new Date(r.state_changed_at).toISOString(),
          waitingPosition: r.waiting_position,
          allowed: canActOnWorkerOf(actor, r.office_id, programme.networkId)
            ? allowedTransitions(r.state, actor.roles).map((t) => ({ action: t.action, to: t.to, reasonRequired: t.reasonRequired }))
            : [],
        })),
      };
    },

    async transitionLog(ctx: ActorContext, enrollmentId: string) {
      const e = await repo.findEnrollment(db, enrollmentId);
      const programme = e && (await repo.findProgramme(db, e.programmeId));
      if (!e || !programme || programme.networkId !== networkOf(ctx.actor) || !canActOnWorkerOf(ctx.actor, e.officeId, programme.networkId)) {
        throw programmeErrors.enrollmentNotFound();
      }
      const rows = await db
        .selectFrom('enrollment_transitions as t')
        .leftJoin('staff_users as u', 'u.id', 't.actor_id')
        .select(['t.id', 't.from_state', 't.to_state', 't.at', 'u.full_name', 't.reason', 't.channel'])
        .where('t.enrollment_id', '=', enrollmentId)
        .orderBy('t.at')
        .orderBy('t.id')
        .execute();
      await audit.record(db, ctx, { action: 'enrollment.log.read', entityType: 'enrollment', entityId: enrollmentId, officeId: e.officeId });
      return {
        items: rows.map((r) => ({ id: r.id, from: r.from_state, to: r.to_state, at: new Date(r.at).toISOString(), actorName: r.full_name, reason: r.reason, channel: r.channel })),
      };
    },

    /** Notices for the programme addressed to the actor's roles in their offices (coordinators see all the network's). */
    async notifications(ctx: ActorContext, id: string) {
      await load(ctx.actor, id);
      let q = db
        .selectFrom('staff_notifications as n')
        .leftJoin('workers as w', (j) => j.on(sql<boolean>`w.id = (n.payload->>'workerId')::uuid`))
        .select(['n.id', 'n.kind', 'n.created_at', 'n.read_at', 'w.first_name', 'w.last_name'])
        .where('n.programme_id', '=', id)
        .where('n.recipient_role', 'in', ctx.actor.roles.length > 0 ? ctx.actor.roles : ['admin']);
      if (!worksAcrossNetwork(ctx.actor)) q = q.where('n.office_id', '=', ctx.actor.officeId ?? '');
      const rows = await q.orderBy('n.created_at', 'desc').limit(20).execute();
      return {
        items: rows.map((r) => {
          const workerName = r.last_name ? `${r.last_name} ${r.first_name}` : null;
          return {
            id: r.id,
            kind: r.kind,
            createdAt: new Date(r.created_at).toISOString(),
            readAt: r.read_at ? new Date(r.read_at).toISOString() : null,
            workerName,
            message: `Posto liberato assegnato a ${workerName ?? 'un lavoratore'}, primo in lista d’attesa.`,
          };
        }),
      };
    },

    async markNotificationRead(ctx: ActorContext, programmeId: string, notificationId: string) {
      await load(ctx.actor, programmeId);
      const res = await db
        .updateTable('staff_notifications')
        .set({ read_at: clock() })
        .where('id', '=', notificationId)
        .where('programme_id', '=', programmeId)
        .where('read_at', 'is', null)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) {
        const exists = await db.selectFrom('staff_notifications').select('id').where('id', '=', notificationId).where('programme_id', '=', programmeId).executeTakeFirst();
        if (!exists) throw programmeErrors.notificationNotFound();
      }
    },
  };
}

export type ProgrammeService = ReturnType<typeof createProgrammeService>;
