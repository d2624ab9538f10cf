import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** Table types of migration 0005 (programmes, enrollments, transitions, staff notifications). */

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
/** SQL date, always 'YYYY-MM-DD' text on both databases. */
type SqlDate = string;

export type ProgrammeStatus = 'draft' | 'open' | 'closed';

export type EnrollmentState =
  'eligible' | 'contacted' | 'registered' | 'waiting' | 'assessed' | 'enrolled' | 'placed' | 'withdrawn' | 'cigs_ended';

export type EnrollmentChannel = 'hotline' | 'outreach' | 'desk' | 'import';

export interface ProgrammesTable {
  id: Generated<string>;
  network_id: string;
  code: string;
  name: string;
  description: Generated<string>;
  starts_on: SqlDate;
  ends_on: SqlDate | null;
  capacity: number;
  funding_source: Generated<string>;
  eligible_reasons: ColumnType<string[], string[] | undefined, string[]>;
  require_active_cigs: Generated<boolean>;
  status: Generated<ProgrammeStatus>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ProgrammeOfficesTable {
  programme_id: string;
  office_id: string;
}

export interface EnrollmentsTable {
  id: Generated<string>;
  programme_id: string;
  worker_id: string;
  office_id: string;
  state: EnrollmentState;
  reached_rank: Generated<number>;
  channel: EnrollmentChannel | null;
  company_id: string | null;
  priority_cigs_end: SqlDate | null;
  requested_at: Date | null;
  state_changed_at: ColumnType<Date, Date | string | undefined, Date | string>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface EnrollmentTransitionsTable {
  id: Generated<number>;
  enrollment_id: string;
  programme_id: string;
  office_id: string;
  from_state: EnrollmentState | null;
  to_state: EnrollmentState;
  at: CreatedAt;
  actor_id: string | null;
  reason: Generated<string>;
  channel: string | null;
}

export interface StaffNotificationsTable {
  id: Generated<string>;
  office_id: string;
  programme_id: string | null;
  recipient_role: string | null;
  recipient_user_id: string | null;
  kind: string;
  payload: JSONColumnType<Record<string, unknown>, string | undefined, never>;
  created_at: CreatedAt;
  read_at: Date | null;
}

export interface ProgrammesTables {
  programmes: ProgrammesTable;
  programme_offices: ProgrammeOfficesTable;
  enrollments: EnrollmentsTable;
  enrollment_transitions: EnrollmentTransitionsTable;
  staff_notifications: StaffNotificationsTable;
}
