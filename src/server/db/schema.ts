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

export interface DB {
  networks: NetworksTable;
  offices: OfficesTable;
  staff_users: StaffUsersTable;
  staff_roles: StaffRolesTable;
  sessions: SessionsTable;
  sign_in_attempts: SignInAttemptsTable;
  audit_log: AuditLogTable;
  schema_migrations: SchemaMigrationsTable;
}
