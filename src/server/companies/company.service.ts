import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { isUniqueViolation } from '../db/errors.js';
import type { AuditService } from '../audit/index.js';
import { requireNetwork, workerOfficeFilter, type Actor, type ActorContext } from '../auth/index.js';
import type { Executor } from '../db/executor.js';
import { validateCodiceFiscale } from '../../shared/identity/codice-fiscale.js';
import type {
  CigsCase,
  Company,
  CompanySummary,
  CreateCigsCaseRequest,
  CreateCompanyRequest,
  UpdateCigsCaseRequest,
  UpdateCompanyRequest,
} from '../../shared/schemas/companies.schema.js';
import type { FieldError } from '../http/problem.js';
import { companyErrors, fieldMessages } from './company.errors.js';
import type { CompanyRepository, CompanyRow } from './company.repository.js';
import { atecoLabel, comuniByCodes } from '../taxonomy/index.js';
import { officeNamesById } from '../organisation/index.js';

/**
 * What companies read of the workers of their cases and of their enrolments: people's and
 * programmes' published queries, handed in by buildApp (both domains depend on companies, so
 * companies imports neither).
 */
export interface CohortSources {
  workerCountsByCigsCase(executor: Executor, caseIds: readonly string[]): Promise<Map<string, number>>;
  workersOfCigsCases(
    executor: Executor,
    caseIds: readonly string[],
    officeId: string | null,
  ): Promise<Array<{ id: string; firstName: string; lastName: string; officeId: string; cigsCaseId: string; cigsEndDate: string | null }>>;
  latestEnrollmentStates(executor: Executor, workerIds: readonly string[]): Promise<Map<string, string>>;
}

