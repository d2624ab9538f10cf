-- Training paths (percorsi formativi, src/server/training): the training providers (enti di
-- formazione) of a network, their courses with the ESCO skills each teaches, the workers enrolled
-- in them (a seat, or the waiting list when the course is full) and the append-only log of every
-- move of an enrolment (who, when, from, to, why).
--
-- Seats hold under concurrency through the course row: every enrolment, withdrawal and promotion
-- takes `select … for update` on its course before counting the seats used, as the programmes do
-- with their capacity.
create table training_providers (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks(id) on delete cascade,
  name text not null check (length(name) between 1 and 200),
  -- Codice fiscale of the body or its partita IVA (11 digits): both identify an ente.
  tax_code text not null check (tax_code ~ '^([0-9]{11}|[A-Z0-9]{16})$'),
  accreditation_note text not null default '' check (length(accreditation_note) <= 1000),
  email text not null default '',
  phone text not null default '',
  website text not null default '',
  address text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index training_providers_tax_code_key on training_providers(network_id, tax_code);

create table training_courses (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks(id) on delete cascade,
  provider_id uuid not null references training_providers(id),
  title text not null check (length(title) between 1 and 200),
  description text not null default '' check (length(description) <= 5000),
  hours integer not null check (hours between 1 and 2000),
  start_date date not null,
  end_date date not null,
  schedule text not null default '' check (length(schedule) <= 1000),
  -- in_person: at an office of the network or in a comune; online: no place.
  delivery text not null check (delivery in ('in_person', 'online', 'blended')),
  office_id uuid references offices(id),
  comune_code text,
  place text not null default '',
  seats integer not null check (seats between 1 and 1000),
  cost_cents integer not null default 0 check (cost_cents >= 0),
  funding text not null check (funding in ('gol', 'fse_plus', 'fondo_nuove_competenze', 'fondi_interprofessionali', 'a_pagamento', 'altro')),
  enrolment_deadline date,
  certificate text not null default '' check (length(certificate) <= 200),
  status text not null default 'draft' check (status in ('draft', 'open', 'closed', 'cancelled')),
  created_by uuid references staff_users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (end_date >= start_date),
  check (enrolment_deadline is null or enrolment_deadline <= end_date),
  check (delivery = 'online' or office_id is not null or comune_code is not null or place <> '')
);
create index training_courses_network_idx on training_courses(network_id, start_date);

create table training_course_skills (
  course_id uuid not null references training_courses(id) on delete cascade,
  network_id uuid not null references networks(id) on delete cascade,
  skill_uri text not null,
  -- The label when the course was written (the catalogue shows it without a taxonomy lookup).
  label text not null default '',
  primary key (course_id, skill_uri)
);
create index training_course_skills_uri_idx on training_course_skills(network_id, skill_uri);

create table training_enrolments (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks(id) on delete cascade,
  -- The worker's office: who may see and change the enrolment.
  office_id uuid not null references offices(id),
  course_id uuid not null references training_courses(id) on delete cascade,
  worker_id uuid not null references workers(id) on delete cascade,
  state text not null check (state in ('enrolled', 'waiting', 'withdrawn', 'completed', 'dropped')),
  -- The waiting list's order: first asked, first served.
  requested_at timestamptz not null default now(),
  hours_attended numeric(6, 1) not null default 0 check (hours_attended >= 0),
  completed_on date,
  certificate_obtained boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((state = 'completed') = (completed_on is not null))
);
create unique index training_enrolments_worker_key on training_enrolments(course_id, worker_id);
create index training_enrolments_course_state_idx on training_enrolments(course_id, state, requested_at);
create index training_enrolments_worker_idx on training_enrolments(worker_id);

create table training_enrolment_moves (
  id bigint generated always as identity primary key,
  network_id uuid not null references networks(id) on delete cascade,
  office_id uuid not null references offices(id),
  enrolment_id uuid not null references training_enrolments(id) on delete cascade,
  course_id uuid not null references training_courses(id) on delete cascade,
  from_state text,
  to_state text not null,
  -- null: a move the system made (a freed seat given to the first waiting).
  actor_id uuid references staff_users(id),
  reason text not null default '',
  at timestamptz not null default now()
);
create index training_enrolment_moves_enrolment_idx on training_enrolment_moves(enrolment_id, id);

