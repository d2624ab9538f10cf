import { sql, type SqlBool } from 'kysely';
import { staffNameColumns } from '../auth/index.js';
import type { Executor } from '../db/executor.js';
import { containsPattern } from '../db/like.js';
import type { CourseDelivery, CourseFunding, CourseStatus, TrainingCoursesTable, TrainingEnrolmentState } from '../db/schema-training.js';
import type { CourseQuery } from '../../shared/schemas/training.schema.js';
import { SEAT_HOLDING_STATES } from './enrolment.states.js';

/** The only place that writes SQL on the training tables; returns plain objects. */

export interface ProviderRow {
  id: string;
  networkId: string;
  name: string;
  taxCode: string;
  accreditationNote: string;
  email: string;
  phone: string;
  website: string;
  address: string;
  courseCount: number;
}

export interface ProviderValues {
  name: string;
  taxCode: string;
  accreditationNote: string;
  email: string;
  phone: string;
  website: string;
  address: string;
}

export interface CourseValues {
  providerId: string;
  title: string;
  description: string;
  hours: number;
  startDate: string;
  endDate: string;
  schedule: string;
  delivery: CourseDelivery;
  officeId: string | null;
  comuneCode: string | null;
  place: string;
  seats: number;
  costCents: number;
  funding: CourseFunding;
  enrolmentDeadline: string | null;
  certificate: string;
  status: CourseStatus;
}

export interface CourseRow extends CourseValues {
  id: string;
  networkId: string;
  providerName: string;
  seatsTaken: number;
  waiting: number;
  skills: Array<{ uri: string; label: string }>;
  version: number;
}

export interface EnrolmentRow {
  id: string;
  networkId: string;
  officeId: string;
  courseId: string;
  workerId: string;
  state: TrainingEnrolmentState;
  requestedAt: Date;
  hoursAttended: number;
  completedOn: string | null;
  certificateObtained: boolean;
}

const seatHolding = [...SEAT_HOLDING_STATES];

const providerColumns = [
  'p.id',
  'p.network_id',
  'p.name',
  'p.tax_code',
  'p.accreditation_note',
  'p.email',
  'p.phone',
  'p.website',
  'p.address',
] as const;

const courseColumns = [
  'c.id',
  'c.network_id',
  'c.provider_id',
  'c.version',
  'p.name as provider_name',
  'c.title',
  'c.description',
  'c.hours',
  'c.start_date',
  'c.end_date',
  'c.schedule',
  'c.delivery',
  'c.office_id',
  'c.comune_code',
  'c.place',
  'c.seats',
  'c.cost_cents',
  'c.funding',
  'c.enrolment_deadline',
  'c.certificate',
  'c.status',
] as const;

const enrolmentColumns = [
  'id',
  'network_id',
  'office_id',
  'course_id',
  'worker_id',
  'state',
  'requested_at',
  'hours_attended',
  'completed_on',
  'certificate_obtained',
] as const;

type EnrolmentDbRow = {
  id: string;
  network_id: string;
  office_id: string;
  course_id: string;
  worker_id: string;
  state: TrainingEnrolmentState;
  requested_at: Date;
  hours_attended: string;
  completed_on: string | null;
  certificate_obtained: boolean;
};

const toEnrolment = (r: EnrolmentDbRow): EnrolmentRow => ({
  id: r.id,
  networkId: r.network_id,
  officeId: r.office_id,
  courseId: r.course_id,
  workerId: r.worker_id,
  state: r.state,
  requestedAt: new Date(r.requested_at),
  hoursAttended: Number(r.hours_attended),
  completedOn: r.completed_on,
  certificateObtained: r.certificate_obtained,
});

function courseBase(db: Executor) {
  return db
    .selectFrom('training_courses as c')
    .innerJoin('training_providers as p', 'p.id', 'c.provider_id')
    .select(courseColumns)
    .select((eb) => [
      eb
        .selectFrom('training_enrolments as e')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('e.course_id', '=', 'c.id')
        .where('e.state', 'in', seatHolding)
        .as('seats_taken'),
      eb
        .selectFrom('training_enrolments as e')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('e.course_id', '=', 'c.id')
        .where('e.state', '=', 'waiting')
        .as('waiting'),
    ]);
}
type CourseDbRow = Awaited<ReturnType<ReturnType<typeof courseBase>['executeTakeFirstOrThrow']>>;

