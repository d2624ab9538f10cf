import type { Executor } from '../db/executor.js';
import { enrolmentOpenOn } from './enrolment.states.js';
import { createTrainingRepository } from './training.repository.js';

export interface CourseTeachingSkills {
  courseId: string;
  title: string;
  providerName: string;
  hours: number;
  startDate: string;
  seatsLeft: number;
  /** Enrolment open on `today` (enrolmentOpenOn): a course already started may still be joined. */
  enrolmentOpen: boolean;
  /** 'YYYY-MM-DD', the last day to enrol, or null. */
  enrolmentDeadline: string | null;
  /** The skills asked for that the course teaches. */
  skillUris: string[];
}

const repository = createTrainingRepository();

/**
 * The courses of a network (not cancelled) that teach any of these ESCO skills, starting on or
 * after `from` when given, by start date: the skill gap ranks them by the gaps they close.
 * `today` ('YYYY-MM-DD' in Rome) says whether each is open for enrolment.
 */
export async function coursesTeachingSkills(
  db: Executor,
  p: { networkId: string; skillUris: readonly string[]; from?: string; today: string },
): Promise<CourseTeachingSkills[]> {
  const rows = await repository.coursesTeachingSkills(db, p);
  return rows.map(({ status, ...course }) => ({
    ...course,
    enrolmentOpen: enrolmentOpenOn({ status, enrolmentDeadline: course.enrolmentDeadline }, p.today),
  }));
}
