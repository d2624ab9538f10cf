import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Executor } from '../db/executor.js';
import { isUniqueViolation } from '../db/errors.js';
import type { AuditService } from '../audit/index.js';
import { requireNetwork, requireOffice, staffNamesById, type Actor, type ActorContext } from '../auth/index.js';
import { crisisCompanyByTaxCode } from '../companies/index.js';
import { officeNamesById, officeSummaries } from '../organisation/index.js';
import { atecoLabel, comuniByCodes } from '../taxonomy/index.js';
import { validateCodiceFiscale } from '../../shared/identity/codice-fiscale.js';
import type { FieldError } from '../http/problem.js';
import { httpErrors } from '../http/http.errors.js';
import type {
  CreateEmployerContactRequest,
  CreateEmployerRequest,
  CreateEmployerSiteRequest,
  Employer,
  EmployerListQuery,
  EmployerPage,
  RecordConsentRequest,
  UpdateEmployerContactRequest,
  UpdateEmployerRequest,
  UpdateEmployerSiteRequest,
} from '../../shared/schemas/employers.schema.js';
import { EMPTY_EMPLOYER_HISTORY, EMPTY_RESPONSE, type EmployerHistory } from '../../shared/schemas/employer-history.schema.js';
import { employerErrors, employerFieldMessages } from './employer.errors.js';
import { canManageEmployer } from './employer.policy.js';
import type { EmployerRepository, EmployerRow } from './employer.repository.js';

const COMUNE_UNKNOWN = 'Comune sconosciuto: nessun comune ISTAT con questo codice';
const ATECO_UNKNOWN = 'Codice ATECO inesistente nella classificazione ISTAT';
const PERSONAL_TAX_CODE = 'Codice fiscale di persona fisica non valido';

/**
 * An employer's history with the network and its response indicator: applications define it (they
 * hold the candidates sent and the answers) and buildApp hands their function in, since employers
 * sit below vacancies and applications.
 */
export type EmployerHistorySource = (db: Executor, employerIds: readonly string[]) => Promise<Map<string, EmployerHistory>>;

