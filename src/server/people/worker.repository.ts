import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../db/executor.js';
import type { ConsentChannel, ConsentPurpose } from '../db/schema-people.js';
import type { Consent, Note, TimelineEvent, WorkerListQuery, WorkerSummary } from '../../shared/schemas/people.schema.js';
import { workerErrors } from './worker.errors.js';
import { normaliseName } from './worker-names.js';

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

/** What kind of text the operator typed: a codice fiscale, a phone number, or a name. */
export function classifySearch(q: string): { kind: 'cf'; value: string } | { kind: 'phone'; value: string } | { kind: 'name'; words: string[] } {
  const compact = q.replace(/\s+/g, '').toUpperCase();
  if (/^[A-Z]{6}[0-9LMNPQRSTUV]/.test(compact) || (/^[A-Z0-9]{4,16}$/.test(compact) && /\d/.test(compact) && /[A-Z]/.test(compact))) {
    return { kind: 'cf', value: compact };
  }
  const digits = q.replace(/[\s./()-]/g, '');
  if (/^\+?\d{3,15}$/.test(digits)) {
    // Phones are stored in E.164; an Italian number typed without prefix is looked up as +39….
    const e164 = digits.startsWith('+') ? digits : digits.startsWith('0039') ? `+${digits.slice(2)}` : `+39${digits}`;
    return { kind: 'phone', value: e164 };
  }
  return { kind: 'name', words: normaliseName(q).split(' ').filter(Boolean) };
}

