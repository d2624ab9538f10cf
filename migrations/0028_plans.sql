-- The personal action plan (patto di servizio personalizzato, D.Lgs. 150/2015 art. 20): what the
-- worker and the job centre agree to do, signed, reviewed at set intervals and closed with an
-- outcome (src/server/plans). Art. 20 c. 2-3 name what it carries: the consultant of reference,
-- the profiling class, the actions with their timing, how often worker and consultant meet, how
-- the worker shows the active search, and the worker's willingness to take part in the actions and
-- to accept a congruous job offer (art. 25). One open plan per worker and programme; signing it is
-- what moves the enrolment to "enrolled" (programmes' enrollOnPlanSigned, same transaction).
create table plans (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks(id) on delete cascade,
  office_id uuid not null references offices(id),
  worker_id uuid not null references workers(id) on delete cascade,
  programme_id uuid not null references programmes(id),
  consultant_id uuid not null references staff_users(id),
  state text not null default 'draft' check (state in ('draft', 'signed', 'under_review', 'closed')),
  profiling_class text not null default '',
  contact_interval_days integer not null default 30 check (contact_interval_days between 7 and 180),
  review_interval_days integer not null default 90 check (review_interval_days between 14 and 365),
  next_review_on date,
  search_evidence text not null default '',
  willing_activities boolean not null default false,
  willing_training boolean not null default false,
  accepts_congruous_offers boolean not null default false,
  notes text not null default '',
  signed_on date,
  signed_how text check (signed_how in ('paper', 'in_person', 'otp')),
  closed_on date,
  outcome_summary text not null default '',
  version integer not null default 1,
  created_by uuid references staff_users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((signed_on is null) = (signed_how is null)),
  check (state = 'draft' or signed_on is not null),
  check ((state = 'closed') = (closed_on is not null))
);
create unique index plans_one_open_key on plans(worker_id, programme_id) where state <> 'closed';
create index plans_worker_idx on plans(worker_id, created_at);
create index plans_consultant_idx on plans(consultant_id, state);
create index plans_review_idx on plans(office_id, next_review_on) where state in ('signed', 'under_review');

create table plan_themes (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks(id) on delete cascade,
  office_id uuid not null references offices(id),
  plan_id uuid not null references plans(id) on delete cascade,
  title text not null check (length(title) between 1 and 200),
  position integer not null,
  unique (plan_id, title)
);

create table plan_objectives (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks(id) on delete cascade,
  office_id uuid not null references offices(id),
  plan_id uuid not null references plans(id) on delete cascade,
  theme_id uuid not null references plan_themes(id) on delete cascade,
  title text not null check (length(title) between 1 and 300),
  position integer not null,
  unique (theme_id, title)
);

create table plan_actions (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks(id) on delete cascade,
  office_id uuid not null references offices(id),
  plan_id uuid not null references plans(id) on delete cascade,
  objective_id uuid not null references plan_objectives(id) on delete cascade,
  owner text not null check (owner in ('worker', 'consultant')),
  description text not null check (length(description) between 1 and 500),
  due_on date not null,
  status text not null default 'todo' check (status in ('todo', 'in_progress', 'done', 'cancelled')),
  done_on date,
  position integer not null,
  created_by uuid references staff_users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((status = 'done') = (done_on is not null))
);
create index plan_actions_plan_idx on plan_actions(plan_id, position);
create index plan_actions_due_idx on plan_actions(office_id, due_on) where status in ('todo', 'in_progress');

create table plan_reviews (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks(id) on delete cascade,
  office_id uuid not null references offices(id),
  plan_id uuid not null references plans(id) on delete cascade,
  reviewed_on date not null,
  reviewer_id uuid references staff_users(id),
  note text not null check (length(note) between 1 and 4000),
  created_at timestamptz not null default now()
);
create index plan_reviews_plan_idx on plan_reviews(plan_id, reviewed_on);

-- Append-only: the whole plan as it was after each change, who made it, when and what changed.
create table plan_versions (
  id bigint generated always as identity primary key,
  network_id uuid not null references networks(id) on delete cascade,
  office_id uuid not null references offices(id),
  plan_id uuid not null references plans(id) on delete cascade,
  version integer not null,
  snapshot jsonb not null,
  change text not null,
  actor_id uuid references staff_users(id),
  at timestamptz not null default now(),
  unique (plan_id, version)
);

-- Append-only log of the plan's lifecycle (plan.states.ts).
create table plan_transitions (
  id bigint generated always as identity primary key,
  network_id uuid not null references networks(id) on delete cascade,
  office_id uuid not null references offices(id),
  plan_id uuid not null references plans(id) on delete cascade,
  from_state text,
  to_state text not null,
  actor_id uuid references staff_users(id),
  reason text not null default '',
  at timestamptz not null default now()
);
create index plan_transitions_plan_idx on plan_transitions(plan_id, at, id);

-- Only UPDATE is refused: a worker's removal (an import undone) cascades to the plan's log.
create function plan_logs_are_append_only() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only', tg_table_name using errcode = 'P0001';
end;
$$;
create trigger plan_versions_no_update before update on plan_versions
  for each statement execute function plan_logs_are_append_only();
create trigger plan_transitions_no_update before update on plan_transitions
  for each statement execute function plan_logs_are_append_only();
