import type { CompaniesTables } from './schema-companies.js';
import type { PeopleTables } from './schema-people.js';
import type { ImportsTables } from './schema-imports.js';
import type { ProgrammesTables } from './schema-programmes.js';
import type { OutreachTables } from './schema-outreach.js';
import type { AppointmentsTables } from './schema-appointments.js';
import type { ServicesTables } from './schema-services.js';
import type { ProfilesTables } from './schema-profiles.js';
import type { TrainingTables } from './schema-training.js';
import type { PlansTables } from './schema-plans.js';
import type { CvTables } from './schema-cv.js';
import type { TaxonomyLabelsTables } from './schema-taxonomy-labels.js';
import type { EmployersTables } from './schema-employers.js';
import type { VacanciesTables } from './schema-vacancies.js';
import type { ContractsTables } from './schema-contracts.js';
import type { ApplicationsTables } from './schema-applications.js';
import type { PlacementsTables } from './schema-placements.js';
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** Kysely table types; the SQL in migrations/ is the source of truth and these follow it. */

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface OpeningHoursSlot {
  /** ISO weekday, 1 = Monday … 7 = Sunday */
  day: number;
  opens: string;
  closes: string;
}

export interface NetworksTable {
  id: Generated<string>;
  code: string;
  name: string;
  created_at: CreatedAt;
}

