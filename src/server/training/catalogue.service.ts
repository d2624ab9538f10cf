import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import { requireNetwork, type Actor, type ActorContext } from '../auth/index.js';
import type { Executor } from '../db/executor.js';
import { isUniqueViolation } from '../db/errors.js';
import type { DB } from '../db/schema.js';
import { officeById } from '../organisation/index.js';
import { comuniByCodes, escoConceptLabels, escoSkillRefs } from '../taxonomy/index.js';
import {
  courseFieldIssues,
  type Course,
  type CourseQuery,
  type CreateCourseRequest,
  type CreateProviderRequest,
  type Provider,
  type UpdateCourseRequest,
  type UpdateProviderRequest,
} from '../../shared/schemas/training.schema.js';
import { trainingErrors } from './training.errors.js';
import type { CourseRow, CourseValues, ProviderRow, TrainingRepository } from './training.repository.js';

export function presentProvider(p: ProviderRow): Provider {
  return {
    id: p.id,
    name: p.name,
    taxCode: p.taxCode,
    accreditationNote: p.accreditationNote,
    email: p.email,
    phone: p.phone,
    website: p.website,
    address: p.address,
    courseCount: p.courseCount,
  };
}

/**
 * The courses with their skills named by the one label rule, in the reader's language (ESCO's
 * Italian, else the network's, else English), instead of the label stored when the course was
 * entered, which an ESCO bundle loaded later or a translation entered since may have bettered.
 */
export async function withSkillLabels<C extends Course>(db: Kysely<DB>, actor: Actor, courses: C[]): Promise<C[]> {
  const uris = [...new Set(courses.flatMap((c) => c.skills.map((s) => s.uri)))];
  if (uris.length === 0) return courses;
  const labels = await escoConceptLabels(db, requireNetwork(actor), uris, actor.language);
  return courses.map((c) => ({
    ...c,
    skills: c.skills.map((s) => {
      const found = labels.get(s.uri);
      return found ? { uri: s.uri, label: found.label, labelLanguage: found.labelLanguage } : s;
    }),
  }));
}

export function presentCourse(c: CourseRow): Course {
  return {
    id: c.id,
    providerId: c.providerId,
    providerName: c.providerName,
    title: c.title,
    description: c.description,
    hours: c.hours,
    startDate: c.startDate,
    endDate: c.endDate,
    schedule: c.schedule,
    delivery: c.delivery,
    officeId: c.officeId,
    comuneCode: c.comuneCode,
    place: c.place,
    seats: c.seats,
    seatsTaken: c.seatsTaken,
    seatsLeft: Math.max(0, c.seats - c.seatsTaken),
    waiting: c.waiting,
    costEur: c.costCents / 100,
    funding: c.funding,
    enrolmentDeadline: c.enrolmentDeadline,
    certificate: c.certificate,
    status: c.status,
    skills: c.skills,
    version: c.version,
  };
}

/**
 * The ESCO skills a course names, with ESCO's labels: every URI must be known to the current
 * release (a course teaching an unknown concept could never close a skill gap).
 */
export async function resolveCourseSkills(
  db: Executor,
  skills: ReadonlyArray<{ uri: string; label?: string }>,
): Promise<Array<{ uri: string; label: string }>> {
  if (skills.length === 0) return [];
  const { byUri } = await escoSkillRefs(db, { uris: skills.map((s) => s.uri) });
  const unknown = skills.filter((s) => !byUri.has(s.uri)).map((s) => s.uri);
  if (unknown.length > 0) throw trainingErrors.unknownSkills(unknown);
  return [...new Map(skills.map((s) => [s.uri, { uri: s.uri, label: byUri.get(s.uri)!.label }])).values()];
}

