import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import { canActOnWorker, type ActorContext } from '../auth/index.js';
import type { Executor } from '../db/executor.js';
import type { DB } from '../db/schema.js';
import type { CallOutcome } from '../db/schema-outreach.js';
import { DomainError } from '../http/problem.js';
import { officeNamesById } from '../organisation/index.js';
import {
  addWorkerPhone,
  appendWorkerEvent,
  displayNameOf,
  insertWorker,
  tidyName,
  workerRefByCodiceFiscale,
  workerRefsByIds,
  type WorkerRef,
} from '../people/index.js';
import { checkEligibility, enrollmentOfWorker, openProgrammesOfOffice, programmeNameOf, withRetry } from '../programmes/index.js';
import { normaliseCodiceFiscale, validateCodiceFiscale } from '../../shared/identity/codice-fiscale.js';
import { normalisePhoneNumber } from '../../shared/identity/phone.js';
import type { IntakeRequest, IntakeResponse } from '../../shared/schemas/outreach.schema.js';
import { shortOfficeName } from '../../shared/text/office-short-name.js';
import { formatItalianDate, romeToday } from '../../shared/time/rome-date.js';
import { firstAttemptAt } from './callback-rule.js';
import type { HotlineOffice, HotlineService } from './hotline.service.js';
import type { HotlineRepository } from './hotline.repository.js';
import { hotlineErrors } from './hotline.errors.js';
import { outreachErrors } from './outreach.errors.js';
import { markRecipientRegistered } from './recipient-states.js';

/**
 * What the intake needs from the programmes module's service instance: the registration that runs
 * inside the caller's transaction (it takes the programme row lock there).
 */
export interface ProgrammeRegistration {
  registerInTransaction(
    trx: Executor,
    ctx: ActorContext,
    input: { programmeId: string; workerId: string; channel: 'hotline'; reason?: string },
  ): Promise<{ state: 'registered' | 'waiting'; waitingPosition?: number; enrollment: { stateChangedAt: Date } }>;
}

export const CALLBACK_REASONS = {
  requested: 'Richiamare il lavoratore',
  checkRequirements: 'Verificare i requisiti: dati CIGS mancanti',
  registrationPending: 'Iscrizione in sospeso: completare l’iscrizione al programma',
};

/** States in which the caller is already in the programme: told their state, never registered again. */
const ALREADY_IN = new Set(['registered', 'waiting', 'assessed', 'enrolled', 'placed', 'withdrawn', 'cigs_ended']);

type Resolved = { worker: WorkerRef; created: boolean };

/**
 * A hotline call in one request and ONE transaction: the worker (the operator's confirmed match,
 * the one with this codice fiscale, or a new minimal worker: name and phone in the operator's
 * office), a new phone number kept as a further contact, the eligibility check and the registration
 * (programmes' registerInTransaction, holding the programme lock in this transaction), or a
 * callback, the call record, the outreach status and the timeline. A failure anywhere leaves
 * nothing behind, so the operator's retry creates exactly one worker. The whole transaction is
 * retried on serialization failures, deadlocks and unique races (programmes' withRetry): a
 * concurrent call that created the same codice fiscale is found on the retry.
 */
