-- Candidate search for a vacancy (src/server/matching, issue 12). Matching owns no table: it
-- composes the published queries of people (where the worker lives, which office follows them)
-- and profiles (what the worker can do and wants). These indexes let both filters run in SQL over
-- a million profiles; each index is on its owner's table and used only by that owner's query.

-- profiles: the ESCO skills of the current document, as one jsonb array of URIs, so "holds any of
-- these skills" is a GIN lookup (`?|`). The expression is repeated verbatim in
-- profiles/candidate-profiles.repository.ts (SKILL_URIS): the planner matches it textually.
create index worker_profiles_skill_uris_idx
  on worker_profiles using gin (jsonb_path_query_array(document, '$.skills[*].escoUri'));

-- profiles: the ESCO occupations the worker wants or has done (desired occupations, then work).
create index worker_profiles_occupation_uris_idx
  on worker_profiles using gin (
    (jsonb_path_query_array(document, '$.desiredOccupations[*].escoOccupationUri')
      || jsonb_path_query_array(document, '$.work[*].escoOccupationUri'))
  );

-- people: the workers of some offices (or of the network) living in some comuni.
create index workers_office_comune_idx on workers (office_id, residence_comune_code);
create index workers_network_comune_idx on workers (network_id, residence_comune_code);
