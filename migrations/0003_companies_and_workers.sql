-- Companies in crisis and their CIGS episodes, and the workers the programmes serve.
-- Every row of personal data carries the office in charge of it (and its network): the key for
-- authorisation today and for sharding (Citus) at regional or national scale.

create table companies (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks(id),
  name text not null,
  -- codice fiscale of the company: 11 digits (as the partita IVA) or 16 characters (sole traders)
  tax_code text,
  vat_number text,
  ateco_code text,
  address text not null default '',
  postal_code text not null default '',
  -- ISTAT code of the comune
  comune_code text,
  phone text not null default '',
  email text not null default '',
  pec text not null default '',
  -- [{ "name", "role": "union" | "hr" | "owner" | "administrator" | "other", "organisation", "phone", "email" }]
  contacts jsonb not null default '[]'::jsonb,
  notes text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index companies_tax_code_key on companies(network_id, tax_code) where tax_code is not null;
create index companies_network_name_idx on companies(network_id, lower(name));

-- One CIGS episode of a company (D.Lgs. 148/2015 artt. 19-25; cessazione: D.L. 109/2018 art. 44).
create table cigs_cases (
  id uuid primary key default gen_random_uuid(),
  company_id uuid not null references companies(id),
  reason text not null check (reason in (
    'cessazione_attivita',          -- cessation of activity
    'concordato_senza_continuita',  -- composition with creditors without business continuity
    'liquidazione_giudiziale',      -- judicial liquidation (insolvency)
    'crisi_aziendale',              -- company crisis
    'riorganizzazione',             -- reorganisation
    'contratto_solidarieta'         -- solidarity contract
  )),
  authorisation_ref text not null default '',
  start_date date not null,
  end_date date not null,
  workers_involved integer check (workers_involved >= 0),
  notes text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (end_date >= start_date)
);
create index cigs_cases_company_idx on cigs_cases(company_id);

create table workers (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks(id),
  office_id uuid not null references offices(id),
  codice_fiscale text,
  first_name text not null default '',
  last_name text not null default '',
  -- "last first", lower case, accents stripped (normalised in TypeScript): the search key
  search_name text not null default '',
  birth_date date,
  sex text check (sex in ('M', 'F')),
  -- cadastral code of the birth comune or foreign state (as in the codice fiscale)
  birth_place_code text,
  -- ISO 3166-1 alpha-2
  citizenship text,
  -- ISTAT code of the comune of residence
  residence_comune_code text,
  address text not null default '',
  -- E.164
  phone text,
  email text,
  cigs_case_id uuid references cigs_cases(id),
  -- the worker's own CIGS end (usually the case's end date; can differ per worker)
  cigs_end_date date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index workers_codice_fiscale_key on workers(network_id, codice_fiscale) where codice_fiscale is not null;
create index workers_office_name_idx on workers(office_id, last_name, first_name, id);
create index workers_network_name_idx on workers(network_id, last_name, first_name, id);
create index workers_search_trgm_idx on workers using gin (search_name gin_trgm_ops);
create index workers_phone_idx on workers(network_id, phone) where phone is not null;
create index workers_cigs_end_idx on workers(network_id, cigs_end_date);
create index workers_case_idx on workers(cigs_case_id);

-- Privacy consents (Reg. UE 2016/679 art. 7: the controller must be able to show consent was
-- given): what, when, how, and who recorded it — for a phone call, the operator.
create table worker_consents (
  id bigint generated always as identity primary key,
  worker_id uuid not null references workers(id),
  office_id uuid not null references offices(id),
  purpose text not null check (purpose in ('programme', 'contact_sms', 'contact_email', 'share_with_employers')),
  granted boolean not null,
  channel text not null check (channel in ('phone', 'paper', 'online', 'in_person')),
  recorded_by uuid references staff_users(id),
  recorded_at timestamptz not null default now(),
  note text not null default ''
);
create index worker_consents_worker_idx on worker_consents(worker_id, purpose, recorded_at desc);

create table worker_notes (
  id uuid primary key default gen_random_uuid(),
  worker_id uuid not null references workers(id),
  office_id uuid not null references offices(id),
  author_id uuid not null references staff_users(id),
  body text not null check (length(body) between 1 and 5000),
  created_at timestamptz not null default now()
);
create index worker_notes_worker_idx on worker_notes(worker_id, created_at desc);

-- The worker's timeline: everything that happened to them, from every domain, newest first.
create table worker_events (
  id bigint generated always as identity primary key,
  worker_id uuid not null references workers(id),
  office_id uuid not null references offices(id),
  at timestamptz not null default now(),
  kind text not null,
  actor_id uuid references staff_users(id),
  details jsonb not null default '{}'::jsonb
);
create index worker_events_worker_idx on worker_events(worker_id, at desc, id desc);
