-- The durable job queue (src/server/jobs): every background task — appointment reminders,
-- notification sending, waiting-list notices, the periodic outreach reminders and import purge —
-- is a row here, enqueued in the same transaction as the change that causes it.
--
-- A job is claimed by one runner at a time with a lease (locked_by, locked_until): a runner that
-- dies (killed process, lost instance) leaves its jobs 'running' with a lease that expires, and
-- another runner takes them again. A job is 'done' only in the transaction that records its
-- effect, and only if the lease is still the completer's, so a job taken over after its lease
-- expired never has its effect committed twice.
create table jobs (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$'),
  -- The idempotency key: enqueueing the same key twice keeps the first job
  -- ('reminder:<appointment id>:<sequence>', 'periodic:outreach.reminders:<slot>').
  dedupe_key text not null unique,
  payload jsonb not null default '{}'::jsonb,
  -- What the job is about, and the version of it the job was made for: a handler re-checks the
  -- version (a moved meeting has a higher sequence), and cancelling the subject cancels its jobs.
  subject_id text,
  subject_version integer,
  -- The network whose staff see the job when it fails; null for the system's own periodic jobs.
  network_id uuid references networks(id) on delete cascade,
  state text not null default 'queued' check (state in ('queued', 'running', 'done', 'failed', 'cancelled')),
  run_at timestamptz not null,
  attempts integer not null default 0 check (attempts >= 0),
  max_attempts integer not null default 8 check (max_attempts between 1 and 100),
  locked_by text,
  locked_until timestamptz,
  last_error text,
  created_at timestamptz not null default now(),
  finished_at timestamptz,
  check ((state = 'running') = (locked_by is not null and locked_until is not null))
);
-- The claim reads the due queued jobs in run_at order, and the running ones whose lease expired.
create index jobs_due_idx on jobs(run_at) where state = 'queued';
create index jobs_lease_idx on jobs(locked_until) where state = 'running';
create index jobs_subject_idx on jobs(subject_id) where state in ('queued', 'running');
create index jobs_failed_idx on jobs(network_id, finished_at desc) where state = 'failed';
create index jobs_finished_idx on jobs(finished_at) where state in ('done', 'cancelled');
