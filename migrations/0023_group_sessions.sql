-- Group workshops (incontri di gruppo) of the agenda: a session with a topic, facilitators, a room,
-- seats and a waiting list. A session claims its facilitators and its room in agenda_claims, and
-- each booked participant their own time, so a workshop and an individual meeting never collide
-- for the same person or room (see 0020).
create table group_sessions (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks(id) on delete cascade,
  office_id uuid not null references offices(id),
  topic text not null check (topic in ('orientation', 'cv_writing', 'interview_practice', 'training_paths', 'hiring_company', 'other')),
  title text not null check (length(title) between 1 and 160),
  description text not null default '',
  room_id uuid references meeting_rooms(id),
  -- Where, when not in one of the office's rooms (a company's premises, a training centre).
  place text not null default '',
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  seats integer not null check (seats between 1 and 500),
  status text not null default 'scheduled' check (status in ('scheduled', 'cancelled')),
  -- Raised with each change the participants are told of (time, place, cancellation).
  sequence integer not null default 0,
  -- Sessions created together as a series (four Tuesday mornings) share it.
  series_id uuid,
  cancel_reason text,
  created_by uuid references staff_users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_at > starts_at),
  check ((status = 'cancelled') = (cancel_reason is not null))
);
create index group_sessions_office_idx on group_sessions(office_id, starts_at);
create index group_sessions_series_idx on group_sessions(series_id) where series_id is not null;

create table group_session_facilitators (
  session_id uuid not null references group_sessions(id) on delete cascade,
  staff_id uuid not null references staff_users(id),
  primary key (session_id, staff_id)
);

-- A worker's place in a session. 'waiting' rows are served in waiting_order, drawn from one sequence
-- when the worker joins the list (bookings at the same instant keep their order of arrival); a freed
-- seat goes to the first of them.
create sequence group_waiting_order_seq;
create table group_participants (
  session_id uuid not null references group_sessions(id) on delete cascade,
  worker_id uuid not null references workers(id) on delete cascade,
  status text not null check (status in ('invited', 'booked', 'waiting', 'declined', 'cancelled', 'attended', 'absent', 'excused')),
  waiting_since timestamptz,
  waiting_order bigint,
  invited_at timestamptz,
  updated_at timestamptz not null default now(),
  updated_by uuid references staff_users(id),
  primary key (session_id, worker_id),
  check ((status = 'waiting') = (waiting_since is not null)),
  check ((status = 'waiting') = (waiting_order is not null))
);
create index group_participants_worker_idx on group_participants(worker_id);
create index group_participants_waiting_idx on group_participants(session_id, waiting_order) where status = 'waiting';

alter table agenda_claims add column session_id uuid references group_sessions(id) on delete cascade;
create index agenda_claims_session_idx on agenda_claims(session_id) where session_id is not null;

-- What participants were told, one row per (session, worker, kind, sequence): the same rule as the
-- individual meetings' messages (committed 'sending' before the transport; never sent twice).
create table group_session_messages (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks(id) on delete cascade,
  session_id uuid not null references group_sessions(id) on delete cascade,
  worker_id uuid not null references workers(id) on delete cascade,
  kind text not null check (kind in ('invitation', 'booked', 'waiting', 'promoted', 'change', 'cancellation')),
  channel text not null check (channel in ('email', 'sms')),
  sequence integer not null,
  recipient text not null,
  body text not null default '',
  status text not null default 'sending' check (status in ('sending', 'sent', 'failed')),
  error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  unique (session_id, worker_id, kind, channel, sequence)
);
