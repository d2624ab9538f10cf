-- The skill gap's reads of the ESCO hierarchy and labels look concepts up by URI across the
-- current releases (`release_id = any(…) and uri = …`). The unique (release_id, uri) index then
-- takes one descent per release for each URI: with a dozen active releases, about 33 pages per
-- lookup and 11,000 for an occupation of 340 skills. With the URI first it is one descent.
create index taxonomy_concepts_uri_release_idx on taxonomy_concepts (uri, release_id) where uri is not null;

-- A concept's display label is its preferred Italian or English label: read from this index alone
-- (index-only), rather than every label of the concept from the table (eight rows on average,
-- most of them English alternatives).
create index taxonomy_labels_preferred_idx on taxonomy_labels (concept_id) include (lang, batch_id, label)
  where label_type = 'preferred';

-- One level up the hierarchy of a few hundred skills (the missing ones and the worker's): the
-- primary key (batch_id, concept_id, broader_id) with a dozen active batches made the planner read
-- every link of those batches (24,000) into a hash; by concept, it is one index-only probe each.
create index taxonomy_broader_concept_idx on taxonomy_broader (concept_id) include (batch_id, broader_id);
