import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import type { DB } from '../db/schema.js';
import type { CallOutcome } from '../db/schema-outreach.js';
import { DomainError } from '../http/problem.js';
import { appendWorkerEvent } from '../people/worker-events.js';
import { searchNameOf, tidyName } from '../people/worker-names.js';
import { canAccessWorker } from '../people/index.js';
import { normaliseCodiceFiscale, validateCodiceFiscale } from '../../shared/identity/codice-fiscale.js';
import { normalisePhoneNumber } from '../../shared/identity/phone.js';
import type { IntakeRequest, IntakeResponse } from '../../shared/schemas/outreach.schema.js';
import { firstAttemptAt } from './callback-rule.js';
import { romeLocal } from './hotline-hours.js';
import type { ActorContext } from '../auth/index.js';
import type { HotlineService } from './hotline.service.js';
import type { HotlineRepository } from './hotline.repository.js';
import { outreachErrors } from './outreach.errors.js';
import { markRecipientRegistered } from './recipient-states.js';

/** What the intake needs from the programmes module (its checkEligibility and register). */
export interface ProgrammeRegistration {
  checkEligibility(db: Kysely<DB>, programmeId: string, workerId: string, on: string): Promise<{ eligible: boolean; reasons: string[] } | undefined>;
  register(ctx: ActorContext, input: { programmeId: string; workerId: string; channel: 'hotline'; reason?: string }): Promise<{ state: 'registered' | 'waiting' }>;
}

export const CALLBACK_REASONS = {
  requested: 'Richiamare il lavoratore',
  checkRequirements: 'Verificare i requisiti: dati CIGS mancanti',
  registrationPending: 'Iscrizione in sospeso: completare l’iscrizione al programma',
};

