import type { ColumnType, Generated } from 'kysely';

/** Table types of migrations/0022_delivered_services.sql and 0031_services.sql; merged into DB in schema.ts. */

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export type DeliveredServiceCode =
  | 'first_interview'
  | 'orientation'
  | 'cv_support'
  | 'interview_coaching'
  | 'contract_assistance'
  | 'follow_up'
  | 'group_workshop'
  | 'training';

export interface ServiceRecordsTable {
  id: Generated<string>;
  network_id: string;
  office_id: string;
  worker_id: string;
  programme_id: string | null;
  staff_id: string | null;
  service_code: DeliveredServiceCode;
  delivery: 'individual' | 'group';
  /** SQL date, 'YYYY-MM-DD'. */
  delivered_on: string;
  minutes: number;
  source_type: 'appointment' | 'group_session' | 'manual' | 'course';
  source_id: string | null;
  note: Generated<string>;
  created_by: string | null;
  created_at: CreatedAt;
  /** A correction by hand (0031): when and by whom; null for a record never corrected. */
  updated_at: Date | null;
  updated_by: string | null;
}

export interface ServicesTables {
  service_records: ServiceRecordsTable;
}
