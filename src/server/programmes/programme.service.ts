import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import { requireNetwork, staffNamesById, workerOfficeFilter, type Actor, type ActorContext } from '../auth/index.js';
import { companyOfCases } from '../companies/index.js';
import { isUniqueViolation } from '../db/errors.js';
import type { DB } from '../db/schema.js';
import type { EnrollmentState } from '../db/schema-programmes.js';
import { CRISIS_CIGS_REASONS } from '../../shared/schemas/companies.schema.js';
import type { CreateProgrammeRequest, Enrollment, Programme, UpdateProgrammeRequest } from '../../shared/schemas/programmes.schema.js';
import { officeIdsInNetwork, officeNamesById } from '../organisation/index.js';
import { displayNameOf, normaliseName, workerRefsByIds } from '../people/index.js';
import { romeDate } from './eligibility.js';
import { checkEligibility } from './eligibility-check.js';
import { enrollmentOfWorker } from './intake-lookup.repository.js';
import type { EnrollmentListRepository } from './enrollment-list.repository.js';
import type { NoticeRecipient } from './staff-notices.repository.js';
import { allowedTransitions, PLACE_HOLDING_STATES, REGISTRABLE_STATES } from './enrollment.states.js';
import type { EnrollmentService } from './enrollment.service.js';
import { programmeErrors } from './programme.errors.js';
import { canActOnWorkerOf } from './programme.policy.js';
import type { ProgrammeRepository, ProgrammeRow } from './programme.repository.js';
import { withRetry } from './retry.js';