export function createCompanyService(deps: {
  db: Kysely<DB>;
  companies: CompanyRepository;
  audit: AuditService;
  clock: () => Date;
  cohort: CohortSources;
}) {
  const { db, companies, audit, clock } = deps;
  const cigsCasesOf = (executor: Executor, companyId: string) =>
    companies.cigsCases(executor, companyId, (ids) => deps.cohort.workerCountsByCigsCase(executor, ids));

  async function loadInNetwork(actor: Actor, id: string): Promise<CompanyRow> {
    const row = await companies.findById(db, id);
    if (!row || row.network_id !== requireNetwork(actor)) throw companyErrors.notFound();
    return row;
  }

  /** Checks codes against the reference data; every problem is reported at once, by field. */
  async function checkReferences(input: UpdateCompanyRequest): Promise<void> {
    const errors: FieldError[] = [];
    if (input.comuneCode && !(await comuniByCodes(db, [input.comuneCode])).has(input.comuneCode)) {
      errors.push({ path: 'body/comuneCode', message: fieldMessages.unknownComune });
    }
    if (input.atecoCode && (await atecoLabel(db, input.atecoCode)) === undefined) {
      errors.push({ path: 'body/atecoCode', message: fieldMessages.unknownAteco });
    }
    // A 16-character tax code belongs to a sole trader: it is a personal codice fiscale.
    if (input.taxCode && input.taxCode.length === 16 && !validateCodiceFiscale(input.taxCode).valid) {
      errors.push({ path: 'body/taxCode', message: fieldMessages.personalTaxCode });
    }
    if (errors.length > 0) throw companyErrors.invalidFields(errors);
  }

  async function present(executor: Executor, row: CompanyRow): Promise<Company> {
    const comune = row.comune_code ? (await comuniByCodes(executor, [row.comune_code])).get(row.comune_code) : undefined;
    return {
      id: row.id,
      name: row.name,
      taxCode: row.tax_code,
      vatNumber: row.vat_number,
      atecoCode: row.ateco_code,
      atecoLabel: row.ateco_code ? ((await atecoLabel(executor, row.ateco_code)) ?? null) : null,
      address: row.address,
      postalCode: row.postal_code,
      comuneCode: row.comune_code,
      comuneName: comune?.name ?? null,
      province: comune?.province ?? null,
      phone: row.phone,
      email: row.email,
      pec: row.pec,
      contacts: row.contacts,
      notes: row.notes,
      cigsCases: await cigsCasesOf(executor, row.id),
    };
  }

  const uniqueTaxCode = (err: unknown) => {
    if (isUniqueViolation(err)) throw companyErrors.taxCodeTaken();
    throw err;
  };

  return {
    async list(actor: Actor, q?: string): Promise<CompanySummary[]> {
      const rows = await companies.list(db, requireNetwork(actor), q);
      const comuni = await comuniByCodes(
        db,
        rows.flatMap((r) => (r.comuneCode ? [r.comuneCode] : [])),
      );
      const counts = await deps.cohort.workerCountsByCigsCase(
        db,
        rows.flatMap((r) => r.caseIds),
      );
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        taxCode: r.taxCode,
        comuneName: r.comuneCode ? (comuni.get(r.comuneCode)?.name ?? null) : null,
        workers: r.caseIds.reduce((n, id) => n + (counts.get(id) ?? 0), 0),
        nextCigsEnd: r.nextCigsEnd,
        reasons: r.reasons,
      }));
    },

    get: async (actor: Actor, id: string) => present(db, await loadInNetwork(actor, id)),

    async create(ctx: ActorContext, input: CreateCompanyRequest): Promise<Company> {
      const networkId = requireNetwork(ctx.actor);
      await checkReferences(input);
      if (input.taxCode && (await companies.taxCodeUsed(db, networkId, input.taxCode))) throw companyErrors.taxCodeTaken();
      const id = await db
        .transaction()
        .execute(async (trx) => {
          const newId = await companies.insert(trx, networkId, input, clock());
          await audit.record(trx, ctx, {
            action: 'company.created',
            entityType: 'company',
            entityId: newId,
            entityLabel: input.name,
            details: { name: input.name, taxCode: input.taxCode ?? null },
          });
          return newId;
        })
        .catch(uniqueTaxCode);
      return this.get(ctx.actor, id);
    },

    async update(ctx: ActorContext, id: string, input: UpdateCompanyRequest): Promise<Company> {
      const before = await loadInNetwork(ctx.actor, id);
      await checkReferences(input);
      if (input.taxCode && (await companies.taxCodeUsed(db, before.network_id, input.taxCode, id))) throw companyErrors.taxCodeTaken();
      await db
        .transaction()
        .execute(async (trx) => {
          await companies.update(trx, id, input, clock());
          await audit.record(trx, ctx, {
            action: 'company.updated',
            entityType: 'company',
            entityId: id,
            entityLabel: input.name ?? before.name,
            details: { fields: Object.keys(input) },
          });
        })
        .catch(uniqueTaxCode);
      return this.get(ctx.actor, id);
    },

    async addCigsCase(ctx: ActorContext, companyId: string, input: CreateCigsCaseRequest): Promise<CigsCase> {
      await loadInNetwork(ctx.actor, companyId);
      const id = await db.transaction().execute(async (trx) => {
        const newId = await companies.insertCigsCase(trx, companyId, input, clock());
        await audit.record(trx, ctx, {
          action: 'cigs_case.created',
          entityType: 'cigs_case',
          entityId: newId,
          details: { companyId, reason: input.reason, startDate: input.startDate, endDate: input.endDate },
        });
        return newId;
      });
      return (await cigsCasesOf(db, companyId)).find((c) => c.id === id)!;
    },

    async updateCigsCase(ctx: ActorContext, companyId: string, caseId: string, input: UpdateCigsCaseRequest): Promise<CigsCase> {
      await loadInNetwork(ctx.actor, companyId);
      const existing = await companies.findCigsCase(db, caseId);
      if (!existing || existing.company_id !== companyId) throw companyErrors.cigsCaseNotFound();
      // The dates are checked together with the stored ones: changing only one must not invert them.
      const start = input.startDate ?? existing.start_date;
      const end = input.endDate ?? existing.end_date;
      if (end < start) throw companyErrors.invalidFields([{ path: 'body/endDate', message: fieldMessages.cigsEndBeforeStart }]);
      await db.transaction().execute(async (trx) => {
        await companies.updateCigsCase(trx, caseId, input, clock());
        await audit.record(trx, ctx, {
          action: 'cigs_case.updated',
          entityType: 'cigs_case',
          entityId: caseId,
          details: { companyId, ...input },
        });
      });
      return (await cigsCasesOf(db, companyId)).find((c) => c.id === caseId)!;
    },

    async cohort(ctx: ActorContext, companyId: string) {
      await loadInNetwork(ctx.actor, companyId);
      const caseIds = await companies.caseIdsOfCompany(db, companyId);
      const workers = await deps.cohort.workersOfCigsCases(db, caseIds, workerOfficeFilter(ctx.actor));
      const offices = await officeNamesById(
        db,
        workers.map((w) => w.officeId),
      );
      const states = await deps.cohort.latestEnrollmentStates(
        db,
        workers.map((w) => w.id),
      );
      const result = {
        enrollmentsAvailable: true,
        items: workers.map((w) => ({
          workerId: w.id,
          firstName: w.firstName,
          lastName: w.lastName,
          officeName: offices.get(w.officeId) ?? '',
          cigsCaseId: w.cigsCaseId,
          cigsEndDate: w.cigsEndDate,
          programmeStatus: states.get(w.id) ?? null,
        })),
      };
      await audit.record(db, ctx, {
        action: 'company.cohort.read',
        entityType: 'company',
        entityId: companyId,
        details: { workerIds: result.items.map((w) => w.workerId) },
      });
      return result;
    },
  };
}

export type CompanyService = ReturnType<typeof createCompanyService>;
