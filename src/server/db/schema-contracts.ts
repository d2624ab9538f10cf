import type { ColumnType, Generated } from 'kysely';

/** Table types of migrations/0038_contracts.sql; merged into DB in schema.ts. */

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export interface CcnlMinimumPayTable {
  id: Generated<string>;
  network_id: string;
  ccnl_code: string;
  level: string;
  /** Generated: the level lower-cased with single spaces (the key of the overlap check). */
  level_key: ColumnType<string, never, never>;
  monthly_cents: number;
  weekly_hours: number;
  valid_from: string;
  valid_to: string | null;
  source_note: string;
  created_by: string | null;
  created_at: CreatedAt;
  updated_by: string | null;
  updated_at: UpdatedAt;
  version: Generated<number>;
}

export interface ContractsTables {
  ccnl_minimum_pay: CcnlMinimumPayTable;
}