/**
 * A hotline call in one request: the operator's confirmed match (or a new minimal worker: name
 * and phone in the operator's office), then — when asked — the eligibility check and the
 * registration through the programmes module; when registration cannot be completed now
 * (requirements to verify, no open programme) a callback is queued instead. The call record,
 * the callback, the outreach status and the worker's timeline are written in one transaction
 * after the registration (which runs in its own, holding the programme lock).
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

  async function openProgrammeOf(officeId: string): Promise<string | null> {
    const row = await db
      .selectFrom('programmes as p')
      .innerJoin('programme_offices as po', 'po.programme_id', 'p.id')
      .select('p.id')
      .where('po.office_id', '=', officeId)
      .where('p.status', '=', 'open')
      .orderBy('p.starts_on')
      .executeTakeFirst();
    return row?.id ?? null;
  }

  return {
    async record(ctx: ActorContext, input: IntakeRequest): Promise<IntakeResponse> {
      const actor = ctx.actor;
      const office = await hotline.officeInNetwork(actor);
      const phone = normalisePhoneNumber(input.phone);
      if (!phone.valid) throw new DomainError('INVALID_PHONE', 400, outreachErrors.invalidPhone().text, { errors: [{ path: 'phone', message: 'Numero di telefono non valido' }] });
      let cf: string | null = null;
      if (input.codiceFiscale) {
        cf = normaliseCodiceFiscale(input.codiceFiscale);
        if (!validateCodiceFiscale(cf).valid) throw new DomainError('INVALID_CODICE_FISCALE', 400, { it: 'Il codice fiscale non è valido.', en: 'The codice fiscale is not valid.' }, { errors: [{ path: 'codiceFiscale', message: 'Codice fiscale non valido' }] });
      }
      const now = clock();

      // 1. The worker: the confirmed match, the one with this codice fiscale, or a new one.
      let workerId = input.workerId ?? null;
      let workerCreated = false;
      if (!workerId && cf) {
        const existing = await db.selectFrom('workers').select(['id', 'office_id', 'network_id']).where('network_id', '=', office.network_id).where('codice_fiscale', '=', cf).executeTakeFirst();
        if (existing && !canAccessWorker(actor, { networkId: existing.network_id, officeId: existing.office_id })) throw outreachErrors.workerInOtherOffice();
        workerId = existing?.id ?? null;
      }
      if (workerId) {
        const w = await db.selectFrom('workers').select(['id', 'office_id', 'network_id']).where('id', '=', workerId).executeTakeFirst();
        if (!w || !canAccessWorker(actor, { networkId: w.network_id, officeId: w.office_id })) throw outreachErrors.workerNotFound();
      } else {
        const { firstName, lastName } = splitName(input.name);
        workerId = await db.transaction().execute(async (trx) => {
          const row = await trx
            .insertInto('workers')
            .values({
              network_id: office.network_id, office_id: office.id, first_name: firstName, last_name: lastName,
              search_name: searchNameOf(firstName, lastName), phone: phone.e164, codice_fiscale: cf, birth_date: input.birthDate ?? null,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          await appendWorkerEvent(trx, { workerId: row.id, officeId: office.id, kind: 'worker.created', actorId: actor.userId, at: now, details: { source: 'hotline' } });
          await audit.record(trx, ctx, { action: 'worker.created', entityType: 'worker', entityId: row.id, officeId: office.id, details: { source: 'hotline' } });
          return row.id;
        });
        workerCreated = true;
      }
      const worker = await db.selectFrom('workers').select(['id', 'office_id', 'cigs_case_id']).where('id', '=', workerId).executeTakeFirstOrThrow();

      // 2. Eligibility and registration, or a callback.
      let outcome: CallOutcome = 'recorded';
      let eligibility: IntakeResponse['eligibility'] = null;
      let enrollmentState: string | null = null;
      let callbackReason: string | null = null;
      const programmeId = input.action === 'register' ? (input.programmeId ?? (await openProgrammeOf(worker.office_id))) : null;
      if (input.action === 'callback') {
        callbackReason = input.reason || CALLBACK_REASONS.requested;
      } else if (!programmeId || !deps.programmes) {
        callbackReason = CALLBACK_REASONS.registrationPending;
      } else {
        const result = await deps.programmes.checkEligibility(db, programmeId, worker.id, romeLocal(now).date);
        if (!result) throw outreachErrors.programmeNotFound();
        eligibility = result;
        if (!result.eligible) {
          // A caller we know nothing about yet (no CIGS case): someone must check, not refuse.
          if (!worker.cigs_case_id) callbackReason = CALLBACK_REASONS.checkRequirements;
          else outcome = 'not_eligible';
        } else {
          try {
            const reg = await deps.programmes.register(ctx, { programmeId, workerId: worker.id, channel: 'hotline', reason: 'Segnalazione telefonica' });
            enrollmentState = reg.state;
            outcome = reg.state === 'waiting' ? 'waiting_list' : 'registered';
          } catch (err) {
            if (!(err instanceof DomainError)) throw err;
            if (err.code === 'ENROLLMENT_ALREADY_EXISTS') {
              outcome = 'registered';
              enrollmentState = 'existing';
            } else if (err.code === 'PROGRAMME_NOT_OPEN') {
              callbackReason = CALLBACK_REASONS.registrationPending;
            } else throw err;
          }
        }
      }
      if (callbackReason) outcome = 'callback_queued';

      // 3. The call, the callback, the outreach status and the timeline, together.
      const cal = callbackReason ? await hotline.calendar(office, now) : null;
      const result = await db.transaction().execute(async (trx) => {
        const callId = await repo.insertCall(trx, {
          networkId: office.network_id, officeId: worker.office_id, operatorId: actor.userId, at: now, name: input.name, phone: phone.e164,
          codiceFiscale: cf, birthDate: input.birthDate ?? null, company: input.company ?? '', workerId: worker.id, outcome, note: input.note ?? '',
        });
        const callbackId = callbackReason
          ? await repo.insertCallback(trx, {
              networkId: office.network_id, officeId: worker.office_id, workerId: worker.id, callId, reason: callbackReason,
              nextAttemptAt: firstAttemptAt(cal!.slots, cal!.holidays, now), createdBy: actor.userId, at: now,
            })
          : null;
        if (outcome === 'registered' || outcome === 'waiting_list') {
          await markRecipientRegistered(trx, { workerId: worker.id, programmeId, actorId: actor.userId, at: now, reason: 'Iscrizione dal centralino' });
        }
        await appendWorkerEvent(trx, { workerId: worker.id, officeId: worker.office_id, kind: 'hotline.call', actorId: actor.userId, at: now, details: { callId, outcome, callbackId } });
        await audit.record(trx, ctx, { action: 'hotline.call_recorded', entityType: 'hotline_call', entityId: callId, officeId: worker.office_id, details: { workerId: worker.id, outcome, workerCreated } });
        return { callId, callbackId };
      });
      return { callId: result.callId, workerId: worker.id, workerCreated, outcome, eligibility, callbackId: result.callbackId, enrollmentState };
    },
  };
}

export type IntakeService = ReturnType<typeof createIntakeService>;
