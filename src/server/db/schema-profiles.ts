import type { ColumnType, JSONColumnType } from 'kysely';
import type { ProfileDocument } from '../../shared/schemas/profiles.schema.js';

/** Table types of migrations/0025_profiles.sql; merged into DB in schema.ts. */

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export type ProfileChangeReason = 'edit' | 'cv_import' | 'course' | 'assessment' | 'demo';

/** What a version changed: the sections touched and, per list section, the entry ids added, changed and removed. */
export interface ProfileChanges {
  sections: string[];
  added: Record<string, string[]>;
  changed: Record<string, string[]>;
  removed: Record<string, string[]>;
}

export interface WorkerProfilesTable {
  worker_id: string;
  network_id: string;
  office_id: string;
  version: number;
  document: JSONColumnType<ProfileDocument, string, string>;
  updated_by: string | null;
  updated_at: UpdatedAt;
  /** Generated from the document (migration 0044): the longest commute stated, km. */
  max_commute_km: ColumnType<number | null, never, never>;
  /** Generated from the document (migration 0044): the first day the worker can start, 'YYYY-MM-DD'. */
  available_from: ColumnType<string | null, never, never>;
}

/** One row per (worker, ESCO skill) of the current profile, kept by a trigger (migration 0039): the candidate search's count. */
export interface WorkerProfileSkillsTable {
  worker_id: string;
  network_id: string;
  skill_uri: string;
}

export interface WorkerProfileVersionsTable {
  worker_id: string;
  version: number;
  network_id: string;
  office_id: string;
  document: JSONColumnType<ProfileDocument, string, never>;
  reason: ProfileChangeReason;
  changes: JSONColumnType<ProfileChanges, string, never>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface ProfilesTables {
  worker_profiles: WorkerProfilesTable;
  worker_profile_skills: WorkerProfileSkillsTable;
  worker_profile_versions: WorkerProfileVersionsTable;
}
