-- Bulk imports of eligible-worker lists (CSV / XLSX as companies and INPS send them).
-- A job keeps the uploaded file until it is applied (then the bytes are dropped: data minimisation,
-- Reg. UE 2016/679 art. 5(1)(c)); its checksum stays, so the same file cannot be applied twice.

create table import_jobs (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks(id),
  -- the office created workers are assigned to (the operator's current office)
  office_id uuid not null references offices(id),
  kind text not null default 'workers' check (kind in ('workers')),
  status text not null check (status in ('uploaded', 'validating', 'validated', 'applying', 'applied', 'failed')),
  file_name text not null,
  file_format text not null check (file_format in ('csv', 'xlsx')),
  file_size integer not null,
  -- SHA-256 of the file's bytes, hex
  checksum text not null,
  file_data bytea,
  -- { "encoding", "delimiter", "headerRow" } as detected
  source jsonb not null default '{}'::jsonb,
  -- [{ "index", "header", "samples": [..] }]
  columns jsonb not null default '[]'::jsonb,
  -- { "<column index>": "<field>" }
  mapping jsonb not null default '{}'::jsonb,
  -- { "createCompanies": bool }
  options jsonb not null default '{}'::jsonb,
  total_rows integer not null default 0,
  processed_rows integer not null default 0,
  -- what the job is doing now, for the progress bar: reading | validating | applying | ''
  phase text not null default '',
  -- { "new", "update", "unchanged", "error", "companiesToCreate" }
  counts jsonb not null default '{}'::jsonb,
  error text,
  created_by uuid references staff_users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  applied_at timestamptz
);
create index import_jobs_network_idx on import_jobs(network_id, created_at desc);
-- A file is applied at most once per network: the database says no to a second apply.
create unique index import_jobs_applied_checksum_key on import_jobs(network_id, kind, checksum) where status = 'applied';

-- One row of the file as the dry run judged it; `data` holds the normalised values the apply writes.
create table import_rows (
  job_id uuid not null references import_jobs(id) on delete cascade,
  row_number integer not null,
  outcome text not null check (outcome in ('new', 'update', 'unchanged', 'error')),
  label text not null default '',
  -- [{ "field", "message" }] in Italian
  errors jsonb not null default '[]'::jsonb,
  data jsonb,
  primary key (job_id, row_number)
);
create index import_rows_outcome_idx on import_rows(job_id, outcome, row_number);
