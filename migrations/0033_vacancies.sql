-- Vacancies (src/server/vacancies): an employer's opening, owned by one office and visible to
-- every office of the network. The comune is the place of work: the site's comune unless the
-- vacancy names another (an agency's opening at a client's site), copied here so the search by
-- comune stays on this table.
create table vacancies (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks(id) on delete cascade,
  office_id uuid not null references offices(id),
  employer_id uuid not null references employers(id),
  site_id uuid not null references employer_sites(id),
  comune_code text not null,
  esco_occupation_uri text,
  cp2011_code text,
  title text not null check (length(title) between 1 and 200),
  description text not null default '',
  eqf_level smallint check (eqf_level between 1 and 8),
  education_code text,
  -- [{"code": "en", "cefr": "B1"}]
  languages jsonb not null default '[]'::jsonb,
  driving_licences text[] not null default '{}',
  contract_type text not null check (contract_type in ('permanent', 'fixed_term', 'apprenticeship', 'agency')),
  duration_months smallint check (duration_months between 1 and 60),
  working_time text not null check (working_time in ('full_time', 'part_time')),
  weekly_hours numeric(4, 1) check (weekly_hours > 0 and weekly_hours <= 48),
  ccnl_code text,
  ccnl_level text not null default '',
  -- Gross monthly pay in euro cents.
  pay_min_cents integer check (pay_min_cents >= 0),
  pay_max_cents integer check (pay_max_cents >= 0),
  positions integer not null check (positions between 1 and 1000),
  positions_filled integer not null default 0 check (positions_filled >= 0),
  start_date date,
  deadline date not null,
  state text not null default 'draft' check (state in ('draft', 'published', 'filled', 'closed', 'expired')),
  version integer not null default 1 check (version >= 1),
  created_by uuid references staff_users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (esco_occupation_uri is not null or cp2011_code is not null),
  check (pay_min_cents is null or pay_max_cents is null or pay_min_cents <= pay_max_cents),
  check (contract_type <> 'fixed_term' or duration_months is not null),
  check (working_time <> 'part_time' or weekly_hours is not null),
  check (positions_filled <= positions)
);
-- The search's orders and filters: by state and deadline within a network (the list's stable
-- order is deadline, then id), by office, comune, employer and occupation; the title's words by trigram.
create index vacancies_network_state_deadline_idx on vacancies (network_id, state, deadline, id);
create index vacancies_network_deadline_idx on vacancies (network_id, deadline, id);
create index vacancies_office_state_idx on vacancies (office_id, state, deadline);
create index vacancies_comune_idx on vacancies (network_id, comune_code, deadline);
create index vacancies_employer_idx on vacancies (employer_id);
create index vacancies_occupation_idx on vacancies (network_id, esco_occupation_uri) where esco_occupation_uri is not null;
create index vacancies_title_trgm_idx on vacancies using gin (lower(title) gin_trgm_ops);

-- The ESCO skills a vacancy asks for: essential (required) or optional (nice to have).
create table vacancy_skills (
  vacancy_id uuid not null references vacancies(id) on delete cascade,
  skill_uri text not null,
  relevance text not null check (relevance in ('essential', 'optional')),
  primary key (vacancy_id, skill_uri)
);

-- Every move of a vacancy's lifecycle, append-only: from, to, why, who (null: the daily expiry), when.
create table vacancy_transitions (
  id uuid primary key default gen_random_uuid(),
  vacancy_id uuid not null references vacancies(id) on delete cascade,
  from_state text,
  to_state text not null,
  reason text not null default '',
  actor_id uuid references staff_users(id),
  at timestamptz not null default now(),
  -- The order of moves made in the same instant (one transaction, or a clock that did not move).
  seq bigint generated always as identity
);
create index vacancy_transitions_vacancy_idx on vacancy_transitions (vacancy_id, seq);
