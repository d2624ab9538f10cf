-- Delivered services entered by hand can be corrected (with a reason, kept in the audit log): who
-- corrected the record last and when. A removal deletes the row; its audit entry keeps what it was.
-- The funder's totals read a network's records over a range of days: an index on both.
alter table service_records add column updated_at timestamptz;
alter table service_records add column updated_by uuid references staff_users(id);
create index service_records_network_day_idx on service_records(network_id, delivered_on);
