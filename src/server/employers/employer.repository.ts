import { sql, type Selectable } from 'kysely';
import type { Executor } from '../db/executor.js';
import { escapeLike } from '../db/like.js';
import type { EmployerContactsTable, EmployerSitesTable, EmployersTable } from '../db/schema-employers.js';
import type {
  CreateEmployerContactRequest,
  CreateEmployerRequest,
  CreateEmployerSiteRequest,
  ConsentChannelName,
  EmployerListQuery,
  UpdateEmployerContactRequest,
  UpdateEmployerRequest,
  UpdateEmployerSiteRequest,
} from '../../shared/schemas/employers.schema.js';

export type EmployerRow = Selectable<EmployersTable>;
export type EmployerSiteRow = Selectable<EmployerSitesTable>;
export type EmployerContactRow = Selectable<EmployerContactsTable>;

/** What a new employer is stored with: the request plus what the service decided (office, crisis company). */
export type NewEmployer = Omit<CreateEmployerRequest, 'officeId'> & { officeId: string; companyId: string | null };

/** The typographic apostrophe (’) and the typed one (') are the same letter to a person searching. */
const searchable = (column: string) => sql<string>`translate(lower(${sql.ref(column)}), '’', '''')`;

const columnsOf = (input: Omit<UpdateEmployerRequest, 'version'> & { companyId?: string | null }) => ({
  ...(input.name !== undefined && { name: input.name }),
  ...(input.taxCode !== undefined && { tax_code: input.taxCode }),
  ...(input.vatNumber !== undefined && { vat_number: input.vatNumber }),
  ...(input.atecoCode !== undefined && { ateco_code: input.atecoCode }),
  ...(input.officeId !== undefined && { office_id: input.officeId }),
  ...(input.companyId !== undefined && { company_id: input.companyId }),
  ...(input.website !== undefined && { website: input.website }),
  ...(input.email !== undefined && { email: input.email }),
  ...(input.pec !== undefined && { pec: input.pec }),
  ...(input.phone !== undefined && { phone: input.phone }),
  ...(input.notes !== undefined && { notes: input.notes }),
});

