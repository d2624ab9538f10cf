import type { ColumnType, JSONColumnType } from 'kysely';
import type { CvChoices } from '../../shared/schemas/cvs.schema.js';

/** Table types of migrations/0026_cvs.sql; merged into DB in schema.ts. */

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export interface WorkerCvsTable {
  id: string;
  worker_id: string;
  network_id: string;
  office_id: string;
  title: string;
  language: 'it' | 'en';
  choices: JSONColumnType<CvChoices, string, string>;
  photo: Uint8Array | null;
  photo_type: 'image/jpeg' | 'image/png' | null;
  version: number;
  created_by: string | null;
  created_at: CreatedAt;
  updated_by: string | null;
  updated_at: UpdatedAt;
}

export interface WorkerCvVersionsTable {
  cv_id: string;
  version: number;
  network_id: string;
  office_id: string;
  title: string;
  choices: JSONColumnType<CvChoices, string, never>;
  profile_version: number;
  document: JSONColumnType<Record<string, unknown>, string, never>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface CvTables {
  worker_cvs: WorkerCvsTable;
  worker_cv_versions: WorkerCvVersionsTable;
}
