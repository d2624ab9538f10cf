-- Employers (src/server/employers): the companies that hire, known to the whole network, followed by
-- one office. A company can be both a crisis company (companies, with its CIGS cases) and an
-- employer: company_id links the two when they share a codice fiscale. The codice fiscale of a
-- company is its 11-digit partita IVA, or the 16 characters of a sole trader's own.
create table employers (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks(id) on delete cascade,
  office_id uuid not null references offices(id),
  company_id uuid unique references companies(id),
  name text not null check (length(name) between 1 and 200),
  tax_code text check (tax_code ~ '^([0-9]{11}|[A-Z0-9]{16})$'),
  vat_number text check (vat_number ~ '^[0-9]{11}$'),
  ateco_code text,
  website text not null default '',
  email text not null default '',
  pec text not null default '',
  phone text not null default '',
  -- The employer agreed to be contacted by the network about candidates: when, how, recorded by whom.
  contact_consent_at timestamptz,
  contact_consent_channel text check (contact_consent_channel in ('email', 'phone', 'in_person', 'letter')),
  contact_consent_by uuid references staff_users(id),
  notes text not null default '',
  version integer not null default 1 check (version >= 1),
  created_by uuid references staff_users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index employers_network_tax_code_key on employers(network_id, tax_code) where tax_code is not null;
create index employers_network_name_idx on employers(network_id, lower(name));
create index employers_office_idx on employers(office_id);

-- Where the employer works: the registered office and the sites that hire, each in a comune (ISTAT code).
create table employer_sites (
  id uuid primary key default gen_random_uuid(),
  employer_id uuid not null references employers(id) on delete cascade,
  name text not null default '',
  address text not null default '',
  postal_code text not null default '',
  comune_code text not null,
  head_office boolean not null default false,
  created_at timestamptz not null default now()
);
create index employer_sites_employer_idx on employer_sites(employer_id);
create unique index employer_sites_one_head_office on employer_sites(employer_id) where head_office;

-- The people the network talks to at the employer, with their role.
create table employer_contacts (
  id uuid primary key default gen_random_uuid(),
  employer_id uuid not null references employers(id) on delete cascade,
  full_name text not null check (length(full_name) between 1 and 200),
  role text not null check (role in ('hr', 'owner', 'manager', 'recruiter', 'administration', 'other')),
  job_title text not null default '',
  phone text not null default '',
  email text not null default '',
  -- Candidates and reminders go to the contacts marked for them.
  receives_candidates boolean not null default false,
  created_at timestamptz not null default now()
);
create index employer_contacts_employer_idx on employer_contacts(employer_id);
