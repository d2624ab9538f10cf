import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import { requireNetwork, staffNamesById, type Actor, type ActorContext } from '../auth/index.js';
import type { Executor } from '../db/executor.js';
import type { DB } from '../db/schema.js';
import { employerNamesByIds, employerSitesByIds } from '../employers/index.js';
import type { FieldError } from '../http/problem.js';
import { officeById, officeNamesById } from '../organisation/index.js';
import { comuniByCodes, escoConceptLabels, existingConceptCodes, existingConceptUris } from '../taxonomy/index.js';
import {
  vacancyDeadlineIssue,
  type CreateVacancyRequest,
  type VacancyDetail,
  type VacancyMoveRequest,
  type VacancyQuery,
  type VacancySummary,
} from '../../shared/schemas/vacancies.schema.js';
import type { ResponseIndicator } from '../../shared/schemas/employer-history.schema.js';
import { romeToday } from '../../shared/time/rome-time.js';
import { publishedVacancyIdsOfOffice } from './employer-vacancies.repository.js';
import { vacancyErrors, vacancyFieldMessages as M } from './vacancy.errors.js';
import { writerRolesIn } from './vacancy.policy.js';
import type { VacancyRepository, VacancyRow, VacancyValues } from './vacancy.repository.js';
import { allowedVacancyMoves, findVacancyMove, isEditable, type VacancyMove } from './vacancy.states.js';

/**
 * Applications' one definition of an employer's answer, per vacancy (handed in by buildApp: vacancies
 * sit below applications). Without it (a vacancies-only test, the benchmark) the board lists none.
 */
export type VacancyResponseSource = (db: Executor, vacancyIds: readonly string[]) => Promise<Map<string, ResponseIndicator>>;

/** Applications' count of candidates per stage of each vacancy (handed in by buildApp: applications sit above vacancies). */
export type VacancyStageSource = (db: Executor, vacancyIds: readonly string[]) => Promise<Map<string, Record<string, number>>>;

type Deps = {
  db: Kysely<DB>;
  repository: VacancyRepository;
  audit: AuditService;
  clock: () => Date;
  responses?: VacancyResponseSource;
  stages?: VacancyStageSource;
};

/** Names beside a page of vacancies: one query per kind of name (no N+1). */
async function summaries(db: Executor, rows: readonly VacancyRow[]): Promise<VacancySummary[]> {
  const [employers, offices, comuni] = await Promise.all([
    employerNamesByIds(
      db,
      rows.map((r) => r.employerId),
    ),
    officeNamesById(db, [...new Set(rows.map((r) => r.officeId))]),
    comuniByCodes(
      db,
      rows.map((r) => r.comuneCode),
    ),
  ]);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    state: r.state,
    employerId: r.employerId,
    employerName: employers.get(r.employerId) ?? '',
    officeId: r.officeId,
    officeName: offices.get(r.officeId) ?? '',
    comuneCode: r.comuneCode,
    comuneName: comuni.get(r.comuneCode)?.name ?? r.comuneCode,
    escoOccupationUri: r.escoOccupationUri,
    cp2011Code: r.cp2011Code,
    contractType: r.contractType,
    workingTime: r.workingTime,
    positions: r.positions,
    positionsFilled: r.positionsFilled,
    deadline: r.deadline,
    startDate: r.startDate,
  }));
}

