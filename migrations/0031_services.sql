-- Delivered services entered by hand can be corrected (with a reason, kept in the audit log): who
-- corrected the record last and when. A removal deletes the row; its audit entry keeps what it was.
-- The funder's totals read a network's records over a range of days: an index on both.
alter table service_records add column updated_at timestamptz;
alter table service_records add column updated_by uuid references staff_users(id);
create index service_records_network_day_idx on service_records(network_id, delivered_on);

-- A completed course (training) is a delivered service 'training' of hours attended × 60 minutes: a course
-- runs to hundreds of hours, beyond the 600 minutes of a meeting, and names its enrolment as source.
alter table service_records drop constraint service_records_minutes_check;
alter table service_records add constraint service_records_minutes_check
  check (minutes between 1 and 600 or (service_code = 'training' and minutes between 1 and 120000));
alter table service_records drop constraint service_records_source_type_check;
alter table service_records add constraint service_records_source_type_check
  check (source_type in ('appointment', 'group_session', 'manual', 'course'));
