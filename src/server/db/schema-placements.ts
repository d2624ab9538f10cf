import type { ColumnType, Generated } from 'kysely';
import type { VacancyContractType } from './schema-vacancies.js';

/** Table types of migrations/0037_applications.sql (placements' tables); merged into DB in schema.ts. */

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export interface PlacementsTable {
  id: Generated<string>;
  network_id: string;
  office_id: string;
  application_id: string;
  vacancy_id: string;
  employer_id: string;
  worker_id: string;
  contract_type: VacancyContractType;
  start_date: string;
  end_date: string | null;
  end_reason: Generated<string>;
  ended_by: string | null;
  created_by: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface PlacementFollowUpsTable {
  id: Generated<string>;
  placement_id: string;
  office_id: string;
  months: 1 | 3 | 6;
  due_on: string;
  consultant_id: string | null;
  still_employed: boolean | null;
  satisfaction: number | null;
  needs: Generated<string>;
  answered_at: ColumnType<Date, Date | string, Date | string> | null;
  answered_by: string | null;
}

export interface PlacementsTables {
  placements: PlacementsTable;
  placement_follow_ups: PlacementFollowUpsTable;
}