export function createEmployerRepository() {
  return {
    findById: (db: Executor, id: string) => db.selectFrom('employers').selectAll().where('id', '=', id).executeTakeFirst(),

    sitesOf: (db: Executor, employerId: string) =>
      db
        .selectFrom('employer_sites')
        .selectAll()
        .where('employer_id', '=', employerId)
        .orderBy('head_office', 'desc')
        .orderBy('created_at')
        .orderBy('id')
        .execute(),

    contactsOf: (db: Executor, employerId: string) =>
      db.selectFrom('employer_contacts').selectAll().where('employer_id', '=', employerId).orderBy('created_at').orderBy('id').execute(),

    /** The employer of the network holding this codice fiscale (another one than `exceptId`). */
    byTaxCode: async (db: Executor, networkId: string, taxCode: string, exceptId?: string) => {
      let q = db.selectFrom('employers').select(['id', 'name']).where('network_id', '=', networkId).where('tax_code', '=', taxCode);
      if (exceptId) q = q.where('id', '<>', exceptId);
      return q.executeTakeFirst();
    },

    /**
     * A page of the network's employers, by name then id (a stable order for paging), with the
     * total; `q` matches the name (any part) or the partita IVA / codice fiscale (from the start).
     */
    async list(db: Executor, networkId: string, query: EmployerListQuery) {
      let base = db.selectFrom('employers as e').where('e.network_id', '=', networkId);
      if (query.q) {
        const text = query.q.toLowerCase().replaceAll('’', "'");
        const code = query.q.toUpperCase().replace(/\s+/g, '');
        base = base.where((eb) =>
          eb.or([
            eb(searchable('e.name'), 'like', `%${escapeLike(text)}%`),
            eb('e.tax_code', 'like', `${escapeLike(code)}%`),
            eb('e.vat_number', 'like', `${escapeLike(code)}%`),
          ]),
        );
      }
      if (query.atecoCode) base = base.where('e.ateco_code', 'like', `${escapeLike(query.atecoCode)}%`);
      if (query.officeId) base = base.where('e.office_id', '=', query.officeId);
      if (query.comuneCode) {
        const comune = query.comuneCode;
        base = base.where((eb) =>
          eb.exists(
            eb.selectFrom('employer_sites as s').select('s.id').whereRef('s.employer_id', '=', 'e.id').where('s.comune_code', '=', comune),
          ),
        );
      }
      const [rows, total] = await Promise.all([
        base
          .select(['e.id', 'e.name', 'e.tax_code', 'e.ateco_code', 'e.office_id', 'e.company_id', 'e.contact_consent_at'])
          .orderBy(sql`lower(e.name)`)
          .orderBy('e.id')
          .limit(query.limit)
          .offset(query.offset)
          .execute(),
        base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(total.n) };
    },

    /** The comuni of the sites of these employers, head office first (one query for a page). */
    async siteComuni(db: Executor, employerIds: readonly string[]): Promise<Map<string, string[]>> {
      if (employerIds.length === 0) return new Map();
      const rows = await db
        .selectFrom('employer_sites')
        .select(['employer_id', 'comune_code'])
        .where('employer_id', 'in', [...employerIds])
        .orderBy('employer_id')
        .orderBy('head_office', 'desc')
        .orderBy('created_at')
        .execute();
      const out = new Map<string, string[]>();
      for (const r of rows) {
        const list = out.get(r.employer_id) ?? [];
        if (!list.includes(r.comune_code)) list.push(r.comune_code);
        out.set(r.employer_id, list);
      }
      return out;
    },

    async insert(db: Executor, networkId: string, input: NewEmployer, by: string, now: Date): Promise<string> {
      const row = await db
        .insertInto('employers')
        .values({
          network_id: networkId,
          office_id: input.officeId,
          name: input.name,
          ...columnsOf(input),
          created_by: by,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    /** Changes the employer if it is still at `version`; undefined when it is not (stale) or gone. */
    update: (
      db: Executor,
      id: string,
      version: number,
      input: Omit<UpdateEmployerRequest, 'version'> & { companyId?: string | null },
      now: Date,
    ) =>
      db
        .updateTable('employers')
        .set({ ...columnsOf(input), version: sql`version + 1`, updated_at: now })
        .where('id', '=', id)
        .where('version', '=', version)
        .returning('version')
        .executeTakeFirst(),

    /** A site, contact or consent changed: the employer's record was changed too (its date, not its version). */
    touch: (db: Executor, id: string, now: Date) => db.updateTable('employers').set({ updated_at: now }).where('id', '=', id).execute(),

    setConsent: (db: Executor, id: string, consent: { at: Date; channel: ConsentChannelName; by: string } | null, now: Date) =>
      db
        .updateTable('employers')
        .set({
          contact_consent_at: consent?.at ?? null,
          contact_consent_channel: consent?.channel ?? null,
          contact_consent_by: consent?.by ?? null,
          updated_at: now,
        })
        .where('id', '=', id)
        .execute(),

    findSite: (db: Executor, employerId: string, siteId: string) =>
      db.selectFrom('employer_sites').selectAll().where('id', '=', siteId).where('employer_id', '=', employerId).executeTakeFirst(),

    /** The head office is one: marking a site as such unmarks the others first. */
    async clearHeadOffice(db: Executor, employerId: string) {
      await db
        .updateTable('employer_sites')
        .set({ head_office: false })
        .where('employer_id', '=', employerId)
        .where('head_office', '=', true)
        .execute();
    },

    async insertSite(db: Executor, employerId: string, input: CreateEmployerSiteRequest, now: Date): Promise<string> {
      const row = await db
        .insertInto('employer_sites')
        .values({
          employer_id: employerId,
          comune_code: input.comuneCode,
          name: input.name ?? '',
          address: input.address ?? '',
          postal_code: input.postalCode ?? '',
          head_office: input.headOffice ?? false,
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    updateSite: (db: Executor, siteId: string, input: UpdateEmployerSiteRequest) =>
      Object.keys(input).length === 0
        ? Promise.resolve()
        : db
            .updateTable('employer_sites')
            .set({
              ...(input.name !== undefined && { name: input.name }),
              ...(input.address !== undefined && { address: input.address }),
              ...(input.postalCode !== undefined && { postal_code: input.postalCode }),
              ...(input.comuneCode !== undefined && { comune_code: input.comuneCode }),
              ...(input.headOffice !== undefined && { head_office: input.headOffice }),
            })
            .where('id', '=', siteId)
            .execute()
            .then(() => undefined),

    deleteSite: (db: Executor, siteId: string) => db.deleteFrom('employer_sites').where('id', '=', siteId).execute(),

    findContact: (db: Executor, employerId: string, contactId: string) =>
      db.selectFrom('employer_contacts').selectAll().where('id', '=', contactId).where('employer_id', '=', employerId).executeTakeFirst(),

    async insertContact(db: Executor, employerId: string, input: CreateEmployerContactRequest, now: Date): Promise<string> {
      const row = await db
        .insertInto('employer_contacts')
        .values({
          employer_id: employerId,
          full_name: input.fullName,
          role: input.role,
          job_title: input.jobTitle ?? '',
          phone: input.phone ?? '',
          email: input.email ?? '',
          receives_candidates: input.receivesCandidates ?? false,
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    updateContact: (db: Executor, contactId: string, input: UpdateEmployerContactRequest) =>
      Object.keys(input).length === 0
        ? Promise.resolve()
        : db
            .updateTable('employer_contacts')
            .set({
              ...(input.fullName !== undefined && { full_name: input.fullName }),
              ...(input.role !== undefined && { role: input.role }),
              ...(input.jobTitle !== undefined && { job_title: input.jobTitle }),
              ...(input.phone !== undefined && { phone: input.phone }),
              ...(input.email !== undefined && { email: input.email }),
              ...(input.receivesCandidates !== undefined && { receives_candidates: input.receivesCandidates }),
            })
            .where('id', '=', contactId)
            .execute()
            .then(() => undefined),

    deleteContact: (db: Executor, contactId: string) => db.deleteFrom('employer_contacts').where('id', '=', contactId).execute(),
  };
}

export type EmployerRepository = ReturnType<typeof createEmployerRepository>;
