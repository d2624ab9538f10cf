import { sql, type SqlBool } from 'kysely';
import type { Executor } from '../db/executor.js';
import { containsPattern } from '../db/like.js';
import type {
  VacancyContractType,
  VacancyLanguage,
  VacancySkillRelevance,
  VacancyState,
  VacancyWorkingTime,
} from '../db/schema-vacancies.js';
import type { VacancyQuery } from '../../shared/schemas/vacancies.schema.js';

/** A vacancy as the service works on it (plain values, dates as 'YYYY-MM-DD'). */
export interface VacancyRow {
  id: string;
  networkId: string;
  officeId: string;
  employerId: string;
  siteId: string;
  comuneCode: string;
  escoOccupationUri: string | null;
  cp2011Code: string | null;
  title: string;
  description: string;
  eqfLevel: number | null;
  educationCode: string | null;
  languages: VacancyLanguage[];
  drivingLicences: string[];
  contractType: VacancyContractType;
  durationMonths: number | null;
  workingTime: VacancyWorkingTime;
  weeklyHours: number | null;
  ccnlCode: string | null;
  ccnlLevel: string;
  payMinCents: number | null;
  payMaxCents: number | null;
  positions: number;
  positionsFilled: number;
  startDate: string | null;
  deadline: string;
  state: VacancyState;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** What a create or an update writes (the state, the version and the filled positions have moves of their own). */
export type VacancyValues = Omit<VacancyRow, 'id' | 'networkId' | 'state' | 'version' | 'positionsFilled' | 'createdAt' | 'updatedAt'>;

export interface VacancySkillRow {
  uri: string;
  relevance: VacancySkillRelevance;
}

export interface VacancyTransitionRow {
  from: VacancyState | null;
  to: VacancyState;
  reason: string;
  actorId: string | null;
  at: Date;
}

const COLUMNS = [
  'v.id',
  'v.network_id',
  'v.office_id',
  'v.employer_id',
  'v.site_id',
  'v.comune_code',
  'v.esco_occupation_uri',
  'v.cp2011_code',
  'v.title',
  'v.description',
  'v.eqf_level',
  'v.education_code',
  'v.languages',
  'v.driving_licences',
  'v.contract_type',
  'v.duration_months',
  'v.working_time',
  'v.weekly_hours',
  'v.ccnl_code',
  'v.ccnl_level',
  'v.pay_min_cents',
  'v.pay_max_cents',
  'v.positions',
  'v.positions_filled',
  'v.start_date',
  'v.deadline',
  'v.state',
  'v.version',
  'v.created_at',
  'v.updated_at',
] as const;

type DbRow = {
  id: string;
  network_id: string;
  office_id: string;
  employer_id: string;
  site_id: string;
  comune_code: string;
  esco_occupation_uri: string | null;
  cp2011_code: string | null;
  title: string;
  description: string;
  eqf_level: number | null;
  education_code: string | null;
  languages: VacancyLanguage[];
  driving_licences: string[];
  contract_type: VacancyContractType;
  duration_months: number | null;
  working_time: VacancyWorkingTime;
  weekly_hours: number | null;
  ccnl_code: string | null;
  ccnl_level: string;
  pay_min_cents: number | null;
  pay_max_cents: number | null;
  positions: number;
  positions_filled: number;
  start_date: string | null;
  deadline: string;
  state: VacancyState;
  version: number;
  created_at: Date;
  updated_at: Date;
};

function toRow(r: DbRow): VacancyRow {
  return {
    id: r.id,
    networkId: r.network_id,
    officeId: r.office_id,
    employerId: r.employer_id,
    siteId: r.site_id,
    comuneCode: r.comune_code,
    escoOccupationUri: r.esco_occupation_uri,
    cp2011Code: r.cp2011_code,
    title: r.title,
    description: r.description,
    eqfLevel: r.eqf_level,
    educationCode: r.education_code,
    languages: typeof r.languages === 'string' ? (JSON.parse(r.languages) as VacancyLanguage[]) : r.languages,
    drivingLicences: r.driving_licences,
    contractType: r.contract_type,
    durationMonths: r.duration_months,
    workingTime: r.working_time,
    weeklyHours: r.weekly_hours === null ? null : Number(r.weekly_hours),
    ccnlCode: r.ccnl_code,
    ccnlLevel: r.ccnl_level,
    payMinCents: r.pay_min_cents,
    payMaxCents: r.pay_max_cents,
    positions: r.positions,
    positionsFilled: r.positions_filled,
    startDate: r.start_date,
    deadline: r.deadline,
    state: r.state,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toDb(v: VacancyValues) {
  return {
    office_id: v.officeId,
    employer_id: v.employerId,
    site_id: v.siteId,
    comune_code: v.comuneCode,
    esco_occupation_uri: v.escoOccupationUri,
    cp2011_code: v.cp2011Code,
    title: v.title,
    description: v.description,
    eqf_level: v.eqfLevel,
    education_code: v.educationCode,
    languages: JSON.stringify(v.languages),
    driving_licences: v.drivingLicences,
    contract_type: v.contractType,
    duration_months: v.durationMonths,
    working_time: v.workingTime,
    weekly_hours: v.weeklyHours,
    ccnl_code: v.ccnlCode,
    ccnl_level: v.ccnlLevel,
    pay_min_cents: v.payMinCents,
    pay_max_cents: v.payMaxCents,
    positions: v.positions,
    start_date: v.startDate,
    deadline: v.deadline,
  };
}

/** A count stops here: beyond it the list says «more than 1,000» (counting 200,000 rows per keystroke is not worth it). */
export const COUNT_CAP = 1000;

export function createVacancyRepository() {
  return {
    async find(db: Executor, id: string): Promise<VacancyRow | undefined> {
      const row = await db.selectFrom('vacancies as v').select(COLUMNS).where('v.id', '=', id).executeTakeFirst();
      return row ? toRow(row as DbRow) : undefined;
    },

    /** Several rows in one statement, in the order of `ids` (an id not found is left out). */
    async findMany(db: Executor, ids: readonly string[]): Promise<VacancyRow[]> {
      if (ids.length === 0) return [];
      const rows = await db
        .selectFrom('vacancies as v')
        .select(COLUMNS)
        .where('v.id', 'in', [...ids])
        .execute();
      const byId = new Map(rows.map((r) => [(r as DbRow).id, toRow(r as DbRow)]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },

    /** The row locked for a move or an update, inside the caller's transaction. */
    async lock(db: Executor, id: string): Promise<VacancyRow | undefined> {
      const row = await db.selectFrom('vacancies as v').select(COLUMNS).where('v.id', '=', id).forUpdate().executeTakeFirst();
      return row ? toRow(row as DbRow) : undefined;
    },

    /**
     * The search: filters on the network's vacancies, in the one stable order (deadline, then id)
     * that the indexes of 0033 serve, and a count capped at COUNT_CAP.
     */
    async search(db: Executor, networkId: string, q: VacancyQuery): Promise<{ items: VacancyRow[]; total: number; totalCapped: boolean }> {
      let query = db.selectFrom('vacancies as v').where('v.network_id', '=', networkId);
      if (q.q) query = query.where(sql<SqlBool>`lower(v.title) like ${containsPattern(q.q)}`);
      if (q.escoOccupationUri) query = query.where('v.esco_occupation_uri', '=', q.escoOccupationUri);
      if (q.comuneCode) query = query.where('v.comune_code', '=', q.comuneCode);
      if (q.officeId) query = query.where('v.office_id', '=', q.officeId);
      if (q.state) query = query.where('v.state', '=', q.state);
      if (q.contractType) query = query.where('v.contract_type', '=', q.contractType);
      if (q.employerId) query = query.where('v.employer_id', '=', q.employerId);
      if (q.deadlineFrom) query = query.where('v.deadline', '>=', q.deadlineFrom);
      if (q.deadlineTo) query = query.where('v.deadline', '<=', q.deadlineTo);
      const [rows, counted] = await Promise.all([
        query.select(COLUMNS).orderBy('v.deadline').orderBy('v.id').limit(q.limit).offset(q.offset).execute(),
        db
          .selectFrom(
            query
              .select('v.id')
              .limit(COUNT_CAP + 1)
              .as('found'),
          )
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ]);
      const n = Number(counted.n);
      return { items: rows.map((r) => toRow(r as DbRow)), total: Math.min(n, COUNT_CAP), totalCapped: n > COUNT_CAP };
    },

    async insert(db: Executor, networkId: string, v: VacancyValues, createdBy: string | null, now: Date): Promise<string> {
      const row = await db
        .insertInto('vacancies')
        .values({ ...toDb(v), network_id: networkId, created_by: createdBy, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    /** Writes the fields and bumps the version when it is still `version`; false when someone changed it first. */
    async update(db: Executor, id: string, version: number, v: VacancyValues, now: Date): Promise<boolean> {
      const result = await db
        .updateTable('vacancies')
        .set({ ...toDb(v), version: sql`version + 1`, updated_at: now })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async setState(
      db: Executor,
      id: string,
      version: number,
      change: { state: VacancyState; positionsFilled?: number },
      now: Date,
    ): Promise<boolean> {
      const result = await db
        .updateTable('vacancies')
        .set({
          state: change.state,
          ...(change.positionsFilled === undefined ? {} : { positions_filled: change.positionsFilled }),
          version: sql`version + 1`,
          updated_at: now,
        })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async replaceSkills(db: Executor, vacancyId: string, skills: readonly VacancySkillRow[]): Promise<void> {
      await db.deleteFrom('vacancy_skills').where('vacancy_id', '=', vacancyId).execute();
      if (skills.length === 0) return;
      await db
        .insertInto('vacancy_skills')
        .values(skills.map((s) => ({ vacancy_id: vacancyId, skill_uri: s.uri, relevance: s.relevance })))
        .execute();
    },

    async skillsOf(db: Executor, vacancyId: string): Promise<VacancySkillRow[]> {
      const rows = await db
        .selectFrom('vacancy_skills')
        .select(['skill_uri', 'relevance'])
        .where('vacancy_id', '=', vacancyId)
        .orderBy('relevance')
        .orderBy('skill_uri')
        .execute();
      return rows.map((r) => ({ uri: r.skill_uri, relevance: r.relevance }));
    },

    async logTransition(
      db: Executor,
      t: { vacancyId: string; from: VacancyState | null; to: VacancyState; reason: string; actorId: string | null; at: Date },
    ): Promise<void> {
      await db
        .insertInto('vacancy_transitions')
        .values({ vacancy_id: t.vacancyId, from_state: t.from, to_state: t.to, reason: t.reason, actor_id: t.actorId, at: t.at })
        .execute();
    },

    async transitionsOf(db: Executor, vacancyId: string): Promise<VacancyTransitionRow[]> {
      const rows = await db
        .selectFrom('vacancy_transitions')
        .select(['from_state', 'to_state', 'reason', 'actor_id', 'at'])
        .where('vacancy_id', '=', vacancyId)
        .orderBy('seq')
        .execute();
      return rows.map((r) => ({ from: r.from_state, to: r.to_state, reason: r.reason, actorId: r.actor_id, at: r.at }));
    },

    /** The office's vacancies per state and their positions, for the board. */
    async officeCounts(db: Executor, officeId: string) {
      return db
        .selectFrom('vacancies')
        .select((eb) => [
          'state',
          eb.fn.countAll<number>().as('n'),
          eb.fn.sum<number>('positions').as('positions'),
          eb.fn.sum<number>('positions_filled').as('filled'),
        ])
        .where('office_id', '=', officeId)
        .groupBy('state')
        .execute();
    },

    async officeList(db: Executor, officeId: string, state: VacancyState, deadlineTo: string | null, limit: number): Promise<VacancyRow[]> {
      let q = db.selectFrom('vacancies as v').select(COLUMNS).where('v.office_id', '=', officeId).where('v.state', '=', state);
      if (deadlineTo) q = q.where('v.deadline', '<=', deadlineTo);
      const rows = await q.orderBy('v.deadline').orderBy('v.id').limit(limit).execute();
      return rows.map((r) => toRow(r as DbRow));
    },

    /** Published vacancies whose deadline is before `today`: the daily expiry moves them, logged, in one statement each. */
    async expirePastDeadline(db: Executor, today: string, now: Date): Promise<Array<{ id: string; officeId: string; title: string }>> {
      const expired = await db
        .updateTable('vacancies')
        .set({ state: 'expired', version: sql`version + 1`, updated_at: now })
        .where('state', '=', 'published')
        .where('deadline', '<', today)
        .returning(['id', 'office_id', 'title'])
        .execute();
      if (expired.length > 0) {
        for (let i = 0; i < expired.length; i += 1000) {
          await db
            .insertInto('vacancy_transitions')
            .values(
              expired.slice(i, i + 1000).map((e) => ({
                vacancy_id: e.id,
                from_state: 'published' as const,
                to_state: 'expired' as const,
                reason: '',
                actor_id: null,
                at: now,
              })),
            )
            .execute();
        }
      }
      return expired.map((e) => ({ id: e.id, officeId: e.office_id, title: e.title }));
    },

    /** Many vacancies with their skills and first transitions (the demo, the benchmark), 500 per statement. */
    async insertBulk(
      db: Executor,
      networkId: string,
      vacancies: ReadonlyArray<
        VacancyValues & {
          state: VacancyState;
          positionsFilled: number;
          skills: readonly VacancySkillRow[];
          log: ReadonlyArray<Omit<VacancyTransitionRow, 'actorId'> & { actorId: string | null }>;
        }
      >,
      now: Date,
    ): Promise<string[]> {
      const ids: string[] = [];
      for (let i = 0; i < vacancies.length; i += 500) {
        const chunk = vacancies.slice(i, i + 500);
        const rows = await db
          .insertInto('vacancies')
          .values(
            chunk.map((v) => ({
              ...toDb(v),
              network_id: networkId,
              state: v.state,
              positions_filled: v.positionsFilled,
              created_at: now,
              updated_at: now,
            })),
          )
          .returning('id')
          .execute();
        const chunkIds = rows.map((r) => r.id);
        ids.push(...chunkIds);
        const skills = chunk.flatMap((v, j) =>
          v.skills.map((s) => ({ vacancy_id: chunkIds[j]!, skill_uri: s.uri, relevance: s.relevance })),
        );
        for (let k = 0; k < skills.length; k += 2000)
          await db
            .insertInto('vacancy_skills')
            .values(skills.slice(k, k + 2000))
            .execute();
        const log = chunk.flatMap((v, j) =>
          v.log.map((t) => ({
            vacancy_id: chunkIds[j]!,
            from_state: t.from,
            to_state: t.to,
            reason: t.reason,
            actor_id: t.actorId,
            at: t.at,
          })),
        );
        for (let k = 0; k < log.length; k += 2000)
          await db
            .insertInto('vacancy_transitions')
            .values(log.slice(k, k + 2000))
            .execute();
      }
      return ids;
    },
  };
}

export type VacancyRepository = ReturnType<typeof createVacancyRepository>;