export function createWorkerRepository(options: { searchSortCap?: number } = {}) {
  const searchSortCap = options.searchSortCap ?? SEARCH_SORT_CAP;
  const detail = (executor: Executor) =>
    executor
      .selectFrom('workers as w')
      .innerJoin('offices as o', 'o.id', 'w.office_id')
      .leftJoin('cigs_cases as cc', 'cc.id', 'w.cigs_case_id')
      .leftJoin('companies as c', 'c.id', 'cc.company_id')
      .selectAll('w')
      .select(['o.name as office_name', 'cc.reason as cigs_reason', 'cc.start_date as cigs_start_date', 'c.id as company_id', 'c.name as company_name']);

  return {
    findById: (executor: Executor, id: string) => detail(executor).where('w.id', '=', id).executeTakeFirst(),

    async findIdByCodiceFiscale(executor: Executor, networkId: string, cf: string): Promise<string | undefined> {
      const row = await executor.selectFrom('workers').select('id').where('network_id', '=', networkId).where('codice_fiscale', '=', cf).executeTakeFirst();
      return row?.id;
    },

    async list(executor: Executor, networkId: string, officeFilter: string | null, query: WorkerListQuery): Promise<{ items: WorkerSummary[]; nextCursor: string | null; total: number | null }> {
      const conditions: RawBuilder<unknown>[] = [sql`w.network_id = ${networkId}`];
      const office = officeFilter ?? query.officeId;
      if (office) conditions.push(sql`w.office_id = ${office}`);
      if (officeFilter && query.officeId && query.officeId !== officeFilter) conditions.push(sql`false`);
      if (query.cigsCaseId) conditions.push(sql`w.cigs_case_id = ${query.cigsCaseId}`);
      if (query.companyId) conditions.push(sql`w.cigs_case_id in (select id from cigs_cases where company_id = ${query.companyId})`);
      if (query.cigsEndBefore) conditions.push(sql`w.effective_cigs_end < ${query.cigsEndBefore}`);
      if (query.hasCodiceFiscale) conditions.push(query.hasCodiceFiscale === 'true' ? sql`w.codice_fiscale is not null` : sql`w.codice_fiscale is null`);
      const search = query.q ? classifySearch(query.q) : undefined;
      if (search?.kind === 'cf') conditions.push(sql`w.codice_fiscale like ${`${search.value}%`}`);
      else if (search?.kind === 'phone') conditions.push(sql`w.phone like ${`${search.value}%`}`);
      // Each word anywhere in "last first" (trigram index): "maria rossi" finds Rossi Maria.
      else if (search?.kind === 'name') for (const word of search.words) conditions.push(sql`w.search_name like ${`%${word}%`}`);
      // How many match in all ("1.234 lavoratori"): counted on the first page only, the filters without the cursor.
      const counted = query.cursor ? null : sql<boolean>`${sql.join(conditions, sql` and `)}`;
      if (query.cursor) {
        const [last, first, id] = decodeCursor(query.cursor);
        conditions.push(sql`(w.last_name, w.first_name, w.id) > (${last}, ${first}, ${id}::uuid)`);
      }
      const where = sql<boolean>`${sql.join(conditions, sql` and `)}`;
      const columns = ['w.id', 'w.first_name', 'w.last_name', 'w.codice_fiscale', 'w.phone', 'w.office_id', 'o.name as office_name', 'c.name as company_name', 'w.effective_cigs_end as cigs_end_date'] as const;
      const joined = (from: ReturnType<typeof executor.selectFrom<'workers as w'>>) =>
        from
          .innerJoin('offices as o', 'o.id', 'w.office_id')
          .leftJoin('cigs_cases as cc', 'cc.id', 'w.cigs_case_id')
          .leftJoin('companies as c', 'c.id', 'cc.company_id')
          .select(columns)
          .orderBy('w.last_name')
          .orderBy('w.first_name')
          .orderBy('w.id')
          .limit(query.limit + 1);

      let rows: Array<{ id: string; first_name: string; last_name: string; codice_fiscale: string | null; phone: string | null; office_id: string; office_name: string; company_name: string | null; cigs_end_date: string | null }> | undefined;
      if (search?.kind === 'name') {
        // A name search sorts its matches rather than walking the name index: matches of one surname
        // cluster in the alphabet, and walking to them can read most of an office's rows. Matching
        // through the trigram index is bounded (SEARCH_SORT_CAP); a search that matches more (a common
        // first name alone) is dense, and then walking the name index in order is the fast plan.
        const capped = await executor
          .with('m', (db) => db.selectFrom('workers as w').select('w.id').where(where).limit(searchSortCap + 1))
          .selectFrom('workers as w')
          .where('w.id', 'in', (eb) => eb.selectFrom('m').select('m.id'))
          .innerJoin('offices as o', 'o.id', 'w.office_id')
          .leftJoin('cigs_cases as cc', 'cc.id', 'w.cigs_case_id')
          .leftJoin('companies as c', 'c.id', 'cc.company_id')
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
          : Number((await executor.selectFrom('workers as w').select(sql<number>`count(*)`.as('n')).where(counted).executeTakeFirstOrThrow()).n)
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
          officeName: r.office_name,
          companyName: r.company_name,
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
      await executor.updateTable('workers').set({ ...toRow(values), updated_at: now }).where('id', '=', id).execute();
    },

    /** The latest record per purpose is the current state (Reg. UE 2016/679 art. 7(3): withdrawal as easy as consent). */
    async currentConsents(executor: Executor, workerId: string): Promise<Consent[]> {
      const rows = await executor
        .selectFrom('worker_consents as k')
        .leftJoin('staff_users as s', 's.id', 'k.recorded_by')
        .select(['k.purpose', 'k.granted', 'k.channel', 'k.recorded_at', 's.full_name', 'k.note'])
        .distinctOn('k.purpose')
        .where('k.worker_id', '=', workerId)
        .orderBy('k.purpose')
        .orderBy('k.recorded_at', 'desc')
        .orderBy('k.id', 'desc')
        .execute();
      return rows.map((r) => ({ purpose: r.purpose, granted: r.granted, channel: r.channel, recordedAt: r.recorded_at.toISOString(), recordedBy: r.full_name, note: r.note }));
    },

    async insertConsent(executor: Executor, c: { workerId: string; officeId: string; purpose: ConsentPurpose; granted: boolean; channel: ConsentChannel; recordedBy: string | null; note: string; at: Date }) {
      await executor
        .insertInto('worker_consents')
        .values({ worker_id: c.workerId, office_id: c.officeId, purpose: c.purpose, granted: c.granted, channel: c.channel, recorded_by: c.recordedBy, note: c.note, recorded_at: c.at })
        .execute();
    },

    async notes(executor: Executor, workerId: string): Promise<Note[]> {
      const rows = await executor
        .selectFrom('worker_notes as n')
        .innerJoin('staff_users as s', 's.id', 'n.author_id')
        .select(['n.id', 'n.body', 's.full_name', 'n.created_at'])
        .where('n.worker_id', '=', workerId)
        .orderBy('n.created_at', 'desc')
        .limit(200)
        .execute();
      return rows.map((r) => ({ id: r.id, body: r.body, authorName: r.full_name, createdAt: r.created_at.toISOString() }));
    },

    async insertNote(executor: Executor, n: { workerId: string; officeId: string; authorId: string; body: string; at: Date }): Promise<string> {
      const row = await executor
        .insertInto('worker_notes')
        .values({ worker_id: n.workerId, office_id: n.officeId, author_id: n.authorId, body: n.body, created_at: n.at })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async timeline(executor: Executor, workerId: string): Promise<TimelineEvent[]> {
      const rows = await executor
        .selectFrom('worker_events as e')
        .leftJoin('staff_users as s', 's.id', 'e.actor_id')
        .select(['e.id', 'e.at', 'e.kind', 's.full_name', 'e.details'])
        .where('e.worker_id', '=', workerId)
        .orderBy('e.at', 'desc')
        .orderBy('e.id', 'desc')
        .limit(500)
        .execute();
      return rows.map((r) => ({ id: Number(r.id), at: r.at.toISOString(), kind: r.kind, actorName: r.full_name, details: r.details }));
    },
  };
}

export type WorkerRepository = ReturnType<typeof createWorkerRepository>;
export type WorkerDetailRow = NonNullable<Awaited<ReturnType<WorkerRepository['findById']>>>;
