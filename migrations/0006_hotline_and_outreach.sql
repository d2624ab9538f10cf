-- Hotline intake (segnalazioni telefoniche), callback queue and outreach campaigns.

-- Hotline hours per office: several slots a day (ISO weekday 1 = Monday … 7 = Sunday),
-- local Europe/Rome wall-clock times 'HH:MM'.
create table hotline_hours (
  id bigint generated always as identity primary key,
  office_id uuid not null references offices(id) on delete cascade,
  weekday smallint not null check (weekday between 1 and 7),
  opens text not null check (opens ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  closes text not null check (closes ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  check (closes > opens)
);
create index hotline_hours_office_idx on hotline_hours(office_id, weekday, opens);

-- Days the line is closed. Both ids null: a national holiday (every office);
-- network_id only: the whole network; office_id: one office (e.g. the town's patron saint).
create table office_holidays (
  id bigint generated always as identity primary key,
  network_id uuid references networks(id) on delete cascade,
  office_id uuid references offices(id) on delete cascade,
  date date not null,
  name text not null
);
create unique index office_holidays_key on office_holidays(coalesce(office_id::text, ''), coalesce(network_id::text, ''), date);
create index office_holidays_date_idx on office_holidays(date);

-- Italian national holidays (L. 260/1949, L. 54/1977, D.P.R. 792/1985; 4 October again a
-- national holiday from 2026, L. 151/2025). Easter Monday: 6 April 2026, 29 March 2027.
insert into office_holidays (date, name) values
  ('2026-01-01', 'Capodanno'), ('2026-01-06', 'Epifania'), ('2026-04-05', 'Pasqua'),
  ('2026-04-06', 'Lunedì dell''Angelo'), ('2026-04-25', 'Festa della Liberazione'),
  ('2026-05-01', 'Festa del Lavoro'), ('2026-06-02', 'Festa della Repubblica'),
  ('2026-08-15', 'Ferragosto'), ('2026-10-04', 'San Francesco d''Assisi'),
  ('2026-11-01', 'Ognissanti'), ('2026-12-08', 'Immacolata Concezione'),
  ('2026-12-25', 'Natale'), ('2026-12-26', 'Santo Stefano'),
  ('2027-01-01', 'Capodanno'), ('2027-01-06', 'Epifania'), ('2027-03-28', 'Pasqua'),
  ('2027-03-29', 'Lunedì dell''Angelo'), ('2027-04-25', 'Festa della Liberazione'),
  ('2027-05-01', 'Festa del Lavoro'), ('2027-06-02', 'Festa della Repubblica'),
  ('2027-08-15', 'Ferragosto'), ('2027-10-04', 'San Francesco d''Assisi'),
  ('2027-11-01', 'Ognissanti'), ('2027-12-08', 'Immacolata Concezione'),
  ('2027-12-25', 'Natale'), ('2027-12-26', 'Santo Stefano');

-- One hotline call as the front office recorded it.
create table hotline_calls (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks(id),
  office_id uuid not null references offices(id),
  operator_id uuid not null references staff_users(id),
  at timestamptz not null default now(),
  caller_name text not null,
  -- E.164
  phone text not null,
  codice_fiscale text,
  birth_date date,
  company_name text not null default '',
  worker_id uuid references workers(id),
  outcome text not null check (outcome in ('recorded', 'registered', 'waiting_list', 'callback_queued', 'not_eligible')),
  note text not null default ''
);
create index hotline_calls_office_idx on hotline_calls(office_id, at desc);
create index hotline_calls_worker_idx on hotline_calls(worker_id);

create table callbacks (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks(id),
  office_id uuid not null references offices(id),
  worker_id uuid references workers(id),
  call_id uuid references hotline_calls(id),
  reason text not null,
  attempts integer not null default 0 check (attempts >= 0),
  last_outcome text check (last_outcome in ('no_answer', 'busy', 'wrong_number', 'reached', 'declined')),
  next_attempt_at timestamptz not null,
  done_at timestamptz,
  -- why it was closed: reached / declined / wrong_number / unreachable
  closed_as text,
  assigned_to uuid references staff_users(id),
  created_by uuid references staff_users(id),
  created_at timestamptz not null default now(),
  check (worker_id is not null or call_id is not null)
);
create index callbacks_queue_idx on callbacks(office_id, next_attempt_at) where done_at is null;

create table callback_attempts (
  id bigint generated always as identity primary key,
  callback_id uuid not null references callbacks(id),
  at timestamptz not null default now(),
  operator_id uuid references staff_users(id),
  outcome text not null check (outcome in ('no_answer', 'busy', 'wrong_number', 'reached', 'declined')),
  note text not null default ''
);
create index callback_attempts_callback_idx on callback_attempts(callback_id, at);

create table outreach_templates (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks(id),
  name text not null,
  channel text not null check (channel in ('sms', 'email', 'letter')),
  subject text not null default '',
  -- text with {{placeholders}}: nome, cognome, azienda, data_fine_cigs, giorni_alla_fine_cigs,
  -- sede, telefono_sede, orari_centralino
  body text not null check (length(body) between 1 and 10000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index outreach_templates_network_idx on outreach_templates(network_id, name);

create table outreach_campaigns (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks(id),
  programme_id uuid references programmes(id),
  name text not null,
  channel text not null check (channel in ('sms', 'email', 'letter')),
  template_id uuid not null references outreach_templates(id),
  reminder_after_days integer not null default 7 check (reminder_after_days between 1 and 90),
  max_reminders integer not null default 2 check (max_reminders between 0 and 10),
  status text not null default 'draft' check (status in ('draft', 'running', 'done')),
  created_by uuid references staff_users(id),
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz
);
create index outreach_campaigns_network_idx on outreach_campaigns(network_id, created_at desc);

create table outreach_recipients (
  id uuid primary key default gen_random_uuid(),
  campaign_id uuid not null references outreach_campaigns(id),
  worker_id uuid not null references workers(id),
  office_id uuid not null references offices(id),
  status text not null default 'not_contacted' check (status in
    ('not_contacted', 'invited', 'reminded', 'registered', 'declined', 'unreachable')),
  -- the worker's CIGS end date: soonest first
  priority date,
  last_message_at timestamptz,
  reminders_sent integer not null default 0,
  updated_at timestamptz not null default now(),
  unique (campaign_id, worker_id)
);
create index outreach_recipients_campaign_idx on outreach_recipients(campaign_id, status, priority);
create index outreach_recipients_worker_idx on outreach_recipients(worker_id);

-- Append-only log of every recipient status change (who, when, from, to, why).
create table outreach_recipient_events (
  id bigint generated always as identity primary key,
  recipient_id uuid not null references outreach_recipients(id),
  at timestamptz not null default now(),
  from_status text,
  to_status text not null,
  actor_id uuid references staff_users(id),
  reason text not null default ''
);
create index outreach_recipient_events_idx on outreach_recipient_events(recipient_id, at);

-- The outbox: every message rendered for a recipient, whatever transport carried it.
create table outreach_messages (
  id uuid primary key default gen_random_uuid(),
  campaign_id uuid references outreach_campaigns(id),
  recipient_id uuid references outreach_recipients(id),
  office_id uuid not null references offices(id),
  channel text not null check (channel in ('sms', 'email', 'letter')),
  -- 'outbox' = recorded only (no provider configured), 'smtp', 'http', 'print'
  transport text not null,
  to_address text not null,
  subject text not null default '',
  body text not null,
  status text not null default 'queued' check (status in ('queued', 'sent', 'failed')),
  provider_id text,
  error text,
  created_at timestamptz not null default now(),
  -- set when a sender claims the message (select … for update skip locked), so two instances
  -- never send it twice; a claim older than 10 minutes is considered abandoned
  claimed_at timestamptz,
  sent_at timestamptz
);
create index outreach_messages_campaign_idx on outreach_messages(campaign_id, created_at);
create index outreach_messages_recipient_idx on outreach_messages(recipient_id);
create index outreach_messages_queued_idx on outreach_messages(created_at) where status = 'queued';