export function createVacancyService(deps: Deps) {
  const { db, repository: repo, audit, clock } = deps;
  const today = () => romeToday(clock());

  async function inNetwork(executor: Executor, actor: Actor, id: string): Promise<VacancyRow> {
    const row = await repo.find(executor, id);
    if (!row || row.networkId !== requireNetwork(actor)) throw vacancyErrors.notFound();
    return row;
  }

  async function detail(executor: Executor, actor: Actor, row: VacancyRow): Promise<VacancyDetail> {
    const [summary] = await summaries(executor, [row]);
    const [skills, log] = await Promise.all([repo.skillsOf(executor, row.id), repo.transitionsOf(executor, row.id)]);
    const [labels, actors] = await Promise.all([
      escoConceptLabels(
        db,
        row.networkId,
        [...skills.map((s) => s.uri), ...(row.escoOccupationUri ? [row.escoOccupationUri] : [])],
        actor.language,
      ),
      staffNamesById(
        executor,
        log.map((t) => t.actorId),
      ),
    ]);
    const roles = writerRolesIn(actor, row);
    return {
      ...summary!,
      siteId: row.siteId,
      occupationLabel: row.escoOccupationUri ? (labels.get(row.escoOccupationUri)?.label ?? null) : null,
      description: row.description,
      eqfLevel: row.eqfLevel,
      educationCode: row.educationCode,
      languages: row.languages,
      drivingLicences: row.drivingLicences,
      durationMonths: row.durationMonths,
      weeklyHours: row.weeklyHours,
      ccnlCode: row.ccnlCode,
      ccnlLevel: row.ccnlLevel,
      payMinCents: row.payMinCents,
      payMaxCents: row.payMaxCents,
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      skills: skills.map((s) => ({ uri: s.uri, relevance: s.relevance, label: labels.get(s.uri)?.label ?? s.uri })),
      actions: allowedVacancyMoves(row.state, roles).map((m) => ({ action: m.action, reasonRequired: m.reasonRequired })),
      editable: roles.length > 0 && isEditable(row.state),
      log: log.map((t) => ({
        from: t.from,
        to: t.to,
        reason: t.reason,
        actorName: t.actorId ? (actors.get(t.actorId) ?? null) : null,
        at: t.at.toISOString(),
      })),
    };
  }

  /**
   * The input checked against the world, every fault at once beside its field: the employer's
   * site in the network, the comune, the owning office, and the codes of the classifications.
   */
  async function checkedValues(actor: Actor, input: CreateVacancyRequest): Promise<VacancyValues> {
    const networkId = requireNetwork(actor);
    const errors: FieldError[] = [];
    const deadline = vacancyDeadlineIssue(input.deadline, today());
    if (deadline) errors.push({ path: `body/${deadline.path}`, message: deadline.message });

    const site = (await employerSitesByIds(db, networkId, [input.siteId])).get(input.siteId);
    if (!site) errors.push({ path: 'body/siteId', message: M.unknownSite });
    else if (site.employerId !== input.employerId) errors.push({ path: 'body/siteId', message: M.siteOfAnotherEmployer });
    const comuneCode = input.comuneCode ?? site?.comuneCode ?? '';
    if (comuneCode && !(await comuniByCodes(db, [comuneCode])).has(comuneCode)) {
      errors.push({ path: input.comuneCode ? 'body/comuneCode' : 'body/siteId', message: M.unknownComune });
    }

    const officeId = input.officeId ?? actor.officeId ?? '';
    const office = officeId ? await officeById(db, officeId) : undefined;
    if (!office || office.networkId !== networkId || writerRolesIn(actor, { networkId, officeId }).length === 0) {
      errors.push({ path: 'body/officeId', message: M.unknownOffice });
    }

    const skillUris = input.skills.map((s) => s.uri);
    const [occupations, skills, cp2011, education, ccnl] = await Promise.all([
      existingConceptUris(db, input.escoOccupationUri ? [input.escoOccupationUri] : [], ['esco_occupation']),
      existingConceptUris(db, skillUris, ['esco_skill', 'esco_skill_group']),
      existingConceptCodes(db, input.cp2011Code ? [input.cp2011Code] : [], ['cp2011']),
      existingConceptCodes(db, input.educationCode ? [input.educationCode] : [], ['education']),
      existingConceptCodes(db, input.ccnlCode ? [input.ccnlCode] : [], ['ccnl']),
    ]);
    if (input.escoOccupationUri && !occupations.has(input.escoOccupationUri))
      errors.push({ path: 'body/escoOccupationUri', message: M.unknownOccupation });
    if (input.cp2011Code && !cp2011.has(input.cp2011Code)) errors.push({ path: 'body/cp2011Code', message: M.unknownCp2011 });
    if (input.educationCode && !education.has(input.educationCode))
      errors.push({ path: 'body/educationCode', message: M.unknownEducation });
    if (input.ccnlCode && !ccnl.has(input.ccnlCode)) errors.push({ path: 'body/ccnlCode', message: M.unknownCcnl });
    input.skills.forEach((s, i) => {
      if (!skills.has(s.uri)) errors.push({ path: `body/skills/${i}/uri`, message: M.unknownSkill });
    });
    if (errors.length > 0) throw vacancyErrors.invalidFields(errors);

    return {
      officeId,
      employerId: input.employerId,
      siteId: input.siteId,
      comuneCode,
      escoOccupationUri: input.escoOccupationUri ?? null,
      cp2011Code: input.cp2011Code ?? null,
      title: input.title,
      description: input.description ?? '',
      eqfLevel: input.eqfLevel ?? null,
      educationCode: input.educationCode || null,
      languages: input.languages,
      drivingLicences: [...new Set(input.drivingLicences)],
      contractType: input.contractType,
      // A duration belongs to a fixed-term contract, weekly hours to part time: others drop them.
      durationMonths: input.contractType === 'fixed_term' ? (input.durationMonths ?? null) : null,
      workingTime: input.workingTime,
      weeklyHours: input.workingTime === 'part_time' ? (input.weeklyHours ?? null) : null,
      ccnlCode: input.ccnlCode || null,
      ccnlLevel: input.ccnlLevel ?? '',
      payMinCents: input.payMinCents ?? null,
      payMaxCents: input.payMaxCents ?? null,
      positions: input.positions,
      startDate: input.startDate ?? null,
      deadline: input.deadline,
    };
  }

  function ownedBy(actor: Actor, row: VacancyRow) {
    if (writerRolesIn(actor, row).length === 0) throw vacancyErrors.notOwner();
  }

  /**
   * The office's published vacancies with candidates sent and not one answered by the employer
   * (applications' rule), longest waiting (most candidates considered) first, 20 at most.
   */
  /**
   * The office's published vacancies with candidates, each with how many are in each stage (from
   * every office), most candidates first, 30 at most; and the totals over all of them.
   */
  async function candidateStages(publishedIds: readonly string[]) {
    if (!deps.stages) return { totals: {}, vacancies: [] };
    const counts = await deps.stages(db, publishedIds);
    const totals: Record<string, number> = {};
    for (const byStage of counts.values()) for (const [stage, n] of Object.entries(byStage)) totals[stage] = (totals[stage] ?? 0) + n;
    const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
    const top = [...counts].sort((a, b) => sum(b[1]) - sum(a[1]) || a[0].localeCompare(b[0])).slice(0, 30);
    const items = await summaries(
      db,
      await repo.findMany(
        db,
        top.map(([vid]) => vid),
      ),
    );
    return { totals, vacancies: items.map((v) => ({ ...v, byStage: counts.get(v.id)! })) };
  }

  async function withoutAnswer(publishedIds: readonly string[]) {
    if (!deps.responses) return [];
    const responses = await deps.responses(db, publishedIds);
    const silent = [...responses].filter(([, r]) => r.considered > 0 && r.answered === 0);
    silent.sort((a, b) => b[1].considered - a[1].considered || a[0].localeCompare(b[0]));
    const top = silent.slice(0, 20);
    const items = await summaries(
      db,
      await repo.findMany(
        db,
        top.map(([vid]) => vid),
      ),
    );
    return items.map((v) => ({ ...v, candidatesSent: responses.get(v.id)?.considered ?? 0 }));
  }

  return {
    async search(actor: Actor, query: VacancyQuery) {
      const page = await repo.search(db, requireNetwork(actor), query);
      return { items: await summaries(db, page.items), total: page.total, totalCapped: page.totalCapped };
    },

    async get(actor: Actor, id: string): Promise<VacancyDetail> {
      return detail(db, actor, await inNetwork(db, actor, id));
    },

    async create(ctx: ActorContext, input: CreateVacancyRequest): Promise<VacancyDetail> {
      const networkId = requireNetwork(ctx.actor);
      const values = await checkedValues(ctx.actor, input);
      const now = clock();
      const id = await db.transaction().execute(async (trx) => {
        const newId = await repo.insert(trx, networkId, values, ctx.actor.userId, now);
        await repo.replaceSkills(trx, newId, input.skills);
        await repo.logTransition(trx, { vacancyId: newId, from: null, to: 'draft', reason: '', actorId: ctx.actor.userId, at: now });
        await audit.record(trx, ctx, {
          action: 'vacancy.created',
          entityType: 'vacancy',
          entityId: newId,
          entityLabel: values.title,
          officeId: values.officeId,
          details: { employerId: values.employerId, comuneCode: values.comuneCode, positions: values.positions, deadline: values.deadline },
        });
        return newId;
      });
      return detail(db, ctx.actor, (await repo.find(db, id))!);
    },

    async update(ctx: ActorContext, id: string, input: CreateVacancyRequest & { version: number }): Promise<VacancyDetail> {
      const before = await inNetwork(db, ctx.actor, id);
      ownedBy(ctx.actor, before);
      if (!isEditable(before.state)) throw vacancyErrors.notEditable(before.state);
      if (before.version !== input.version) throw vacancyErrors.stale();
      const values = await checkedValues(ctx.actor, { ...input, officeId: input.officeId ?? before.officeId });
      await db.transaction().execute(async (trx) => {
        if (!(await repo.update(trx, id, input.version, values, clock()))) throw vacancyErrors.stale();
        await repo.replaceSkills(trx, id, input.skills);
        const changed = Object.fromEntries(
          (Object.keys(values) as Array<keyof VacancyValues>)
            .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(values[k]))
            .map((k) => [k, { from: before[k], to: values[k] }]),
        );
        await audit.record(trx, ctx, {
          action: 'vacancy.updated',
          entityType: 'vacancy',
          entityId: id,
          entityLabel: values.title,
          officeId: values.officeId,
          details: changed,
        });
      });
      return detail(db, ctx.actor, (await repo.find(db, id))!);
    },

    async move(
      ctx: ActorContext,
      id: string,
      action: Exclude<VacancyMove['action'], 'expire'>,
      input: VacancyMoveRequest,
    ): Promise<VacancyDetail> {
      const before = await inNetwork(db, ctx.actor, id);
      ownedBy(ctx.actor, before);
      const move = findVacancyMove(action, before.state);
      if (!move || !move.roles.some((r) => writerRolesIn(ctx.actor, before).includes(r)))
        throw vacancyErrors.moveNotAllowed(before.state, action);
      if (before.version !== input.version) throw vacancyErrors.stale();
      const reason = input.reason?.trim() ?? '';
      if (move.reasonRequired && !reason) throw vacancyErrors.invalidFields([{ path: 'body/reason', message: M.reasonRequired }]);
      // Publishing checks the deadline again: a draft written last month may have passed it.
      if (action === 'publish') {
        const late = vacancyDeadlineIssue(before.deadline, today());
        if (late) throw vacancyErrors.invalidFields([{ path: `body/${late.path}`, message: late.message }]);
      }
      let positionsFilled: number | undefined;
      if (action === 'fill') {
        positionsFilled = input.positionsFilled ?? before.positions;
        if (positionsFilled > before.positions)
          throw vacancyErrors.invalidFields([{ path: 'body/positionsFilled', message: M.filledAbovePositions }]);
      }
      const now = clock();
      await db.transaction().execute(async (trx) => {
        if (!(await repo.setState(trx, id, input.version, { state: move.to, positionsFilled }, now))) throw vacancyErrors.stale();
        await repo.logTransition(trx, { vacancyId: id, from: before.state, to: move.to, reason, actorId: ctx.actor.userId, at: now });
        await audit.record(trx, ctx, {
          action: `vacancy.${action}`,
          entityType: 'vacancy',
          entityId: id,
          entityLabel: before.title,
          officeId: before.officeId,
          details: { from: before.state, to: move.to, reason, ...(positionsFilled === undefined ? {} : { positionsFilled }) },
        });
      });
      return detail(db, ctx.actor, (await repo.find(db, id))!);
    },

    /** The job matcher's board of an office (the actor's current office by default). */
    async board(actor: Actor, officeId: string | undefined) {
      const networkId = requireNetwork(actor);
      const id = officeId ?? actor.officeId ?? '';
      const office = id ? await officeById(db, id) : undefined;
      if (!office || office.networkId !== networkId) throw vacancyErrors.notFound();
      const now = today();
      const soon = new Date(Date.parse(`${now}T12:00:00Z`) + 14 * 86_400_000).toISOString().slice(0, 10);
      // The office's published vacancies, read once for the two views of their candidates.
      const published = await publishedVacancyIdsOfOffice(db, id);
      const [counts, closing, drafts, unanswered, stages] = await Promise.all([
        repo.officeCounts(db, id),
        repo.officeList(db, id, 'published', soon, 20),
        repo.officeList(db, id, 'draft', null, 20),
        withoutAnswer(published),
        candidateStages(published),
      ]);
      const byState = { draft: 0, published: 0, filled: 0, closed: 0, expired: 0 };
      let positionsOpen = 0;
      let positionsFilled = 0;
      for (const c of counts) {
        byState[c.state] = Number(c.n);
        positionsFilled += Number(c.filled ?? 0);
        if (c.state === 'published') positionsOpen += Number(c.positions ?? 0) - Number(c.filled ?? 0);
      }
      return {
        officeId: id,
        officeName: office.name,
        today: now,
        counts: byState,
        positionsOpen,
        positionsFilled,
        closingSoon: await summaries(db, closing),
        drafts: await summaries(db, drafts),
        withoutAnswer: unanswered,
        candidateStages: stages,
      };
    },

    /** The daily expiry: published vacancies past their deadline become expired, each logged and audited. */
    async expireOverdue(): Promise<number> {
      const now = clock();
      return db.transaction().execute(async (trx) => {
        const expired = await repo.expirePastDeadline(trx, romeToday(now), now);
        for (const e of expired) {
          await audit.record(
            trx,
            { actor: null, requestId: 'vacancies.expiry', ip: '' },
            {
              action: 'vacancy.expire',
              entityType: 'vacancy',
              entityId: e.id,
              entityLabel: e.title,
              officeId: e.officeId,
              details: { from: 'published', to: 'expired' },
            },
          );
        }
        return expired.length;
      });
    },
  };
}

export type VacancyService = ReturnType<typeof createVacancyService>;
