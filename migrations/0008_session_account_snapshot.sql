-- Resolving a session cookie happens on every API request, so it must be one primary-key read.
-- Each session row therefore carries its office's network and a snapshot of its account (name,
-- language, temporary-password flag, disabled flag and every role the account holds per office).
-- The snapshot is kept by the database itself: it is taken when a session starts or changes office,
-- and retaken for all of an account's sessions whenever the account or its roles change, in the same
-- transaction as that change. No code path can leave a session acting on stale roles.

alter table sessions add column network_id uuid references networks(id);
alter table sessions add column account jsonb not null default '{}'::jsonb;

create function session_account_snapshot(p_user_id uuid) returns jsonb
language sql stable as $$
  select jsonb_build_object(
    'email', u.email,
    'fullName', u.full_name,
    'language', u.preferred_language,
    'mustChangePassword', u.must_change_password,
    'disabled', u.disabled_at is not null,
    'assignments', coalesce((
      select jsonb_agg(jsonb_build_object('officeId', r.office_id, 'role', r.role) order by r.office_id, r.role)
      from staff_roles r where r.user_id = u.id), '[]'::jsonb))
  from staff_users u
  where u.id = p_user_id
$$;

create function sessions_take_snapshot() returns trigger
language plpgsql as $$
begin
  new.account := coalesce(session_account_snapshot(new.user_id), '{}'::jsonb);
  new.network_id := (select o.network_id from offices o where o.id = new.office_id);
  return new;
end
$$;

create trigger sessions_take_snapshot
  before insert or update of user_id, office_id on sessions
  for each row execute function sessions_take_snapshot();

create function sessions_refresh_account(p_user_id uuid) returns void
language sql as $$
  update sessions set account = coalesce(session_account_snapshot(p_user_id), '{}'::jsonb)
  where user_id = p_user_id
$$;

create function staff_users_refresh_sessions() returns trigger
language plpgsql as $$
begin
  if new.disabled_at is not null then
    -- a disabled account is signed out everywhere at once
    delete from sessions where user_id = new.id;
  else
    perform sessions_refresh_account(new.id);
  end if;
  return null;
end
$$;

create trigger staff_users_refresh_sessions
  after update of email, full_name, preferred_language, must_change_password, disabled_at on staff_users
  for each row execute function staff_users_refresh_sessions();

create function staff_roles_refresh_sessions() returns trigger
language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform sessions_refresh_account(old.user_id);
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    perform sessions_refresh_account(new.user_id);
  end if;
  return null;
end
$$;

create trigger staff_roles_refresh_sessions
  after insert or update or delete on staff_roles
  for each row execute function staff_roles_refresh_sessions();

-- Every running instance may keep recently resolved sessions in memory; it is told, on commit, of
-- every session that changed or ended (sign-out, expiry, password change, disabled account, new
-- roles), with the session's token hash as payload.
create function sessions_announce_change() returns trigger
language plpgsql as $$
begin
  perform pg_notify('ricolloca_session_changed', old.token_hash);
  return null;
end
$$;

create trigger sessions_announce_change
  after update of token_hash, user_id, office_id, network_id, csrf_token, account or delete on sessions
  for each row execute function sessions_announce_change();

-- Sessions open before this migration get their snapshot now.
update sessions set office_id = office_id;