function courseValuesToDb(v: Partial<CourseValues>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const map: Record<keyof CourseValues, keyof TrainingCoursesTable> = {
    providerId: 'provider_id',
    title: 'title',
    description: 'description',
    hours: 'hours',
    startDate: 'start_date',
    endDate: 'end_date',
    schedule: 'schedule',
    delivery: 'delivery',
    officeId: 'office_id',
    comuneCode: 'comune_code',
    place: 'place',
    seats: 'seats',
    costCents: 'cost_cents',
    funding: 'funding',
    enrolmentDeadline: 'enrolment_deadline',
    certificate: 'certificate',
    status: 'status',
  };
  for (const [key, column] of Object.entries(map) as Array<[keyof CourseValues, keyof TrainingCoursesTable]>) {
    if (v[key] !== undefined) out[column as string] = v[key];
  }
  return out;
}

/** A provider's columns as written, one at a time or in bulk. */
function providerRow(networkId: string, v: ProviderValues, now: Date) {
  return {
    network_id: networkId,
    name: v.name,
    tax_code: v.taxCode,
    accreditation_note: v.accreditationNote,
    email: v.email,
    phone: v.phone,
    website: v.website,
    address: v.address,
    created_at: now,
    updated_at: now,
  };
}

/** One step in an enrolment's log: from which state to which, by whom and why. */
interface EnrolmentMove {
  networkId: string;
  officeId: string;
  enrolmentId: string;
  courseId: string;
  from: TrainingEnrolmentState | null;
  to: TrainingEnrolmentState;
  actorId: string | null;
  reason: string;
}

/** A move as the log shows it. */
export interface EnrolmentMoveRow {
  from: TrainingEnrolmentState | null;
  to: TrainingEnrolmentState;
  actorId: string | null;
  actorName: string | null;
  reason: string;
  at: Date;
}

function moveRow(m: EnrolmentMove, at: Date) {
  return {
    network_id: m.networkId,
    office_id: m.officeId,
    enrolment_id: m.enrolmentId,
    course_id: m.courseId,
    from_state: m.from,
    to_state: m.to,
    actor_id: m.actorId,
    reason: m.reason,
    at,
  };
}

