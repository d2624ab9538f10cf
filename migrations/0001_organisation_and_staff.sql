-- Organisation (networks of job centres, offices), staff accounts, sessions, audit log.
-- Every timestamp is timestamptz and every session runs in UTC; the web shows Europe/Rome.

create table networks (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  name text not null,
  created_at timestamptz not null default now()
);

create table offices (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks(id),
  code text not null unique,
  name text not null,
  address text not null default '',
  postal_code text not null default '',
  comune text not null default '',
  province text not null default '',
  phone text not null default '',
  email text not null default '',
  -- [{ "day": 1..7 (ISO weekday), "opens": "HH:MM", "closes": "HH:MM" }, ...]
  opening_hours jsonb not null default '[]'::jsonb,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index offices_network_idx on offices(network_id);

create table staff_users (
  id uuid primary key default gen_random_uuid(),
  email text not null,
  full_name text not null,
  -- null for accounts that only sign in through an external identity provider
  password_hash text,
  -- 'password' today; an OpenID Connect provider (SPID/CIE broker) adds its own name
  auth_provider text not null default 'password',
  external_subject text,
  preferred_language text not null default 'it' check (preferred_language in ('it', 'en')),
  must_change_password boolean not null default false,
  -- the office a new session starts in: the one the person last chose in the office switcher
  last_office_id uuid references offices(id),
  disabled_at timestamptz,
  last_sign_in_at timestamptz,
  password_changed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index staff_users_email_key on staff_users(lower(email));
create unique index staff_users_external_key on staff_users(auth_provider, external_subject)
  where external_subject is not null;

create table staff_roles (
  user_id uuid not null references staff_users(id) on delete cascade,
  office_id uuid not null references offices(id),
  role text not null check (role in ('admin', 'coordinator', 'consultant', 'frontoffice', 'matcher')),
  granted_at timestamptz not null default now(),
  primary key (user_id, office_id, role)
);
create index staff_roles_office_idx on staff_roles(office_id);

create table sessions (
  -- sha-256 of the cookie's token: a stolen database copy cannot be replayed as cookies
  token_hash text primary key,
  user_id uuid not null references staff_users(id) on delete cascade,
  office_id uuid references offices(id),
  csrf_token text not null,
  ip text not null default '',
  user_agent text not null default '',
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_user_idx on sessions(user_id);
create index sessions_expires_idx on sessions(expires_at);

create table sign_in_attempts (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  email_key text not null,
  ip text not null,
  succeeded boolean not null
);
create index sign_in_attempts_email_idx on sign_in_attempts(email_key, at);
create index sign_in_attempts_ip_idx on sign_in_attempts(ip, at);

create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor_id uuid references staff_users(id),
  actor_label text not null default '',
  office_id uuid references offices(id),
  action text not null,
  entity_type text not null,
  entity_id text,
  details jsonb not null default '{}'::jsonb,
  request_id text,
  ip text
);
create index audit_log_at_idx on audit_log(at desc, id desc);
create index audit_log_entity_idx on audit_log(entity_type, entity_id, at desc);
create index audit_log_actor_idx on audit_log(actor_id, at desc);
create index audit_log_office_idx on audit_log(office_id, at desc);

-- The audit log is append-only: no update or delete, whoever asks.
create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only' using errcode = 'P0001';
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log
  for each statement execute function audit_log_is_append_only();
