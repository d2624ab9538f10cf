-- Candidate search for a vacancy (src/server/matching, issue 12). Matching owns no table: it
-- composes the published queries of people (where the worker lives, which office follows them)
-- and profiles (what the worker can do and wants). These indexes let both filters run in SQL over
-- a million profiles; each index is on its owner's table and used only by that owner's query.

-- profiles: the ESCO occupations the worker wants or has done (desired occupations, then work). The
-- expression is repeated verbatim in profiles/candidate-profiles.repository.ts (OCCUPATION_URIS).
create index worker_profiles_occupation_uris_idx
  on worker_profiles using gin (
    (jsonb_path_query_array(document, '$.desiredOccupations[*].escoOccupationUri')
      || jsonb_path_query_array(document, '$.work[*].escoOccupationUri'))
  );

-- people: the workers of some offices (or of the network) living in some comuni.
create index workers_office_comune_idx on workers (office_id, residence_comune_code) include (id);
create index workers_network_comune_idx on workers (network_id, residence_comune_code) include (id);

-- profiles: one narrow row per (worker, ESCO skill) of the current document, kept by a trigger, so
-- "holds at least k of these skills" is an index-only count grouped by worker rather than a fetch
-- of every matching document (measured: ~10,800 whole documents per office search over a million
-- profiles, seconds). Owned by profiles with worker_profiles; nothing writes it but the trigger.
create table worker_profile_skills (
  worker_id uuid not null references workers(id) on delete cascade,
  network_id uuid not null references networks(id) on delete cascade,
  skill_uri text not null,
  primary key (worker_id, skill_uri)
);
create index worker_profile_skills_network_idx on worker_profile_skills (network_id, skill_uri, worker_id);

create function worker_profile_skills_sync() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    delete from worker_profile_skills where worker_id = old.worker_id;
    return null;
  end if;
  delete from worker_profile_skills where worker_id = new.worker_id;
  insert into worker_profile_skills (worker_id, network_id, skill_uri)
    select distinct new.worker_id, new.network_id, u
      from jsonb_array_elements_text(jsonb_path_query_array(new.document, '$.skills[*].escoUri')) u;
  return null;
end $$;
create trigger worker_profiles_skills_sync after insert or delete or update of document, network_id on worker_profiles
  for each row execute function worker_profile_skills_sync();

insert into worker_profile_skills (worker_id, network_id, skill_uri)
  select distinct p.worker_id, p.network_id, u
    from worker_profiles p, jsonb_array_elements_text(jsonb_path_query_array(p.document, '$.skills[*].escoUri')) u;
