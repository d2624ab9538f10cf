import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** Table types of migrations/0007_imports.sql and 0012; merged into DB in schema.ts. */

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export type ImportStatus = 'uploaded' | 'validating' | 'validated' | 'applying' | 'applied' | 'failed';
export type ImportOutcome = 'new' | 'update' | 'unchanged' | 'error';

export interface ImportColumnInfo {
  index: number;
  header: string;
  samples: string[];
}

export interface ImportCounts {
  new: number;
  update: number;
  unchanged: number;
  error: number;
  companiesToCreate: number;
}

export interface ImportJobsTable {
  id: Generated<string>;
  network_id: string;
  office_id: string;
  kind: Generated<'workers'>;
  status: ImportStatus;
  file_name: string;
  file_format: 'csv' | 'xlsx';
  file_size: number;
  checksum: string;
  file_data: Buffer | null;
  source: JSONColumnType<Record<string, unknown>, string | undefined, string>;
  columns: JSONColumnType<ImportColumnInfo[], string | undefined, string>;
  mapping: JSONColumnType<Record<string, string>, string | undefined, string>;
  options: JSONColumnType<{ createCompanies?: boolean }, string | undefined, string>;
  total_rows: Generated<number>;
  processed_rows: Generated<number>;
  phase: Generated<string>;
  counts: JSONColumnType<Partial<ImportCounts>, string | undefined, string>;
  error: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  applied_at: Date | null;
  notices: JSONColumnType<ImportNotice[], string | undefined, string>;
  purged_at: Date | null;
  /** Migration 0017: what a staged apply created before its switch (undone if it does not finish). */
  apply_log: JSONColumnType<ImportApplyLog, string | undefined, string>;
}

export interface ImportApplyLog {
  staged?: boolean;
  companies?: string[];
  cigsCases?: string[];
}

/** A file-wide problem, said once instead of on every row it touches. */
export interface ImportNotice {
  code: string;
  message: string;
  rows: number;
}

export interface ImportRowsTable {
  job_id: string;
  row_number: number;
  outcome: ImportOutcome;
  label: Generated<string>;
  errors: JSONColumnType<Array<{ field: string; code?: string; message: string }>, string | undefined, string>;
  data: JSONColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  worker_id: string | null;
  error_codes: ColumnType<string[], string[] | undefined, string[]>;
  /** Migration 0017: the apply's record of what it wrote for the row, to undo it. */
  applied_as: 'created' | 'updated' | 'unchanged' | null;
  previous: JSONColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  added_phone: string | null;
}

export interface ImportLayoutsTable {
  network_id: string;
  layout_key: string;
  headers: JSONColumnType<string[], string | undefined, string>;
  mapping: JSONColumnType<Record<string, string>, string | undefined, string>;
  updated_by: string | null;
  updated_at: UpdatedAt;
}

export interface ImportSettingsTable {
  network_id: string;
  retention_days: Generated<number>;
  updated_by: string | null;
  updated_at: UpdatedAt;
}

export interface ImportsTables {
  import_jobs: ImportJobsTable;
  import_rows: ImportRowsTable;
  import_layouts: ImportLayoutsTable;
  import_settings: ImportSettingsTable;
}
