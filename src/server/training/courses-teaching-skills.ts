import type { Executor } from '../db/executor.js';
import { createTrainingRepository } from './training.repository.js';

export interface CourseTeachingSkills {
  courseId: string;
  title: string;
  providerName: string;
  hours: number;
  startDate: string;
  seatsLeft: number;
  /** The skills asked for that the course teaches. */
  skillUris: string[];
}

const repository = createTrainingRepository();

/**
 * The courses of a network (not cancelled) that teach any of these ESCO skills, starting on or
 * after `from` when given, by start date: the skill gap ranks them by the gaps they close.
 */
export function coursesTeachingSkills(
  db: Executor,
  p: { networkId: string; skillUris: readonly string[]; from?: string },
): Promise<CourseTeachingSkills[]> {
  return repository.coursesTeachingSkills(db, p);
}
