-- Programmes (services with offices, period, capacity, eligibility rules and funding) and the
-- enrollment of workers in them: an explicit state machine with an append-only transition log,
-- a waiting list ordered by priority, and staff notifications for automatic moves.

create table programmes (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks(id),
  code text not null,
  name text not null,
  description text not null default '',
  starts_on date not null,
  ends_on date,
  capacity integer not null check (capacity > 0),
  funding_source text not null default '',
  -- Eligibility rules as data. Default: the crisis types the Modena service is for (cessation of
  -- activity, concordato preventivo without continuity) and CIGS still running on the day.
  eligible_reasons text[] not null default array['cessazione_attivita', 'concordato_senza_continuita']::text[],
  require_active_cigs boolean not null default true,
  status text not null default 'draft' check (status in ('draft', 'open', 'closed')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_on is null or ends_on >= starts_on)
);
create unique index programmes_code_key on programmes(network_id, code);

create table programme_offices (
  programme_id uuid not null references programmes(id),
  office_id uuid not null references offices(id),
  primary key (programme_id, office_id)
);
create index programme_offices_office_idx on programme_offices(office_id);

-- Place-holding states: registered, assessed, enrolled (see enrollment.states.ts).
create table enrollments (
  id uuid primary key default gen_random_uuid(),
  programme_id uuid not null references programmes(id),
  worker_id uuid not null references workers(id),
  office_id uuid not null references offices(id),
  state text not null check (state in (
    'eligible', 'contacted', 'registered', 'waiting', 'assessed', 'enrolled', 'placed', 'withdrawn', 'cigs_ended'
  )),
  -- The furthest step of the funnel reached (0 eligible … 5 placed): a withdrawal keeps the count.
  reached_rank smallint not null default 0,
  channel text check (channel in ('hotline', 'outreach', 'desk', 'import')),
  -- The company the worker came from when entering the programme (their CIGS case's company):
  -- a snapshot, so the dashboard's per-company funnel needs no join through a million workers.
  company_id uuid references companies(id),
  -- Waiting-list priority: the worker's CIGS end date (soonest first, unknown last), then the
  -- time of the registration request.
  priority_cigs_end date,
  requested_at timestamptz,
  state_changed_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (programme_id, worker_id)
);
create index enrollments_programme_state_idx on enrollments(programme_id, state);
create index enrollments_waiting_idx on enrollments(programme_id, priority_cigs_end nulls last, requested_at, id)
  where state = 'waiting';
create index enrollments_worker_idx on enrollments(worker_id);
create index enrollments_office_idx on enrollments(office_id, programme_id);
create index enrollments_company_idx on enrollments(programme_id, company_id);

-- Who moved an enrollment, when, from where to where and why. actor_id null = the system.
create table enrollment_transitions (
  id bigint generated always as identity primary key,
  enrollment_id uuid not null references enrollments(id),
  programme_id uuid not null references programmes(id),
  office_id uuid not null references offices(id),
  from_state text,
  to_state text not null,
  at timestamptz not null default now(),
  actor_id uuid references staff_users(id),
  reason text not null default '',
  channel text
);
create index enrollment_transitions_enrollment_idx on enrollment_transitions(enrollment_id, at, id);

create function enrollment_transitions_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'enrollment_transitions is append-only' using errcode = 'P0001';
end;
$$;
create trigger enrollment_transitions_no_update before update or delete on enrollment_transitions
  for each statement execute function enrollment_transitions_is_append_only();

-- Notices to staff (e.g. a freed place given to the first in line). Addressed to a role in an
-- office, or to one user.
create table staff_notifications (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null references offices(id),
  programme_id uuid references programmes(id),
  recipient_role text check (recipient_role in ('admin', 'coordinator', 'consultant', 'frontoffice', 'matcher')),
  recipient_user_id uuid references staff_users(id),
  kind text not null,
  payload jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  read_at timestamptz,
  check (recipient_role is not null or recipient_user_id is not null)
);
create index staff_notifications_office_idx on staff_notifications(office_id, created_at desc);
create index staff_notifications_programme_idx on staff_notifications(programme_id, created_at desc);
