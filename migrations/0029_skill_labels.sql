-- Italian labels a network enters for ESCO concepts (skills, occupations) that the loaded release
-- has in English only. They belong to the network, not to an ESCO release: they are keyed by the
-- concept URI (stable across ESCO versions) and survive a re-import. The type-ahead searches them
-- beside ESCO's own labels (search_norm: the normalised label and alternatives, one per line, so a
-- prefix of any of them matches), and a result line shows them when ESCO has no Italian label.
create table taxonomy_network_labels (
  network_id uuid not null references networks(id) on delete cascade,
  concept_uri text not null,
  label text not null check (length(label) between 1 and 300),
  alternatives text[] not null default '{}',
  search_norm text collate "C" not null,
  updated_by uuid references staff_users(id) on delete set null,
  updated_at timestamptz not null default now(),
  primary key (network_id, concept_uri)
);
create index taxonomy_network_labels_trgm_idx on taxonomy_network_labels using gin (search_norm gin_trgm_ops);
