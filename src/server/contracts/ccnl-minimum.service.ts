import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import { requireNetwork, staffNamesById, type Actor, type ActorContext } from '../auth/index.js';
import type { Executor } from '../db/executor.js';
import { retryTransient } from '../db/errors.js';
import type { DB } from '../db/schema.js';
import type { FieldError } from '../http/problem.js';
import { conceptTitlesByCode, existingConceptCodes } from '../taxonomy/index.js';
import type {
  CcnlMinimum,
  CcnlMinimumQuery,
  CreateCcnlMinimumRequest,
  PayCheckAnswer,
  PayCheckQuery,
  UpdateCcnlMinimumRequest,
} from '../../shared/schemas/contracts.schema.js';
import { romeToday } from '../../shared/time/rome-time.js';
import type { CcnlMinimumRepository, MinimumRow, MinimumValues } from './ccnl-minimum.repository.js';
import { contractErrors, contractFieldMessages as M } from './contracts.errors.js';
import { checkOfferPay } from './pay-check.js';

type Deps = { db: Kysely<DB>; repository: CcnlMinimumRepository; audit: AuditService; clock: () => Date };

/** Names beside a page of tables: the agreements' titles and who wrote them, one query each. */
async function presented(db: Executor, rows: readonly MinimumRow[]): Promise<CcnlMinimum[]> {
  const [titles, names] = await Promise.all([
    conceptTitlesByCode(
      db,
      'ccnl',
      rows.map((r) => r.ccnlCode),
    ),
    staffNamesById(
      db,
      rows.flatMap((r) => [r.createdBy, r.updatedBy]),
    ),
  ]);
  return rows.map((r) => ({
    id: r.id,
    ccnlCode: r.ccnlCode,
    ccnlName: titles.get(r.ccnlCode) ?? r.ccnlCode,
    level: r.level,
    monthlyCents: r.monthlyCents,
    weeklyHours: r.weeklyHours,
    validFrom: r.validFrom,
    validTo: r.validTo,
    sourceNote: r.sourceNote,
    createdByName: r.createdBy ? (names.get(r.createdBy) ?? null) : null,
    createdAt: r.createdAt.toISOString(),
    updatedByName: r.updatedBy ? (names.get(r.updatedBy) ?? null) : null,
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  }));
}

const valuesOf = (input: CreateCcnlMinimumRequest): MinimumValues => ({
  ccnlCode: input.ccnlCode,
  level: input.level.replace(/\s+/g, ' '),
  monthlyCents: input.monthlyCents,
  weeklyHours: input.weeklyHours,
  validFrom: input.validFrom,
  validTo: input.validTo ?? null,
  sourceNote: input.sourceNote,
});

/** What an audit entry says of a table: its figures, not who wrote them. */
const auditedFields = (v: MinimumValues) => ({
  ccnlCode: v.ccnlCode,
  level: v.level,
  monthlyCents: v.monthlyCents,
  weeklyHours: v.weeklyHours,
  validFrom: v.validFrom,
  validTo: v.validTo,
  sourceNote: v.sourceNote,
});

/**
 * The minimum in force and the check of an offer against it, for a network: the lookup other
 * domains call (applications, when an offer's terms are recorded) with their own executor.
 */
export async function checkPayAgainstMinimum(
  db: Executor,
  networkId: string,
  offer: { ccnlCode: string; level: string; weeklyHours: number; offeredMonthlyCents: number; date: string },
  repository: CcnlMinimumRepository,
) {
  const minimum = (await repository.inForce(db, networkId, offer.ccnlCode, offer.level, offer.date)) ?? null;
  return { row: minimum, check: checkOfferPay(minimum, offer) };
}