/** Programmes of the actor's network: creation and changes (coordinators), and what the programme page shows. */
export function createProgrammeService(deps: {
  db: Kysely<DB>;
  repository: ProgrammeRepository;
  lists: EnrollmentListRepository;
  enrollments: EnrollmentService;
  audit: AuditService;
  clock: () => Date;
}) {
  const { db, repository: repo, lists, audit, clock } = deps;

  async function present(p: ProgrammeRow): Promise<Programme> {
    const counts = await repo.countByState(db, p.id);
    const used = PLACE_HOLDING_STATES.reduce((n, s) => n + (counts[s] ?? 0), 0);
    return { ...p, placesUsed: used, placesFree: Math.max(0, p.capacity - used), waiting: counts.waiting ?? 0, counts };
  }

  async function load(actor: Actor, id: string): Promise<ProgrammeRow> {
    const p = await repo.findProgramme(db, id);
    if (!p || p.networkId !== requireNetwork(actor)) throw programmeErrors.programmeNotFound();
    return p;
  }

  async function checkOffices(networkId: string, officeIds: string[]) {
    const inNetwork = await officeIdsInNetwork(db, networkId);
    if (!officeIds.every((id) => inNetwork.has(id))) throw programmeErrors.unknownOffice();
  }

  return {
    async list(actor: Actor): Promise<Programme[]> {
      return Promise.all((await repo.listProgrammes(db, requireNetwork(actor))).map(present));
    },

    get: async (actor: Actor, id: string) => present(await load(actor, id)),

    /**
     * A worker's eligibility for the programme: answered only for a worker the actor may act on
     * (the office-scope rule); any other is "not found", as people's routes answer. Audited: the
     * reasons tell a person's CIGS situation.
     */
    async eligibility(ctx: ActorContext, id: string, workerId: string, language: 'it' | 'en' = 'it') {
      await load(ctx.actor, id);
      const worker = (await workerRefsByIds(db, [workerId])).get(workerId);
      if (!worker || !canActOnWorkerOf(ctx.actor, worker.officeId, worker.networkId)) throw programmeErrors.workerNotFound();
      const result = (await checkEligibility(db, id, workerId, romeDate(clock()), language))!;
      const enrollment = await enrollmentOfWorker(db, id, workerId);
      await audit.record(db, ctx, {
        action: 'programme.eligibility.read',
        entityType: 'worker',
        entityId: workerId,
        entityLabel: displayNameOf(worker.firstName, worker.lastName),
        officeId: worker.officeId,
        details: { programmeId: id },
      });
      return {
        ...result,
        enrollment: enrollment
          ? {
              state: enrollment.state,
              since: new Date(enrollment.stateChangedAt).toISOString(),
              waitingPosition: enrollment.waitingPosition,
              registrable: REGISTRABLE_STATES.includes(enrollment.state),
            }
          : null,
      };
    },

    async create(ctx: ActorContext, input: CreateProgrammeRequest): Promise<Programme> {
      const networkId = requireNetwork(ctx.actor);
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
              eligibleReasons: input.eligibleReasons ?? [...CRISIS_CIGS_REASONS],
              requireActiveCigs: input.requireActiveCigs ?? true,
              status: input.status ?? 'draft',
            },
            [...new Set(input.officeIds)],
            now,
          );
          await audit.record(trx, ctx, {
            action: 'programme.created',
            entityType: 'programme',
            entityId: newId,
            entityLabel: input.name,
            details: { code: input.code, name: input.name, capacity: input.capacity },
          });
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
          await audit.record(trx, ctx, {
            action: 'programme.updated',
            entityType: 'programme',
            entityId: id,
            entityLabel: input.name ?? before.name,
            details: changed,
          });
          if (input.capacity !== undefined && input.capacity > locked.capacity) {
            await deps.enrollments.promoteWaiting(trx, ctx, id, input.capacity, now);
          }
        }),
      );
      return present((await repo.findProgramme(db, id))!);
    },

    /** Enrollments with worker, office and company, the waiting position, and the moves the actor may make. */
    async enrollments(
      ctx: ActorContext,
      id: string,
      query: { state?: EnrollmentState; q?: string; limit: number; offset: number },
    ): Promise<{ items: Enrollment[]; total: number }> {
      const programme = await load(ctx.actor, id);
      const actor = ctx.actor;
      const q = query.q?.trim();
      const { total, rows } = await lists.page(db, id, {
        officeId: workerOfficeFilter(actor) === null ? null : (actor.officeId ?? '00000000-0000-0000-0000-000000000000'),
        state: query.state,
        // The one name key (people's normaliseName), or an exact codice fiscale.
        ...(q ? { nameKey: normaliseName(q), codiceFiscale: q.toUpperCase() } : {}),
        limit: query.limit,
        offset: query.offset,
      });
      const [offices, companies] = await Promise.all([
        officeNamesById(
          db,
          rows.map((r) => r.office_id),
        ),
        companyOfCases(
          db,
          rows.map((r) => r.cigs_case_id),
        ),
      ]);
      await audit.record(db, ctx, {
        action: 'programme.enrollments.read',
        entityType: 'programme',
        entityId: id,
        // The ids shown, not the search text: a codice fiscale typed in the search is personal data.
        details: {
          ids: rows.map((r) => r.id),
          workerIds: rows.map((r) => r.worker_id),
          query: { state: query.state ?? null, searched: Boolean(q), offset: query.offset },
        },
      });
      return {
        total,
        items: rows.map((r) => ({
          id: r.id,
          workerId: r.worker_id,
          workerName: `${r.last_name} ${r.first_name}`.trim(),
          codiceFiscale: r.codice_fiscale,
          officeId: r.office_id,
          officeName: offices.get(r.office_id) ?? '',
          companyName: r.cigs_case_id ? (companies.get(r.cigs_case_id)?.companyName ?? null) : null,
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
      if (
        !e ||
        !programme ||
        programme.networkId !== requireNetwork(ctx.actor) ||
        !canActOnWorkerOf(ctx.actor, e.officeId, programme.networkId)
      ) {
        throw programmeErrors.enrollmentNotFound();
      }
      const rows = await lists.transitions(db, enrollmentId);
      const names = await staffNamesById(
        db,
        rows.map((r) => r.actor_id),
      );
      await audit.record(db, ctx, {
        action: 'enrollment.log.read',
        entityType: 'enrollment',
        entityId: enrollmentId,
        officeId: e.officeId,
      });
      return {
        items: rows.map((r) => ({
          id: r.id,
          from: r.from_state,
          to: r.to_state,
          at: new Date(r.at).toISOString(),
          actorName: r.actor_id ? (names.get(r.actor_id) ?? null) : null,
          reason: r.reason,
          channel: r.channel,
        })),
      };
    },

    /** Notices for the programme addressed to the actor (by account, or by a role in their office; coordinators see all the network's). Audited: they name workers. */
    async notifications(ctx: ActorContext, id: string) {
      await load(ctx.actor, id);
      const rows = await lists.notifications(db, id, noticeRecipient(ctx.actor));
      const workerIdOf = (payload: Record<string, unknown>) => (typeof payload.workerId === 'string' ? payload.workerId : null);
      const workerIds = rows.map((r) => workerIdOf(r.payload)).filter((w): w is string => w !== null);
      const workers = await workerRefsByIds(db, workerIds);
      if (rows.length > 0)
        await audit.record(db, ctx, {
          action: 'programme.notifications.read',
          entityType: 'programme',
          entityId: id,
          details: { ids: rows.map((r) => r.id), workerIds: [...new Set(workerIds)] },
        });
      return {
        items: rows.map((r) => {
          const w = workers.get(workerIdOf(r.payload) ?? '');
          const workerName = w ? displayNameOf(w.firstName, w.lastName) : null;
          return {
            id: r.id,
            kind: r.kind,
            createdAt: new Date(r.created_at).toISOString(),
            readAt: r.read_at ? new Date(r.read_at).toISOString() : null,
            workerName,
            message: noticeMessage(r.kind, r.payload, workerName ?? 'un lavoratore'),
          };
        }),
      };
    },

    /** Only a notice addressed to the actor can be marked read; another's answers "not found". */
    async markNotificationRead(ctx: ActorContext, programmeId: string, notificationId: string) {
      await load(ctx.actor, programmeId);
      if ((await lists.markNotificationRead(db, programmeId, notificationId, noticeRecipient(ctx.actor), clock())) === 'missing')
        throw programmeErrors.notificationNotFound();
    },
  };
}

/** A notice in words, by its kind: a place given from the waiting list, or a hire that ended early. */
function noticeMessage(kind: string, payload: Record<string, unknown>, workerName: string): string {
  if (kind === 'enrollment.early_end') {
    const reasons = Array.isArray(payload.reasons) ? payload.reasons.map(String).join('; ') : '';
    if (payload.outcome === 'reopened') return `Assunzione di ${workerName} terminata in anticipo: di nuovo iscritto al programma.`;
    if (payload.outcome === 'waiting')
      return `Assunzione di ${workerName} terminata in anticipo: in lista d’attesa, il programma è al completo.`;
    return `Assunzione di ${workerName} terminata in anticipo: percorso non riaperto (${reasons}).`;
  }
  return `Posto liberato assegnato a ${workerName}, primo in lista d’attesa.`;
}

/** The actor as a notice's recipient on the programme page: their account, and their roles here (in any office when they work across the network). */
function noticeRecipient(actor: Actor): NoticeRecipient {
  const officeId = workerOfficeFilter(actor) === null ? null : (actor.officeId ?? '00000000-0000-0000-0000-000000000000');
  return { userId: actor.userId, holds: actor.roles.map((role) => ({ role, officeId })) };
}

export type ProgrammeService = ReturnType<typeof createProgrammeService>;
