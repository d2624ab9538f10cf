import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../db/executor.js';
import type { ConsentChannel, ConsentPurpose } from '../db/schema-people.js';
import type { WorkerListQuery } from '../../shared/schemas/people.schema.js';
import { workerErrors } from './worker.errors.js';
import { classifySearch } from './worker-search.js';

export interface WorkerValues {
  officeId?: string;
  codiceFiscale?: string | null;
  firstName?: string;
  lastName?: string;
  searchName?: string;
  birthDate?: string | null;
  sex?: 'M' | 'F' | null;
  birthPlaceCode?: string | null;
  citizenship?: string | null;
  residenceComuneCode?: string | null;
  address?: string;
  postalCode?: string;
  phone?: string | null;
  email?: string | null;
  cigsCaseId?: string | null;
  cigsEndDate?: string | null;
}

const columns = {
  officeId: 'office_id',
  codiceFiscale: 'codice_fiscale',
  firstName: 'first_name',
  lastName: 'last_name',
  searchName: 'search_name',
  birthDate: 'birth_date',
  sex: 'sex',
  birthPlaceCode: 'birth_place_code',
  citizenship: 'citizenship',
  residenceComuneCode: 'residence_comune_code',
  address: 'address',
  postalCode: 'postal_code',
  phone: 'phone',
  email: 'email',
  cigsCaseId: 'cigs_case_id',
  cigsEndDate: 'cigs_end_date',
} as const;

function toRow(values: WorkerValues): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(columns)) {
    const value = values[key as keyof WorkerValues];
    if (value !== undefined) row[column] = value;
  }
  return row;
}

/** A row of the worker list, before the service names its office and company. */
export interface WorkerListRow {
  id: string;
  firstName: string;
  lastName: string;
  codiceFiscale: string | null;
  phone: string | null;
  officeId: string;
  cigsCaseId: string | null;
  /** workers.effective_cigs_end (migration 0009). */
  cigsEndDate: string | null;
}

export interface NoteRow {
  id: string;
  body: string;
  authorId: string;
  createdAt: string;
}

export interface TimelineRow {
  id: number;
  at: string;
  kind: string;
  actorId: string | null;
  details: Record<string, unknown>;
}

/** Matches a name search sorts itself; beyond this the name index is walked (see list). */
const SEARCH_SORT_CAP = 5000;

/** Keyset cursor: the (last name, first name, id) of the last row of the previous page. */
export function encodeCursor(row: { last_name: string; first_name: string; id: string }): string {
  return Buffer.from(JSON.stringify([row.last_name, row.first_name, row.id])).toString('base64url');
}
function decodeCursor(cursor: string): [string, string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === 3 && value.every((v) => typeof v === 'string')) return value as [string, string, string];
  } catch {
    // fall through
  }
  throw workerErrors.invalidCursor();
}

