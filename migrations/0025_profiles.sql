-- The worker's profile (profilo professionale, src/server/profiles): one current document per
-- worker (the ProfileDocument of src/shared/schemas/profiles.schema.ts, validated by the server on
-- every write) with its version number, and every version kept whole, append-only, with who wrote
-- it, when, why (an edit, a CV import, a completed course, an assessment) and what changed (the
-- sections and entry ids added, changed and removed). A write names the version it started from:
-- two consultants saving at once cannot overwrite each other (the second is told to reload).
create table worker_profiles (
  worker_id uuid primary key references workers(id) on delete cascade,
  network_id uuid not null references networks(id) on delete cascade,
  office_id uuid not null references offices(id),
  version integer not null check (version >= 1),
  document jsonb not null,
  updated_by uuid references staff_users(id),
  updated_at timestamptz not null default now()
);
create index worker_profiles_office_idx on worker_profiles(office_id);

create table worker_profile_versions (
  worker_id uuid not null references workers(id) on delete cascade,
  version integer not null check (version >= 1),
  network_id uuid not null references networks(id) on delete cascade,
  office_id uuid not null references offices(id),
  document jsonb not null,
  reason text not null check (reason in ('edit', 'cv_import', 'course', 'assessment', 'demo')),
  -- { sections: [...], added: { section: [ids] }, changed: {...}, removed: {...} }
  changes jsonb not null,
  created_by uuid references staff_users(id),
  created_at timestamptz not null default now(),
  primary key (worker_id, version)
);