export function createCatalogueService(deps: { db: Kysely<DB>; repository: TrainingRepository; audit: AuditService; clock: () => Date }) {
  const { db, repository: repo, audit, clock } = deps;

  async function providerInNetwork(executor: Executor, actor: Actor, id: string): Promise<ProviderRow> {
    const provider = await repo.findProvider(executor, id);
    if (!provider || provider.networkId !== requireNetwork(actor)) throw trainingErrors.providerNotFound();
    return provider;
  }

  async function courseInNetwork(executor: Executor, actor: Actor, id: string): Promise<CourseRow> {
    const course = await repo.findCourse(executor, id);
    if (!course || course.networkId !== requireNetwork(actor)) throw trainingErrors.courseNotFound();
    return course;
  }

  /** The place fields: an office of the network, a known comune (its name is the place when none is given). */
  async function checkPlace(
    executor: Executor,
    networkId: string,
    v: { officeId?: string | null; comuneCode?: string | null; place?: string },
  ) {
    if (v.officeId) {
      const office = await officeById(executor, v.officeId);
      if (!office || office.networkId !== networkId) throw trainingErrors.officeUnknown();
    }
    if (v.comuneCode) {
      const comune = (await comuniByCodes(executor, [v.comuneCode])).get(v.comuneCode);
      if (!comune) throw trainingErrors.comuneUnknown();
      if (!v.place) return `${comune.name} (${comune.province})`;
    }
    return v.place;
  }

  function uniqueTaxCode(err: unknown): never {
    if (isUniqueViolation(err)) throw trainingErrors.providerTaxCodeTaken();
    throw err;
  }

  return {
    courseInNetwork,

    listProviders: async (actor: Actor) => (await repo.listProviders(db, requireNetwork(actor))).map(presentProvider),

    async createProvider(ctx: ActorContext, input: CreateProviderRequest): Promise<Provider> {
      const networkId = requireNetwork(ctx.actor);
      const id = await db
        .transaction()
        .execute(async (trx) => {
          const newId = await repo.insertProvider(
            trx,
            networkId,
            {
              name: input.name,
              taxCode: input.taxCode,
              accreditationNote: input.accreditationNote ?? '',
              email: input.email ?? '',
              phone: input.phone ?? '',
              website: input.website ?? '',
              address: input.address ?? '',
            },
            clock(),
          );
          await audit.record(trx, ctx, {
            action: 'training.provider_created',
            entityType: 'training_provider',
            entityId: newId,
            entityLabel: input.name,
            details: { taxCode: input.taxCode },
          });
          return newId;
        })
        .catch(uniqueTaxCode);
      return presentProvider((await repo.findProvider(db, id))!);
    },

    async updateProvider(ctx: ActorContext, id: string, input: UpdateProviderRequest): Promise<Provider> {
      const before = await providerInNetwork(db, ctx.actor, id);
      await db
        .transaction()
        .execute(async (trx) => {
          await repo.updateProvider(trx, id, input, clock());
          const changed = Object.fromEntries(
            Object.entries(input)
              .filter(([k, v]) => before[k as keyof ProviderRow] !== v)
              .map(([k, v]) => [k, { from: before[k as keyof ProviderRow], to: v }]),
          );
          await audit.record(trx, ctx, {
            action: 'training.provider_updated',
            entityType: 'training_provider',
            entityId: id,
            entityLabel: input.name ?? before.name,
            details: changed,
          });
        })
        .catch(uniqueTaxCode);
      return presentProvider((await repo.findProvider(db, id))!);
    },

    async deleteProvider(ctx: ActorContext, id: string): Promise<void> {
      const provider = await providerInNetwork(db, ctx.actor, id);
      if (provider.courseCount > 0) throw trainingErrors.providerHasCourses();
      await db.transaction().execute(async (trx) => {
        await repo.deleteProvider(trx, id);
        await audit.record(trx, ctx, {
          action: 'training.provider_deleted',
          entityType: 'training_provider',
          entityId: id,
          entityLabel: provider.name,
        });
      });
    },

    async searchCourses(actor: Actor, query: CourseQuery) {
      const page = await repo.searchCourses(db, requireNetwork(actor), query);
      return { items: await withSkillLabels(db, actor, page.items.map(presentCourse)), total: page.total };
    },

    async createCourse(ctx: ActorContext, input: CreateCourseRequest): Promise<Course> {
      const networkId = requireNetwork(ctx.actor);
      await providerInNetwork(db, ctx.actor, input.providerId);
      const place = await checkPlace(db, networkId, input);
      const skills = await resolveCourseSkills(db, input.skills ?? []);
      const values: CourseValues = {
        providerId: input.providerId,
        title: input.title,
        description: input.description ?? '',
        hours: input.hours,
        startDate: input.startDate,
        endDate: input.endDate,
        schedule: input.schedule ?? '',
        delivery: input.delivery,
        officeId: input.officeId ?? null,
        comuneCode: input.comuneCode ?? null,
        place: place ?? '',
        seats: input.seats,
        costCents: Math.round((input.costEur ?? 0) * 100),
        funding: input.funding,
        enrolmentDeadline: input.enrolmentDeadline ?? null,
        certificate: input.certificate ?? '',
        status: input.status ?? 'draft',
      };
      const id = await db.transaction().execute(async (trx) => {
        const newId = await repo.insertCourse(trx, networkId, values, ctx.actor.userId, clock());
        await repo.replaceSkills(trx, networkId, newId, skills);
        await audit.record(trx, ctx, {
          action: 'training.course_created',
          entityType: 'training_course',
          entityId: newId,
          entityLabel: input.title,
          details: { seats: input.seats, startDate: input.startDate, skills: skills.length },
        });
        return newId;
      });
      const [course] = await withSkillLabels(db, ctx.actor, [presentCourse((await repo.findCourse(db, id))!)]);
      return course!;
    },

    /**
     * Changes a course. Its seats cannot go below the seats taken; raising them gives the new
     * seats to the waiting list (promote, handed in by the enrolment service) in the same transaction.
     */
    async updateCourse(
      ctx: ActorContext,
      id: string,
      input: UpdateCourseRequest,
      promote: (trx: Executor, courseId: string) => Promise<unknown>,
    ): Promise<Course> {
      const networkId = requireNetwork(ctx.actor);
      const before = await courseInNetwork(db, ctx.actor, id);
      if (input.providerId) await providerInNetwork(db, ctx.actor, input.providerId);
      const merged = { ...before, ...input };
      if (before.version !== input.baseVersion) throw trainingErrors.staleVersion(before.version);
      const issue = courseFieldIssues(merged)[0];
      if (issue) throw trainingErrors.invalidDates(issue);
      const place =
        input.officeId !== undefined || input.comuneCode !== undefined || input.place !== undefined
          ? await checkPlace(db, networkId, merged)
          : undefined;
      const skills = input.skills ? await resolveCourseSkills(db, input.skills) : undefined;
      await db.transaction().execute(async (trx) => {
        // Checked again under the lock: a change committed since the read above wins, this one is refused.
        const locked = await repo.lockCourse(trx, id);
        if (locked && locked.version !== input.baseVersion) throw trainingErrors.staleVersion(locked.version);
        const taken = await repo.seatsTaken(trx, id);
        if (input.seats !== undefined && input.seats < taken) throw trainingErrors.seatsBelowTaken(taken);
        const { skills: _skills, costEur, baseVersion: _baseVersion, ...rest } = input;
        await repo.updateCourse(
          trx,
          id,
          { ...rest, ...(place !== undefined && { place }), ...(costEur !== undefined && { costCents: Math.round(costEur * 100) }) },
          clock(),
        );
        if (skills) await repo.replaceSkills(trx, networkId, id, skills);
        if (input.seats !== undefined && input.seats > before.seats) await promote(trx, id);
        const changed = Object.fromEntries(
          Object.entries(input)
            .filter(([k, v]) => k !== 'baseVersion' && JSON.stringify(before[k as keyof CourseRow]) !== JSON.stringify(v))
            .map(([k, v]) => [k, { from: before[k as keyof CourseRow], to: v }]),
        );
        await audit.record(trx, ctx, {
          action: 'training.course_updated',
          entityType: 'training_course',
          entityId: id,
          entityLabel: input.title ?? before.title,
          details: changed,
        });
      });
      const [course] = await withSkillLabels(db, ctx.actor, [presentCourse((await repo.findCourse(db, id))!)]);
      return course!;
    },
  };
}

export type CatalogueService = ReturnType<typeof createCatalogueService>;