export function createEmployerService(deps: {
  db: Kysely<DB>;
  employers: EmployerRepository;
  audit: AuditService;
  clock: () => Date;
  history: EmployerHistorySource;
}) {
  const { db, employers, audit, clock, history } = deps;

  async function loadInNetwork(actor: Actor, id: string): Promise<EmployerRow> {
    const row = await employers.findById(db, id);
    if (!row || row.network_id !== requireNetwork(actor)) throw employerErrors.notFound();
    return row;
  }

  /** Loads the employer for a change; another network's is absent (404), another office's refused (403). */
  async function loadForChange(actor: Actor, id: string): Promise<EmployerRow> {
    const row = await loadInNetwork(actor, id);
    if (!canManageEmployer(actor, { networkId: row.network_id, officeId: row.office_id })) {
      throw httpErrors.forbidden();
    }
    return row;
  }

  /** Codes checked against the reference data and the network; every problem reported at once, by field. */
  async function checkFields(networkId: string, input: Partial<CreateEmployerRequest>): Promise<void> {
    const errors: FieldError[] = [];
    if (input.atecoCode && (await atecoLabel(db, input.atecoCode)) === undefined) {
      errors.push({ path: 'body/atecoCode', message: ATECO_UNKNOWN });
    }
    // A 16-character tax code belongs to a sole trader: it is a personal codice fiscale, checked in depth.
    if (input.taxCode && input.taxCode.length === 16 && !validateCodiceFiscale(input.taxCode).valid) {
      errors.push({ path: 'body/taxCode', message: PERSONAL_TAX_CODE });
    }
    if (input.officeId) {
      const [office] = await officeSummaries(db, [input.officeId]);
      if (!office || office.networkId !== networkId)
        errors.push({ path: 'body/officeId', message: employerFieldMessages.officeOutsideNetwork });
    }
    if (errors.length > 0) throw employerErrors.invalidFields(errors);
  }

  async function checkComune(code: string | undefined): Promise<void> {
    if (code && !(await comuniByCodes(db, [code])).has(code)) {
      throw employerErrors.invalidFields([{ path: 'body/comuneCode', message: COMUNE_UNKNOWN }]);
    }
  }

  async function refuseDuplicate(networkId: string, taxCode: string | null | undefined, exceptId?: string): Promise<void> {
    if (!taxCode) return;
    const existing = await employers.byTaxCode(db, networkId, taxCode, exceptId);
    if (existing) throw employerErrors.taxCodeTaken(existing);
  }

  /** The crisis company sharing the codice fiscale, linked (or unlinked when the code goes). */
  async function companyLink(networkId: string, taxCode: string | null | undefined): Promise<string | null> {
    if (!taxCode) return null;
    return (await crisisCompanyByTaxCode(db, networkId, taxCode))?.id ?? null;
  }

  async function present(executor: Executor, row: EmployerRow): Promise<Employer> {
    const [sites, contacts, offices, staff, histories] = await Promise.all([
      employers.sitesOf(executor, row.id),
      employers.contactsOf(executor, row.id),
      officeNamesById(executor, [row.office_id]),
      staffNamesById(executor, [row.contact_consent_by]),
      history(executor, [row.id]),
    ]);
    const comuni = await comuniByCodes(
      executor,
      sites.map((s) => s.comune_code),
    );
    const company = row.company_id && row.tax_code ? await crisisCompanyByTaxCode(executor, row.network_id, row.tax_code) : undefined;
    return {
      id: row.id,
      name: row.name,
      taxCode: row.tax_code,
      vatNumber: row.vat_number,
      atecoCode: row.ateco_code,
      atecoLabel: row.ateco_code ? ((await atecoLabel(executor, row.ateco_code)) ?? null) : null,
      officeId: row.office_id,
      officeName: offices.get(row.office_id) ?? '',
      crisisCompany: company ? { id: company.id, name: company.name } : null,
      website: row.website,
      email: row.email,
      pec: row.pec,
      phone: row.phone,
      notes: row.notes,
      consent:
        row.contact_consent_at && row.contact_consent_channel
          ? {
              at: row.contact_consent_at.toISOString(),
              channel: row.contact_consent_channel,
              byName: row.contact_consent_by ? (staff.get(row.contact_consent_by) ?? null) : null,
            }
          : null,
      sites: sites.map((s) => ({
        id: s.id,
        name: s.name,
        address: s.address,
        postalCode: s.postal_code,
        comuneCode: s.comune_code,
        comuneName: comuni.get(s.comune_code)?.name ?? null,
        province: comuni.get(s.comune_code)?.province ?? null,
        headOffice: s.head_office,
      })),
      contacts: contacts.map((c) => ({
        id: c.id,
        fullName: c.full_name,
        role: c.role,
        jobTitle: c.job_title,
        phone: c.phone,
        email: c.email,
        receivesCandidates: c.receives_candidates,
      })),
      history: histories.get(row.id) ?? EMPTY_EMPLOYER_HISTORY,
      version: row.version,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    };
  }

  const reload = async (id: string) => present(db, (await employers.findById(db, id))!);

  /** Two people registering the same codice fiscale at once: the unique index decides, the message is the same. */
  const duplicateOnRace = (networkId: string, taxCode: string | null | undefined) => async (err: unknown) => {
    if (isUniqueViolation(err, 'employers_network_tax_code_key') && taxCode) {
      const existing = await employers.byTaxCode(db, networkId, taxCode);
      if (existing) throw employerErrors.taxCodeTaken(existing);
    }
    throw err;
  };

  /** A change to a site, a contact or the consent: written and audited in one transaction, then shown. */
  async function changePart(
    ctx: ActorContext,
    employerId: string,
    action: string,
    details: Record<string, unknown>,
    write: (trx: Executor) => Promise<unknown>,
  ) {
    const row = await loadForChange(ctx.actor, employerId);
    await db.transaction().execute(async (trx) => {
      await write(trx);
      await employers.touch(trx, employerId, clock());
      await audit.record(trx, ctx, {
        action,
        entityType: 'employer',
        entityId: employerId,
        entityLabel: row.name,
        officeId: row.office_id,
        details,
      });
    });
    return reload(employerId);
  }

  return {
    async list(ctx: ActorContext, query: EmployerListQuery): Promise<EmployerPage> {
      const networkId = requireNetwork(ctx.actor);
      const { rows, total } = await employers.list(db, networkId, query);
      const ids = rows.map((r) => r.id);
      const [siteComuni, offices, histories] = await Promise.all([
        employers.siteComuni(db, ids),
        officeNamesById(
          db,
          rows.map((r) => r.office_id),
        ),
        history(db, ids),
      ]);
      const comuni = await comuniByCodes(db, [...siteComuni.values()].flat());
      const labels = new Map<string, string | null>();
      for (const code of new Set(rows.flatMap((r) => (r.ateco_code ? [r.ateco_code] : []))))
        labels.set(code, (await atecoLabel(db, code)) ?? null);
      // The list names the employers' comuni and offices only, but it is the way to their contacts: audited as a read.
      await audit.record(db, ctx, { action: 'employer.list.read', entityType: 'employer', entityId: null, details: { ids, query } });
      return {
        total,
        items: rows.map((r) => ({
          id: r.id,
          name: r.name,
          taxCode: r.tax_code,
          atecoCode: r.ateco_code,
          atecoLabel: r.ateco_code ? (labels.get(r.ateco_code) ?? null) : null,
          comuni: (siteComuni.get(r.id) ?? []).map((code) => comuni.get(code)?.name ?? code),
          officeName: offices.get(r.office_id) ?? '',
          consent: r.contact_consent_at !== null,
          crisisCompany: r.company_id !== null,
          response: histories.get(r.id)?.response ?? EMPTY_RESPONSE,
        })),
      };
    },

    /** One employer with its sites and contacts (people's names, phones, e-mails): audited. */
    async get(ctx: ActorContext, id: string): Promise<Employer> {
      const row = await loadInNetwork(ctx.actor, id);
      const employer = await present(db, row);
      await audit.record(db, ctx, {
        action: 'employer.read',
        entityType: 'employer',
        entityId: id,
        entityLabel: row.name,
        officeId: row.office_id,
        details: { contactIds: employer.contacts.map((c) => c.id) },
      });
      return employer;
    },

    async create(ctx: ActorContext, input: CreateEmployerRequest): Promise<Employer> {
      const { officeId: currentOffice, networkId } = requireOffice(ctx.actor);
      await checkFields(networkId, input);
      await refuseDuplicate(networkId, input.taxCode);
      const companyId = await companyLink(networkId, input.taxCode);
      const id = await db
        .transaction()
        .execute(async (trx) => {
          const newId = await employers.insert(
            trx,
            networkId,
            { ...input, officeId: input.officeId ?? currentOffice, companyId },
            ctx.actor.userId,
            clock(),
          );
          await audit.record(trx, ctx, {
            action: 'employer.created',
            entityType: 'employer',
            entityId: newId,
            entityLabel: input.name,
            officeId: input.officeId ?? currentOffice,
            details: { taxCode: input.taxCode ?? null, companyId },
          });
          return newId;
        })
        .catch(duplicateOnRace(networkId, input.taxCode));
      return reload(id);
    },

    async update(ctx: ActorContext, id: string, input: UpdateEmployerRequest): Promise<Employer> {
      const before = await loadForChange(ctx.actor, id);
      const { version, ...fields } = input;
      await checkFields(before.network_id, fields);
      await refuseDuplicate(before.network_id, fields.taxCode, id);
      const companyId = fields.taxCode !== undefined ? await companyLink(before.network_id, fields.taxCode) : undefined;
      await db
        .transaction()
        .execute(async (trx) => {
          const changed = await employers.update(trx, id, version, { ...fields, ...(companyId !== undefined && { companyId }) }, clock());
          if (!changed) throw employerErrors.staleVersion((await employers.findById(trx, id))?.version ?? before.version);
          await audit.record(trx, ctx, {
            action: 'employer.updated',
            entityType: 'employer',
            entityId: id,
            entityLabel: fields.name ?? before.name,
            officeId: fields.officeId ?? before.office_id,
            details: { fields: Object.keys(fields), version: changed.version },
          });
        })
        .catch(duplicateOnRace(before.network_id, fields.taxCode));
      return reload(id);
    },

    async addSite(ctx: ActorContext, employerId: string, input: CreateEmployerSiteRequest): Promise<Employer> {
      await checkComune(input.comuneCode);
      return changePart(ctx, employerId, 'employer.site_added', { comuneCode: input.comuneCode }, async (trx) => {
        if (input.headOffice) await employers.clearHeadOffice(trx, employerId);
        await employers.insertSite(trx, employerId, input, clock());
      });
    },

    async updateSite(ctx: ActorContext, employerId: string, siteId: string, input: UpdateEmployerSiteRequest): Promise<Employer> {
      await loadInNetwork(ctx.actor, employerId);
      if (!(await employers.findSite(db, employerId, siteId))) throw employerErrors.siteNotFound();
      await checkComune(input.comuneCode);
      return changePart(ctx, employerId, 'employer.site_updated', { siteId, fields: Object.keys(input) }, async (trx) => {
        if (input.headOffice) await employers.clearHeadOffice(trx, employerId);
        await employers.updateSite(trx, siteId, input);
      });
    },

    async removeSite(ctx: ActorContext, employerId: string, siteId: string): Promise<Employer> {
      await loadInNetwork(ctx.actor, employerId);
      const site = await employers.findSite(db, employerId, siteId);
      if (!site) throw employerErrors.siteNotFound();
      return changePart(ctx, employerId, 'employer.site_removed', { siteId, comuneCode: site.comune_code }, (trx) =>
        employers.deleteSite(trx, siteId),
      );
    },

    addContact: (ctx: ActorContext, employerId: string, input: CreateEmployerContactRequest) =>
      changePart(ctx, employerId, 'employer.contact_added', { role: input.role }, (trx) =>
        employers.insertContact(trx, employerId, input, clock()),
      ),

    async updateContact(ctx: ActorContext, employerId: string, contactId: string, input: UpdateEmployerContactRequest): Promise<Employer> {
      await loadInNetwork(ctx.actor, employerId);
      if (!(await employers.findContact(db, employerId, contactId))) throw employerErrors.contactNotFound();
      return changePart(ctx, employerId, 'employer.contact_updated', { contactId, fields: Object.keys(input) }, (trx) =>
        employers.updateContact(trx, contactId, input),
      );
    },

    async removeContact(ctx: ActorContext, employerId: string, contactId: string): Promise<Employer> {
      await loadInNetwork(ctx.actor, employerId);
      if (!(await employers.findContact(db, employerId, contactId))) throw employerErrors.contactNotFound();
      return changePart(ctx, employerId, 'employer.contact_removed', { contactId }, (trx) => employers.deleteContact(trx, contactId));
    },

    /** The employer agreed to be contacted about candidates: by whom it was recorded, when and how. */
    recordConsent: (ctx: ActorContext, employerId: string, input: RecordConsentRequest) =>
      changePart(ctx, employerId, 'employer.consent_recorded', { channel: input.channel }, (trx) =>
        employers.setConsent(trx, employerId, { at: clock(), channel: input.channel, by: ctx.actor.userId }, clock()),
      ),

    withdrawConsent: (ctx: ActorContext, employerId: string) =>
      changePart(ctx, employerId, 'employer.consent_withdrawn', {}, (trx) => employers.setConsent(trx, employerId, null, clock())),
  };
}

export type EmployerService = ReturnType<typeof createEmployerService>;
