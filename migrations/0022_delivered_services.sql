-- Delivered services (servizi erogati): every service a worker received, with the minutes it took,
-- who delivered it, in which office and for which programme — the basis of the reports to the fund
-- that pays for the programme (src/server/services). An attended meeting of the agenda writes its
-- record in the same transaction that records the attendance; services given outside the agenda are
-- entered by hand. A record made from a meeting names it (source), so marking the meeting absent
-- afterwards removes it, and recording the attendance twice never counts it twice.
create table service_records (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks(id) on delete cascade,
  office_id uuid not null references offices(id),
  worker_id uuid not null references workers(id) on delete cascade,
  programme_id uuid references programmes(id),
  staff_id uuid references staff_users(id),
  service_code text not null check (service_code in
    ('first_interview', 'orientation', 'cv_support', 'interview_coaching', 'contract_assistance', 'follow_up',
     'group_workshop', 'training')),
  delivery text not null check (delivery in ('individual', 'group')),
  delivered_on date not null,
  minutes integer not null check (minutes between 1 and 600),
  source_type text not null check (source_type in ('appointment', 'group_session', 'manual')),
  source_id uuid,
  note text not null default '',
  created_by uuid references staff_users(id),
  created_at timestamptz not null default now(),
  check ((source_type = 'manual') = (source_id is null))
);
create unique index service_records_source_key on service_records(source_type, source_id, worker_id) where source_id is not null;
create index service_records_worker_idx on service_records(worker_id, delivered_on);
create index service_records_programme_idx on service_records(programme_id, delivered_on);
create index service_records_office_idx on service_records(office_id, delivered_on);
