-- The agenda (src/server/appointments): consultants' weekly availability and exceptions, meeting
-- rooms, appointment types, individual appointments with their log, the messages sent about them,
-- and the per-consultant calendar feeds.
--
-- One rule keeps every agenda free of collisions: a consultant, a worker or a room holds at most
-- one claim on any instant. Each appointment that takes time writes one claim per resource it
-- takes (its consultant, its worker, its room when in person) into agenda_claims, whose exclusion
-- constraint the database enforces under any concurrency. Group workshops claim their facilitators,
-- room and booked participants in the same table, so an individual meeting and a workshop can
-- never overlap for the same person or room either.
create extension if not exists btree_gist;

-- Types of individual meeting: national defaults (network_id null) and a network's own.
-- service_code names the delivered service an attended meeting becomes (funder reporting).
create table appointment_types (
  id uuid primary key default gen_random_uuid(),
  network_id uuid references networks(id) on delete cascade,
  code text not null check (code ~ '^[a-z][a-z0-9_]{1,40}$'),
  name_it text not null check (length(name_it) between 1 and 120),
  name_en text not null check (length(name_en) between 1 and 120),
  duration_minutes integer not null check (duration_minutes between 10 and 480 and duration_minutes % 5 = 0),
  service_code text not null check (service_code in
    ('first_interview', 'orientation', 'cv_support', 'interview_coaching', 'contract_assistance', 'follow_up')),
  -- Hours before the meeting the reminder goes out (0: no reminder).
  reminder_hours integer not null default 48 check (reminder_hours between 0 and 336),
  modes text[] not null default '{in_person,phone,video}',
  position integer not null default 0,
  active boolean not null default true
);
create unique index appointment_types_code_key on appointment_types(coalesce(network_id::text, ''), code);

insert into appointment_types (code, name_it, name_en, duration_minutes, service_code, position) values
  ('first_interview', 'Primo colloquio', 'First interview', 60, 'first_interview', 1),
  ('orientation', 'Colloquio di orientamento', 'Career guidance meeting', 45, 'orientation', 2),
  ('cv_review', 'Revisione del curriculum', 'CV review', 45, 'cv_support', 3),
  ('interview_coaching', 'Preparazione al colloquio di lavoro', 'Job interview coaching', 60, 'interview_coaching', 4),
  ('contract_assistance', 'Assistenza alla definizione del contratto', 'Help with a job offer and its contract', 60, 'contract_assistance', 5),
  ('follow_up', 'Colloquio di verifica dopo l''assunzione', 'Follow-up after a hire', 30, 'follow_up', 6);

create table meeting_rooms (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks(id) on delete cascade,
  office_id uuid not null references offices(id) on delete cascade,
  name text not null check (length(name) between 1 and 80),
  capacity integer not null check (capacity between 1 and 500),
  -- 'projector', 'pc', 'videoconference', 'accessible' … as the office names them
  equipment text[] not null default '{}',
  active boolean not null default true,
  created_at timestamptz not null default now()
);
create unique index meeting_rooms_name_key on meeting_rooms(office_id, lower(name));

