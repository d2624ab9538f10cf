import type { ColumnType, Generated } from 'kysely';

/** Table types of migrations/0027_training.sql; merged into DB in schema.ts. */

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
/** numeric columns come back as text from both engines. */
type Numeric = ColumnType<string, number | string | undefined, number | string>;

export type CourseStatus = 'draft' | 'open' | 'closed' | 'cancelled';
export type CourseDelivery = 'in_person' | 'online' | 'blended';
export type CourseFunding = 'gol' | 'fse_plus' | 'fondo_nuove_competenze' | 'fondi_interprofessionali' | 'a_pagamento' | 'altro';
export type TrainingEnrolmentState = 'enrolled' | 'waiting' | 'withdrawn' | 'completed' | 'dropped';

export interface TrainingProvidersTable {
  id: Generated<string>;
  network_id: string;
  name: string;
  tax_code: string;
  accreditation_note: Generated<string>;
  email: Generated<string>;
  phone: Generated<string>;
  website: Generated<string>;
  address: Generated<string>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface TrainingCoursesTable {
  id: Generated<string>;
  network_id: string;
  provider_id: string;
  title: string;
  description: Generated<string>;
  hours: number;
  /** SQL dates, 'YYYY-MM-DD'. */
  start_date: string;
  end_date: string;
  schedule: Generated<string>;
  delivery: CourseDelivery;
  office_id: string | null;
  comune_code: string | null;
  place: Generated<string>;
  seats: number;
  cost_cents: Generated<number>;
  funding: CourseFunding;
  enrolment_deadline: string | null;
  certificate: Generated<string>;
  status: Generated<CourseStatus>;
  /** Raised by one on every change: the optimistic version the edit form sends back. */
  version: Generated<number>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface TrainingCourseSkillsTable {
  course_id: string;
  network_id: string;
  skill_uri: string;
  label: Generated<string>;
}

export interface TrainingEnrolmentsTable {
  id: Generated<string>;
  network_id: string;
  office_id: string;
  course_id: string;
  worker_id: string;
  state: TrainingEnrolmentState;
  requested_at: ColumnType<Date, Date | string | undefined, Date | string>;
  hours_attended: Numeric;
  completed_on: string | null;
  certificate_obtained: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface TrainingEnrolmentMovesTable {
  id: Generated<string>;
  network_id: string;
  office_id: string;
  enrolment_id: string;
  course_id: string;
  from_state: TrainingEnrolmentState | null;
  to_state: TrainingEnrolmentState;
  actor_id: string | null;
  reason: Generated<string>;
  at: CreatedAt;
}

export interface TrainingTables {
  training_providers: TrainingProvidersTable;
  training_courses: TrainingCoursesTable;
  training_course_skills: TrainingCourseSkillsTable;
  training_enrolments: TrainingEnrolmentsTable;
  training_enrolment_moves: TrainingEnrolmentMovesTable;
}
