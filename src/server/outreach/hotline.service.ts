import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import { noCurrentOffice, requireNetwork, type Actor, type ActorContext } from '../auth/index.js';
import type { DB } from '../db/schema.js';
import { DomainError } from '../http/problem.js';
import { canAccessWorker, workerOfficeFilter } from '../people/index.js';
import type {
  Callback,
  HotlineStatus,
  WorkerCandidate,
} from '../../shared/schemas/outreach.schema.js';
import type { AttemptOutcome } from '../db/schema-outreach.js';
import { nextStepAfterAttempt } from './callback-rule.js';
import { addDays, lineStatus, romeLocal, type HotlineSlot } from './hotline-hours.js';
import type { HotlineRepository } from './hotline.repository.js';
import { outreachErrors } from './outreach.errors.js';
import { normalisePhoneNumber } from '../../shared/identity/phone.js';
import { findWorkerMatches } from '../people/worker-matches.js';


/**
 * Hotline hours, closed days and the callback queue. The intake itself (record a call, match,
 * register) is in intake.service.ts.
 */
export function createHotlineService(deps: { db: Kysely<DB>; repository: HotlineRepository; audit: AuditService; clock: () => Date }) {
  const { db, repository: repo, audit, clock } = deps;

  async function officeInNetwork(actor: Actor, officeId?: string | null) {
    const id = officeId ?? actor.officeId;
    if (!id) throw noCurrentOffice();
    const office = await repo.office(db, id);
    if (!office || office.network_id !== actor.networkId) throw outreachErrors.officeNotFound();
    return office;
  }

  /** Slots and closed days (next 60 days) of an office, for the open-now and callback rules. */
  async function calendar(office: { id: string; network_id: string }, at: Date) {
    const today = romeLocal(at).date;
    const [slots, holidays] = await Promise.all([repo.slots(db, office.id), repo.holidays(db, office, today, addDays(today, 70))]);
    return { slots, holidays: new Map(holidays.map((h) => [h.date, h.name])), list: holidays };
  }

  function presentCallback(row: Awaited<ReturnType<HotlineRepository['listCallbacks']>>[number], now: Date): Callback {
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
      const cal = await calendar(office, now);
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
      };
    },

    async setHours(ctx: ActorContext, officeId: string, slots: HotlineSlot[]) {
      const office = await officeInNetwork(ctx.actor, officeId);
      await db.transaction().execute(async (trx) => {
        await repo.replaceSlots(trx, office.id, slots);
        await audit.record(trx, ctx, { action: 'hotline.hours_set', entityType: 'office', entityId: office.id, officeId: office.id, details: { slots } });
      });
    },

    async addHoliday(ctx: ActorContext, input: { date: string; name: string; officeId: string | null }) {
      if (input.officeId) await officeInNetwork(ctx.actor, input.officeId);
      const networkId = requireNetwork(ctx.actor);
      await db.transaction().execute(async (trx) => {
        await repo.insertHoliday(trx, { networkId, officeId: input.officeId, date: input.date, name: input.name });
        await audit.record(trx, ctx, { action: 'hotline.holiday_added', entityType: 'office_holiday', entityId: null, officeId: input.officeId, details: input });
      });
    },

    /**
     * Known workers who may be the caller: same codice fiscale, same phone, same name (either
     * order: callers give "Maria Rossi" or "Rossi Maria"). Searched across the network so the same
     * person is not created twice; candidates of an office outside the operator's scope are shown
     * with that office's name only.
     */
    async matches(ctx: ActorContext, input: { name: string; phone: string; codiceFiscale?: string; birthDate?: string }) {
      const networkId = requireNetwork(ctx.actor);
      const phone = normalisePhoneNumber(input.phone);
      const words = input.name.trim().split(/\s+/);
      const orders = words.length > 1 ? [[words[0]!, words.slice(1).join(' ')], [words.at(-1)!, words.slice(0, -1).join(' ')]] : [[words[0]!, words[0]!]];
      const seen = new Map<string, Awaited<ReturnType<typeof findWorkerMatches>>[number]>();
      for (const [firstName, lastName] of orders) {
        const found = await findWorkerMatches(db, networkId, { firstName, lastName, phone: phone.valid ? phone.e164 : null, codiceFiscale: input.codiceFiscale || null, birthDate: input.birthDate ?? null });
        for (const c of found) {
          const prev = seen.get(c.id);
          seen.set(c.id, prev ? { ...c, matchedOn: [...new Set([...prev.matchedOn, ...c.matchedOn])] } : c);
        }
      }
      const ids = [...seen.keys()];
      const details = ids.length
        ? await db
            .selectFrom('workers as w')
            .leftJoin('cigs_cases as cc', 'cc.id', 'w.cigs_case_id')
            .leftJoin('companies as co', 'co.id', 'cc.company_id')
            .select(['w.id', 'w.office_id', 'w.network_id', 'w.effective_cigs_end as cigs_end_date', 'co.name as company'])
            .where('w.id', 'in', ids)
            .execute()
        : [];
      const byId = new Map(details.map((d) => [d.id, d]));
      const rank = (m: string[]) => (m.includes('codiceFiscale') ? 4 : 0) + (m.includes('phone') ? 2 : 0) + (m.includes('name') ? 1 : 0);
      const candidates: Array<WorkerCandidate> = [...seen.values()]
        .sort((a, b) => rank(b.matchedOn) - rank(a.matchedOn))
        .map((c) => {
          const d = byId.get(c.id)!;
          const inScope = canAccessWorker(ctx.actor, { networkId: d.network_id, officeId: d.office_id });
          return {
            id: c.id,
            firstName: inScope ? c.firstName : c.firstName.slice(0, 1) + '.',
            lastName: inScope ? c.lastName : c.lastName.slice(0, 1) + '.',
            phone: inScope ? c.phone : null,
            codiceFiscale: inScope ? c.codiceFiscale : null,
            birthDate: inScope ? c.birthDate : null,
            companyName: inScope ? (d.company ?? null) : null,
            cigsEndDate: inScope ? d.cigs_end_date : null,
            officeName: c.officeName,
            inScope,
            matchedOn: c.matchedOn.map((m) => (m === 'codiceFiscale' ? 'codice_fiscale' : m)) as WorkerCandidate['matchedOn'],
          };
        });
      await audit.record(db, ctx, { action: 'hotline.matches_read', entityType: 'worker', entityId: null, details: { candidateIds: ids } });
      return { phone: phone.valid ? phone.e164 : input.phone, candidates };
    },

    async callbacks(actor: Actor, include: 'open' | 'done'): Promise<Callback[]> {
      requireNetwork(actor);
      // The queue is per office (the operator calls for their own office); coordinators see all.
      const rows = await repo.listCallbacks(db, requireNetwork(actor), workerOfficeFilter(actor), include);
      const now = clock();
      return rows.map((r) => presentCallback(r, now));
    },

    async recordAttempt(ctx: ActorContext, callbackId: string, outcome: AttemptOutcome, note = ''): Promise<Callback> {
      const cb = await repo.findCallback(db, callbackId);
      const scope = workerOfficeFilter(ctx.actor);
      if (!cb || cb.network_id !== ctx.actor.networkId || (scope && cb.office_id !== scope)) throw outreachErrors.callbackNotFound();
      if (cb.done_at) throw outreachErrors.callbackDone();
      const office = (await repo.office(db, cb.office_id))!;
      const now = clock();
      const cal = await calendar(office, now);
      const unansweredBefore = await repo.unansweredAttempts(db, callbackId);
      const step = nextStepAfterAttempt({ outcome, unansweredBefore, at: now, slots: cal.slots, holidays: cal.holidays });
      await db.transaction().execute(async (trx) => {
        await repo.recordAttempt(trx, {
          callbackId, operatorId: ctx.actor.userId, outcome, note, at: now,
          nextAttemptAt: step.done ? null : step.nextAttemptAt, closedAs: step.done ? step.closedAs : null,
        });
        if (cb.worker_id) {
          await trx.insertInto('worker_events').values({ worker_id: cb.worker_id, office_id: cb.office_id, kind: 'hotline.callback_attempt', actor_id: ctx.actor.userId, at: now, details: JSON.stringify({ callbackId, outcome, closedAs: step.done ? step.closedAs : null }) }).execute();
        }
        await audit.record(trx, ctx, { action: 'hotline.callback_attempt', entityType: 'callback', entityId: callbackId, officeId: cb.office_id, details: { outcome, ...(step.done ? { closedAs: step.closedAs } : { nextAttemptAt: step.nextAttemptAt.toISOString() }) } });
      });
      const rows = await repo.listCallbacks(db, cb.network_id, cb.office_id, step.done ? 'done' : 'open', 1000);
      const row = rows.find((r) => r.id === callbackId);
      if (!row) throw new DomainError('CALLBACK_NOT_FOUND', 404, { it: 'La richiamata non esiste.', en: 'The callback does not exist.' });
      return presentCallback(row, now);
    },
  };
}

export type HotlineService = ReturnType<typeof createHotlineService>;
