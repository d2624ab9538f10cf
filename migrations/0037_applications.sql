-- Applications (src/server/applications): a worker proposed for a vacancy, with its lifecycle as
-- data (application.states.ts) and an append-only log of every move. Placements
-- (src/server/placements): the hire an application ends in, with its follow-ups.

-- The network's settings of applications: how many days after sending an application with no
-- answer from the employer expires. One row per network, written by its administrators; a
-- network without a row uses the default of 60 days.
create table application_settings (
  network_id uuid primary key references networks(id) on delete cascade,
  expiry_days integer not null default 60 check (expiry_days between 7 and 365),
  version integer not null default 1 check (version >= 1),
  updated_by uuid references staff_users(id),
  updated_at timestamptz not null default now()
);

-- The office is the one that proposed the worker and works the application; the vacancy may be
-- another office's (vacancies are the network's).
create table applications (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks(id) on delete cascade,
  office_id uuid not null references offices(id),
  vacancy_id uuid not null references vacancies(id) on delete cascade,
  worker_id uuid not null references workers(id) on delete cascade,
  source text not null check (source in ('consultant', 'worker_interest', 'candidate_search')),
  state text not null default 'proposed' check (
    state in ('proposed', 'preselected', 'sent', 'interview', 'offer', 'hired', 'refused', 'declined', 'withdrawn', 'expired')
  ),
  -- The reason of the last closing move (refused, declined, withdrawn), from the lists of application-reasons.ts.
  reason_code text,
  cv_id uuid,
  sent_at timestamptz,
  interview_at timestamptz,
  interview_place text not null default '',
  interview_contact text not null default '',
  -- The employer reminders recorded so far (7 and 14 days after sending): 0, 1 or 2.
  reminders_due smallint not null default 0 check (reminders_due between 0 and 2),
  proposed_by uuid references staff_users(id),
  state_changed_at timestamptz not null default now(),
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- One open application per worker and vacancy, whichever office proposed it.
create unique index applications_open_unique on applications (vacancy_id, worker_id)
  where state in ('proposed', 'preselected', 'sent', 'interview', 'offer');
create index applications_vacancy_idx on applications (vacancy_id, state);
create index applications_worker_idx on applications (worker_id, state);
-- The daily expiry: sent and interview applications by the time they entered the state.
create index applications_waiting_idx on applications (state, state_changed_at) where state in ('sent', 'interview');

-- Every move (kind 'move') and every employer reminder due (kind 'employer_reminder_due'), append-only.
create table application_events (
  id uuid primary key default gen_random_uuid(),
  application_id uuid not null references applications(id) on delete cascade,
  kind text not null check (kind in ('move', 'employer_reminder_due')),
  from_state text,
  to_state text,
  reason_code text,
  note text not null default '',
  actor_id uuid references staff_users(id),
  at timestamptz not null default now(),
  seq bigint generated always as identity
);
create index application_events_application_idx on application_events (application_id, seq);

-- A hire: the application it ends, the contract and its dates. Ended early: the end date and why.
create table placements (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks(id) on delete cascade,
  office_id uuid not null references offices(id),
  application_id uuid not null unique references applications(id) on delete cascade,
  vacancy_id uuid not null references vacancies(id) on delete cascade,
  employer_id uuid not null references employers(id),
  worker_id uuid not null references workers(id) on delete cascade,
  contract_type text not null check (contract_type in ('permanent', 'fixed_term', 'apprenticeship', 'agency')),
  start_date date not null,
  end_date date,
  end_reason text not null default '',
  ended_by uuid references staff_users(id),
  created_by uuid references staff_users(id),
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (end_date is null or end_date >= start_date)
);
create index placements_worker_idx on placements (worker_id);
create index placements_office_idx on placements (office_id, start_date);

-- The follow-ups of a hire at 1, 3 and 6 months from its start, and their answers.
create table placement_follow_ups (
  id uuid primary key default gen_random_uuid(),
  placement_id uuid not null references placements(id) on delete cascade,
  office_id uuid not null references offices(id),
  months smallint not null check (months in (1, 3, 6)),
  due_on date not null,
  consultant_id uuid references staff_users(id),
  still_employed boolean,
  satisfaction smallint check (satisfaction between 1 and 5),
  needs text not null default '',
  answered_at timestamptz,
  answered_by uuid references staff_users(id),
  unique (placement_id, months)
);
create index placement_follow_ups_due_idx on placement_follow_ups (office_id, due_on) where answered_at is null;
