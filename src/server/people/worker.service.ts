import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { AuditService } from '../audit/index.js';
import { noCurrentOffice, requireNetwork, type Actor, type ActorContext } from '../auth/index.js';
import { isUniqueViolation } from '../db/errors.js';
import { checkConsistency, decodeCodiceFiscale } from '../../shared/identity/codice-fiscale.js';
import type {
  CreateWorkerRequest,
  RecordConsentRequest,
  UpdateWorkerRequest,
  Worker,
  WorkerListQuery,
} from '../../shared/schemas/people.schema.js';
import type { FieldError } from '../http/problem.js';
import { comuniByCadastralCodes, comuniByCodes } from '../taxonomy/index.js';
import { appendWorkerEvent } from './worker-events.js';
import { findWorkerMatches, type MatchQuery } from './worker-matches.js';
import { searchNameOf, tidyName } from './worker-names.js';
import { canAccessWorker, workerOfficeFilter, worksAcrossNetwork } from './worker.policy.js';
import { CONSISTENCY_FIELD_IT, workerErrors, workerFieldMessages } from './worker.errors.js';
import type { WorkerDetailRow, WorkerRepository, WorkerValues } from './worker.repository.js';


export function createWorkerService(deps: { db: Kysely<DB>; workers: WorkerRepository; audit: AuditService; clock: () => Date }) {
  const { db, workers, audit, clock } = deps;

  const networkOf = requireNetwork;

  async function load(actor: Actor, id: string): Promise<WorkerDetailRow> {
    const row = await workers.findById(db, id);
    if (!row || !canAccessWorker(actor, { networkId: row.network_id, officeId: row.office_id })) throw workerErrors.notFound();
    return row;
  }

  async function present(row: WorkerDetailRow): Promise<Worker> {
    const comune = row.residence_comune_code ? (await comuniByCodes(db, [row.residence_comune_code])).get(row.residence_comune_code) : undefined;
    const birthPlace = row.birth_place_code ? (await comuniByCadastralCodes(db, [row.birth_place_code])).get(row.birth_place_code) : undefined;
    return {
      id: row.id,
      officeId: row.office_id,
      officeName: row.office_name,
      codiceFiscale: row.codice_fiscale,
      firstName: row.first_name,
      lastName: row.last_name,
      birthDate: row.birth_date,
      sex: row.sex,
      birthPlaceCode: row.birth_place_code,
      birthPlaceName: birthPlace ?? null,
      citizenship: row.citizenship,
      residenceComuneCode: row.residence_comune_code,
      residenceComuneName: comune?.name ?? null,
      address: row.address,
      phone: row.phone,
      email: row.email,
      cigsCaseId: row.cigs_case_id,
      cigsEndDate: row.cigs_end_date,
      cigsReason: row.cigs_reason,
      cigsStartDate: row.cigs_start_date,
      companyId: row.company_id,
      companyName: row.company_name,
      consents: await workers.currentConsents(db, row.id),
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    };
  }

  /**
   * Completes and checks the merged record: birth data is derived from the codice fiscale when
   * missing and must agree with it when given (D.M. 23/12/1976); codes must exist in the
   * reference data; the CIGS case must be one of the network's.
   */
  async function resolve(networkId: string, merged: WorkerValues): Promise<WorkerValues> {
    const errors: FieldError[] = [];
    const out: WorkerValues = { ...merged };
    if (merged.codiceFiscale) {
      const decoded = decodeCodiceFiscale(merged.codiceFiscale, { referenceDate: clock() });
      out.birthDate = merged.birthDate ?? decoded.birthDate;
      out.sex = merged.sex ?? decoded.sex;
      out.birthPlaceCode = merged.birthPlaceCode ?? decoded.cadastralCode;
      const mismatches = checkConsistency(merged.codiceFiscale, {
        surname: merged.lastName ?? '',
        name: merged.firstName ?? '',
        birthDate: out.birthDate,
        sex: out.sex,
        birthPlaceCadastralCode: out.birthPlaceCode,
      });
      if (mismatches.length > 0) {
        errors.push({ path: 'body/codiceFiscale', message: workerFieldMessages.cfMismatch(mismatches.map((f) => CONSISTENCY_FIELD_IT[f] ?? f)) });
      }
    }
    if (merged.residenceComuneCode && !(await comuniByCodes(db, [merged.residenceComuneCode])).has(merged.residenceComuneCode)) {
      errors.push({ path: 'body/residenceComuneCode', message: workerFieldMessages.unknownComune });
    }
    if (merged.cigsCaseId) {
      const cigs = await db
        .selectFrom('cigs_cases as cc')
        .innerJoin('companies as c', 'c.id', 'cc.company_id')
        .select(['cc.end_date', 'c.network_id'])
        .where('cc.id', '=', merged.cigsCaseId)
        .executeTakeFirst();
      if (!cigs || cigs.network_id !== networkId) errors.push({ path: 'body/cigsCaseId', message: workerFieldMessages.unknownCigsCase });
      // A worker's CIGS usually ends with the case's authorisation; it may end earlier for them.
      else if (!merged.cigsEndDate) out.cigsEndDate = cigs.end_date;
    }
    if (errors.length > 0) throw workerErrors.invalidFields(errors);
    if (merged.firstName !== undefined && merged.lastName !== undefined) out.searchName = searchNameOf(merged.firstName, merged.lastName);
    return out;
  }

  async function checkOffice(actor: Actor, networkId: string, officeId: string) {
    if (!worksAcrossNetwork(actor) && officeId !== actor.officeId) throw workerErrors.officeOutOfScope();
    const office = await db.selectFrom('offices').select('network_id').where('id', '=', officeId).executeTakeFirst();
    if (!office || office.network_id !== networkId) throw workerErrors.invalidFields([{ path: 'body/officeId', message: 'Sede inesistente' }]);
  }

  return {
    async list(actor: Actor, query: WorkerListQuery) {
      return workers.list(db, networkOf(actor), workerOfficeFilter(actor), query);
    },

    async get(ctx: ActorContext, id: string): Promise<Worker> {
      const row = await load(ctx.actor, id);
      // Every read of a person's record is audited (GDPR art. 5(2) accountability).
      await audit.record(db, ctx, { action: 'worker.read', entityType: 'worker', entityId: id, entityLabel: `${row.last_name} ${row.first_name}`, officeId: row.office_id });
      return present(row);
    },

    findDuplicates: (actor: Actor, query: MatchQuery) => findWorkerMatches(db, networkOf(actor), query),

    async create(ctx: ActorContext, input: CreateWorkerRequest): Promise<Worker> {
      const networkId = networkOf(ctx.actor);
      const officeId = input.officeId ?? ctx.actor.officeId;
      if (!officeId) throw noCurrentOffice();
      await checkOffice(ctx.actor, networkId, officeId);
      const values = await resolve(networkId, { ...input, officeId, firstName: tidyName(input.firstName), lastName: tidyName(input.lastName) });
      if (values.codiceFiscale) {
        const existing = await workers.findIdByCodiceFiscale(db, networkId, values.codiceFiscale);
        if (existing) throw workerErrors.duplicate(existing);
      }
      const now = clock();
      const id = await db.transaction().execute(async (trx) => {
        const newId = await workers.insert(trx, networkId, { ...values, officeId }, now);
        await audit.record(trx, ctx, { action: 'worker.created', entityType: 'worker', entityId: newId, entityLabel: `${values.lastName} ${values.firstName}`, officeId });
        await appendWorkerEvent(trx, { workerId: newId, officeId, kind: 'worker.created', actorId: ctx.actor.userId, at: now, details: { codiceFiscale: Boolean(values.codiceFiscale) } });
        return newId;
      }).catch(async (err: unknown) => {
        // Two operators registering the same person at once: the unique index decides.
        if (isUniqueViolation(err) && values.codiceFiscale) {
          throw workerErrors.duplicate((await workers.findIdByCodiceFiscale(db, networkId, values.codiceFiscale)) ?? '');
        }
        throw err;
      });
      return present((await workers.findById(db, id))!);
    },

    async update(ctx: ActorContext, id: string, input: UpdateWorkerRequest): Promise<Worker> {
      const before = await load(ctx.actor, id);
      const networkId = before.network_id;
      if (input.officeId && input.officeId !== before.office_id) await checkOffice(ctx.actor, networkId, input.officeId);
      const merged: WorkerValues = {
        codiceFiscale: before.codice_fiscale,
        firstName: before.first_name,
        lastName: before.last_name,
        birthDate: before.birth_date,
        sex: before.sex,
        birthPlaceCode: before.birth_place_code,
        cigsEndDate: input.cigsCaseId !== undefined && input.cigsEndDate === undefined ? null : before.cigs_end_date,
        ...input,
      };
      if (input.firstName) merged.firstName = tidyName(input.firstName);
      if (input.lastName) merged.lastName = tidyName(input.lastName);
      const values = await resolve(networkId, merged);
      if (values.codiceFiscale && values.codiceFiscale !== before.codice_fiscale) {
        const existing = await workers.findIdByCodiceFiscale(db, networkId, values.codiceFiscale);
        if (existing && existing !== id) throw workerErrors.duplicate(existing);
      }
      const changed = Object.keys(input);
      const now = clock();
      await db.transaction().execute(async (trx) => {
        await workers.update(trx, id, values, now);
        await audit.record(trx, ctx, { action: 'worker.updated', entityType: 'worker', entityId: id, entityLabel: `${values.lastName} ${values.firstName}`, officeId: values.officeId ?? before.office_id, details: { fields: changed } });
        await appendWorkerEvent(trx, { workerId: id, officeId: values.officeId ?? before.office_id, kind: 'worker.updated', actorId: ctx.actor.userId, at: now, details: { fields: changed } });
      });
      return present((await workers.findById(db, id))!);
    },

    async recordConsent(ctx: ActorContext, id: string, input: RecordConsentRequest) {
      const worker = await load(ctx.actor, id);
      const now = clock();
      await db.transaction().execute(async (trx) => {
        // The operator who took the call is recorded: for phone consent they are the witness.
        await workers.insertConsent(trx, { workerId: id, officeId: worker.office_id, purpose: input.purpose, granted: input.granted, channel: input.channel, recordedBy: ctx.actor.userId, note: input.note ?? '', at: now });
        await audit.record(trx, ctx, { action: 'worker.consent.recorded', entityType: 'worker', entityId: id, entityLabel: `${worker.last_name} ${worker.first_name}`, officeId: worker.office_id, details: { purpose: input.purpose, granted: input.granted, channel: input.channel } });
        await appendWorkerEvent(trx, { workerId: id, officeId: worker.office_id, kind: input.granted ? 'consent.granted' : 'consent.withdrawn', actorId: ctx.actor.userId, at: now, details: { purpose: input.purpose, channel: input.channel } });
      });
      return { items: await workers.currentConsents(db, id) };
    },

    async notes(ctx: ActorContext, id: string) {
      const worker = await load(ctx.actor, id);
      await audit.record(db, ctx, { action: 'worker.notes.read', entityType: 'worker', entityId: id, entityLabel: `${worker.last_name} ${worker.first_name}`, officeId: worker.office_id });
      return { items: await workers.notes(db, id) };
    },

    async addNote(ctx: ActorContext, id: string, body: string) {
      const worker = await load(ctx.actor, id);
      const now = clock();
      await db.transaction().execute(async (trx) => {
        const noteId = await workers.insertNote(trx, { workerId: id, officeId: worker.office_id, authorId: ctx.actor.userId, body, at: now });
        await audit.record(trx, ctx, { action: 'worker.note.added', entityType: 'worker', entityId: id, entityLabel: `${worker.last_name} ${worker.first_name}`, officeId: worker.office_id, details: { noteId } });
        await appendWorkerEvent(trx, { workerId: id, officeId: worker.office_id, kind: 'note.added', actorId: ctx.actor.userId, at: now, details: { noteId } });
      });
      return (await workers.notes(db, id))[0]!;
    },

    async timeline(ctx: ActorContext, id: string) {
      const worker = await load(ctx.actor, id);
      await audit.record(db, ctx, { action: 'worker.timeline.read', entityType: 'worker', entityId: id, entityLabel: `${worker.last_name} ${worker.first_name}`, officeId: worker.office_id });
      return { items: await workers.timeline(db, id) };
    },
  };
}

export type WorkerService = ReturnType<typeof createWorkerService>;