export function createTrainingRepository() {
  async function skillsOf(db: Executor, courseIds: string[]): Promise<Map<string, Array<{ uri: string; label: string }>>> {
    const out = new Map<string, Array<{ uri: string; label: string }>>();
    if (courseIds.length === 0) return out;
    const rows = await db
      .selectFrom('training_course_skills')
      .select(['course_id', 'skill_uri', 'label'])
      .where('course_id', 'in', courseIds)
      .orderBy('course_id')
      .orderBy('label')
      .execute();
    for (const r of rows) {
      const list = out.get(r.course_id) ?? [];
      list.push({ uri: r.skill_uri, label: r.label });
      out.set(r.course_id, list);
    }
    return out;
  }

  async function hydrate(db: Executor, rows: CourseDbRow[]): Promise<CourseRow[]> {
    const skills = await skillsOf(
      db,
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({
      id: r.id,
      networkId: r.network_id,
      providerId: r.provider_id,
      providerName: r.provider_name,
      title: r.title,
      description: r.description,
      hours: r.hours,
      startDate: r.start_date,
      endDate: r.end_date,
      schedule: r.schedule,
      delivery: r.delivery,
      officeId: r.office_id,
      comuneCode: r.comune_code,
      place: r.place,
      seats: r.seats,
      costCents: r.cost_cents,
      funding: r.funding,
      enrolmentDeadline: r.enrolment_deadline,
      certificate: r.certificate,
      status: r.status,
      seatsTaken: Number(r.seats_taken ?? 0),
      waiting: Number(r.waiting ?? 0),
      skills: skills.get(r.id) ?? [],
      version: r.version,
    }));
  }

  /** Providers with the number of their courses: the list and one provider read the same row. */
  const providersWithCourseCount = (db: Executor) =>
    db
      .selectFrom('training_providers as p')
      .select(providerColumns)
      .select((eb) =>
        eb
          .selectFrom('training_courses as c')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('c.provider_id', '=', 'p.id')
          .as('courses'),
      );
  type ProviderWithCount = Awaited<ReturnType<ReturnType<typeof providersWithCourseCount>['executeTakeFirstOrThrow']>>;
  const providerOf = (r: ProviderWithCount): ProviderRow => ({
    id: r.id,
    networkId: r.network_id,
    name: r.name,
    taxCode: r.tax_code,
    accreditationNote: r.accreditation_note,
    email: r.email,
    phone: r.phone,
    website: r.website,
    address: r.address,
    courseCount: Number(r.courses ?? 0),
  });

  return {
    async listProviders(db: Executor, networkId: string): Promise<ProviderRow[]> {
      const rows = await providersWithCourseCount(db).where('p.network_id', '=', networkId).orderBy('p.name').execute();
      return rows.map(providerOf);
    },

    async findProvider(db: Executor, id: string): Promise<ProviderRow | undefined> {
      const row = await providersWithCourseCount(db).where('p.id', '=', id).executeTakeFirst();
      return row && providerOf(row);
    },

    async insertProvider(db: Executor, networkId: string, v: ProviderValues, now: Date): Promise<string> {
      const row = await db
        .insertInto('training_providers')
        .values(providerRow(networkId, v, now))
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async updateProvider(db: Executor, id: string, v: Partial<ProviderValues>, now: Date): Promise<void> {
      const set: Record<string, unknown> = { updated_at: now };
      if (v.name !== undefined) set.name = v.name;
      if (v.taxCode !== undefined) set.tax_code = v.taxCode;
      if (v.accreditationNote !== undefined) set.accreditation_note = v.accreditationNote;
      if (v.email !== undefined) set.email = v.email;
      if (v.phone !== undefined) set.phone = v.phone;
      if (v.website !== undefined) set.website = v.website;
      if (v.address !== undefined) set.address = v.address;
      await db.updateTable('training_providers').set(set).where('id', '=', id).execute();
    },

    async deleteProvider(db: Executor, id: string): Promise<void> {
      await db.deleteFrom('training_providers').where('id', '=', id).execute();
    },

    async findCourse(db: Executor, id: string): Promise<CourseRow | undefined> {
      const row = await courseBase(db).where('c.id', '=', id).executeTakeFirst();
      return row && (await hydrate(db, [row]))[0];
    },

    async searchCourses(db: Executor, networkId: string, q: CourseQuery): Promise<{ items: CourseRow[]; total: number }> {
      let query = courseBase(db).where('c.network_id', '=', networkId);
      if (q.q) {
        const pattern = containsPattern(q.q);
        query = query.where((eb) =>
          eb.or([
            eb(eb.fn('lower', ['c.title']), 'like', pattern),
            eb(eb.fn('lower', ['c.description']), 'like', pattern),
            eb(eb.fn('lower', ['p.name']), 'like', pattern),
            eb(eb.fn('lower', ['c.certificate']), 'like', pattern),
          ]),
        );
      }
      if (q.skillUri) {
        const uri = q.skillUri;
        query = query.where((eb) =>
          eb.exists(
            eb
              .selectFrom('training_course_skills as s')
              .select('s.course_id')
              .whereRef('s.course_id', '=', 'c.id')
              .where('s.skill_uri', '=', uri),
          ),
        );
      }
      if (q.comuneCode) query = query.where('c.comune_code', '=', q.comuneCode);
      if (q.online === true) query = query.where('c.delivery', 'in', ['online', 'blended']);
      if (q.online === false) query = query.where('c.delivery', 'in', ['in_person', 'blended']);
      if (q.from) query = query.where('c.start_date', '>=', q.from);
      if (q.status) query = query.where('c.status', '=', q.status);
      if (q.providerId) query = query.where('c.provider_id', '=', q.providerId);
      if (q.openSeats) {
        query = query.where(
          sql<SqlBool>`c.seats > (select count(*) from training_enrolments e where e.course_id = c.id and e.state in ('enrolled', 'completed'))`,
        );
      }
      const counted = await db
        .selectFrom(query.as('found'))
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const rows = await query.orderBy('c.start_date').orderBy('c.title').orderBy('c.id').limit(q.limit).offset(q.offset).execute();
      return { items: await hydrate(db, rows), total: Number(counted.n) };
    },

    async insertCourse(db: Executor, networkId: string, v: CourseValues, createdBy: string | null, now: Date): Promise<string> {
      const row = await db
        .insertInto('training_courses')
        .values({ ...courseValuesToDb(v), network_id: networkId, created_by: createdBy, created_at: now, updated_at: now } as never)
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    /** Many courses in one statement per 500 (the catalogue import, the demo), ids in input order. */
    async insertCoursesBulk(db: Executor, networkId: string, courses: readonly CourseValues[], createdBy: string | null, now: Date) {
      const ids: string[] = [];
      for (let i = 0; i < courses.length; i += 500) {
        const rows = await db
          .insertInto('training_courses')
          .values(
            courses
              .slice(i, i + 500)
              .map(
                (v) =>
                  ({ ...courseValuesToDb(v), network_id: networkId, created_by: createdBy, created_at: now, updated_at: now }) as never,
              ),
          )
          .returning('id')
          .execute();
        ids.push(...rows.map((r) => r.id));
      }
      return ids;
    },

    /** Writes the changed fields and raises the version by one. */
    async updateCourse(db: Executor, id: string, v: Partial<CourseValues>, now: Date): Promise<void> {
      await db
        .updateTable('training_courses')
        .set({ ...courseValuesToDb(v), version: sql`version + 1`, updated_at: now } as never)
        .where('id', '=', id)
        .execute();
    },

    async replaceSkills(db: Executor, networkId: string, courseId: string, skills: ReadonlyArray<{ uri: string; label: string }>) {
      await db.deleteFrom('training_course_skills').where('course_id', '=', courseId).execute();
      await this.insertSkillsBulk(
        db,
        networkId,
        skills.map((s) => ({ courseId, ...s })),
      );
    },

    async insertSkillsBulk(db: Executor, networkId: string, rows: ReadonlyArray<{ courseId: string; uri: string; label: string }>) {
      const unique = [...new Map(rows.map((r) => [`${r.courseId} ${r.uri}`, r])).values()];
      for (let i = 0; i < unique.length; i += 1000) {
        const chunk = unique.slice(i, i + 1000);
        if (chunk.length === 0) continue;
        await db
          .insertInto('training_course_skills')
          .values(chunk.map((r) => ({ course_id: r.courseId, network_id: networkId, skill_uri: r.uri, label: r.label })))
          .execute();
      }
    },

    /**
     * The course row, locked for the rest of the transaction: every enrolment, withdrawal and
     * promotion of the course passes this lock, so two transactions never both take the last seat.
     */
    async lockCourse(db: Executor, id: string) {
      return db
        .selectFrom('training_courses')
        .select(['id', 'network_id', 'seats', 'status', 'enrolment_deadline', 'hours', 'start_date', 'certificate', 'title', 'version'])
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
    },

    async seatsTaken(db: Executor, courseId: string): Promise<number> {
      const row = await db
        .selectFrom('training_enrolments')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('course_id', '=', courseId)
        .where('state', 'in', seatHolding)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async findEnrolment(db: Executor, id: string): Promise<EnrolmentRow | undefined> {
      const row = await db.selectFrom('training_enrolments').select(enrolmentColumns).where('id', '=', id).executeTakeFirst();
      return row && toEnrolment(row);
    },

    async findEnrolmentOf(db: Executor, courseId: string, workerId: string): Promise<EnrolmentRow | undefined> {
      const row = await db
        .selectFrom('training_enrolments')
        .select(enrolmentColumns)
        .where('course_id', '=', courseId)
        .where('worker_id', '=', workerId)
        .executeTakeFirst();
      return row && toEnrolment(row);
    },

    async insertEnrolment(
      db: Executor,
      v: { networkId: string; officeId: string; courseId: string; workerId: string; state: TrainingEnrolmentState },
      now: Date,
    ): Promise<EnrolmentRow> {
      const row = await db
        .insertInto('training_enrolments')
        .values({
          network_id: v.networkId,
          office_id: v.officeId,
          course_id: v.courseId,
          worker_id: v.workerId,
          state: v.state,
          requested_at: now,
          created_at: now,
          updated_at: now,
        })
        .returning(enrolmentColumns)
        .executeTakeFirstOrThrow();
      return toEnrolment(row);
    },

    async updateEnrolment(
      db: Executor,
      id: string,
      v: {
        state?: TrainingEnrolmentState;
        requestedAt?: Date;
        hoursAttended?: number;
        completedOn?: string | null;
        certificateObtained?: boolean;
      },
      now: Date,
    ): Promise<EnrolmentRow> {
      const row = await db
        .updateTable('training_enrolments')
        .set({
          updated_at: now,
          ...(v.state !== undefined && { state: v.state }),
          ...(v.requestedAt !== undefined && { requested_at: v.requestedAt }),
          ...(v.hoursAttended !== undefined && { hours_attended: v.hoursAttended }),
          ...(v.completedOn !== undefined && { completed_on: v.completedOn }),
          ...(v.certificateObtained !== undefined && { certificate_obtained: v.certificateObtained }),
        })
        .where('id', '=', id)
        .returning(enrolmentColumns)
        .executeTakeFirstOrThrow();
      return toEnrolment(row);
    },

    /** The waiting list of a course, first asked first (ties by id, so the order is total). */
    async waitingOf(db: Executor, courseId: string, limit?: number): Promise<EnrolmentRow[]> {
      let q = db
        .selectFrom('training_enrolments')
        .select(enrolmentColumns)
        .where('course_id', '=', courseId)
        .where('state', '=', 'waiting')
        .orderBy('requested_at')
        .orderBy('id');
      if (limit !== undefined) q = q.limit(limit);
      return (await q.execute()).map(toEnrolment);
    },

    /** A course's enrolments, of some offices only (null: all), enrolled first then the waiting list in order. */
    async enrolmentsOfCourse(db: Executor, courseId: string, officeIds: readonly string[] | null): Promise<EnrolmentRow[]> {
      let q = db.selectFrom('training_enrolments').select(enrolmentColumns).where('course_id', '=', courseId);
      if (officeIds) q = officeIds.length === 0 ? q.where(sql<SqlBool>`false`) : q.where('office_id', 'in', [...officeIds]);
      return (await q.orderBy('requested_at').orderBy('id').execute()).map(toEnrolment);
    },

    async countEnrolmentsOutside(db: Executor, courseId: string, officeIds: readonly string[]): Promise<number> {
      let q = db
        .selectFrom('training_enrolments')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('course_id', '=', courseId)
        .where('state', 'in', ['enrolled', 'waiting', 'completed']);
      if (officeIds.length > 0) q = q.where('office_id', 'not in', [...officeIds]);
      return Number((await q.executeTakeFirstOrThrow()).n);
    },

    async enrolmentsOfWorker(db: Executor, workerId: string) {
      const rows = await db
        .selectFrom('training_enrolments as e')
        .innerJoin('training_courses as c', 'c.id', 'e.course_id')
        .innerJoin('training_providers as p', 'p.id', 'c.provider_id')
        .select([
          'e.id',
          'e.network_id',
          'e.office_id',
          'e.course_id',
          'e.worker_id',
          'e.state',
          'e.requested_at',
          'e.hours_attended',
          'e.completed_on',
          'e.certificate_obtained',
          'c.title',
          'p.name as provider_name',
          'c.start_date',
          'c.end_date',
          'c.hours',
          'c.certificate',
          'c.status',
        ])
        .where('e.worker_id', '=', workerId)
        .orderBy('c.start_date', 'desc')
        .orderBy('e.id')
        .execute();
      return rows.map((r) => ({
        enrolment: toEnrolment(r),
        course: {
          title: r.title,
          providerName: r.provider_name,
          startDate: r.start_date,
          endDate: r.end_date,
          hours: r.hours,
          certificate: r.certificate,
          status: r.status,
        },
      }));
    },

    async logMove(db: Executor, m: EnrolmentMove, now: Date): Promise<void> {
      await db.insertInto('training_enrolment_moves').values(moveRow(m, now)).execute();
    },

    /**
     * The log of these enrolments, oldest move first, with the name of who made each move (null:
     * the system, as when a freed seat goes to the first waiting): one statement for a page.
     */
    async movesOfEnrolments(db: Executor, enrolmentIds: readonly string[]) {
      const byEnrolment = new Map<string, EnrolmentMoveRow[]>();
      if (enrolmentIds.length === 0) return byEnrolment;
      const rows = await db
        .selectFrom('training_enrolment_moves as m')
        .leftJoin(staffNameColumns(db).as('s'), 's.id', 'm.actor_id')
        .select(['m.enrolment_id', 'm.from_state', 'm.to_state', 'm.actor_id', 's.full_name', 'm.reason', 'm.at'])
        .where('m.enrolment_id', 'in', [...new Set(enrolmentIds)])
        .orderBy('m.id')
        .execute();
      for (const r of rows) {
        const list = byEnrolment.get(r.enrolment_id) ?? [];
        list.push({
          from: r.from_state,
          to: r.to_state,
          actorId: r.actor_id,
          actorName: r.full_name,
          reason: r.reason,
          at: new Date(r.at),
        });
        byEnrolment.set(r.enrolment_id, list);
      }
      return byEnrolment;
    },

    async movesOf(db: Executor, enrolmentId: string) {
      return db
        .selectFrom('training_enrolment_moves')
        .select(['from_state', 'to_state', 'actor_id', 'reason', 'at'])
        .where('enrolment_id', '=', enrolmentId)
        .orderBy('id')
        .execute();
    },

    /**
     * Courses of a network that teach any of these skills, not cancelled, starting on or after
     * `from` when given, with the seats left: what the skill gap ranks.
     */
    async coursesTeachingSkills(db: Executor, p: { networkId: string; skillUris: readonly string[]; from?: string }) {
      const uris = [...new Set(p.skillUris)];
      if (uris.length === 0) return [];
      let q = db
        .selectFrom('training_courses as c')
        .innerJoin('training_providers as pr', 'pr.id', 'c.provider_id')
        .innerJoin('training_course_skills as s', 's.course_id', 'c.id')
        .select([
          'c.id',
          'c.title',
          'pr.name as provider_name',
          'c.hours',
          'c.start_date',
          'c.seats',
          'c.status',
          'c.enrolment_deadline',
          sql<string[]>`array_agg(s.skill_uri order by s.skill_uri)`.as('skill_uris'),
          sql<number>`(select count(*) from training_enrolments e where e.course_id = c.id and e.state in ('enrolled', 'completed'))`.as(
            'taken',
          ),
        ])
        .where('c.network_id', '=', p.networkId)
        .where('s.network_id', '=', p.networkId)
        .where('s.skill_uri', 'in', uris)
        .where('c.status', 'in', ['open', 'draft', 'closed'])
        .groupBy(['c.id', 'pr.name']);
      if (p.from) q = q.where('c.start_date', '>=', p.from);
      const rows = await q.orderBy('c.start_date').orderBy('c.id').execute();
      return rows.map((r) => ({
        courseId: r.id,
        title: r.title,
        providerName: r.provider_name,
        hours: r.hours,
        startDate: r.start_date,
        seatsLeft: Math.max(0, r.seats - Number(r.taken)),
        status: r.status,
        enrolmentDeadline: r.enrolment_deadline,
        skillUris: r.skill_uris,
      }));
    },

    /** The demo's enrolments in one statement per thousand. */
    async insertEnrolmentsBulk(
      db: Executor,
      rows: ReadonlyArray<{
        networkId: string;
        officeId: string;
        courseId: string;
        workerId: string;
        state: TrainingEnrolmentState;
        requestedAt: Date;
        hoursAttended: number;
        completedOn: string | null;
        certificateObtained: boolean;
      }>,
    ): Promise<string[]> {
      const ids: string[] = [];
      for (let i = 0; i < rows.length; i += 1000) {
        const inserted = await db
          .insertInto('training_enrolments')
          .values(
            rows.slice(i, i + 1000).map((r) => ({
              network_id: r.networkId,
              office_id: r.officeId,
              course_id: r.courseId,
              worker_id: r.workerId,
              state: r.state,
              requested_at: r.requestedAt,
              hours_attended: r.hoursAttended,
              completed_on: r.completedOn,
              certificate_obtained: r.certificateObtained,
              created_at: r.requestedAt,
              updated_at: r.requestedAt,
            })),
          )
          .returning('id')
          .execute();
        ids.push(...inserted.map((r) => r.id));
      }
      return ids;
    },

    async insertMovesBulk(db: Executor, rows: ReadonlyArray<EnrolmentMove & { at: Date }>): Promise<void> {
      for (let i = 0; i < rows.length; i += 1000) {
        const chunk = rows.slice(i, i + 1000);
        if (chunk.length === 0) continue;
        await db
          .insertInto('training_enrolment_moves')
          .values(chunk.map((m) => moveRow(m, m.at)))
          .execute();
      }
    },

    async insertProvidersBulk(db: Executor, networkId: string, providers: readonly ProviderValues[], now: Date): Promise<string[]> {
      if (providers.length === 0) return [];
      const rows = await db
        .insertInto('training_providers')
        .values(providers.map((v) => providerRow(networkId, v, now)))
        .returning('id')
        .execute();
      return rows.map((r) => r.id);
    },
  };
}

export type TrainingRepository = ReturnType<typeof createTrainingRepository>;
