import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import { canActOnWorker, noCurrentOffice, requireNetwork, workerOfficeFilter, type Actor, type ActorContext } from '../auth/index.js';
import { companyOfCases } from '../companies/index.js';
import type { Executor } from '../db/executor.js';
import { isUniqueViolation } from '../db/errors.js';
import type { Language } from '../http/problem.js';
import type { DB } from '../db/schema.js';
import type { AttemptOutcome } from '../db/schema-outreach.js';
import { officeById } from '../organisation/index.js';
import { appendWorkerEvent, findWorkerMatches, maskWorkerMatch, workerRefsByIds } from '../people/index.js';
import { openProgrammesOfOffice } from '../programmes/index.js';
import type { Callback, HotlineStatus, WorkerCandidate } from '../../shared/schemas/outreach.schema.js';
import { normalisePhoneNumber } from '../../shared/identity/phone.js';
import { romeToday } from '../../shared/time/rome-date.js';
import { nextStepAfterAttempt } from './callback-rule.js';
import { addDays, lineStatus, type HotlineSlot } from './hotline-hours.js';
import type { HotlineRepository } from './hotline.repository.js';
import { outreachErrors } from './outreach.errors.js';

export interface HotlineOffice {
  id: string;
  networkId: string;
  name: string;
}

type QueueRow = Awaited<ReturnType<HotlineRepository['listCallbacks']>>[number];

/**
 * Hotline hours, closed days, caller matches and the callback queue. The intake itself (record a
 * call, register) is in intake.service.ts.
 */
