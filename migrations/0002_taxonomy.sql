-- Reference classifications (ESCO, ISTAT CP2011, ATECO, comuni, education, CCNL …) and their
-- type-ahead search. Labels are normalised in TypeScript (lower case, accents stripped) because
-- unaccent() is not IMMUTABLE and so cannot sit in an index expression.

create extension if not exists pg_trgm;

-- One version of one source. Versions of a source may sit side by side (ESCO v1.1.1 and v1.2.0);
-- exactly one per source is current, and only current releases are searched.
create table taxonomy_releases (
  id serial primary key,
  source text not null,
  version text not null,
  current boolean not null default false,
  created_at timestamptz not null default now(),
  unique (source, version)
);
create unique index taxonomy_releases_current_key on taxonomy_releases (source) where current;

-- One import into a release: 'reference' (a small set loaded with the migrations),
-- 'classification:<lang>' (an ESCO label bundle) or 'relations' (the ESCO relations bundle).
-- Rows written by an import carry its batch; only 'active' batches are read, so an import that is
-- still loading or that failed is never visible, and a re-import replaces its predecessor at once.
create table taxonomy_batches (
  id serial primary key,
  release_id integer not null references taxonomy_releases(id) on delete cascade,
  part text not null,
  status text not null check (status in ('loading', 'active', 'failed')),
  checksum text not null default '',
  row_count integer not null default 0,
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  error text
);
create unique index taxonomy_batches_active_key on taxonomy_batches (release_id, part) where status = 'active';

create view taxonomy_searchable_batches as
  select b.id, b.release_id
  from taxonomy_batches b
  join taxonomy_releases r on r.id = b.release_id
  where b.status = 'active' and r.current;

-- A concept of a release. ESCO concepts are shared by the label bundles of every language, so they
-- outlive the batch that created them (batch_id is kept only to clean up after a failed import).
create table taxonomy_concepts (
  id bigserial primary key,
  release_id integer not null references taxonomy_releases(id) on delete cascade,
  batch_id integer not null,
  kind text not null check (kind in (
    'esco_occupation', 'esco_skill', 'esco_skill_group', 'isco_group', 'cp2011', 'ateco2025', 'ateco2007',
    'comune', 'education', 'eqf', 'ccnl', 'country', 'nationality', 'language'
  )),
  code text not null,
  uri text,
  parent_code text,
  attributes jsonb not null default '{}'::jsonb,
  unique (release_id, kind, code)
);
create unique index taxonomy_concepts_uri_key on taxonomy_concepts (release_id, uri) where uri is not null;
create index taxonomy_concepts_batch_idx on taxonomy_concepts (batch_id);

-- Every label of every concept, one row per label and language. search_group is the endpoint that
-- searches it (occupations = ESCO + ISCO + CP2011 …); label_type ranks preferred above alternative.
create table taxonomy_labels (
  concept_id bigint not null references taxonomy_concepts(id) on delete cascade,
  batch_id integer not null references taxonomy_batches(id) on delete cascade,
  search_group text not null,
  lang text not null,
  label_type text not null check (label_type in ('preferred', 'alternative', 'hidden', 'code')),
  label text not null,
  -- Byte order ("C"): a prefix LIKE is then a plain range of this index, walked in the order the
  -- type-ahead lists, so a query stops after the first rows instead of sorting every match.
  norm text collate "C" not null
);
create index taxonomy_labels_prefix_idx on taxonomy_labels (search_group, norm);
create index taxonomy_labels_concept_idx on taxonomy_labels (concept_id);
-- Deliberately no index on batch_id: with one, the planner walks every label of the active
-- batches instead of the trigram index. Dropping a batch scans the table once, which is cheap.
-- One trigram index per searched group: a type-ahead on 7,899 comuni must not walk the posting
-- lists of 110,000 skill labels. Queries name the group as a literal so the planner can use them.
-- Codes (ATECO 25.11, ISTAT 036023 …) are matched by prefix only and stay out of these indexes.
create index taxonomy_labels_trgm_occupation_idx on taxonomy_labels using gin (norm gin_trgm_ops) where search_group = 'occupation' and label_type <> 'code';
create index taxonomy_labels_trgm_skill_idx on taxonomy_labels using gin (norm gin_trgm_ops) where search_group = 'skill' and label_type <> 'code';
create index taxonomy_labels_trgm_sector_idx on taxonomy_labels using gin (norm gin_trgm_ops) where search_group = 'sector' and label_type <> 'code';
create index taxonomy_labels_trgm_comune_idx on taxonomy_labels using gin (norm gin_trgm_ops) where search_group = 'comune' and label_type <> 'code';
create index taxonomy_labels_trgm_education_idx on taxonomy_labels using gin (norm gin_trgm_ops) where search_group = 'education' and label_type <> 'code';
create index taxonomy_labels_trgm_ccnl_idx on taxonomy_labels using gin (norm gin_trgm_ops) where search_group = 'ccnl' and label_type <> 'code';

