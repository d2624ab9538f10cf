-- The minimum pay of the national collective agreements (CCNL), per code of the CNEL archive and
-- level, as the network's administrators enter them from the agreement's pay tables. An offer's
-- gross monthly pay is compared with the minimum pro-rated to its weekly hours: the product warns
-- when an offer is below, it never refuses it.
--
-- The CCNL code is checked against the CNEL archive by the service (the reference data is
-- versioned by release, so no foreign key). The level is the agreement's own name for it ("5",
-- "C2", "3° livello"); level_key is the same text lower-cased with single spaces, so "C2" and "c2"
-- are one level. Validity is a closed range of dates, valid_to null for a table still in force;
-- two rows of one CCNL and level of a network never overlap (the exclusion constraint), whatever
-- the order of writes.
create table ccnl_minimum_pay (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks(id) on delete cascade,
  ccnl_code text not null check (length(ccnl_code) between 1 and 20),
  level text not null check (length(level) between 1 and 60),
  level_key text collate "C" generated always as (lower(regexp_replace(btrim(level), '\s+', ' ', 'g'))) stored,
  monthly_cents integer not null check (monthly_cents between 1 and 10000000),
  weekly_hours numeric(4, 1) not null check (weekly_hours > 0 and weekly_hours <= 48),
  valid_from date not null,
  valid_to date,
  source_note text not null check (length(source_note) between 1 and 500),
  created_by uuid references staff_users(id) on delete set null,
  created_at timestamptz not null default now(),
  updated_by uuid references staff_users(id) on delete set null,
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  constraint ccnl_minimum_pay_dates check (valid_to is null or valid_to >= valid_from),
  constraint ccnl_minimum_pay_no_overlap exclude using gist (
    network_id with =,
    ccnl_code with =,
    level_key with =,
    daterange(valid_from, valid_to, '[]') with &&
  )
);
create index ccnl_minimum_pay_list_idx on ccnl_minimum_pay (network_id, ccnl_code, level_key, valid_from desc);