export function createHotlineService(deps: { db: Kysely<DB>; repository: HotlineRepository; audit: AuditService; clock: () => Date }) {
  const { db, repository: repo, audit, clock } = deps;

  /** `executor`: the caller's transaction when called inside one (PGlite has a single connection). */
  async function officeInNetwork(actor: Actor, officeId?: string | null, executor: Executor = db): Promise<HotlineOffice> {
    const id = officeId ?? actor.officeId;
    if (!id) throw noCurrentOffice();
    const office = await officeById(executor, id);
    if (!office || office.networkId !== actor.networkId) throw outreachErrors.officeNotFound();
    return { id: office.id, networkId: office.networkId, name: office.name };
  }

  /** Slots and closed days (next 70 days) of an office, for the open-now and callback rules. */
  async function calendar(office: { id: string; networkId: string }, at: Date, executor: Executor = db) {
    const today = romeToday(at);
    const slots = await repo.slots(executor, office.id);
    const holidays = await repo.holidays(executor, { id: office.id, network_id: office.networkId }, today, addDays(today, 70));
    return { slots, holidays: new Map(holidays.map((h) => [h.date, h.name])), list: holidays };
  }

  function presentCallback(row: QueueRow, now: Date): Callback {
    const next = new Date(row.next_attempt_at);
    const name = row.first_name !== null ? `${row.first_name} ${row.last_name}`.trim() : (row.caller_name ?? '');
    return {
      id: row.id,
      officeId: row.office_id,
      workerId: row.worker_id,
      name,
      phone: row.phone,
      cigsEndDate: row.cigs_end_date,
      reason: row.reason,
      attempts: row.attempts,
      lastOutcome: row.last_outcome,
      nextAttemptAt: next.toISOString(),
      doneAt: row.done_at ? new Date(row.done_at).toISOString() : null,
      closedAs: row.closed_as,
      due: !row.done_at && next.getTime() <= now.getTime(),
    };
  }

  return {
    calendar,
    officeInNetwork,

    async status(actor: Actor, officeId?: string): Promise<HotlineStatus> {
      const office = await officeInNetwork(actor, officeId);
      const now = clock();
      const [cal, programmes] = await Promise.all([calendar(office, now), openProgrammesOfOffice(db, office.id)]);
      const s = lineStatus(cal.slots, cal.holidays, now);
      return {
        officeId: office.id,
        officeName: office.name,
        open: s.open,
        closesAt: s.closesAt?.toISOString() ?? null,
        nextOpening: s.nextOpening?.toISOString() ?? null,
        holiday: s.holiday,
        hours: cal.slots,
        upcomingHolidays: cal.list.slice(0, 5).map((h) => ({ date: h.date, name: h.name })),
        programmes: programmes.map((p) => ({ id: p.id, name: p.name })),
      };
    },

    async setHours(ctx: ActorContext, officeId: string, slots: HotlineSlot[]) {
      const office = await officeInNetwork(ctx.actor, officeId);
      await db.transaction().execute(async (trx) => {
        await repo.replaceSlots(trx, office.id, slots);
        await audit.record(trx, ctx, {
          action: 'hotline.hours_set',
          entityType: 'office',
          entityId: office.id,
          officeId: office.id,
          details: { slots },
        });
      });
    },

    async addHoliday(ctx: ActorContext, input: { date: string; name: string; officeId: string | null }, lang: Language = 'it') {
      if (input.officeId) await officeInNetwork(ctx.actor, input.officeId);
      const networkId = requireNetwork(ctx.actor);
      await db
        .transaction()
        .execute(async (trx) => {
          await repo.insertHoliday(trx, { networkId, officeId: input.officeId, date: input.date, name: input.name });
          await audit.record(trx, ctx, {
            action: 'hotline.holiday_added',
            entityType: 'office_holiday',
            entityId: null,
            officeId: input.officeId,
            details: input,
          });
        })
        .catch((err: unknown) => {
          // Two coordinators adding the same day at once included: the unique index decides.
          if (isUniqueViolation(err, 'office_holidays_key')) throw outreachErrors.holidayTaken(input.date, input.officeId !== null, lang);
          throw err;
        });
    },

    /**
     * Known workers who may be the caller: same codice fiscale, same phone, same name (either
     * order: callers give "Maria Rossi" or "Rossi Maria"). Searched across the network so the same
     * person is not created twice; candidates of an office outside the operator's scope are shown
     * masked (initials and that office's name only), so the call can be handed over to it.
     */
    async matches(ctx: ActorContext, input: { name: string; phone: string; codiceFiscale?: string; birthDate?: string }) {
      const networkId = requireNetwork(ctx.actor);
      const phone = normalisePhoneNumber(input.phone);
      // People's one check takes the name in either order and however it is cut into first and last.
      const words = input.name.trim().split(/\s+/);
      const found = await findWorkerMatches(db, networkId, {
        firstName: words[0] ?? '',
        lastName: words.slice(1).join(' '),
        phone: phone.valid ? phone.e164 : null,
        codiceFiscale: input.codiceFiscale || null,
        birthDate: input.birthDate ?? null,
      });
      const ids = found.map((m) => m.id);
      // CIGS end and company only for the workers the operator may see (the masked ones show the office alone).
      const refs = await workerRefsByIds(
        db,
        found.filter((m) => canActOnWorker(ctx.actor, m)).map((m) => m.id),
      );
      const companies = await companyOfCases(
        db,
        [...refs.values()].map((r) => r.cigsCaseId),
      );
      const candidates: WorkerCandidate[] = found.map((m) => {
        const shown = maskWorkerMatch(ctx.actor, m);
        const ref = refs.get(m.id);
        return {
          id: shown.id,
          firstName: shown.firstName,
          lastName: shown.lastName,
          phone: shown.phone,
          codiceFiscale: shown.codiceFiscale,
          birthDate: shown.birthDate,
          companyName: ref ? (companies.get(ref.cigsCaseId ?? '')?.companyName ?? null) : null,
          cigsEndDate: ref ? ref.cigsEnd : null,
          officeName: shown.officeName,
          inScope: shown.inScope ?? false,
          matchedOn: shown.matchedOn.map((k) => (k === 'codiceFiscale' ? 'codice_fiscale' : k)) as WorkerCandidate['matchedOn'],
        };
      });
      await audit.record(db, ctx, {
        action: 'hotline.matches_read',
        entityType: 'worker',
        entityId: null,
        details: { ids, masked: candidates.filter((c) => !c.inScope).map((c) => c.id) },
      });
      return { phone: phone.valid ? phone.e164 : input.phone, candidates };
    },

    /** The queue of the operator's office (coordinators: the network's). A personal-data read: audited, one row per page naming its workers. */
    async callbacks(ctx: ActorContext, include: 'open' | 'done'): Promise<Callback[]> {
      const networkId = requireNetwork(ctx.actor);
      const rows = await repo.listCallbacks(db, networkId, workerOfficeFilter(ctx.actor), include);
      const workerIds = [...new Set(rows.map((r) => r.worker_id).filter((id): id is string => id !== null))];
      await audit.record(db, ctx, {
        action: 'hotline.callbacks_read',
        entityType: 'callback',
        entityId: null,
        details: { ids: rows.map((r) => r.id), workerIds, query: { include } },
      });
      const now = clock();
      return rows.map((r) => presentCallback(r, now));
    },

    async recordAttempt(ctx: ActorContext, callbackId: string, outcome: AttemptOutcome, note = ''): Promise<Callback> {
      const cb = await repo.findCallback(db, callbackId);
      if (!cb || !canActOnWorker(ctx.actor, { networkId: cb.network_id, officeId: cb.office_id })) throw outreachErrors.callbackNotFound();
      if (cb.done_at) throw outreachErrors.callbackDone();
      const office = await officeInNetwork(ctx.actor, cb.office_id);
      const now = clock();
      const cal = await calendar(office, now);
      const unansweredBefore = await repo.unansweredAttempts(db, callbackId);
      const step = nextStepAfterAttempt({ outcome, unansweredBefore, at: now, slots: cal.slots, holidays: cal.holidays });
      await db.transaction().execute(async (trx) => {
        await repo.recordAttempt(trx, {
          callbackId,
          operatorId: ctx.actor.userId,
          outcome,
          note,
          at: now,
          nextAttemptAt: step.done ? null : step.nextAttemptAt,
          closedAs: step.done ? step.closedAs : null,
        });
        // The worker's timeline shows every outcome (the kind names it, so the timeline labels it
        // without reading details), and the 3rd unanswered attempt as the one that closed it.
        if (cb.worker_id) {
          const kind = step.done && step.closedAs === 'unreachable' ? 'hotline.callback.unreachable' : `hotline.callback.${outcome}`;
          await appendWorkerEvent(trx, {
            workerId: cb.worker_id,
            officeId: cb.office_id,
            kind,
            actorId: ctx.actor.userId,
            at: now,
            details: { callbackId, outcome, attempt: cb.attempts + 1, closedAs: step.done ? step.closedAs : null },
          });
        }
        await audit.record(trx, ctx, {
          action: 'hotline.callback_attempt',
          entityType: 'callback',
          entityId: callbackId,
          officeId: cb.office_id,
          details: { outcome, ...(step.done ? { closedAs: step.closedAs } : { nextAttemptAt: step.nextAttemptAt.toISOString() }) },
        });
      });
      const [row] = await repo.listCallbacks(db, cb.network_id, cb.office_id, step.done ? 'done' : 'open', 1, callbackId);
      if (!row) throw outreachErrors.callbackNotFound();
      return presentCallback(row, now);
    },
  };
}

export type HotlineService = ReturnType<typeof createHotlineService>;
