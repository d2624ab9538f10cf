import { sql } from 'kysely';
import type { Executor } from '../db/executor.js';
import type { ApplicationEventKind, ApplicationSource, ApplicationState } from '../db/schema-applications.js';
import { OPEN_APPLICATION_STATES } from './application.states.js';
import {
  HIRE_FACT_NAMES,
  type HireFactName,
  type HireFactsAnswer,
  type HireFactsRequest,
} from '../../shared/schemas/applications.schema.js';

/** The column of application_offers (migration 0045) that holds each fact the incentives turn on. */
const HIRE_FACT_COLUMNS = {
  privateEmployer: 'private_employer',
  holdsAssegnoDiRicollocazione: 'holds_assegno_ricollocazione',
  ownershipCoincidesWithCurrentEmployer: 'ownership_coincides',
  cigsTransizioneOccupazionale: 'cigs_transizione_occupazionale',
} as const satisfies Record<HireFactName, string>;

/** The only file that writes SQL on applications, application_events, application_settings, application_offers and application_checklist_ticks. */

export interface ApplicationRow {
  id: string;
  networkId: string;
  officeId: string;
  vacancyId: string;
  workerId: string;
  source: ApplicationSource;
  state: ApplicationState;
  reasonCode: string | null;
  cvId: string | null;
  sentAt: Date | null;
  interviewAt: Date | null;
  interviewPlace: string;
  interviewContact: string;
  remindersDue: number;
  proposedBy: string | null;
  stateChangedAt: Date;
  version: number;
  createdAt: Date;
}

export interface ApplicationEventRow {
  kind: ApplicationEventKind;
  from: ApplicationState | null;
  to: ApplicationState | null;
  reasonCode: string | null;
  note: string;
  actorId: string | null;
  at: Date;
}

export type NewApplicationEvent = ApplicationEventRow & { applicationId: string };

const COLUMNS = [
  'id',
  'network_id',
  'office_id',
  'vacancy_id',
  'worker_id',
  'source',
  'state',
  'reason_code',
  'cv_id',
  'sent_at',
  'interview_at',
  'interview_place',
  'interview_contact',
  'reminders_due',
  'proposed_by',
  'state_changed_at',
  'version',
  'created_at',
] as const;

type DbRow = {
  id: string;
  network_id: string;
  office_id: string;
  vacancy_id: string;
  worker_id: string;
  source: ApplicationSource;
  state: ApplicationState;
  reason_code: string | null;
  cv_id: string | null;
  sent_at: Date | null;
  interview_at: Date | null;
  interview_place: string;
  interview_contact: string;
  reminders_due: number;
  proposed_by: string | null;
  state_changed_at: Date;
  version: number;
  created_at: Date;
};

const toRow = (r: DbRow): ApplicationRow => ({
  id: r.id,
  networkId: r.network_id,
  officeId: r.office_id,
  vacancyId: r.vacancy_id,
  workerId: r.worker_id,
  source: r.source,
  state: r.state,
  reasonCode: r.reason_code,
  cvId: r.cv_id,
  sentAt: r.sent_at,
  interviewAt: r.interview_at,
  interviewPlace: r.interview_place,
  interviewContact: r.interview_contact,
  remindersDue: r.reminders_due,
  proposedBy: r.proposed_by,
  stateChangedAt: r.state_changed_at,
  version: r.version,
  createdAt: r.created_at,
});

const eventValues = (e: NewApplicationEvent) => ({
  application_id: e.applicationId,
  kind: e.kind,
  from_state: e.from,
  to_state: e.to,
  reason_code: e.reasonCode,
  note: e.note,
  actor_id: e.actorId,
  at: e.at,
});

/** What a move changes besides the state: the fields of the move that carries them. */
export interface ApplicationChange {
  state: ApplicationState;
  reasonCode?: string | null;
  cvId?: string;
  sentAt?: Date;
  interview?: { at: Date; place: string; contact: string };
}

