-- A worker's CVs (src/server/cv): each a view of the profile chosen and worded with the worker
-- (title, language, the sections and their order, a headline and a summary written for it, the
-- profile entries left out: `choices`, the CvChoices of src/shared/schemas/cvs.schema.ts) with an
-- optional photo (JPEG or PNG, at most 2 MB, checked by its first bytes before it is stored).
-- Every save is a version, append-only: who, when, the choices and the CV as it then read (the
-- JSON Resume document, on the profile version it was built from). A save names the version it
-- started from: two people editing one CV cannot overwrite each other (the second gets a 409).
create table worker_cvs (
  id uuid primary key,
  worker_id uuid not null references workers(id) on delete cascade,
  network_id uuid not null references networks(id) on delete cascade,
  office_id uuid not null references offices(id),
  title text not null check (char_length(title) between 1 and 200),
  language text not null check (language in ('it', 'en')),
  choices jsonb not null,
  photo bytea check (photo is null or octet_length(photo) <= 2097152),
  photo_type text check (photo_type in ('image/jpeg', 'image/png')),
  check ((photo is null) = (photo_type is null)),
  version integer not null check (version >= 1),
  created_by uuid references staff_users(id),
  created_at timestamptz not null default now(),
  updated_by uuid references staff_users(id),
  updated_at timestamptz not null default now()
);
create index worker_cvs_worker_idx on worker_cvs(worker_id, created_at);
create index worker_cvs_office_idx on worker_cvs(office_id);

create table worker_cv_versions (
  cv_id uuid not null references worker_cvs(id) on delete cascade,
  version integer not null check (version >= 1),
  network_id uuid not null references networks(id) on delete cascade,
  office_id uuid not null references offices(id),
  title text not null,
  choices jsonb not null,
  profile_version integer not null check (profile_version >= 0),
  document jsonb not null,
  created_by uuid references staff_users(id),
  created_at timestamptz not null default now(),
  primary key (cv_id, version)
);