export function createCcnlMinimumService(deps: Deps) {
  const { db, repository: repo, audit, clock } = deps;

  async function inNetwork(actor: Actor, id: string): Promise<MinimumRow> {
    const row = await repo.find(db, id);
    if (!row || row.networkId !== requireNetwork(actor)) throw contractErrors.minimumNotFound();
    return row;
  }

  /** Every fault at once beside its field: the CCNL in the CNEL archive, the validity free for this level. */
  async function checked(networkId: string, input: CreateCcnlMinimumRequest, exceptId?: string): Promise<MinimumValues> {
    const values = valuesOf(input);
    const errors: FieldError[] = [];
    const known = await existingConceptCodes(db, [values.ccnlCode], ['ccnl']);
    if (!known.has(values.ccnlCode)) errors.push({ path: 'body/ccnlCode', message: M.unknownCcnl });
    else if ((await repo.overlapping(db, networkId, values, exceptId)).length > 0)
      errors.push({ path: 'body/validFrom', message: M.overlap });
    if (errors.length > 0) throw contractErrors.invalidFields(errors);
    return values;
  }

  /**
   * The exclusion constraint catches what the check above could not see: a concurrent save.
   * Concurrent inserts under it may deadlock instead of one waiting (db/errors.ts): run again.
   */
  async function guarded<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await retryTransient(run);
    } catch (err) {
      const e = err as { code?: string; cause?: { code?: string } };
      if (e.code === '23P01' || e.cause?.code === '23P01')
        throw contractErrors.invalidFields([{ path: 'body/validFrom', message: M.overlap }]);
      throw err;
    }
  }

  return {
    async list(actor: Actor, query: CcnlMinimumQuery) {
      const page = await repo.list(db, requireNetwork(actor), query);
      return { items: await presented(db, page.items), total: page.total };
    },

    async create(ctx: ActorContext, input: CreateCcnlMinimumRequest): Promise<CcnlMinimum> {
      const networkId = requireNetwork(ctx.actor);
      const values = await checked(networkId, input);
      const id = await guarded(() =>
        db.transaction().execute(async (trx) => {
          const newId = await repo.insert(trx, networkId, values, ctx.actor.userId, clock());
          await audit.record(trx, ctx, {
            action: 'contracts.ccnl_minimum_created',
            entityType: 'ccnl_minimum',
            entityId: newId,
            entityLabel: `${values.ccnlCode} · ${values.level}`,
            officeId: null,
            details: auditedFields(values),
          });
          return newId;
        }),
      );
      return (await presented(db, [(await repo.find(db, id))!]))[0]!;
    },

    async update(ctx: ActorContext, id: string, input: UpdateCcnlMinimumRequest): Promise<CcnlMinimum> {
      const before = await inNetwork(ctx.actor, id);
      if (before.version !== input.version) throw contractErrors.stale();
      const values = await checked(before.networkId, input, id);
      await guarded(() =>
        db.transaction().execute(async (trx) => {
          if (!(await repo.update(trx, id, input.version, values, ctx.actor.userId, clock()))) throw contractErrors.stale();
          const changed = Object.fromEntries(
            (Object.keys(values) as Array<keyof MinimumValues>)
              .filter((k) => before[k] !== values[k])
              .map((k) => [k, { from: before[k], to: values[k] }]),
          );
          await audit.record(trx, ctx, {
            action: 'contracts.ccnl_minimum_updated',
            entityType: 'ccnl_minimum',
            entityId: id,
            entityLabel: `${values.ccnlCode} · ${values.level}`,
            officeId: null,
            details: changed,
          });
        }),
      );
      return (await presented(db, [(await repo.find(db, id))!]))[0]!;
    },

    async remove(ctx: ActorContext, id: string, version: number): Promise<void> {
      const before = await inNetwork(ctx.actor, id);
      if (before.version !== version) throw contractErrors.stale();
      await db.transaction().execute(async (trx) => {
        if (!(await repo.remove(trx, id, version))) throw contractErrors.stale();
        await audit.record(trx, ctx, {
          action: 'contracts.ccnl_minimum_deleted',
          entityType: 'ccnl_minimum',
          entityId: id,
          entityLabel: `${before.ccnlCode} · ${before.level}`,
          officeId: null,
          details: auditedFields(before),
        });
      });
    },

    /** The check endpoint: whether a minimum is known on that day and whether the offer is below it (a warning). */
    async check(actor: Actor, query: PayCheckQuery): Promise<PayCheckAnswer> {
      const date = query.date ?? romeToday(clock());
      const { row, check } = await checkPayAgainstMinimum(db, requireNetwork(actor), { ...query, date }, repo);
      return {
        date,
        known: check.known,
        minimum: row ? (await presented(db, [row]))[0]! : null,
        proratedMinimumCents: check.proratedMinimumCents,
        belowMinimum: check.belowMinimum,
        shortfallCents: check.shortfallCents,
        hoursAboveFullTime: check.hoursAboveFullTime,
      };
    },
  };
}

export type CcnlMinimumService = ReturnType<typeof createCcnlMinimumService>;