/** The offer's terms recorded with the move to «offer», and the pay check's answer then. */
export interface OfferTermsRow {
  applicationId: string;
  contractType: 'permanent' | 'fixed_term' | 'apprenticeship' | 'agency';
  ccnlCode: string;
  ccnlLevel: string;
  weeklyHours: number;
  monthlyGrossCents: number;
  startDate: string;
  probationDays: number;
  comuneCode: string | null;
  belowMinimum: boolean | null;
  proratedMinimumCents: number | null;
  warningIt: string;
  warningEn: string;
  recordedBy: string | null;
  recordedAt: Date;
  /** The facts the incentives turn on, as learnt since (null: not known); absent when the offer is being written. */
  facts?: HireFactsAnswer;
}

export interface ChecklistTickRow {
  itemCode: string;
  tickedBy: string | null;
  tickedAt: Date;
}

const dateText = (d: unknown): string => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d));

export function createApplicationRepository() {
  return {
    async find(db: Executor, id: string): Promise<ApplicationRow | undefined> {
      const row = await db.selectFrom('applications').select(COLUMNS).where('id', '=', id).executeTakeFirst();
      return row ? toRow(row as DbRow) : undefined;
    },

    /** The open application of a worker for a vacancy, whichever office proposed it. */
    async openFor(db: Executor, vacancyId: string, workerId: string): Promise<ApplicationRow | undefined> {
      const row = await db
        .selectFrom('applications')
        .select(COLUMNS)
        .where('vacancy_id', '=', vacancyId)
        .where('worker_id', '=', workerId)
        .where('state', 'in', [...OPEN_APPLICATION_STATES])
        .executeTakeFirst();
      return row ? toRow(row as DbRow) : undefined;
    },

    async ofVacancy(db: Executor, vacancyId: string): Promise<ApplicationRow[]> {
      const rows = await db
        .selectFrom('applications')
        .select(COLUMNS)
        .where('vacancy_id', '=', vacancyId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map((r) => toRow(r as DbRow));
    },

    async ofWorker(db: Executor, workerId: string): Promise<ApplicationRow[]> {
      const rows = await db
        .selectFrom('applications')
        .select(COLUMNS)
        .where('worker_id', '=', workerId)
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .execute();
      return rows.map((r) => toRow(r as DbRow));
    },

    async insert(
      trx: Executor,
      a: { networkId: string; officeId: string; vacancyId: string; workerId: string; source: ApplicationSource; proposedBy: string | null },
      now: Date,
    ): Promise<string> {
      const row = await trx
        .insertInto('applications')
        .values({
          network_id: a.networkId,
          office_id: a.officeId,
          vacancy_id: a.vacancyId,
          worker_id: a.workerId,
          source: a.source,
          proposed_by: a.proposedBy,
          state_changed_at: now,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    /** Moves the application when it is still at `version`; false when someone moved it first. */
    async setState(trx: Executor, id: string, version: number, c: ApplicationChange, now: Date): Promise<boolean> {
      const result = await trx
        .updateTable('applications')
        .set({
          state: c.state,
          ...(c.reasonCode === undefined ? {} : { reason_code: c.reasonCode }),
          ...(c.cvId === undefined ? {} : { cv_id: c.cvId }),
          ...(c.sentAt === undefined ? {} : { sent_at: c.sentAt }),
          ...(c.interview === undefined
            ? {}
            : { interview_at: c.interview.at, interview_place: c.interview.place, interview_contact: c.interview.contact }),
          state_changed_at: now,
          version: sql`version + 1`,
          updated_at: now,
        })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** The worker's other open applications closed in one statement (the hire): what they were. */
    /**
     * Locks every open application of the worker, in id order, before a hire changes any of them: two
     * hires of one worker at once (two offers, two matchers) then queue on the first lock instead of
     * each holding its own row and waiting for the other's (a deadlock). The second finds its
     * application withdrawn by the first and is refused as stale.
     */
    async lockOpenOfWorker(trx: Executor, workerId: string): Promise<void> {
      await trx
        .selectFrom('applications')
        .select('id')
        .where('worker_id', '=', workerId)
        .where('state', 'in', [...OPEN_APPLICATION_STATES])
        .orderBy('id')
        .forUpdate()
        .execute();
    },

    async closeOpenOfWorker(
      trx: Executor,
      workerId: string,
      exceptId: string,
      to: ApplicationState,
      reasonCode: string,
      now: Date,
    ): Promise<Array<{ id: string; officeId: string; vacancyId: string; from: ApplicationState }>> {
      const open = await trx
        .selectFrom('applications')
        .select(['id', 'office_id', 'vacancy_id', 'state'])
        .where('worker_id', '=', workerId)
        .where('id', '<>', exceptId)
        .where('state', 'in', [...OPEN_APPLICATION_STATES])
        .orderBy('id')
        .forUpdate()
        .execute();
      if (open.length === 0) return [];
      await trx
        .updateTable('applications')
        .set({ state: to, reason_code: reasonCode, state_changed_at: now, version: sql`version + 1`, updated_at: now })
        .where(
          'id',
          'in',
          open.map((o) => o.id),
        )
        .execute();
      return open.map((o) => ({ id: o.id, officeId: o.office_id, vacancyId: o.vacancy_id, from: o.state }));
    },

    async logEvents(trx: Executor, events: readonly NewApplicationEvent[]): Promise<void> {
      for (let i = 0; i < events.length; i += 1000)
        await trx
          .insertInto('application_events')
          .values(events.slice(i, i + 1000).map(eventValues))
          .execute();
    },

    async eventsOf(db: Executor, applicationId: string): Promise<ApplicationEventRow[]> {
      const rows = await db
        .selectFrom('application_events')
        .select(['kind', 'from_state', 'to_state', 'reason_code', 'note', 'actor_id', 'at'])
        .where('application_id', '=', applicationId)
        .orderBy('seq')
        .execute();
      return rows.map((r) => ({
        kind: r.kind,
        from: r.from_state,
        to: r.to_state,
        reasonCode: r.reason_code,
        note: r.note,
        actorId: r.actor_id,
        at: r.at,
      }));
    },

    async settingsOf(db: Executor, networkId: string): Promise<{ expiryDays: number; version: number } | undefined> {
      const row = await db
        .selectFrom('application_settings')
        .select(['expiry_days', 'version'])
        .where('network_id', '=', networkId)
        .executeTakeFirst();
      return row ? { expiryDays: row.expiry_days, version: row.version } : undefined;
    },

    /** Writes the setting when it is still at `version` (0: no row yet); false when someone changed it first. */
    async saveSettings(trx: Executor, networkId: string, expiryDays: number, version: number, by: string, now: Date): Promise<boolean> {
      if (version === 0) {
        const inserted = await trx
          .insertInto('application_settings')
          .values({ network_id: networkId, expiry_days: expiryDays, updated_by: by, updated_at: now })
          .onConflict((oc) => oc.column('network_id').doNothing())
          .returning('network_id')
          .execute();
        return inserted.length === 1;
      }
      const result = await trx
        .updateTable('application_settings')
        .set({ expiry_days: expiryDays, version: sql`version + 1`, updated_by: by, updated_at: now })
        .where('network_id', '=', networkId)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /**
     * Sent and interview applications waiting longer than their network's expiry days (60 when the
     * network set none), locked for the expiry's transaction.
     */
    async overdue(trx: Executor, now: Date, defaultDays: number): Promise<ApplicationRow[]> {
      const rows = await trx
        .selectFrom('applications as a')
        .select(COLUMNS.map((c) => `a.${c}` as const))
        .where('a.state', 'in', ['sent', 'interview'])
        .where(
          sql<boolean>`a.state_changed_at + make_interval(days => coalesce((select s.expiry_days from application_settings s where s.network_id = a.network_id), ${defaultDays})::int) < ${now}::timestamptz`,
        )
        .orderBy('a.id')
        .forUpdate()
        .execute();
      return rows.map((r) => toRow(r as DbRow));
    },

    async expire(trx: Executor, ids: readonly string[], now: Date): Promise<void> {
      if (ids.length === 0) return;
      await trx
        .updateTable('applications')
        .set({ state: 'expired', state_changed_at: now, version: sql`version + 1`, updated_at: now })
        .where('id', 'in', [...ids])
        .execute();
    },

    /** Sent applications with an employer reminder still to record (7 and 14 days after sending). */
    async remindersToRecord(trx: Executor, now: Date, firstAfterDays: number): Promise<ApplicationRow[]> {
      const rows = await trx
        .selectFrom('applications')
        .select(COLUMNS)
        .where('state', '=', 'sent')
        .where('reminders_due', '<', 2)
        .where('sent_at', '<=', new Date(now.getTime() - firstAfterDays * 86_400_000))
        .orderBy('id')
        .forUpdate()
        .execute();
      return rows.map((r) => toRow(r as DbRow));
    },

    async setRemindersDue(trx: Executor, id: string, n: number): Promise<void> {
      await trx.updateTable('applications').set({ reminders_due: n }).where('id', '=', id).execute();
    },

    /** Many applications with their logs (the demo), 500 per statement. */
    async insertBulk(
      trx: Executor,
      rows: ReadonlyArray<{
        networkId: string;
        officeId: string;
        vacancyId: string;
        workerId: string;
        source: ApplicationSource;
        state: ApplicationState;
        reasonCode: string | null;
        sentAt: Date | null;
        interview: { at: Date; place: string; contact: string } | null;
        proposedBy: string | null;
        stateChangedAt: Date;
        log: readonly ApplicationEventRow[];
      }>,
      now: Date,
    ): Promise<string[]> {
      const ids: string[] = [];
      for (let i = 0; i < rows.length; i += 500) {
        const chunk = rows.slice(i, i + 500);
        const inserted = await trx
          .insertInto('applications')
          .values(
            chunk.map((a) => ({
              network_id: a.networkId,
              office_id: a.officeId,
              vacancy_id: a.vacancyId,
              worker_id: a.workerId,
              source: a.source,
              state: a.state,
              reason_code: a.reasonCode,
              sent_at: a.sentAt,
              interview_at: a.interview?.at ?? null,
              interview_place: a.interview?.place ?? '',
              interview_contact: a.interview?.contact ?? '',
              proposed_by: a.proposedBy,
              state_changed_at: a.stateChangedAt,
              created_at: now,
              updated_at: now,
            })),
          )
          .returning('id')
          .execute();
        const chunkIds = inserted.map((r) => r.id);
        ids.push(...chunkIds);
        await this.logEvents(
          trx,
          chunk.flatMap((a, j) => a.log.map((e) => ({ ...e, applicationId: chunkIds[j]! }))),
        );
      }
      return ids;
    },

    async offerOf(db: Executor, applicationId: string): Promise<OfferTermsRow | undefined> {
      const r = await db.selectFrom('application_offers').selectAll().where('application_id', '=', applicationId).executeTakeFirst();
      if (!r) return undefined;
      return {
        applicationId: r.application_id,
        contractType: r.contract_type,
        ccnlCode: r.ccnl_code,
        ccnlLevel: r.ccnl_level,
        weeklyHours: Number(r.weekly_hours),
        monthlyGrossCents: Number(r.monthly_gross_cents),
        startDate: dateText(r.start_date),
        probationDays: r.probation_days,
        comuneCode: r.comune_code,
        belowMinimum: r.below_minimum,
        proratedMinimumCents: r.prorated_minimum_cents === null ? null : Number(r.prorated_minimum_cents),
        warningIt: r.warning_it,
        warningEn: r.warning_en,
        recordedBy: r.recorded_by,
        recordedAt: r.recorded_at,
        facts: Object.fromEntries(HIRE_FACT_NAMES.map((name) => [name, r[HIRE_FACT_COLUMNS[name]]])) as HireFactsAnswer,
      };
    },

    /** Records the facts given (the others unchanged); false when the application has no offer's terms. */
    async setHireFacts(trx: Executor, applicationId: string, facts: HireFactsRequest, by: string, at: Date): Promise<boolean> {
      const set: Record<string, boolean | null> = {};
      for (const name of HIRE_FACT_NAMES) if (facts[name] !== undefined) set[HIRE_FACT_COLUMNS[name]] = facts[name];
      const res = await trx
        .updateTable('application_offers')
        .set({ ...set, facts_recorded_by: by, facts_recorded_at: at })
        .where('application_id', '=', applicationId)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) > 0;
    },

    /** The offer's terms (many at once for the demo); a second offer of one application replaces the first. */
    async saveOffers(trx: Executor, offers: readonly Omit<OfferTermsRow, never>[]): Promise<void> {
      if (offers.length === 0) return;
      const values = offers.map((o) => ({
        application_id: o.applicationId,
        contract_type: o.contractType,
        ccnl_code: o.ccnlCode,
        ccnl_level: o.ccnlLevel,
        weekly_hours: o.weeklyHours,
        monthly_gross_cents: o.monthlyGrossCents,
        start_date: o.startDate,
        probation_days: o.probationDays,
        comune_code: o.comuneCode,
        below_minimum: o.belowMinimum,
        prorated_minimum_cents: o.proratedMinimumCents,
        warning_it: o.warningIt,
        warning_en: o.warningEn,
        recorded_by: o.recordedBy,
        recorded_at: o.recordedAt,
      }));
      for (let i = 0; i < values.length; i += 500) {
        await trx
          .insertInto('application_offers')
          .values(values.slice(i, i + 500))
          .onConflict((oc) =>
            oc.column('application_id').doUpdateSet((eb) => ({
              contract_type: eb.ref('excluded.contract_type'),
              ccnl_code: eb.ref('excluded.ccnl_code'),
              ccnl_level: eb.ref('excluded.ccnl_level'),
              weekly_hours: eb.ref('excluded.weekly_hours'),
              monthly_gross_cents: eb.ref('excluded.monthly_gross_cents'),
              start_date: eb.ref('excluded.start_date'),
              probation_days: eb.ref('excluded.probation_days'),
              comune_code: eb.ref('excluded.comune_code'),
              below_minimum: eb.ref('excluded.below_minimum'),
              prorated_minimum_cents: eb.ref('excluded.prorated_minimum_cents'),
              warning_it: eb.ref('excluded.warning_it'),
              warning_en: eb.ref('excluded.warning_en'),
              recorded_by: eb.ref('excluded.recorded_by'),
              recorded_at: eb.ref('excluded.recorded_at'),
            })),
          )
          .execute();
      }
    },

    async ticksOf(db: Executor, applicationId: string): Promise<ChecklistTickRow[]> {
      const rows = await db
        .selectFrom('application_checklist_ticks')
        .select(['item_code', 'ticked_by', 'ticked_at'])
        .where('application_id', '=', applicationId)
        .orderBy('item_code')
        .execute();
      return rows.map((r) => ({ itemCode: r.item_code, tickedBy: r.ticked_by, tickedAt: r.ticked_at }));
    },

    /** Ticks or unticks an item; true when that changed something. */
    async setTick(trx: Executor, applicationId: string, itemCode: string, done: boolean, actorId: string | null, now: Date) {
      if (done) {
        const r = await trx
          .insertInto('application_checklist_ticks')
          .values({ application_id: applicationId, item_code: itemCode, ticked_by: actorId, ticked_at: now })
          .onConflict((oc) => oc.columns(['application_id', 'item_code']).doNothing())
          .executeTakeFirst();
        return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
      }
      const r = await trx
        .deleteFrom('application_checklist_ticks')
        .where('application_id', '=', applicationId)
        .where('item_code', '=', itemCode)
        .executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
  };
}

export type ApplicationRepository = ReturnType<typeof createApplicationRepository>;