export function createIntakeService(deps: {
  db: Kysely<DB>;
  repository: HotlineRepository;
  hotline: HotlineService;
  audit: AuditService;
  clock: () => Date;
  programmes: ProgrammeRegistration | null;
}) {
  const { db, repository: repo, hotline, audit, clock } = deps;

  function splitName(name: string): { firstName: string; lastName: string } {
    const words = tidyName(name).split(' ');
    if (words.length === 1) return { firstName: '', lastName: words[0]! };
    return { firstName: words[0]!, lastName: words.slice(1).join(' ') };
  }

  async function otherOfficeError(trx: Executor, officeId: string) {
    const name = (await officeNamesById(trx, [officeId])).get(officeId) ?? '';
    return hotlineErrors.workerInOtherOffice(shortOfficeName(name));
  }

  /** The caller's worker, read and (when new) written through the transaction handle. */
  async function resolveWorker(
    trx: Executor,
    ctx: ActorContext,
    office: HotlineOffice,
    input: IntakeRequest,
    v: { phone: string; cf: string | null; now: Date },
  ): Promise<Resolved> {
    if (input.workerId) {
      const w = (await workerRefsByIds(trx, [input.workerId])).get(input.workerId);
      if (!w || w.networkId !== office.networkId) throw outreachErrors.workerNotFound();
      if (!canActOnWorker(ctx.actor, w)) throw await otherOfficeError(trx, w.officeId);
      return { worker: w, created: false };
    }
    if (v.cf) {
      const w = await workerRefByCodiceFiscale(trx, office.networkId, v.cf);
      if (w && !canActOnWorker(ctx.actor, w)) throw await otherOfficeError(trx, w.officeId);
      if (w) return { worker: w, created: false };
    }
    const { firstName, lastName } = splitName(input.name);
    const id = await insertWorker(trx, {
      networkId: office.networkId,
      officeId: office.id,
      firstName,
      lastName,
      phone: v.phone,
      codiceFiscale: v.cf,
      birthDate: input.birthDate ?? null,
    });
    await appendWorkerEvent(trx, {
      workerId: id,
      officeId: office.id,
      kind: 'worker.created',
      actorId: ctx.actor.userId,
      at: v.now,
      details: { source: 'hotline' },
    });
    await audit.record(trx, ctx, {
      action: 'worker.created',
      entityType: 'worker',
      entityId: id,
      entityLabel: displayNameOf(firstName, lastName),
      officeId: office.id,
      details: { source: 'hotline' },
    });
    const worker: WorkerRef = {
      id,
      networkId: office.networkId,
      officeId: office.id,
      cigsCaseId: null,
      firstName,
      lastName,
      phone: v.phone,
      cigsEnd: null,
    };
    return { worker, created: true };
  }

  /** The call of a worker another office follows goes to that office's queue, with the reason; the operator sees nothing more of them. */
  async function handOver(
    ctx: ActorContext,
    office: HotlineOffice,
    input: IntakeRequest,
    phone: string,
    cf: string | null,
    now: Date,
  ): Promise<IntakeResponse> {
    if (!input.workerId) throw hotlineErrors.handoverNeedsWorker();
    const workerId = input.workerId;
    return withRetry(() =>
      db.transaction().execute(async (trx) => {
        const w = (await workerRefsByIds(trx, [workerId])).get(workerId);
        if (!w || w.networkId !== office.networkId) throw outreachErrors.workerNotFound();
        if (w.officeId === office.id) throw hotlineErrors.handoverToOwnOffice();
        const target = await hotline.officeInNetwork(ctx.actor, w.officeId, trx);
        const cal = await hotline.calendar(target, now, trx);
        const said = input.reason?.trim() || CALLBACK_REASONS.requested;
        const reason = `Chiamata passata dal ${shortOfficeName(office.name)} il ${formatItalianDate(romeToday(now))}: ${said}. Numero dato: ${phone}`;
        const callId = await repo.insertCall(trx, {
          networkId: office.networkId,
          officeId: office.id,
          operatorId: ctx.actor.userId,
          at: now,
          name: input.name,
          phone,
          codiceFiscale: cf,
          birthDate: input.birthDate ?? null,
          company: input.company ?? '',
          workerId: w.id,
          outcome: 'handed_over',
          note: input.note ?? '',
        });
        const callbackId = await repo.insertCallback(trx, {
          networkId: office.networkId,
          officeId: target.id,
          workerId: w.id,
          callId,
          reason,
          nextAttemptAt: firstAttemptAt(cal.slots, cal.holidays, now),
          createdBy: ctx.actor.userId,
          at: now,
        });
        await appendWorkerEvent(trx, {
          workerId: w.id,
          officeId: w.officeId,
          kind: 'hotline.handed_over',
          actorId: ctx.actor.userId,
          at: now,
          details: { callId, callbackId, fromOfficeId: office.id, reason: said },
        });
        await audit.record(trx, ctx, {
          action: 'hotline.call_handed_over',
          entityType: 'hotline_call',
          entityId: callId,
          officeId: office.id,
          details: { workerId: w.id, toOfficeId: target.id, callbackId },
        });
        return {
          callId,
          workerId: w.id,
          workerCreated: false,
          outcome: 'handed_over' as const,
          eligibility: null,
          callbackId,
          enrollmentState: null,
          programme: null,
          enrollment: null,
          handedOverTo: shortOfficeName(target.name),
          phoneAdded: false,
        };
      }),
    );
  }

  return {
    async record(ctx: ActorContext, input: IntakeRequest): Promise<IntakeResponse> {
      const actor = ctx.actor;
      const office = await hotline.officeInNetwork(actor);
      const phoneCheck = normalisePhoneNumber(input.phone);
      if (!phoneCheck.valid)
        throw new DomainError('INVALID_PHONE', 400, outreachErrors.invalidPhone().text, {
          errors: [{ path: 'body/phone', message: 'Numero di telefono non valido' }],
        });
      const phone = phoneCheck.e164;
      let cf: string | null = null;
      if (input.codiceFiscale) {
        cf = normaliseCodiceFiscale(input.codiceFiscale);
        if (!validateCodiceFiscale(cf).valid)
          throw new DomainError(
            'INVALID_CODICE_FISCALE',
            400,
            { it: 'Il codice fiscale non è valido.', en: 'The codice fiscale is not valid.' },
            { errors: [{ path: 'body/codiceFiscale', message: 'Codice fiscale non valido' }] },
          );
      }
      const now = clock();
      if (input.action === 'handover') return handOver(ctx, office, input, phone, cf, now);

      // The programme: the operator's choice, else the office's default (open programmes, earliest start first).
      let programme: { id: string; name: string } | null = null;
      if (input.action === 'register' && input.programmeId) {
        const name = await programmeNameOf(db, office.networkId, input.programmeId);
        if (name === undefined) throw outreachErrors.programmeNotFound();
        programme = { id: input.programmeId, name };
      }

      return withRetry(() =>
        db.transaction().execute(async (trx): Promise<IntakeResponse> => {
          // 1. The worker, and the caller's number kept when it is new for a known worker.
          const { worker, created } = await resolveWorker(trx, ctx, office, input, { phone, cf, now });
          let phoneAdded = false;
          if (!created) {
            const kept = await addWorkerPhone(trx, {
              workerId: worker.id,
              officeId: worker.officeId,
              phone,
              source: 'hotline',
              recordedBy: actor.userId,
              at: now,
            });
            phoneAdded = kept !== 'known';
            if (phoneAdded)
              await appendWorkerEvent(trx, {
                workerId: worker.id,
                officeId: worker.officeId,
                kind: 'worker.phone_added',
                actorId: actor.userId,
                at: now,
                details: { phone, source: 'hotline' },
              });
          }

          // 2. Their real state in the programme, eligibility and registration, or a callback.
          let outcome: CallOutcome = 'recorded';
          let eligibility: IntakeResponse['eligibility'] = null;
          let enrollmentState: string | null = null;
          let enrollment: IntakeResponse['enrollment'] = null;
          let callbackReason: string | null = null;
          let target = programme;
          if (input.action === 'register' && !target) {
            const open = await openProgrammesOfOffice(trx, worker.officeId);
            target = open[0] ? { id: open[0].id, name: open[0].name } : null;
          }
          if (input.action === 'callback') {
            callbackReason = input.reason || CALLBACK_REASONS.requested;
          } else if (!target || !deps.programmes) {
            callbackReason = CALLBACK_REASONS.registrationPending;
          } else {
            const existing = await enrollmentOfWorker(trx, target.id, worker.id);
            if (existing && ALREADY_IN.has(existing.state)) {
              outcome = 'already_enrolled';
              enrollmentState = existing.state;
              enrollment = { state: existing.state, since: romeToday(existing.stateChangedAt), waitingPosition: existing.waitingPosition };
            } else {
              const result = await checkEligibility(trx, target.id, worker.id, romeToday(now));
              if (!result) throw outreachErrors.programmeNotFound();
              eligibility = result;
              if (!result.eligible) {
                // A caller we know nothing about yet (no CIGS case): someone must check, not refuse.
                if (!worker.cigsCaseId) callbackReason = CALLBACK_REASONS.checkRequirements;
                else outcome = 'not_eligible';
              } else {
                try {
                  const reg = await deps.programmes.registerInTransaction(trx, ctx, {
                    programmeId: target.id,
                    workerId: worker.id,
                    channel: 'hotline',
                    reason: 'Segnalazione telefonica',
                  });
                  enrollmentState = reg.state;
                  enrollment = { state: reg.state, since: romeToday(now), waitingPosition: reg.waitingPosition ?? null };
                  outcome = reg.state === 'waiting' ? 'waiting_list' : 'registered';
                } catch (err) {
                  // Raised before any write of the registration, so the transaction is still usable.
                  if (!(err instanceof DomainError) || err.code !== 'PROGRAMME_NOT_OPEN') throw err;
                  callbackReason = CALLBACK_REASONS.registrationPending;
                }
              }
            }
          }
          if (callbackReason) outcome = 'callback_queued';

          // 3. The call, the callback, the outreach status and the timeline.
          const cal = callbackReason ? await hotline.calendar({ id: worker.officeId, networkId: worker.networkId }, now, trx) : null;
          const callId = await repo.insertCall(trx, {
            networkId: office.networkId,
            officeId: worker.officeId,
            operatorId: actor.userId,
            at: now,
            name: input.name,
            phone,
            codiceFiscale: cf,
            birthDate: input.birthDate ?? null,
            company: input.company ?? '',
            workerId: worker.id,
            outcome,
            note: input.note ?? '',
          });
          const callbackId = callbackReason
            ? await repo.insertCallback(trx, {
                networkId: office.networkId,
                officeId: worker.officeId,
                workerId: worker.id,
                callId,
                reason: callbackReason,
                nextAttemptAt: firstAttemptAt(cal!.slots, cal!.holidays, now),
                createdBy: actor.userId,
                at: now,
              })
            : null;
          if ((outcome === 'registered' || outcome === 'waiting_list') && target) {
            await markRecipientRegistered(trx, {
              workerId: worker.id,
              programmeId: target.id,
              actorId: actor.userId,
              at: now,
              reason: 'Iscrizione dal centralino',
            });
          }
          await appendWorkerEvent(trx, {
            workerId: worker.id,
            officeId: worker.officeId,
            kind: 'hotline.call',
            actorId: actor.userId,
            at: now,
            details: { callId, outcome, callbackId, programmeId: target?.id ?? null },
          });
          await audit.record(trx, ctx, {
            action: 'hotline.call_recorded',
            entityType: 'hotline_call',
            entityId: callId,
            officeId: worker.officeId,
            details: { workerId: worker.id, outcome, workerCreated: created, phoneAdded },
          });
          return {
            callId,
            workerId: worker.id,
            workerCreated: created,
            outcome,
            eligibility,
            callbackId,
            enrollmentState,
            programme:
              target &&
              (outcome === 'registered' || outcome === 'waiting_list' || outcome === 'already_enrolled' || outcome === 'not_eligible')
                ? target
                : null,
            enrollment,
            handedOverTo: null,
            phoneAdded,
          };
        }),
      );
    },
  };
}

export type IntakeService = ReturnType<typeof createIntakeService>;
