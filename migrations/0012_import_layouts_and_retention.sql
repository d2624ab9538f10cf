-- Imports (issue: the worker import). Three things the import needs to keep, and one it must stop keeping.

-- 1. The mapping chosen for a file layout (its set of headers), per network: the next list sent
--    in the same layout (the same company's or INPS's export) opens with that mapping.
create table import_layouts (
  network_id uuid not null references networks(id),
  -- SHA-256 of the normalised headers in column order, hex
  layout_key text not null,
  headers jsonb not null default '[]'::jsonb,
  -- { "<column index>": "<field>" }
  mapping jsonb not null default '{}'::jsonb,
  updated_by uuid references staff_users(id),
  updated_at timestamptz not null default now(),
  primary key (network_id, layout_key)
);

-- 2. How long an import keeps the personal data of its rows and its file, per network
--    (data minimisation, Reg. UE 2016/679 art. 5(1)(c) and (e)). Without a row: 30 days.
create table import_settings (
  network_id uuid primary key references networks(id),
  retention_days integer not null default 30 check (retention_days between 1 and 3650),
  updated_by uuid references staff_users(id),
  updated_at timestamptz not null default now()
);

-- 3. What stays of a row after the purge: its number, outcome, error codes and the worker it
--    created or updated. `data`, `label` and the error messages (which quote the file) go.
alter table import_rows add column worker_id uuid references workers(id);
alter table import_rows add column error_codes text[] not null default '{}';
-- File-wide problems summarised once ("4 aziende non registrate: …"), and when the job's
-- personal data was purged.
alter table import_jobs add column notices jsonb not null default '[]'::jsonb;
alter table import_jobs add column purged_at timestamptz;
create index import_jobs_purge_idx on import_jobs(network_id, created_at) where purged_at is null;
