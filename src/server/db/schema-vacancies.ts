import type { ColumnType, Generated } from 'kysely';

/** Table types of migrations/0033_vacancies.sql; merged into DB in schema.ts. */

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export type VacancyState = 'draft' | 'published' | 'filled' | 'closed' | 'expired';
export type VacancyContractType = 'permanent' | 'fixed_term' | 'apprenticeship' | 'agency';
export type VacancyWorkingTime = 'full_time' | 'part_time';
export type VacancySkillRelevance = 'essential' | 'optional';

export interface VacancyLanguage {
  code: string;
  cefr: 'A1' | 'A2' | 'B1' | 'B2' | 'C1' | 'C2';
}

export interface VacanciesTable {
  id: Generated<string>;
  network_id: string;
  office_id: string;
  employer_id: string;
  site_id: string;
  comune_code: string;
  esco_occupation_uri: string | null;
  cp2011_code: string | null;
  title: string;
  description: Generated<string>;
  eqf_level: number | null;
  education_code: string | null;
  languages: ColumnType<VacancyLanguage[], string | undefined, string>;
  driving_licences: Generated<string[]>;
  contract_type: VacancyContractType;
  duration_months: number | null;
  working_time: VacancyWorkingTime;
  weekly_hours: number | null;
  ccnl_code: string | null;
  ccnl_level: Generated<string>;
  pay_min_cents: number | null;
  pay_max_cents: number | null;
  positions: number;
  positions_filled: Generated<number>;
  start_date: string | null;
  deadline: string;
  state: Generated<VacancyState>;
  version: Generated<number>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface VacancySkillsTable {
  vacancy_id: string;
  skill_uri: string;
  relevance: VacancySkillRelevance;
}

export interface VacancyTransitionsTable {
  id: Generated<string>;
  vacancy_id: string;
  from_state: VacancyState | null;
  to_state: VacancyState;
  reason: Generated<string>;
  actor_id: string | null;
  at: ColumnType<Date, Date | string | undefined, never>;
  seq: Generated<number>;
}

export interface VacanciesTables {
  vacancies: VacanciesTable;
  vacancy_skills: VacancySkillsTable;
  vacancy_transitions: VacancyTransitionsTable;
}
