import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** Table types of migrations/0028_plans.sql; merged into DB in schema.ts. */

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export type PlanState = 'draft' | 'signed' | 'under_review' | 'closed';
export type PlanSignature = 'paper' | 'in_person' | 'otp';
export type PlanActionOwner = 'worker' | 'consultant';
export type PlanActionStatus = 'todo' | 'in_progress' | 'done' | 'cancelled';

export interface PlansTable {
  id: Generated<string>;
  network_id: string;
  office_id: string;
  worker_id: string;
  programme_id: string;
  consultant_id: string;
  state: Generated<PlanState>;
  profiling_class: Generated<string>;
  contact_interval_days: Generated<number>;
  review_interval_days: Generated<number>;
  /** SQL date, 'YYYY-MM-DD'. */
  next_review_on: string | null;
  search_evidence: Generated<string>;
  willing_activities: Generated<boolean>;
  willing_training: Generated<boolean>;
  accepts_congruous_offers: Generated<boolean>;
  notes: Generated<string>;
  signed_on: string | null;
  signed_how: PlanSignature | null;
  closed_on: string | null;
  outcome_summary: Generated<string>;
  version: Generated<number>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface PlanThemesTable {
  id: Generated<string>;
  network_id: string;
  office_id: string;
  plan_id: string;
  title: string;
  position: number;
}

export interface PlanObjectivesTable {
  id: Generated<string>;
  network_id: string;
  office_id: string;
  plan_id: string;
  theme_id: string;
  title: string;
  position: number;
}

export interface PlanActionsTable {
  id: Generated<string>;
  network_id: string;
  office_id: string;
  plan_id: string;
  objective_id: string;
  owner: PlanActionOwner;
  description: string;
  due_on: string;
  status: Generated<PlanActionStatus>;
  done_on: string | null;
  position: number;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface PlanReviewsTable {
  id: Generated<string>;
  network_id: string;
  office_id: string;
  plan_id: string;
  reviewed_on: string;
  reviewer_id: string | null;
  note: string;
  created_at: CreatedAt;
}

export interface PlanVersionsTable {
  id: Generated<number>;
  network_id: string;
  office_id: string;
  plan_id: string;
  version: number;
  snapshot: JSONColumnType<Record<string, unknown>, string, never>;
  change: string;
  actor_id: string | null;
  at: CreatedAt;
}

export interface PlanTransitionsTable {
  id: Generated<number>;
  network_id: string;
  office_id: string;
  plan_id: string;
  from_state: PlanState | null;
  to_state: PlanState;
  actor_id: string | null;
  reason: Generated<string>;
  at: CreatedAt;
}

export interface PlansTables {
  plans: PlansTable;
  plan_themes: PlanThemesTable;
  plan_objectives: PlanObjectivesTable;
  plan_actions: PlanActionsTable;
  plan_reviews: PlanReviewsTable;
  plan_versions: PlanVersionsTable;
  plan_transitions: PlanTransitionsTable;
}
