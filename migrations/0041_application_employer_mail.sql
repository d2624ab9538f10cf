-- Employer communication of applications (src/server/applications): the e-mails that send a
-- candidate to the employer's contacts and remind them, and the link where the employer records
-- the outcome without an account.

-- Every e-mail about an application to the employer, one row per recipient and attempt. The row is
-- written 'sending' and committed before the transport is called, then marked 'sent' or 'failed'
-- with the transport's error; 'no_address' records a send the employer had no address for (the
-- matcher sends it by hand). The unique key keeps a reminder from going twice to one contact.
create table application_messages (
  id uuid primary key default gen_random_uuid(),
  application_id uuid not null references applications(id) on delete cascade,
  office_id uuid not null references offices(id),
  kind text not null check (kind in ('candidate', 'reminder')),
  -- candidate: the attempt (1 the move, 2… each resend); reminder: the days since sending (7, 14).
  sequence integer not null check (sequence >= 1),
  recipient text not null,
  subject text not null default '',
  body text not null default '',
  attachment_name text not null default '',
  -- smtp: handed to the mail server; outbox: no server configured, recorded only.
  transport text check (transport in ('smtp', 'outbox')),
  status text not null default 'sending' check (status in ('sending', 'sent', 'failed', 'no_address')),
  error text,
  sent_by uuid references staff_users(id),
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  unique (application_id, kind, sequence, recipient)
);
create index application_messages_application_idx on application_messages (application_id, created_at);

-- The employer's outcome link: only the SHA-256 of the token is kept. Each e-mail carries a token of
-- its own (the raw token is never stored, so a reminder cannot repeat the first one); every token
-- of an application acts on that application only and ends with it: when it leaves «sent» and
-- «interview», or at expires_at (sent_at + the network's expiry days).
create table application_links (
  token_hash text primary key,
  application_id uuid not null references applications(id) on delete cascade,
  expires_at timestamptz not null,
  created_at timestamptz not null default now(),
  opened_at timestamptz,
  used_at timestamptz
);
create index application_links_application_idx on application_links (application_id);

-- The employer's answers through the link are logged on the application as 'employer_answer'.
alter table application_events drop constraint application_events_kind_check;
alter table application_events
  add constraint application_events_kind_check check (kind in ('move', 'employer_reminder_due', 'employer_answer'));
