-- The offer's terms on an application (src/server/applications): what the employer offers when
-- the application moves to «offer», with the CCNL minimum pay check's answer at that moment
-- (a warning, never a refusal: contracts' lookUpAndCheckOfferPay). One row per application; the
-- hire defaults its contract type and start date from it.
create table application_offers (
  application_id uuid primary key references applications(id) on delete cascade,
  contract_type text not null check (contract_type in ('permanent', 'fixed_term', 'apprenticeship', 'agency')),
  ccnl_code text not null,
  ccnl_level text not null,
  -- Multiples of half an hour, 1 to 48 a week.
  weekly_hours numeric(4, 1) not null check (weekly_hours between 1 and 48),
  monthly_gross_cents integer not null check (monthly_gross_cents > 0),
  start_date date not null,
  probation_days integer not null default 0 check (probation_days between 0 and 365),
  -- The place of work: the comune's ISTAT code (null: as the vacancy's).
  comune_code text,
  -- The pay check at the time: true/false, null when no minimum was known for the CCNL and level.
  below_minimum boolean,
  prorated_minimum_cents integer,
  -- The warning shown (empty: none), in Italian and English, as it was given.
  warning_it text not null default '',
  warning_en text not null default '',
  recorded_by uuid references staff_users(id),
  recorded_at timestamptz not null default now()
);

-- The contract checklist walked with the worker: one row per item ticked (an untick deletes it).
create table application_checklist_ticks (
  application_id uuid not null references applications(id) on delete cascade,
  item_code text not null,
  ticked_by uuid references staff_users(id),
  ticked_at timestamptz not null default now(),
  primary key (application_id, item_code)
);
