import type { Kysely } from 'kysely';
import { createGroupedCalls } from '../db/grouped.js';
import { workerPagesByIds, type WorkerPageRow } from './worker-page.repository.js';
import type { DB } from '../db/schema.js';
import type { Executor } from '../db/executor.js';
import type { AuditService } from '../audit/index.js';
import { noCurrentOffice, requireNetwork, staffNamesById, type Actor, type ActorContext } from '../auth/index.js';
import { cigsCaseDetails, cigsCaseIdsOfCompany } from '../companies/index.js';
import { isUniqueViolation } from '../db/errors.js';
import { officeById, officeNamesById } from '../organisation/index.js';
import { checkConsistency, decodeCodiceFiscale } from '../../shared/identity/codice-fiscale.js';
import type {
  CreateWorkerRequest,
  Note,
  RecordConsentRequest,
  TimelineEvent,
  UpdateWorkerRequest,
  Worker,
  WorkerListQuery,
  WorkerSummary,
} from '../../shared/schemas/people.schema.js';
import { romeToday } from '../../shared/time/rome-date.js';
import type { FieldError, Language } from '../http/problem.js';
import { comuniByCadastralCodes, comuniByCodes, knownCountryCodes } from '../taxonomy/index.js';
import { appendWorkerEvent } from './worker-events.repository.js';
import { findWorkerMatches, maskWorkerMatch, type MatchQuery } from './worker-matches.js';
import { displayNameOf, searchNameOf, tidyName } from './worker-names.js';
import { canAccessWorker, workerOfficeFilter, worksAcrossNetwork } from './worker.policy.js';
import { CONSISTENCY_FIELD, workerErrors, workerFieldMessages } from './worker.errors.js';
import type { WorkerDetailRow, WorkerRepository, WorkerValues } from './worker.repository.js';

/** The earliest birth date the form accepts: nobody on a CIGS list was born before it. */
const EARLIEST_BIRTH_DATE = '1900-01-01';