-- The distinct words of each group's searchable labels: typo tolerance corrects each word of the
-- query against these few thousand words ("modna" → "modena", "cuoco" → "cuochi") and then looks
-- the corrected words up in the labels, instead of comparing the query with every label.
-- Rebuilt whenever a batch of the group is activated.
create table taxonomy_words (
  search_group text not null,
  word text collate "C" not null,
  primary key (search_group, word)
);
create index taxonomy_words_trgm_idx on taxonomy_words using gin (word gin_trgm_ops);

create table taxonomy_descriptions (
  concept_id bigint not null references taxonomy_concepts(id) on delete cascade,
  batch_id integer not null references taxonomy_batches(id) on delete cascade,
  lang text not null,
  description text not null
);
create index taxonomy_descriptions_concept_idx on taxonomy_descriptions (concept_id);
create index taxonomy_descriptions_batch_idx on taxonomy_descriptions (batch_id);

create table taxonomy_comuni (
  concept_id bigint primary key references taxonomy_concepts(id) on delete cascade,
  istat_code text not null,
  name text not null,
  cadastral_code text not null,
  province_code text not null,
  province text not null,
  province_name text not null,
  region_code text not null,
  region text not null,
  -- centroid of the municipal boundary, WGS84
  lat double precision not null,
  lon double precision not null
);
create index taxonomy_comuni_istat_idx on taxonomy_comuni (istat_code);
create index taxonomy_comuni_lat_idx on taxonomy_comuni (lat);

-- Broader/narrower links (ISCO hierarchy, occupation → ISCO group, skill → skill group …).
-- Concept ids carry no foreign key here: they are deleted only with their release, and 150,000
-- foreign-key checks would double the time of an ESCO import.
create table taxonomy_broader (
  batch_id integer not null references taxonomy_batches(id) on delete cascade,
  concept_id bigint not null,
  broader_id bigint not null,
  primary key (batch_id, concept_id, broader_id)
);
create index taxonomy_broader_broader_idx on taxonomy_broader (broader_id);

create table esco_occupation_skills (
  batch_id integer not null references taxonomy_batches(id) on delete cascade,
  occupation_id bigint not null,
  skill_id bigint not null,
  essential boolean not null,
  primary key (batch_id, occupation_id, skill_id)
);
create index esco_occupation_skills_skill_idx on esco_occupation_skills (skill_id);

create table esco_skill_relations (
  batch_id integer not null references taxonomy_batches(id) on delete cascade,
  skill_id bigint not null,
  related_skill_id bigint not null,
  essential boolean not null,
  primary key (batch_id, skill_id, related_skill_id)
);

-- ESCO collections (digital, green, transversal, language …): the same in every language bundle,
-- so they belong to the concept, not to a batch.
create table esco_collection_members (
  concept_id bigint not null references taxonomy_concepts(id) on delete cascade,
  collection text not null check (collection in ('digital', 'digcomp', 'green', 'transversal', 'language', 'research')),
  primary key (concept_id, collection)
);
create index esco_collection_members_collection_idx on esco_collection_members (collection);
