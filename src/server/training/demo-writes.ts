import type { Executor } from '../db/executor.js';
import type { TrainingEnrolmentState } from '../db/schema-training.js';
import { createTrainingRepository, type CourseValues, type ProviderValues } from './training.repository.js';

/** The demo's writes of training: providers, courses with their skills, enrolments with their moves, in bulk. */

const repository = createTrainingRepository();

export interface DemoCourse extends CourseValues {
  skills: Array<{ uri: string; label: string }>;
}

export interface DemoEnrolment {
  officeId: string;
  courseId: string;
  workerId: string;
  state: TrainingEnrolmentState;
  requestedAt: Date;
  hoursAttended: number;
  completedOn: string | null;
  certificateObtained: boolean;
  /** The moves that led to the state, oldest first (the first from null). */
  moves: Array<{ from: TrainingEnrolmentState | null; to: TrainingEnrolmentState; at: Date; reason: string; actorId: string | null }>;
}

export async function insertDemoProviders(
  trx: Executor,
  networkId: string,
  providers: readonly ProviderValues[],
  now: Date,
): Promise<string[]> {
  return repository.insertProvidersBulk(trx, networkId, providers, now);
}

export async function insertDemoCourses(trx: Executor, networkId: string, courses: readonly DemoCourse[], now: Date): Promise<string[]> {
  const ids = await repository.insertCoursesBulk(
    trx,
    networkId,
    courses.map(({ skills: _skills, ...values }) => values),
    null,
    now,
  );
  await repository.insertSkillsBulk(
    trx,
    networkId,
    courses.flatMap((c, i) => c.skills.map((s) => ({ courseId: ids[i]!, uri: s.uri, label: s.label }))),
  );
  return ids;
}

export async function insertDemoEnrolments(trx: Executor, networkId: string, enrolments: readonly DemoEnrolment[]): Promise<string[]> {
  const ids = await repository.insertEnrolmentsBulk(
    trx,
    enrolments.map((e) => ({ ...e, networkId })),
  );
  await repository.insertMovesBulk(
    trx,
    enrolments.flatMap((e, i) =>
      e.moves.map((m) => ({ networkId, officeId: e.officeId, enrolmentId: ids[i]!, courseId: e.courseId, ...m })),
    ),
  );
  return ids;
}