export function createWorkerService(deps: { db: Kysely<DB>; workers: WorkerRepository; audit: AuditService; clock: () => Date }) {
  const { db, workers, audit, clock } = deps;

  async function load(actor: Actor, id: string): Promise<WorkerDetailRow> {
    const row = await workers.findById(db, id);
    if (!row || !canAccessWorker(actor, { networkId: row.network_id, officeId: row.office_id })) throw workerErrors.notFound();
    return row;
  }

  /** The page of one worker, read at once (after a change: never grouped with other reads). */
  async function pageOf(executor: Executor, id: string): Promise<WorkerPageRow> {
    const page = (await workerPagesByIds(executor, [id])).get(id);
    if (!page) throw workerErrors.notFound();
    return page;
  }

  // The pages read by concurrent requests go in one statement (db/grouped.ts): fifty worker pages
  // opened at the same moment cost one or two round trips, not fifty times four. Each statement
  // starts after the requests it answers arrived, so no page is older than its request.
  const pageReads = createGroupedCalls<string, WorkerPageRow | undefined>(
    async (ids) => {
      const pages = await workerPagesByIds(db, ids);
      return ids.map((id) => pages.get(id));
    },
    { maxBatch: 200 },
  );

  async function present(page: WorkerPageRow): Promise<Worker> {
    const { worker: row, cigs, consents, phones } = page;
    // The reference names and the office name are remembered in memory (taxonomy, organisation):
    // on a warm server these cost no statement.
    const [comune, birthPlace, officeName] = await Promise.all([
      row.residence_comune_code ? comuniByCodes(db, [row.residence_comune_code]).then((m) => m.get(row.residence_comune_code!)) : undefined,
      row.birth_place_code ? comuniByCadastralCodes(db, [row.birth_place_code]).then((m) => m.get(row.birth_place_code!)) : undefined,
      officeNamesById(db, [row.office_id]).then((m) => m.get(row.office_id) ?? ''),
    ]);
    return {
      id: row.id,
      officeId: row.office_id,
      officeName,
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
      postalCode: row.postal_code,
      phone: row.phone,
      email: row.email,
      cigsCaseId: row.cigs_case_id,
      cigsEndDate: row.cigs_end_date,
      effectiveCigsEndDate: row.effective_cigs_end,
      cigsReason: cigs?.reason ?? null,
      cigsStartDate: cigs?.startDate ?? null,
      companyId: cigs?.companyId ?? null,
      companyName: cigs?.companyName ?? null,
      consents,
      otherPhones: phones.map((p) => ({
        phone: p.phone,
        source: p.source,
        recordedAt: p.recordedAt.toISOString(),
      })),
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    };
  }

  /**
   * Completes and checks the merged record: birth data is derived from the codice fiscale when
   * missing and must agree with it when given (D.M. 23/12/1976); codes must exist in the
   * reference data; the CIGS case must be one of the network's. A birth date typed by hand (no
   * codice fiscale to derive it from) must be a real one: not in the future (Rome's calendar day),
   * not before 1900; a citizenship must be an ISO 3166-1 country the reference list knows.
   */
  async function resolve(networkId: string, merged: WorkerValues, lang: Language): Promise<WorkerValues> {
    const errors: FieldError[] = [];
    const out: WorkerValues = { ...merged };
    if (merged.birthDate) {
      if (merged.birthDate > romeToday(clock()))
        errors.push({ path: 'body/birthDate', message: workerFieldMessages.birthDateInFuture[lang] });
      else if (merged.birthDate < EARLIEST_BIRTH_DATE)
        errors.push({ path: 'body/birthDate', message: workerFieldMessages.birthDateTooEarly[lang] });
    }
    if (merged.citizenship && !(await knownCountryCodes(db, [merged.citizenship])).has(merged.citizenship.toUpperCase())) {
      errors.push({ path: 'body/citizenship', message: workerFieldMessages.unknownCountry[lang] });
    }
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
        errors.push({
          path: 'body/codiceFiscale',
          message: workerFieldMessages.cfMismatch(
            mismatches.map((f) => CONSISTENCY_FIELD[lang][f] ?? f),
            lang,
          ),
        });
      }
    }
    if (merged.residenceComuneCode && !(await comuniByCodes(db, [merged.residenceComuneCode])).has(merged.residenceComuneCode)) {
      errors.push({ path: 'body/residenceComuneCode', message: workerFieldMessages.unknownComune[lang] });
    }
    if (merged.cigsCaseId) {
      const cigs = (await cigsCaseDetails(db, [merged.cigsCaseId])).get(merged.cigsCaseId);
      // Without an own end date the worker's CIGS ends with the case's authorisation: it is left
      // empty (not copied) so that an extension of the case reaches the worker (migration 0009).
      if (!cigs || cigs.networkId !== networkId)
        errors.push({ path: 'body/cigsCaseId', message: workerFieldMessages.unknownCigsCase[lang] });
    }
    if (errors.length > 0) throw workerErrors.invalidFields(errors);
    if (merged.firstName !== undefined && merged.lastName !== undefined) out.searchName = searchNameOf(merged.firstName, merged.lastName);
    return out;
  }

  async function notesOf(workerId: string): Promise<Note[]> {
    const rows = await workers.notes(db, workerId);
    const staff = await staffNamesById(
      db,
      rows.map((r) => r.authorId),
    );
    return rows.map(({ authorId, ...n }) => ({ ...n, authorName: staff.get(authorId) ?? '' }));
  }

  async function checkOffice(actor: Actor, networkId: string, officeId: string, lang: Language) {
    if (!worksAcrossNetwork(actor) && officeId !== actor.officeId) throw workerErrors.officeOutOfScope();
    const office = await officeById(db, officeId);
    if (!office || office.networkId !== networkId)
      throw workerErrors.invalidFields([{ path: 'body/officeId', message: workerFieldMessages.unknownOffice[lang] }]);
  }

  return {
    /** A page of the list, each row with its office and company (one lookup per page, no N+1). Audited: it shows personal data. */
    async list(
      ctx: ActorContext,
      query: WorkerListQuery,
    ): Promise<{ items: WorkerSummary[]; nextCursor: string | null; total: number | null }> {
      const actor = ctx.actor;
      const caseIds = query.companyId ? await cigsCaseIdsOfCompany(db, query.companyId) : undefined;
      const page = await workers.list(db, requireNetwork(actor), workerOfficeFilter(actor), query, caseIds);
      const [offices, cases] = await Promise.all([
        officeNamesById(
          db,
          page.items.map((r) => r.officeId),
        ),
        cigsCaseDetails(
          db,
          page.items.map((r) => r.cigsCaseId),
        ),
      ]);
      // GDPR art. 5(2) accountability: who saw which people's data, one row per page read. The
      // filters are recorded, not the search text (a name or a codice fiscale is personal data).
      const { q, cursor, ...filters } = query;
      await audit.record(db, ctx, {
        action: 'worker.list.read',
        entityType: 'worker',
        entityId: null,
        details: { ids: page.items.map((r) => r.id), query: { ...filters, searched: Boolean(q), nextPage: Boolean(cursor) } },
      });
      return {
        items: page.items.map(({ cigsCaseId, ...r }) => ({
          ...r,
          officeName: offices.get(r.officeId) ?? '',
          companyName: cigsCaseId ? (cases.get(cigsCaseId)?.companyName ?? null) : null,
        })),
        nextCursor: page.nextCursor,
        total: page.total,
      };
    },

    async get(ctx: ActorContext, id: string): Promise<Worker> {
      const page = await pageReads.call(id);
      if (!page || !canAccessWorker(ctx.actor, { networkId: page.worker.network_id, officeId: page.worker.office_id })) {
        throw workerErrors.notFound();
      }
      const row = page.worker;
      // Every read of a person's record is audited (GDPR art. 5(2) accountability): the record is
      // answered only once its audit row is committed; the page is put together meanwhile.
      const [worker] = await Promise.all([
        present(page),
        audit.record(db, ctx, {
          action: 'worker.read',
          entityType: 'worker',
          entityId: id,
          entityLabel: displayNameOf(row.first_name, row.last_name),
          officeId: row.office_id,
        }),
      ]);
      return worker;
    },

    /**
     * Possible duplicates across the network; a worker of an office outside the actor's scope is
     * masked (initials and office only), as the hotline's match is. Audited: it shows personal data.
     */
    async findDuplicates(ctx: ActorContext, query: MatchQuery) {
      const matches = (await findWorkerMatches(db, requireNetwork(ctx.actor), query)).map((m) => maskWorkerMatch(ctx.actor, m));
      // Which keys were asked, not their values (a phone number or a codice fiscale is personal data).
      if (matches.length > 0)
        await audit.record(db, ctx, {
          action: 'worker.duplicates.read',
          entityType: 'worker',
          entityId: null,
          details: {
            ids: matches.map((m) => m.id),
            masked: matches.filter((m) => !m.inScope).map((m) => m.id),
            query: Object.keys(query).filter((k) => Boolean(query[k as keyof MatchQuery])),
          },
        });
      return matches;
    },

    /** `lang`: the caller's language (Accept-Language), for the field messages. */
    async create(ctx: ActorContext, input: CreateWorkerRequest, lang: Language = 'it'): Promise<Worker> {
      const networkId = requireNetwork(ctx.actor);
      const officeId = input.officeId ?? ctx.actor.officeId;
      if (!officeId) throw noCurrentOffice();
      await checkOffice(ctx.actor, networkId, officeId, lang);
      const values = await resolve(
        networkId,
        { ...input, officeId, firstName: tidyName(input.firstName), lastName: tidyName(input.lastName) },
        lang,
      );
      if (values.codiceFiscale) {
        const existing = await workers.findIdByCodiceFiscale(db, networkId, values.codiceFiscale);
        if (existing) throw workerErrors.duplicate(existing);
      }
      const now = clock();
      const id = await db
        .transaction()
        .execute(async (trx) => {
          const newId = await workers.insert(trx, networkId, { ...values, officeId }, now);
          await audit.record(trx, ctx, {
            action: 'worker.created',
            entityType: 'worker',
            entityId: newId,
            entityLabel: displayNameOf(values.firstName ?? '', values.lastName ?? ''),
            officeId,
          });
          await appendWorkerEvent(trx, {
            workerId: newId,
            officeId,
            kind: 'worker.created',
            actorId: ctx.actor.userId,
            at: now,
            details: { codiceFiscale: Boolean(values.codiceFiscale) },
          });
          return newId;
        })
        .catch(async (err: unknown) => {
          // Two operators registering the same person at once: the unique index decides.
          if (isUniqueViolation(err) && values.codiceFiscale) {
            throw workerErrors.duplicate((await workers.findIdByCodiceFiscale(db, networkId, values.codiceFiscale)) ?? '');
          }
          throw err;
        });
      return present(await pageOf(db, id));
    },

    async update(ctx: ActorContext, id: string, input: UpdateWorkerRequest, lang: Language = 'it'): Promise<Worker> {
      const before = await load(ctx.actor, id);
      const networkId = before.network_id;
      if (input.officeId && input.officeId !== before.office_id) await checkOffice(ctx.actor, networkId, input.officeId, lang);
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
      const values = await resolve(networkId, merged, lang);
      if (values.codiceFiscale && values.codiceFiscale !== before.codice_fiscale) {
        const existing = await workers.findIdByCodiceFiscale(db, networkId, values.codiceFiscale);
        if (existing && existing !== id) throw workerErrors.duplicate(existing);
      }
      const changed = Object.keys(input);
      const now = clock();
      await db.transaction().execute(async (trx) => {
        await workers.update(trx, id, values, now);
        await audit.record(trx, ctx, {
          action: 'worker.updated',
          entityType: 'worker',
          entityId: id,
          // A change that leaves the name alone still names the worker in the log.
          entityLabel: displayNameOf(values.firstName ?? before.first_name, values.lastName ?? before.last_name),
          officeId: values.officeId ?? before.office_id,
          details: { fields: changed },
        });
        await appendWorkerEvent(trx, {
          workerId: id,
          officeId: values.officeId ?? before.office_id,
          kind: 'worker.updated',
          actorId: ctx.actor.userId,
          at: now,
          details: { fields: changed },
        });
      });
      return present(await pageOf(db, id));
    },

    async recordConsent(ctx: ActorContext, id: string, input: RecordConsentRequest) {
      const worker = await load(ctx.actor, id);
      const now = clock();
      await db.transaction().execute(async (trx) => {
        // The operator who took the call is recorded: for phone consent they are the witness.
        await workers.insertConsent(trx, {
          workerId: id,
          officeId: worker.office_id,
          purpose: input.purpose,
          granted: input.granted,
          channel: input.channel,
          recordedBy: ctx.actor.userId,
          note: input.note ?? '',
          at: now,
        });
        await audit.record(trx, ctx, {
          action: 'worker.consent.recorded',
          entityType: 'worker',
          entityId: id,
          entityLabel: displayNameOf(worker.first_name, worker.last_name),
          officeId: worker.office_id,
          details: { purpose: input.purpose, granted: input.granted, channel: input.channel },
        });
        await appendWorkerEvent(trx, {
          workerId: id,
          officeId: worker.office_id,
          kind: input.granted ? 'consent.granted' : 'consent.withdrawn',
          actorId: ctx.actor.userId,
          at: now,
          details: { purpose: input.purpose, channel: input.channel },
        });
      });
      return { items: (await pageOf(db, id)).consents };
    },

    async notes(ctx: ActorContext, id: string) {
      const worker = await load(ctx.actor, id);
      await audit.record(db, ctx, {
        action: 'worker.notes.read',
        entityType: 'worker',
        entityId: id,
        entityLabel: displayNameOf(worker.first_name, worker.last_name),
        officeId: worker.office_id,
      });
      return { items: await notesOf(id) };
    },

    async addNote(ctx: ActorContext, id: string, body: string) {
      const worker = await load(ctx.actor, id);
      const now = clock();
      await db.transaction().execute(async (trx) => {
        const noteId = await workers.insertNote(trx, {
          workerId: id,
          officeId: worker.office_id,
          authorId: ctx.actor.userId,
          body,
          at: now,
        });
        await audit.record(trx, ctx, {
          action: 'worker.note.added',
          entityType: 'worker',
          entityId: id,
          entityLabel: displayNameOf(worker.first_name, worker.last_name),
          officeId: worker.office_id,
          details: { noteId },
        });
        await appendWorkerEvent(trx, {
          workerId: id,
          officeId: worker.office_id,
          kind: 'note.added',
          actorId: ctx.actor.userId,
          at: now,
          details: { noteId },
        });
      });
      return (await notesOf(id))[0]!;
    },

    async timeline(ctx: ActorContext, id: string) {
      const worker = await load(ctx.actor, id);
      await audit.record(db, ctx, {
        action: 'worker.timeline.read',
        entityType: 'worker',
        entityId: id,
        entityLabel: displayNameOf(worker.first_name, worker.last_name),
        officeId: worker.office_id,
      });
      const events = await workers.timeline(db, id);
      const staff = await staffNamesById(
        db,
        events.map((e) => e.actorId),
      );
      const items: TimelineEvent[] = events.map(({ actorId, ...e }) => ({
        ...e,
        actorName: actorId ? (staff.get(actorId) ?? null) : null,
      }));
      return { items };
    },
  };
}

export type WorkerService = ReturnType<typeof createWorkerService>;
