-- Worker search (issue 4): operators type the start of a codice fiscale or of a phone number.
-- A LIKE 'prefix%' can use a btree only with pattern operators when the database collation is
-- not C (PostgreSQL servers usually run en_US.UTF-8 or it_IT.UTF-8).
create index workers_cf_prefix_idx on workers (network_id, codice_fiscale text_pattern_ops) where codice_fiscale is not null;
create index workers_phone_prefix_idx on workers (network_id, phone text_pattern_ops) where phone is not null;
-- The cohort of a company and the "CIGS ending soon" lists read workers by case and end date.
create index workers_case_end_idx on workers (cigs_case_id, cigs_end_date);
