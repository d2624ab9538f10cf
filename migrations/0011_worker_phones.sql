-- Phone numbers a worker gives that differ from the one on record (a hotline caller ringing from
-- a new number). Kept beside the record, with the date and who took it, rather than overwriting
-- workers.phone on a caller's say-so: the office can call either, and sees which is newest.
create table worker_phones (
  id uuid primary key default gen_random_uuid(),
  worker_id uuid not null references workers(id),
  office_id uuid not null references offices(id),
  -- E.164
  phone text not null,
  source text not null check (source in ('hotline', 'desk', 'import')),
  recorded_by uuid references staff_users(id),
  recorded_at timestamptz not null default now(),
  unique (worker_id, phone)
);
create index worker_phones_phone_idx on worker_phones(phone);
