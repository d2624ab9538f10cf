-- Candidate search and vacancy search at their targets (issue 12, Performance). Measured figures
-- and the reason for each change: bench/README.md, "candidate-search.bench.ts, 2026-12-04, after".

-- profiles: the two facts of the document the candidate search filters and orders by, as narrow
-- columns the database itself derives from the document (generated: no second writer, never
-- stale), so that the search reads neither the document nor its TOAST. The longest commute the
-- worker states (profiles.schema: a whole number of km) and the first day they can start.
alter table worker_profiles
  add column max_commute_km integer generated always as (
    case when jsonb_typeof(document->'mobility'->'maxKm') = 'number'
      then floor((document->'mobility'->>'maxKm')::numeric)::integer end
  ) stored,
  add column available_from text generated always as (document->'availability'->>'availableFrom') stored;

-- The candidate set's reach and availability, index-only per worker (the profiles the skill rows
-- found), and the network's longest stated commute (one index descent) that bounds the comuni
-- searched when each worker's own commute decides.
create index worker_profiles_candidate_idx on worker_profiles (worker_id) include (network_id, max_commute_km, available_from);
create index worker_profiles_commute_idx on worker_profiles (network_id, max_commute_km);

-- people: the workers of some offices living in some comuni, index-only: the network the search
-- also checks is in the index (0039's version read each worker's row for it: 35,000 heap pages
-- for one office within 20 km).
drop index workers_office_comune_idx;
create index workers_office_comune_idx on workers (office_id, residence_comune_code) include (id, network_id);

-- vacancies: the search by occupation in its order (deadline, id) rather than walking the
-- network's deadline index and filtering (measured: 9,700 rows read for 25), and a comune's
-- vacancies of one state in that order (the commonest filter pair of the list).
create index vacancies_occupation_deadline_idx on vacancies (network_id, esco_occupation_uri, deadline, id)
  where esco_occupation_uri is not null;
drop index vacancies_occupation_idx;
create index vacancies_comune_state_idx on vacancies (network_id, comune_code, state, deadline, id);