export function createWorkerRepository(options: { searchSortCap?: number } = {}) {
  const searchSortCap = options.searchSortCap ?? SEARCH_SORT_CAP;
  return {
    /** A worker's row, people's columns only: office, CIGS case and company names are merged by the service. */
    findById: (executor: Executor, id: string) =>
      executor.selectFrom('workers as w').selectAll('w').where('w.id', '=', id).executeTakeFirst(),

    async findIdByCodiceFiscale(executor: Executor, networkId: string, cf: string): Promise<string | undefined> {
      const row = await executor
        .selectFrom('workers')
        .select('id')
        .where('network_id', '=', networkId)
        .where('codice_fiscale', '=', cf)
        .executeTakeFirst();
      return row?.id;
    },

    /**
     * A page of the worker list in (last name, first name, id) order. `companyCaseIds`: the CIGS
     * cases of `query.companyId` (companies owns them), resolved by the caller.
     */
    async list(
      executor: Executor,
      networkId: string,
      officeFilter: string | null,
      query: WorkerListQuery,
      companyCaseIds?: readonly string[],
    ): Promise<{ items: WorkerListRow[]; nextCursor: string | null; total: number | null }> {
      const conditions: RawBuilder<unknown>[] = [sql`w.network_id = ${networkId}`];
      const office = officeFilter ?? query.officeId;
      if (office) conditions.push(sql`w.office_id = ${office}`);
      if (officeFilter && query.officeId && query.officeId !== officeFilter) conditions.push(sql`false`);
      if (query.cigsCaseId) conditions.push(sql`w.cigs_case_id = ${query.cigsCaseId}`);
      if (query.companyId) conditions.push(companyCaseIds?.length ? sql`w.cigs_case_id in (${sql.join([...companyCaseIds])})` : sql`false`);
      if (query.cigsEndBefore) conditions.push(sql`w.effective_cigs_end < ${query.cigsEndBefore}`);
      if (query.hasCodiceFiscale)
        conditions.push(query.hasCodiceFiscale === 'true' ? sql`w.codice_fiscale is not null` : sql`w.codice_fiscale is null`);
      const search = query.q ? classifySearch(query.q) : undefined;
      if (search?.kind === 'cf') conditions.push(sql`w.codice_fiscale like ${`${search.value}%`}`);
      else if (search?.kind === 'phone') {
        // The start of the number, or its last digits ("4567", "123 4567": trigram index of 0014),
        // on record or among the further numbers the worker gave (worker_phones: a hotline caller's new number).
        const phoneLike = (column: RawBuilder<unknown>) =>
          search.suffix
            ? sql`(${column} like ${`${search.prefix}%`} or ${column} like ${`%${search.suffix}`})`
            : sql`${column} like ${`${search.prefix}%`}`;
        conditions.push(
          sql`(${phoneLike(sql.ref('w.phone'))} or w.id in (select p.worker_id from worker_phones p where ${phoneLike(sql.ref('p.phone'))}))`,
        );
      } else if (search?.kind === 'name') {
        // Each word anywhere in the key "last first" (trigram index): "maria rossi" finds Rossi Maria,
        // "de luca" and "deluca" find De Luca (the key joins particles, worker-names.ts).
        const byName =
          search.words.length > 0
            ? sql`${sql.join(
                search.words.map((word) => sql`w.search_name like ${`%${word}%`}`),
                sql` and `,
              )}`
            : sql`false`;
        conditions.push(search.cfPrefix ? sql`(${byName} or w.codice_fiscale like ${`${search.cfPrefix}%`})` : byName);
      }
      // How many match in all ("1.234 lavoratori"): counted on the first page only, the filters without the cursor.
      const counted = query.cursor ? null : sql<boolean>`${sql.join(conditions, sql` and `)}`;
      if (query.cursor) {
        const [last, first, id] = decodeCursor(query.cursor);
        conditions.push(sql`(w.last_name, w.first_name, w.id) > (${last}, ${first}, ${id}::uuid)`);
      }
      const where = sql<boolean>`${sql.join(conditions, sql` and `)}`;
      const columns = [
        'w.id',
        'w.first_name',
        'w.last_name',
        'w.codice_fiscale',
        'w.phone',
        'w.office_id',
        'w.cigs_case_id',
        'w.effective_cigs_end as cigs_end_date',
      ] as const;
      const joined = (from: ReturnType<typeof executor.selectFrom<'workers as w'>>) =>
        from
          .select(columns)
          .orderBy('w.last_name')
          .orderBy('w.first_name')
          .orderBy('w.id')
          .limit(query.limit + 1);

      let rows:
        | Array<{
            id: string;
            first_name: string;
            last_name: string;
            codice_fiscale: string | null;
            phone: string | null;
            office_id: string;
            cigs_case_id: string | null;
            cigs_end_date: string | null;
          }>
        | undefined;
      if (search?.kind === 'name') {
        // A name search sorts its matches rather than walking the name index: matches of one surname
        // cluster in the alphabet, and walking to them can read most of an office's rows. Matching
        // through the trigram index is bounded (SEARCH_SORT_CAP); a search that matches more (a common
        // first name alone) is dense, and then walking the name index in order is the fast plan.
        const capped = await executor
          .with('m', (db) =>
            db
              .selectFrom('workers as w')
              .select('w.id')
              .where(where)
              .limit(searchSortCap + 1),
          )
          .selectFrom('workers as w')
          .where('w.id', 'in', (eb) => eb.selectFrom('m').select('m.id'))
          .select(columns)
          .select(sql<number>`(select count(*) from m)`.as('matched'))
          // The expression keeps the planner off the name index (same order as last_name).
          .orderBy(sql`w.last_name || ''`)
          .orderBy('w.first_name')
          .orderBy('w.id')
          .limit(query.limit + 1)
          .execute();
        if (capped.length === 0 || Number(capped[0]!.matched) <= searchSortCap) rows = capped;
      }
      rows ??= await joined(executor.selectFrom('workers as w').where(where)).execute();
      const total = counted
        ? rows.length <= query.limit
          ? rows.length
          : Number(
              (
                await executor
                  .selectFrom('workers as w')
                  .select(sql<number>`count(*)`.as('n'))
                  .where(counted)
                  .executeTakeFirstOrThrow()
              ).n,
            )
        : null;
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        items: page.map((r) => ({
          id: r.id,
          firstName: r.first_name,
          lastName: r.last_name,
          codiceFiscale: r.codice_fiscale,
          phone: r.phone,
          officeId: r.office_id,
          cigsCaseId: r.cigs_case_id,
          cigsEndDate: r.cigs_end_date,
        })),
        nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
        total,
      };
    },

    async insert(executor: Executor, networkId: string, values: WorkerValues & { officeId: string }, now: Date): Promise<string> {
      const row = await executor
        .insertInto('workers')
        .values({ ...(toRow(values) as { office_id: string }), network_id: networkId, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async update(executor: Executor, id: string, values: WorkerValues, now: Date): Promise<void> {
      await executor
        .updateTable('workers')
        .set({ ...toRow(values), updated_at: now })
        .where('id', '=', id)
        .execute();
    },

    /**
     * The latest record per purpose is the current state (Reg. UE 2016/679 art. 7(3): withdrawal as
     * easy as consent). `recordedById`: the staff member, named by the service (auth owns staff).
     */
    async insertConsent(
      executor: Executor,
      c: {
        workerId: string;
        officeId: string;
        purpose: ConsentPurpose;
        granted: boolean;
        channel: ConsentChannel;
        recordedBy: string | null;
        note: string;
        at: Date;
      },
    ) {
      await executor
        .insertInto('worker_consents')
        .values({
          worker_id: c.workerId,
          office_id: c.officeId,
          purpose: c.purpose,
          granted: c.granted,
          channel: c.channel,
          recorded_by: c.recordedBy,
          note: c.note,
          recorded_at: c.at,
        })
        .execute();
    },

    async notes(executor: Executor, workerId: string): Promise<NoteRow[]> {
      const rows = await executor
        .selectFrom('worker_notes as n')
        .select(['n.id', 'n.body', 'n.author_id', 'n.created_at'])
        .where('n.worker_id', '=', workerId)
        .orderBy('n.created_at', 'desc')
        .limit(200)
        .execute();
      return rows.map((r) => ({ id: r.id, body: r.body, authorId: r.author_id, createdAt: r.created_at.toISOString() }));
    },

    async insertNote(
      executor: Executor,
      n: { workerId: string; officeId: string; authorId: string; body: string; at: Date },
    ): Promise<string> {
      const row = await executor
        .insertInto('worker_notes')
        .values({ worker_id: n.workerId, office_id: n.officeId, author_id: n.authorId, body: n.body, created_at: n.at })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async timeline(executor: Executor, workerId: string): Promise<TimelineRow[]> {
      const rows = await executor
        .selectFrom('worker_events as e')
        .select(['e.id', 'e.at', 'e.kind', 'e.actor_id', 'e.details'])
        .where('e.worker_id', '=', workerId)
        .orderBy('e.at', 'desc')
        .orderBy('e.id', 'desc')
        .limit(500)
        .execute();
      return rows.map((r) => ({ id: Number(r.id), at: r.at.toISOString(), kind: r.kind, actorId: r.actor_id, details: r.details }));
    },
  };
}

export type WorkerRepository = ReturnType<typeof createWorkerRepository>;
export type WorkerDetailRow = NonNullable<Awaited<ReturnType<WorkerRepository['findById']>>>;