export interface OfficesTable {
  id: Generated<string>;
  network_id: string;
  code: string;
  name: string;
  address: Generated<string>;
  postal_code: Generated<string>;
  comune: Generated<string>;
  province: Generated<string>;
  phone: Generated<string>;
  email: Generated<string>;
  opening_hours: JSONColumnType<OpeningHoursSlot[], string | undefined, string>;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export type Role = 'admin' | 'coordinator' | 'consultant' | 'frontoffice' | 'matcher';

export interface StaffUsersTable {
  id: Generated<string>;
  email: string;
  full_name: string;
  password_hash: string | null;
  auth_provider: Generated<string>;
  external_subject: string | null;
  preferred_language: Generated<'it' | 'en'>;
  must_change_password: Generated<boolean>;
  last_office_id: string | null;
  disabled_at: Date | null;
  last_sign_in_at: Date | null;
  password_changed_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface StaffRolesTable {
  user_id: string;
  office_id: string;
  role: Role;
  granted_at: CreatedAt;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  office_id: string | null;
  csrf_token: string;
  ip: Generated<string>;
  user_agent: Generated<string>;
  created_at: CreatedAt;
  last_seen_at: UpdatedAt;
  expires_at: Timestamp;
  /** Set by the database from office_id (trigger, migration 0008). */
  network_id: Generated<string | null>;
  /** The account's snapshot, kept current by the database (migration 0008). */
  account: Generated<SessionAccountSnapshot>;
}

export interface SessionAccountSnapshot {
  email?: string;
  fullName?: string;
  language?: 'it' | 'en';
  mustChangePassword?: boolean;
  disabled?: boolean;
  assignments?: Array<{ officeId: string; role: Role }>;
}

export interface SignInAttemptsTable {
  id: Generated<number>;
  at: CreatedAt;
  email_key: string;
  ip: string;
  succeeded: boolean;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: CreatedAt;
  actor_id: string | null;
  actor_label: Generated<string>;
  office_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  /** The object's display name when the entry was written (migration 0010). */
  entity_label: Generated<string>;
  details: JSONColumnType<Record<string, unknown>, string | undefined, never>;
  request_id: string | null;
  ip: string | null;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  checksum: string;
  applied_at: CreatedAt;
}

// Reference data (taxonomy module, migrations/0002_taxonomy.sql).

export interface TaxonomyReleasesTable {
  id: Generated<number>;
  source: string;
  version: string;
  current: Generated<boolean>;
  created_at: CreatedAt;
}

export type TaxonomyBatchStatus = 'loading' | 'active' | 'failed';

export interface TaxonomyBatchesTable {
  id: Generated<number>;
  release_id: number;
  part: string;
  status: TaxonomyBatchStatus;
  checksum: Generated<string>;
  row_count: Generated<number>;
  started_at: CreatedAt;
  finished_at: Date | null;
  error: string | null;
}

export interface TaxonomySearchableBatchesView {
  id: number;
  release_id: number;
}

export interface TaxonomyConceptsTable {
  id: Generated<number>;
  release_id: number;
  batch_id: number;
  kind: string;
  code: string;
  uri: string | null;
  parent_code: string | null;
  attributes: JSONColumnType<Record<string, string>, string | undefined, string>;
}

export interface TaxonomyLabelsTable {
  concept_id: number;
  batch_id: number;
  search_group: string;
  lang: string;
  label_type: 'preferred' | 'alternative' | 'hidden' | 'code';
  label: string;
  norm: string;
}

export interface TaxonomyWordsTable {
  search_group: string;
  word: string;
}

export interface TaxonomyDescriptionsTable {
  concept_id: number;
  batch_id: number;
  lang: string;
  description: string;
}

export interface TaxonomyComuniTable {
  concept_id: number;
  istat_code: string;
  name: string;
  cadastral_code: string;
  province_code: string;
  province: string;
  province_name: string;
  region_code: string;
  region: string;
  lat: number;
  lon: number;
}

export interface TaxonomyBroaderTable {
  batch_id: number;
  concept_id: number;
  broader_id: number;
}

export interface EscoOccupationSkillsTable {
  batch_id: number;
  occupation_id: number;
  skill_id: number;
  essential: boolean;
}

export interface EscoSkillRelationsTable {
  batch_id: number;
  skill_id: number;
  related_skill_id: number;
  essential: boolean;
}

export interface EscoCollectionMembersTable {
  concept_id: number;
  collection: string;
}

export interface DB
  extends
    CompaniesTables,
    PeopleTables,
    ProgrammesTables,
    OutreachTables,
    ImportsTables,
    AppointmentsTables,
    ServicesTables,
    ProfilesTables,
    TrainingTables,
    PlansTables,
    CvTables,
    TaxonomyLabelsTables,
    EmployersTables,
    VacanciesTables,
    ContractsTables,
    ApplicationsTables,
    PlacementsTables {
  networks: NetworksTable;
  offices: OfficesTable;
  staff_users: StaffUsersTable;
  staff_roles: StaffRolesTable;
  sessions: SessionsTable;
  sign_in_attempts: SignInAttemptsTable;
  audit_log: AuditLogTable;
  schema_migrations: SchemaMigrationsTable;
  taxonomy_releases: TaxonomyReleasesTable;
  taxonomy_batches: TaxonomyBatchesTable;
  taxonomy_searchable_batches: TaxonomySearchableBatchesView;
  taxonomy_concepts: TaxonomyConceptsTable;
  taxonomy_labels: TaxonomyLabelsTable;
  taxonomy_words: TaxonomyWordsTable;
  taxonomy_descriptions: TaxonomyDescriptionsTable;
  taxonomy_comuni: TaxonomyComuniTable;
  taxonomy_broader: TaxonomyBroaderTable;
  esco_occupation_skills: EscoOccupationSkillsTable;
  esco_skill_relations: EscoSkillRelationsTable;
  esco_collection_members: EscoCollectionMembersTable;
  jobs: JobsTable;
}

export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

/** migrations/0019_jobs.sql: the durable job queue (owner: jobs). */
export interface JobsTable {
  id: Generated<string>;
  kind: string;
  dedupe_key: string;
  payload: JSONColumnType<Record<string, unknown>, string | undefined, string>;
  subject_id: string | null;
  subject_version: number | null;
  network_id: string | null;
  state: Generated<JobState>;
  run_at: Timestamp;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  locked_by: string | null;
  locked_until: Date | null;
  last_error: string | null;
  created_at: CreatedAt;
  finished_at: Date | null;
}