-- A consultant's weekly availability in one office: Europe/Rome wall-clock 'HH:MM', from
-- inclusive, to exclusive, on an ISO weekday, between two dates (valid_to null: open-ended).
create table consultant_availability (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks(id) on delete cascade,
  office_id uuid not null references offices(id) on delete cascade,
  consultant_id uuid not null references staff_users(id) on delete cascade,
  weekday smallint not null check (weekday between 1 and 7),
  from_time text not null check (from_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  to_time text not null check (to_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  valid_from date not null,
  valid_to date,
  created_at timestamptz not null default now(),
  check (to_time > from_time),
  check (valid_to is null or valid_to >= valid_from)
);
create index consultant_availability_office_idx on consultant_availability(office_id, consultant_id);
create index consultant_availability_consultant_idx on consultant_availability(consultant_id);

-- Leave, training days, sickness: a whole day (both times null) or a range of it.
create table availability_exceptions (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks(id) on delete cascade,
  consultant_id uuid not null references staff_users(id) on delete cascade,
  date date not null,
  from_time text check (from_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  to_time text check (to_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  reason text not null check (reason in ('leave', 'training', 'sickness', 'other')),
  note text not null default '',
  created_by uuid references staff_users(id),
  created_at timestamptz not null default now(),
  check ((from_time is null) = (to_time is null)),
  check (to_time is null or to_time > from_time)
);
create index availability_exceptions_consultant_idx on availability_exceptions(consultant_id, date);

-- An individual meeting. Moving it keeps its row (and its iCalendar UID) and raises `sequence`;
-- cancelling keeps it for the record. Its time is claimed in agenda_claims while it holds time.
create table appointments (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks(id) on delete cascade,
  office_id uuid not null references offices(id),
  type_id uuid not null references appointment_types(id),
  worker_id uuid not null references workers(id) on delete cascade,
  consultant_id uuid not null references staff_users(id),
  room_id uuid references meeting_rooms(id),
  mode text not null check (mode in ('in_person', 'phone', 'video')),
  video_link text check (video_link is null or video_link ~ '^https://'),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  status text not null default 'booked' check (status in ('booked', 'confirmed', 'cancelled', 'attended', 'absent', 'excused')),
  -- The iCalendar SEQUENCE: 0 when booked, +1 at every change of time, place or status a worker is told of.
  sequence integer not null default 0 check (sequence >= 0),
  booked_via text not null check (booked_via in ('agenda', 'worker_page', 'hotline', 'callback', 'worker_link')),
  booked_by uuid references staff_users(id),
  -- The hotline call or the callback the meeting was booked from, when it was.
  source_id uuid,
  note text not null default '',
  cancel_reason text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_at > starts_at),
  check ((mode = 'in_person') or room_id is null),
  check ((status = 'cancelled') = (cancel_reason is not null))
);
create index appointments_consultant_idx on appointments(consultant_id, starts_at);
create index appointments_worker_idx on appointments(worker_id, starts_at);
create index appointments_office_idx on appointments(office_id, starts_at);

-- Every change of an appointment: who, when, what it was and what it became, and why.
create table appointment_events (
  id bigint generated always as identity primary key,
  appointment_id uuid not null references appointments(id) on delete cascade,
  at timestamptz not null default now(),
  actor_id uuid references staff_users(id),
  -- 'booked', 'moved', 'cancelled', 'confirmed', 'attended', 'absent', 'excused', 'reschedule_requested'
  kind text not null check (kind ~ '^[a-z_]{3,40}$'),
  -- The worker acting through their link, when no staff member did.
  by_worker boolean not null default false,
  before jsonb,
  after jsonb,
  reason text
);
create index appointment_events_appointment_idx on appointment_events(appointment_id, at);

-- Time held by a consultant, a worker or a room. The exclusion constraint is the agenda's last
-- word on collisions: two claims of one resource never overlap, whatever the concurrency.
create table agenda_claims (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks(id) on delete cascade,
  resource_type text not null check (resource_type in ('consultant', 'worker', 'room')),
  resource_id uuid not null,
  during tstzrange not null check (not isempty(during)),
  appointment_id uuid references appointments(id) on delete cascade,
  constraint agenda_claims_no_overlap exclude using gist (resource_type with =, resource_id with =, during with &&)
);
create index agenda_claims_appointment_idx on agenda_claims(appointment_id);

-- Message texts per kind and channel: the defaults (network_id null) and a network's own.
-- SMS texts are kept to one segment of 160 characters with an ordinary address and link (the
-- template editor shows the count). Placeholders, written as the campaigns' are: {{nome}}, {{cognome}}, {{tipo}}, {{data}}, {{ora}}, {{luogo}},
-- {{modalita}}, {{operatore}}, {{link}}, {{sede}}.
create table appointment_templates (
  id uuid primary key default gen_random_uuid(),
  network_id uuid references networks(id) on delete cascade,
  kind text not null check (kind in ('confirmation', 'change', 'cancellation', 'reminder')),
  channel text not null check (channel in ('email', 'sms')),
  subject text not null default '',
  body text not null check (length(body) between 1 and 4000),
  updated_by uuid references staff_users(id),
  updated_at timestamptz not null default now()
);
create unique index appointment_templates_key on appointment_templates(coalesce(network_id::text, ''), kind, channel);

insert into appointment_templates (kind, channel, subject, body) values
  ('confirmation', 'email', 'Appuntamento confermato: {{tipo}} del {{data}}',
   'Gentile {{nome}} {{cognome}},' || chr(10) || chr(10) ||
   'le confermiamo l''appuntamento "{{tipo}}" di {{data}} alle ore {{ora}} ({{modalita}}) con {{operatore}}.' || chr(10) ||
   'Luogo: {{luogo}}' || chr(10) || chr(10) ||
   'Per confermare, disdire o chiedere un altro orario: {{link}}' || chr(10) || chr(10) ||
   '{{sede}}'),
  ('change', 'email', 'Appuntamento modificato: {{tipo}} del {{data}}',
   'Gentile {{nome}} {{cognome}},' || chr(10) || chr(10) ||
   'il suo appuntamento "{{tipo}}" è stato spostato a {{data}} alle ore {{ora}} ({{modalita}}) con {{operatore}}.' || chr(10) ||
   'Luogo: {{luogo}}' || chr(10) || chr(10) ||
   'Per confermare, disdire o chiedere un altro orario: {{link}}' || chr(10) || chr(10) ||
   '{{sede}}'),
  ('cancellation', 'email', 'Appuntamento annullato: {{tipo}} del {{data}}',
   'Gentile {{nome}} {{cognome}},' || chr(10) || chr(10) ||
   'l''appuntamento "{{tipo}}" di {{data}} alle ore {{ora}} è stato annullato.' || chr(10) ||
   'Per fissarne un altro ci chiami o risponda a questo messaggio.' || chr(10) || chr(10) ||
   '{{sede}}'),
  ('reminder', 'email', 'Promemoria: {{tipo}} del {{data}} alle {{ora}}',
   'Gentile {{nome}} {{cognome}},' || chr(10) || chr(10) ||
   'le ricordiamo l''appuntamento "{{tipo}}" di {{data}} alle ore {{ora}} ({{modalita}}) con {{operatore}}.' || chr(10) ||
   'Luogo: {{luogo}}' || chr(10) || chr(10) ||
   'Se non può venire, lo disdica qui: {{link}}' || chr(10) || chr(10) ||
   '{{sede}}'),
  ('confirmation', 'sms', '', '{{sede}}: appuntamento {{data}} ore {{ora}}, {{luogo}}. Info: {{link}}'),
  ('change', 'sms', '', '{{sede}}: nuovo orario {{data}} ore {{ora}}, {{luogo}}. Info: {{link}}'),
  ('cancellation', 'sms', '', '{{sede}}: appuntamento del {{data}} ore {{ora}} annullato. Per fissarne un altro ci chiami.'),
  ('reminder', 'sms', '', '{{sede}}: promemoria {{data}} ore {{ora}}, {{luogo}}. Info: {{link}}');

-- Every message about an appointment, one row per (appointment, kind, channel, sequence): the
-- unique key is what keeps a reminder from ever going out twice. A row is written 'sending' and
-- committed before the transport is called; a send whose outcome is unknown (the process died)
-- stays 'sending' and is never retried, it is shown to staff instead.
create table appointment_messages (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks(id) on delete cascade,
  appointment_id uuid not null references appointments(id) on delete cascade,
  kind text not null check (kind in ('confirmation', 'change', 'cancellation', 'reminder')),
  channel text not null check (channel in ('email', 'sms')),
  sequence integer not null,
  recipient text not null,
  -- What was sent (the rendered template), for the staff's record and the local outbox.
  subject text not null default '',
  body text not null default '',
  status text not null default 'sending' check (status in ('sending', 'sent', 'failed')),
  error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  unique (appointment_id, kind, channel, sequence)
);

-- The link in a worker's messages: confirm, cancel or ask for another time without signing in.
-- Only the SHA-256 of the token is kept; it is valid for one appointment until it ends.
create table appointment_links (
  token_hash text primary key,
  appointment_id uuid not null references appointments(id) on delete cascade,
  expires_at timestamptz not null,
  created_at timestamptz not null default now(),
  used_at timestamptz
);
create index appointment_links_appointment_idx on appointment_links(appointment_id);

-- A consultant's private iCalendar feed (subscribed from Outlook or Thunderbird). Revoking it
-- (or making a new one) ends the old address.
create table agenda_feeds (
  id uuid primary key default gen_random_uuid(),
  consultant_id uuid not null references staff_users(id) on delete cascade,
  network_id uuid not null references networks(id) on delete cascade,
  token_hash text not null unique,
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);
create unique index agenda_feeds_current_key on agenda_feeds(consultant_id) where revoked_at is null;
